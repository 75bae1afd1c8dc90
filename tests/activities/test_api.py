"""The activities API: the same services as the pages, one error shape, nothing saved on bad input."""

from __future__ import annotations

import pytest

from phoihop.accounts.models import User
from phoihop.activities.models import Activity, ActivityParticipant
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory, OutputFactory, ParticipantFactory
from tests.activities.helpers import activity_payload
from tests.directory.factories import EnterpriseFactory, ZoneFactory


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def test_create_with_enterprises_zone_and_rows(union_officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    enterprise = EnterpriseFactory(name="Công ty TNHH Công nghệ Amtran Việt Nam", zone=zone)
    response = api_for(union_officer, token=True).post(
        "/activities/activities",
        activity_payload(
            zone_id=zone.pk,
            enterprise_ids=[enterprise.pk],
            outputs=[{"kind": "booths", "quantity": 200, "qualifier": "over"}],
        ),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["zone"] == {"id": zone.pk, "name": "KCN Tràng Duệ"}
    assert body["enterprises"][0]["name"] == "Công ty TNHH Công nghệ Amtran Việt Nam"
    assert body["outputs"] == [
        {"kind": "booths", "label": "", "quantity": 200, "unit": "gian hàng", "qualifier": "over"}
    ]
    assert body["version"] == 1


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"enterprise_ids": [987654]}, "enterprises", "unknown_enterprise"),
        ({"zone_id": 987654}, "zone", "unknown_zone"),
        ({"plan_item_ids": [987654]}, "plan_items", "unknown_plan_item"),
        ({"partner_agency_ids": [987654]}, "partner_agencies", "unknown_agency"),
        ({"end_date": "2023-04-01"}, "__all__", "end_before_start"),
        ({"participants": [{"group": "workers", "count": -1, "unit": "persons"}]}, "participants", "min_value"),
        ({"outputs": [{"kind": "kiosks", "quantity": -7}]}, "outputs", "min_value"),
        (
            {"kind": "training_class", "participants": [{"group": "students", "count": 61, "unit": "person_times"}]},
            "participants",
            "persons_required",
        ),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_nothing_is_saved(
    union_officer: User, api_for, overrides: dict[str, object], field: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    response = api_for(union_officer).post("/activities/activities", activity_payload(**overrides))
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == code
    assert field in body["fields"]
    assert body["message"]
    assert not Activity.objects.exists()
    assert not ActivityParticipant.objects.exists()
    assert changes() == 0


def test_a_schema_error_is_a_422_too(union_officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    response = api_for(union_officer).post(
        "/activities/activities", activity_payload(participants=[{"group": "workers", "count": 5, "unit": "lượt"}])
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert not Activity.objects.exists()


def test_a_stale_patch_is_a_409_and_changes_nothing(
    union_officer: User, union_leader: User, federation: Agency, api_for
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    first = api_for(union_leader).patch(f"/activities/activities/{activity.pk}", {"version": 1, "place": "Lê Chân"})
    assert first.status_code == 200
    stale = api_for(union_officer).patch(
        f"/activities/activities/{activity.pk}",
        {"version": 1, "participants": [{"group": "workers", "count": 9, "unit": "persons"}]},
    )
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert "Lê Văn Nam" in stale.json()["message"]
    assert not ActivityParticipant.objects.exists()


def test_patch_rows_only_bumps_the_version(union_officer: User, federation: Agency, api_for) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    response = api_for(union_officer).patch(
        f"/activities/activities/{activity.pk}",
        {"version": 1, "participants": [{"group": "union_cadres", "count": 46, "unit": "persons"}]},
    )
    assert response.status_code == 200
    assert response.json()["version"] == 2
    assert response.json()["participants"][0]["count"] == 46
    assert changes() == 1


@pytest.mark.parametrize("n", [3, 30])
def test_list_query_count_does_not_grow(
    n: int, union_officer: User, federation: Agency, api_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory()
    for _ in range(n):
        activity = ActivityFactory(owner_agency=federation, enterprises=[enterprise])
        ParticipantFactory(activity=activity)
        OutputFactory(activity=activity)
    api = api_for(union_officer)
    with django_assert_max_num_queries(14):
        response = api.get("/activities/activities", kind="communication_campaign", q="tuyen truyen")
    assert response.json()["count"] == n


def test_filters_through_the_api(union_officer: User, federation: Agency, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory()
    involved = ActivityFactory(owner_agency=federation, enterprises=[enterprise], series="Tết Sum vầy, Xuân gắn kết")
    ActivityFactory(owner_agency=federation)
    api = api_for(union_officer)
    assert [a["id"] for a in api.get("/activities/activities", enterprise=enterprise.pk).json()["items"]] == [
        involved.pk
    ]
    assert [a["id"] for a in api.get("/activities/activities", series="Tết Sum vầy, Xuân gắn kết").json()["items"]] == [
        involved.pk
    ]


def test_the_openapi_document_lists_the_endpoints(union_officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(union_officer).get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/activities/activities" in paths
    assert "/api/v1/activities/activities/{activity_id}/attachments" in paths

"""The activity pages: list with search, filters, paging and sort; detail with history; the form with its participant
and output rows (added by htmx); bad input answered 422 with the message on the form and nothing saved; the list
page's query count pinned at 1× and 10× data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.core.htmx import hx_location_path
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory, OutputFactory, ParticipantFactory
from tests.activities.helpers import activity_form_data
from tests.directory.factories import EnterpriseFactory, ZoneFactory


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def make_activities(owner: Agency, n: int) -> None:
    zone = ZoneFactory(name="KCN Tràng Duệ")
    enterprise = EnterpriseFactory(zone=zone)
    for i in range(n):
        activity = ActivityFactory(
            owner_agency=owner, zone=zone, start_date=dt.date(2023, 1 + i % 12, 1 + i % 28), enterprises=[enterprise]
        )
        ParticipantFactory(activity=activity)
        ParticipantFactory(activity=activity, group="union_cadres", unit="person_times", count=40)
        OutputFactory(activity=activity)


@pytest.mark.parametrize("n", [3, 30])
def test_list_page_query_count_does_not_grow_with_the_data(
    n: int, union_officer: User, federation: Agency, client_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    make_activities(federation, n)
    client: Client = client_for(union_officer)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("activities:activity_list"))
    assert response.status_code == 200
    assert response.content.decode().count("Tuyên truyền pháp luật lao động đợt") == min(n, 25)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("activities:activity_list"), {"q": "tuyen truyen", "sort": "title", "page": 1})
    assert response.status_code == 200


def test_search_ignores_diacritics_and_filters_narrow_the_list(
    union_officer: User, federation: Agency, client_for
) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Đình Vũ")
    ActivityFactory(owner_agency=federation, title="Chợ Tết Công đoàn 2023", kind="welfare_event")
    ActivityFactory(owner_agency=federation, title="Lớp tập huấn an toàn lao động", kind="training_class", zone=zone)
    client: Client = client_for(union_officer)
    url = reverse("activities:activity_list")

    html = client.get(url, {"q": "cho tet"}).content.decode()
    assert "Chợ Tết Công đoàn 2023" in html
    assert "Lớp tập huấn an toàn lao động" not in html
    html = client.get(url, {"kind": "training_class"}).content.decode()
    assert "Lớp tập huấn an toàn lao động" in html
    assert "Chợ Tết" not in html
    html = client.get(url, {"q": "dinh vu"}).content.decode()
    assert "Lớp tập huấn an toàn lao động" in html
    partial = client.get(url, {"q": "cho tet"}, headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()
    assert "Chợ Tết Công đoàn 2023" in partial.content.decode()


def test_create_through_the_page_saves_the_rows_in_one_change(union_officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(tax_code="0299000013", name="Công ty TNHH Maple")
    data = activity_form_data(
        enterprises="0299000013",
        participants=[
            {"group": "workers", "count": "4000", "unit": "persons", "qualifier": "over", "note": ""},
            {"group": "", "count": "", "unit": "", "qualifier": "exact", "note": ""},
        ],
        outputs=[
            {
                "kind": "booklets",
                "label": "Hỏi đáp về pháp luật lao động",
                "quantity": "1500",
                "unit": "",
                "qualifier": "exact",
            }
        ],
    )
    response = client_for(union_officer).post(reverse("activities:activity_create"), data)

    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == activity.get_absolute_url()
    assert [p.display_count for p in activity.participants.all()] == ["trên 4.000 người"]
    assert [o.display_quantity for o in activity.outputs.all()] == ["1.500 cuốn"]
    assert list(activity.enterprises.all()) == [enterprise]
    assert changes() == 1

    detail = client_for(union_officer).get(activity.get_absolute_url()).content.decode()
    assert "trên 4.000 người" in detail
    assert "Hỏi đáp về pháp luật lao động" in detail
    assert "Công ty TNHH Maple" in detail
    assert "Lịch sử thay đổi" in detail


def test_edit_through_the_page_replaces_the_rows(union_officer: User, federation: Agency, client_for) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    ParticipantFactory(activity=activity, count=100)
    data = activity_form_data(
        activity,
        participants=[
            {"group": "workers", "count": "100", "unit": "persons", "qualifier": "exact", "note": "", "DELETE": "on"},
            {"group": "union_cadres", "count": "35", "unit": "person_times", "qualifier": "exact", "note": ""},
        ],
    )
    response = client_for(union_officer).post(reverse("activities:activity_update", args=[activity.pk]), data)

    assert response.status_code == 302
    assert [str(p) for p in ActivityParticipant.objects.filter(activity=activity)] == [
        "Cán bộ công đoàn: 35 lượt người"
    ]
    activity.refresh_from_db()
    assert activity.version == 2
    assert changes() == 1


@pytest.mark.parametrize(
    ("overrides", "participants", "message"),
    [
        ({"end_date": "2023-04-01"}, None, "Ngày kết thúc không được trước ngày bắt đầu."),
        ({}, [{"group": "workers", "count": "-3", "unit": "persons", "qualifier": "exact", "note": ""}], "0"),
        (
            {"kind": "training_class"},
            [{"group": "students", "count": "61", "unit": "person_times", "qualifier": "exact", "note": ""}],
            "Học viên của một lớp được đếm theo người, không theo lượt người",
        ),
        ({"enterprises": "0299999999"}, None, "Không có doanh nghiệp mang mã số thuế 0299999999 trong danh mục"),
    ],
)
def test_bad_input_on_the_page_is_a_422_with_the_message_and_nothing_saved(
    union_officer: User, client_for, overrides: dict[str, str], participants: list[dict[str, str]] | None, message: str
) -> None:  # type: ignore[no-untyped-def]
    data = activity_form_data(participants=participants, **overrides)
    response = client_for(union_officer).post(reverse("activities:activity_create"), data)

    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Activity.objects.exists()
    assert not ActivityParticipant.objects.exists()
    assert changes() == 0


def test_a_stale_edit_on_the_page_says_who_changed_it(
    union_officer: User, union_leader: User, federation: Agency, client_for
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    stale = activity_form_data(activity, title="Tên của cán bộ")
    client_for(union_leader).post(
        reverse("activities:activity_update", args=[activity.pk]),
        activity_form_data(activity, title="Tên của lãnh đạo"),
    )
    response = client_for(union_officer).post(reverse("activities:activity_update", args=[activity.pk]), stale)

    assert response.status_code == 422
    assert "Lê Văn Nam" in response.content.decode()
    activity.refresh_from_db()
    assert activity.title == "Tên của lãnh đạo"


def test_htmx_adds_a_row_and_bumps_the_row_count(union_officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(union_officer)
    form = client.get(reverse("activities:activity_create")).content.decode()
    assert 'name="participants-TOTAL_FORMS"' in form
    assert "dong-thanh-phan/?index=1" in form

    response = client.get(reverse("activities:participant_row"), {"index": 1}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="participants-1-count"' in html
    assert 'id="id_participants-TOTAL_FORMS" value="2" hx-swap-oob="true"' in html
    assert "dong-thanh-phan/?index=2" in html

    outputs = client.get(reverse("activities:output_row"), {"index": 0}, headers={"HX-Request": "true"})
    assert 'name="outputs-0-quantity"' in outputs.content.decode()


def test_an_htmx_save_answers_with_hx_location(union_officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(union_officer).post(
        reverse("activities:activity_create"), activity_form_data(), headers={"HX-Request": "true"}
    )
    activity = Activity.objects.get()
    assert response.status_code == 204
    assert hx_location_path(response) == activity.get_absolute_url()


def test_outputs_take_the_default_unit_of_their_kind(union_officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    data = activity_form_data(
        outputs=[{"kind": "kiosks", "label": "Ki-ốt phúc lợi", "quantity": "7", "unit": "", "qualifier": "exact"}]
    )
    client_for(union_officer).post(reverse("activities:activity_create"), data)
    assert ActivityOutput.objects.get().display_quantity == "7 ki-ốt"

"""Founding pages and API: search and filters, bad input (422, message, nothing saved), unknown enterprise, query
counts pinned at 1× and 10×."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.choices import Ownership
from phoihop.directory.models import Agency, Enterprise
from phoihop.organizing.models import Founding
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.organizing.factories import FoundingFactory
from tests.organizing.helpers import founding_form_data, founding_payload


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


@pytest.mark.parametrize("n", [3, 30])
def test_list_query_count_does_not_grow(
    n: int, union_officer: User, federation: Agency, client_for, api_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory()
    for _ in range(n):
        FoundingFactory(owner_agency=federation, enterprise=EnterpriseFactory(zone=zone))
    client: Client = client_for(union_officer)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("organizing:founding_list"), {"sort": "enterprise"})
    assert response.content.decode().count("Công đoàn cơ sở Công ty TNHH Thử nghiệm") == min(n, 25)
    api_client = api_for(union_officer)
    with django_assert_max_num_queries(9):
        api = api_client.get("/organizing/foundings", kind="grassroots_union")
    assert api.json()["count"] == n


def test_search_and_filters(union_officer: User, federation: Agency, maple: Enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    FoundingFactory(owner_agency=federation, enterprise=maple)
    FoundingFactory(owner_agency=federation, enterprise=EnterpriseFactory(name="Công ty Cổ phần Đầu tư Tràng Duệ"))
    client: Client = client_for(union_officer)
    url = reverse("organizing:founding_list")
    html = client.get(url, {"q": "dau tu trang due"}).content.decode()
    assert "Công ty Cổ phần Đầu tư Tràng Duệ" in html
    assert "Công ty TNHH Maple" not in html
    html = client.get(url, {"ownership": Ownership.WHOLLY_FOREIGN}).content.decode()
    assert "Công ty TNHH Maple" in html
    assert "Đầu tư Tràng Duệ" not in html
    html = client.get(url, {"q": "dinh vu"}).content.decode()
    assert "Công ty TNHH Maple" in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"enterprise": "0299999999"}, "Không có doanh nghiệp mang mã số thuế 0299999999 trong danh mục"),
        ({"members_at_founding": "-2"}, "0"),
        ({"kind": "party_cell"}, "do một đơn vị thuộc hệ thống cơ quan Đảng thành lập"),
        ({"founded_on": "2999-01-01"}, "Ngày thành lập không được ở sau hôm nay."),
    ],
)
def test_bad_input_on_the_page(
    union_officer: User, maple: Enterprise, client_for, overrides: dict[str, str], message: str
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(union_officer).post(reverse("organizing:founding_create"), founding_form_data(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Founding.objects.exists()
    assert changes() == 0


def test_a_duplicate_founding_is_a_form_error(
    union_officer: User, federation: Agency, maple: Enterprise, client_for
) -> None:  # type: ignore[no-untyped-def]
    FoundingFactory(owner_agency=federation, enterprise=maple)
    response = client_for(union_officer).post(reverse("organizing:founding_create"), founding_form_data())
    assert response.status_code == 422
    assert "Doanh nghiệp này đã có bản ghi thành lập tổ chức cùng loại." in response.content.decode()
    assert Founding.objects.count() == 1


def test_the_form_arrives_with_the_enterprise_from_its_page(union_officer: User, maple: Enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(union_officer).get(reverse("organizing:founding_create"), {"enterprise": "0299000013"}).content
    assert 'value="0299000013"' in html.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"enterprise_id": 987654}, "enterprise", "unknown_enterprise"),
        ({"decision_document_id": 987654}, "decision_document", "unknown_document"),
        ({"plan_item_ids": [987654]}, "plan_items", "unknown_plan_item"),
        ({"members_at_founding": -1}, "members_at_founding", "min_value"),
        ({"kind": "youth_union"}, "kind", "wrong_founder"),
    ],
)
def test_bad_input_through_the_api(
    union_officer: User, maple: Enterprise, api_for, overrides: dict[str, object], field: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    response = api_for(union_officer).post("/organizing/foundings", founding_payload(maple.pk, **overrides))
    assert response.status_code == 422, response.content
    assert response.json()["code"] == code
    assert field in response.json()["fields"]
    assert not Founding.objects.exists()
    assert changes() == 0


def test_a_stale_patch_is_a_409(union_officer: User, union_leader: User, federation: Agency, api_for) -> None:  # type: ignore[no-untyped-def]
    founding = FoundingFactory(owner_agency=federation)
    assert (
        api_for(union_leader).patch(f"/organizing/foundings/{founding.pk}", {"version": 1, "notes": "a"}).status_code
        == 200
    )
    stale = api_for(union_officer).patch(f"/organizing/foundings/{founding.pk}", {"version": 1, "notes": "b"})
    assert stale.status_code == 409
    assert "Lê Văn Nam" in stale.json()["message"]
    founding.refresh_from_db()
    assert founding.notes == "a"

"""Every plan page opens for the roles that use it, is closed to those who do not, and keeps forms honest."""

from __future__ import annotations

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.planning.models import Area, Plan, Programme
from tests.planning.factories import DocumentFactory, PlanItemFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def test_pages_open_for_the_secretariat(client_for, secretariat, plan: Plan, area: Area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(plan=plan, area=area, lead_agency=bodies.bdvtu)
    document = DocumentFactory()
    client = client_for(secretariat)
    urls = [
        "/ke-hoach/",
        "/ke-hoach/them/",
        f"/ke-hoach/{plan.pk}/",
        f"/ke-hoach/{plan.pk}/sua/",
        f"/ke-hoach/{plan.pk}/linh-vuc/them/",
        f"/ke-hoach/linh-vuc/{area.pk}/sua/",
        f"/ke-hoach/{plan.pk}/noi-dung/them/",
        f"/ke-hoach/noi-dung/{item.pk}/",
        f"/ke-hoach/noi-dung/{item.pk}/sua/",
        f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/",
        f"/ke-hoach/noi-dung/{item.pk}/chuyen-nam-sau/",
        "/ke-hoach/chuong-trinh/them/",
        f"/ke-hoach/chuong-trinh/{plan.programme_id}/",
        f"/ke-hoach/chuong-trinh/{plan.programme_id}/sua/",
        "/van-ban/",
        "/van-ban/them/",
        f"/van-ban/{document.pk}/",
        f"/van-ban/{document.pk}/sua/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert 'lang="vi"' in response.content.decode()


def test_keeping_pages_are_closed_to_officers(client_for, bodies: Bodies, plan: Plan, area: Area) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(plan=plan, area=area, lead_agency=bodies.bdvtu)
    client = client_for(bodies.user(Role.OFFICER, bodies.bdvtu))
    for url in [
        "/ke-hoach/them/",
        f"/ke-hoach/{plan.pk}/sua/",
        f"/ke-hoach/{plan.pk}/noi-dung/them/",
        f"/ke-hoach/noi-dung/{item.pk}/sua/",
        f"/ke-hoach/noi-dung/{item.pk}/chuyen-nam-sau/",
    ]:
        assert client.get(url).status_code == 403, url
    assert client.get(f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/").status_code == 200  # their body leads it
    assert client.get("/ke-hoach/9999/").status_code == 404


def test_anonymous_users_are_sent_to_login(client, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/ke-hoach/{plan.pk}/")
    assert response.status_code == 302
    assert "/tai-khoan/" in response["Location"]
    assert client.get("/api/v1/planning/plans").status_code == 401


def test_plan_and_programme_forms(client_for, secretariat, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    client = client_for(secretariat)
    response = client.post(
        "/ke-hoach/chuong-trinh/them/",
        {
            "title": "Chương trình phối hợp 2026 - 2030",
            "start_year": 2026,
            "end_year": 2030,
            "bodies": [bodies.bdvtu.pk],
        },
    )
    assert response.status_code == 302
    programme = Programme.objects.get(start_year=2026)
    bad = client.post(
        "/ke-hoach/them/",
        {
            "programme": programme.pk,
            "year": 2026,
            "title": "",
            "period_start": "2026-12-31",
            "period_end": "2026-01-01",
            "status": "draft",
        },
    )
    assert bad.status_code == 422
    assert "không được trước ngày bắt đầu" in bad.content.decode()
    created = client.post(
        "/ke-hoach/them/",
        {
            "programme": programme.pk,
            "year": 2026,
            "title": "",
            "period_start": "2026-01-01",
            "period_end": "2026-12-31",
            "status": "draft",
        },
    )
    assert created.status_code == 302
    plan = Plan.objects.get(year=2026)
    assert plan.title == "Kế hoạch phối hợp năm 2026"
    duplicate = client.post(
        "/ke-hoach/them/",
        {"year": 2026, "title": "Khác", "period_start": "2026-01-01", "period_end": "2026-12-31", "status": "draft"},
    )
    assert duplicate.status_code == 422
    area = client.post(f"/ke-hoach/{plan.pk}/linh-vuc/them/", {"number": 1, "title": "Phối hợp tuyên truyền"})
    assert area.status_code == 302
    assert AuditEvent.objects.filter(object_type="planning.plan", object_id=str(plan.pk)).count() == 1


def test_plan_api_lists_and_creates(api_for, secretariat, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    api = api_for(secretariat)
    created = api.post("/planning/plans", {"year": 2027, "period_start": "2027-01-01", "period_end": "2027-12-31"})
    assert created.status_code == 201
    plan_id = created.json()["id"]
    assert api.post(f"/planning/plans/{plan_id}/areas", {"number": 1, "title": "Tuyên truyền"}).status_code == 201
    bad = api.post("/planning/plans", {"year": 2028, "period_start": "2028-12-31", "period_end": "2028-01-01"})
    assert bad.status_code == 422
    detail = api.get(f"/planning/plans/{plan_id}").json()
    assert detail["areas"][0]["title"] == "Tuyên truyền"
    assert detail["items_text"] == "0/0"
    officer = api_for(bodies.user(Role.OFFICER, bodies.bdvtu))
    assert officer.get(f"/planning/plans/{plan_id}").status_code == 200
    assert (
        officer.post(
            "/planning/plans", {"year": 2029, "period_start": "2029-01-01", "period_end": "2029-12-31"}
        ).status_code
        == 403
    )


def test_openapi_document_builds(api_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    response = api_for(secretariat).get("/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/planning/plans/{plan_id}" in paths
    assert "/api/v1/indicators/targets/{target_id}/progress" in paths
    assert "/api/v1/indicators/approvals/{action}" in paths


def test_programme_api(api_for, secretariat, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    api = api_for(secretariat)
    payload = {"title": "Chương trình phối hợp 2026 - 2030", "start_year": 2026, "end_year": 2030}
    created = api.post("/planning/programmes", {**payload, "body_ids": [bodies.bdvtu.pk, bodies.bqlkkt.pk]})
    assert created.status_code == 201
    assert sorted(created.json()["body_ids"]) == sorted([bodies.bdvtu.pk, bodies.bqlkkt.pk])
    backwards = api.post("/planning/programmes", {**payload, "start_year": 2031})
    assert backwards.status_code == 422
    assert "Năm kết thúc không được trước năm bắt đầu." in backwards.json()["message"]
    programme_id = created.json()["id"]
    updated = api.patch(f"/planning/programmes/{programme_id}", {"version": 1, "body_ids": [bodies.ldldtp.pk]})
    assert updated.json()["body_ids"] == [bodies.ldldtp.pk]
    assert api.patch(f"/planning/programmes/{programme_id}", {"version": 1, "note": "x"}).status_code == 409
    assert Programme.objects.get(pk=programme_id).version == 2

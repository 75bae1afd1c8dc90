"""What a form page that declares its record (`ServiceFormView.selector`, `allowed`, `allowed_on_record`, `edits`,
`context_name`) does for a user, pinned through real pages: a plan area's edit and add forms, a plan item's status
form and a reported value's edit form.

The order is the rule: an anonymous user goes to the login page before anything is read, then the record is read
through its scoped selector (404 out of scope), then the permission (403), and only then is the form built."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.core.htmx import hx_location_path
from phoihop.core.models import AuditEvent
from phoihop.planning.models import Area, Plan
from tests.indicators.factories import ReportedValueFactory
from tests.planning import fixtures
from tests.planning.factories import AreaFactory, PlanItemFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

# The planning tests' bodies, users and plan (tests/planning/fixtures.py), for the pages opened here.
area, bodies, plan, secretariat = fixtures.area, fixtures.bodies, fixtures.plan, fixtures.secretariat

FORBIDDEN = "Anh/chị không có quyền thực hiện thao tác này."


def _edit_url(area: Area) -> str:
    return f"/ke-hoach/linh-vuc/{area.pk}/sua/"


def test_an_anonymous_user_is_sent_to_login_even_for_a_record_that_does_not_exist(area: Area) -> None:
    client = Client()
    for url in (_edit_url(area), "/ke-hoach/linh-vuc/999999/sua/", f"/ke-hoach/{area.plan_id}/linh-vuc/them/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/tai-khoan/dang-nhap/?next=")
    posted = client.post(_edit_url(area), {"number": 1, "title": "Đổi tên", "version": area.version})
    assert posted.status_code == 302
    area.refresh_from_db()
    assert area.title == "Phối hợp trong công tác lãnh đạo, chỉ đạo"


def test_a_record_the_user_cannot_read_answers_404_before_any_permission_is_checked(
    client_for, bodies: Bodies, secretariat, area: Area
) -> None:  # type: ignore[no-untyped-def]
    """Not found for a keeper, and not found (rather than forbidden) for a user without the right either: the page
    says nothing of the permission on a record the selector does not give the user. (Another body's report block,
    which a scoped selector hides, is pinned in tests/reports/test_permissions.py.)"""
    keeper = client_for(secretariat)
    assert keeper.get("/ke-hoach/linh-vuc/999999/sua/").status_code == 404
    assert keeper.get("/ke-hoach/999999/linh-vuc/them/").status_code == 404
    officer = client_for(bodies.user(Role.OFFICER, bodies.ldldtp))
    assert officer.get("/ke-hoach/linh-vuc/999999/sua/").status_code == 404
    assert (
        officer.post("/ke-hoach/linh-vuc/999999/sua/", {"number": 1, "title": "Đổi tên", "version": 1}).status_code
        == 404
    )
    assert officer.get("/ke-hoach/999999/linh-vuc/them/").status_code == 404
    assert officer.get(_edit_url(area)).status_code == 403


def test_a_user_without_the_right_gets_403_with_the_reason_and_changes_nothing(
    client_for, bodies: Bodies, area: Area
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(bodies.user(Role.OFFICER, bodies.ldldtp))
    for url in (_edit_url(area), f"/ke-hoach/{area.plan_id}/linh-vuc/them/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert FORBIDDEN in response.content.decode()
    posted = client.post(_edit_url(area), {"number": 1, "title": "Đổi tên", "version": area.version})
    assert posted.status_code == 403
    area.refresh_from_db()
    assert area.title == "Phối hợp trong công tác lãnh đạo, chỉ đạo"
    assert not AuditEvent.objects.filter(object_type="planning.area").exists()


def test_the_edit_form_shows_the_record_and_the_add_form_its_parent(
    client_for, secretariat, plan: Plan, area: Area
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(secretariat)
    edit = client.get(_edit_url(area)).content.decode()
    assert "Sửa lĩnh vực “Phối hợp trong công tác lãnh đạo, chỉ đạo”" in edit
    assert 'value="Phối hợp trong công tác lãnh đạo, chỉ đạo"' in edit  # the area is the form's instance
    assert f'href="{plan.get_absolute_url()}"' in edit  # "Hủy" goes back to the area's plan
    add = client.get(f"/ke-hoach/{plan.pk}/linh-vuc/them/").content.decode()
    assert "Thêm lĩnh vực — Kế hoạch phối hợp năm 2023" in add
    assert 'value="Phối hợp trong công tác lãnh đạo, chỉ đạo"' not in add
    assert f'href="{plan.get_absolute_url()}"' in add


def test_a_valid_post_saves_through_the_service_and_goes_to_the_plan(
    client_for, secretariat, plan: Plan, area: Area
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(secretariat)
    response = client.post(_edit_url(area), {"number": 1, "title": "Phối hợp tuyên truyền", "version": area.version})
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    area.refresh_from_db()
    assert area.title == "Phối hợp tuyên truyền"
    assert AuditEvent.objects.filter(object_type="planning.area", object_id=str(area.pk), action="update").exists()
    htmx = client.post(
        _edit_url(area),
        {"number": 1, "title": "Phối hợp kiểm tra", "version": area.version},
        headers={"HX-Request": "true"},
    )
    assert htmx.status_code == 204
    assert hx_location_path(htmx) == plan.get_absolute_url()
    added = client.post(f"/ke-hoach/{plan.pk}/linh-vuc/them/", {"number": 2, "title": "Phối hợp giám sát"})
    assert added.status_code == 302
    assert added["Location"] == plan.get_absolute_url()
    assert plan.areas.filter(number=2, title="Phối hợp giám sát").exists()


def test_a_stale_version_shows_who_changed_the_record_on_the_form_with_422(
    client_for, bodies: Bodies, secretariat, area: Area
) -> None:  # type: ignore[no-untyped-def]
    opened_at = area.version
    colleague = bodies.user(Role.SECRETARIAT, bodies.bdvtu, first_name="Phạm", last_name="Thị Lan")
    first = client_for(colleague).post(
        _edit_url(area), {"number": 1, "title": "Bản của đồng nghiệp", "version": opened_at}
    )
    assert first.status_code == 302
    client = client_for(secretariat)
    stale = client.post(_edit_url(area), {"number": 1, "title": "Bản của tôi", "version": opened_at})
    assert stale.status_code == 422
    page = stale.content.decode()
    assert f"Bản ghi này vừa được {colleague.get_full_name()} sửa lúc" in page
    assert 'value="Bản của tôi"' in page  # what the user typed stays on the form
    area.refresh_from_db()
    assert area.title == "Bản của đồng nghiệp"
    htmx = client.post(
        _edit_url(area), {"number": 1, "title": "Bản của tôi", "version": opened_at}, headers={"HX-Request": "true"}
    )
    assert htmx.status_code == 200  # htmx only swaps a 2xx answer
    fragment = htmx.content.decode()
    assert "Bản ghi này vừa được" in fragment
    assert "<html" not in fragment


def test_a_permission_on_the_record_is_asked_about_the_record_read(
    client_for, bodies: Bodies, plan: Plan, area: Area
) -> None:  # type: ignore[no-untyped-def]
    """The status of a plan item: officers of the body that leads it (or one of its units) may update it."""
    item = PlanItemFactory(plan=plan, area=area, lead_agency=bodies.cdkkt)
    url = f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/"
    assert client_for(bodies.user(Role.OFFICER, bodies.ldldtp)).get(url).status_code == 200
    other = client_for(bodies.user(Role.OFFICER, bodies.bqlkkt)).get(url)
    assert other.status_code == 403
    assert FORBIDDEN in other.content.decode()
    assert (
        client_for(bodies.user(Role.OFFICER, bodies.ldldtp)).get("/ke-hoach/noi-dung/999999/cap-nhat/").status_code
        == 404
    )


def test_a_reported_value_is_edited_only_by_its_own_body(client_for, bodies: Bodies, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    value = ReportedValueFactory(plan=plan, agency=bodies.cdkkt)
    url = f"/so-lieu/{value.pk}/sua/"
    own = client_for(bodies.user(Role.OFFICER, bodies.ldldtp)).get(url)
    assert own.status_code == 200
    assert own.context["value"] == value
    assert client_for(bodies.user(Role.OFFICER, bodies.bqlkkt)).get(url).status_code == 403


def test_a_service_refusal_lands_on_the_form_with_422(client_for, secretariat, plan: Plan, area: Area) -> None:  # type: ignore[no-untyped-def]
    AreaFactory(plan=plan, number=2, title="Phối hợp giám sát")
    taken = client_for(secretariat).post(_edit_url(area), {"number": 2, "title": area.title, "version": area.version})
    assert taken.status_code == 422
    assert "Kế hoạch năm 2023 đã có lĩnh vực số 2." in taken.content.decode()
    area.refresh_from_db()
    assert area.number == 1

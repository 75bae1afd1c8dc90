from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditEvent
from phoihop.planning import services
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import Plan, PlanItem
from tests.planning.factories import PlanItemFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def item_data(area, bodies: Bodies, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "area": area,
        "number": 1,
        "title": "Phối hợp tham mưu tổ chức Hội nghị đối thoại với công nhân",
        "lead_agency": bodies.bdvtu,
        "status": ItemStatus.NOT_STARTED,
    }
    data.update(overrides)
    return data


def events_of(obj) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        AuditEvent.objects.filter(object_type=f"planning.{obj._meta.model_name}", object_id=str(obj.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_secretariat_creates_an_item_with_partners_and_one_event(secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    item = services.create_item(
        actor=secretariat, plan=plan, data=item_data(area, bodies), partners=[bodies.bqlkkt, bodies.ldldtp]
    )
    assert set(item.partners.all()) == {bodies.bqlkkt, bodies.ldldtp}
    assert events_of(item) == ["create"]
    event = AuditEvent.objects.get(object_id=str(item.pk), object_type="planning.planitem")
    assert "Ban Quản lý Khu kinh tế Hải Phòng" in event.changes["partners"][1]


def test_two_items_with_the_same_number_are_refused(secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    services.create_item(actor=secretariat, plan=plan, data=item_data(area, bodies))
    with pytest.raises(ValidationError) as error:
        services.create_item(actor=secretariat, plan=plan, data=item_data(area, bodies, title="Khác"))
    assert error.value.error_dict["number"][0].code == "duplicate_number"
    assert "đã có nội dung phối hợp số 1" in error.value.messages[0]
    assert PlanItem.objects.count() == 1


def test_lead_body_cannot_also_be_a_partner(secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.create_item(
            actor=secretariat, plan=plan, data=item_data(area, bodies), partners=[bodies.bdvtu, bodies.bqlkkt]
        )
    assert error.value.error_dict["partners"][0].code == "lead_is_partner"
    assert "Ban Dân vận Thành ủy" in error.value.messages[0]
    assert not PlanItem.objects.exists()


def test_not_done_needs_a_reason(secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.create_item(actor=secretariat, plan=plan, data=item_data(area, bodies, status=ItemStatus.NOT_DONE))
    assert error.value.error_dict["not_done_reason"][0].code == "reason_required"


@pytest.mark.parametrize(
    ("role", "body", "allowed"),
    [
        (Role.OFFICER, "ldldtp", True),  # the lead body
        (Role.LEADER, "ldldtp", True),
        (Role.OFFICER, "cdkkt", False),  # a unit under the lead body does not act for its parent
        (Role.VIEWER, "ldldtp", False),
        (Role.OFFICER, "bqlkkt", False),  # another body
        (Role.LEADER, "bqlkkt", False),
        (Role.SECRETARIAT, "bdvtu", True),  # keeps the plan
        (Role.ADMIN, None, True),
    ],
)
def test_who_updates_an_item_status(bodies: Bodies, plan: Plan, role: str, body: str | None, allowed: bool) -> None:
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.ldldtp)
    actor = bodies.user(role, getattr(bodies, body) if body else None)
    data = {"status": ItemStatus.DONE, "result_note": "Đã thực hiện."}
    if allowed:
        updated = services.update_item_status(actor=actor, item=item, data=data, expected_version=item.version)
        assert updated.status == ItemStatus.DONE
        assert events_of(item) == ["update"]
    else:
        with pytest.raises(PermissionDenied):
            services.update_item_status(actor=actor, item=item, data=data, expected_version=item.version)
        assert PlanItem.objects.get(pk=item.pk).status == ItemStatus.IN_PROGRESS


def test_a_lead_body_officer_of_the_parent_acts_for_its_unit(bodies: Bodies, plan: Plan) -> None:
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.cdkkt)
    actor = bodies.user(Role.OFFICER, bodies.ldldtp)
    services.update_item_status(actor=actor, item=item, data={"status": ItemStatus.DONE}, expected_version=1)
    assert PlanItem.objects.get(pk=item.pk).status == ItemStatus.DONE


def test_officers_cannot_rewrite_the_plan(bodies: Bodies, plan: Plan, area) -> None:  # type: ignore[no-untyped-def]
    officer = bodies.user(Role.OFFICER, bodies.bdvtu)
    with pytest.raises(PermissionDenied):
        services.create_item(actor=officer, plan=plan, data=item_data(area, bodies))
    with pytest.raises(PermissionDenied):
        services.create_plan(actor=officer, data={"year": 2030})


def test_stale_status_update_is_a_conflict_naming_who(bodies: Bodies, plan: Plan, ld_officer) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.ldldtp)
    services.update_item_status(actor=ld_officer, item=item, data={"result_note": "Lần 1"}, expected_version=1)
    with pytest.raises(ConflictError) as error:
        services.update_item_status(actor=ld_officer, item=item, data={"result_note": "Lần 2"}, expected_version=1)
    assert str(ld_officer) in error.value.message
    assert PlanItem.objects.get(pk=item.pk).result_note == "Lần 1"


# --- Pages ----------------------------------------------------------------------------------------------------


def test_item_form_refuses_bad_input_with_422(client_for, secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    PlanItemFactory(plan=plan, area=area, number=1, lead_agency=bodies.bdvtu)
    client = client_for(secretariat)
    form = {
        "area": area.pk,
        "number": 1,
        "title": "Nội dung trùng số",
        "lead_agency": bodies.bdvtu.pk,
        "status": "not_started",
        "partners": [bodies.bqlkkt.pk],
    }
    response = client.post(f"/ke-hoach/{plan.pk}/noi-dung/them/", form)
    assert response.status_code == 422
    assert "đã có nội dung phối hợp số 1" in response.content.decode()
    response = client.post(f"/ke-hoach/{plan.pk}/noi-dung/them/", {**form, "number": 2, "partners": [bodies.bdvtu.pk]})
    assert response.status_code == 422
    assert "không thể đồng thời là đơn vị phối hợp" in response.content.decode()
    response = client.post(f"/ke-hoach/{plan.pk}/noi-dung/them/", {**form, "number": "hai"})
    assert response.status_code == 422
    assert PlanItem.objects.count() == 1
    created = client.post(f"/ke-hoach/{plan.pk}/noi-dung/them/", {**form, "number": 2})
    assert created.status_code == 302
    assert PlanItem.objects.count() == 2


def test_item_page_shows_history_and_status_form_for_lead(client_for, bodies: Bodies, plan: Plan, ld_officer) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.ldldtp)
    client = client_for(ld_officer)
    response = client.post(
        f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/",
        {"status": "done", "result_note": "Đã tổ chức thành công.", "not_done_reason": "", "version": 1},
    )
    assert response.status_code == 302
    page = client.get(f"/ke-hoach/noi-dung/{item.pk}/").content.decode()
    assert "Hoàn thành" in page
    assert "Đã tổ chức thành công." in page
    assert "Lịch sử thay đổi" in page
    assert "Kết quả thực hiện" in page
    other = client_for(bodies.user(Role.OFFICER, bodies.bqlkkt))
    assert other.get(f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/").status_code == 403
    assert other.get(f"/ke-hoach/noi-dung/{item.pk}/").status_code == 200  # the plan is joint: everyone reads it


def test_htmx_form_error_rerenders_the_fragment(client_for, bodies: Bodies, plan: Plan, ld_officer) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.ldldtp)
    response = client_for(ld_officer).post(
        f"/ke-hoach/noi-dung/{item.pk}/cap-nhat/",
        {"status": "not_done", "result_note": "", "not_done_reason": "", "version": 1},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert "phải ghi rõ nguyên nhân" in body


# --- API ------------------------------------------------------------------------------------------------------


def test_item_api_bad_input_is_422_and_nothing_saved(api_for, secretariat, plan: Plan, area, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    api = api_for(secretariat)
    payload = {"area_id": area.pk, "number": 1, "title": "Nội dung", "lead_agency_id": bodies.bdvtu.pk}
    assert api.post(f"/planning/plans/{plan.pk}/items", payload).status_code == 201
    duplicate = api.post(f"/planning/plans/{plan.pk}/items", payload)
    assert duplicate.status_code == 422
    assert duplicate.json()["code"] == "duplicate_number"
    partner = api.post(f"/planning/plans/{plan.pk}/items", {**payload, "number": 2, "partner_ids": [bodies.bdvtu.pk]})
    assert partner.status_code == 422
    assert partner.json()["code"] == "lead_is_partner"
    assert "partners" in partner.json()["fields"]
    text = api.post(f"/planning/plans/{plan.pk}/items", {**payload, "number": "hai"})
    assert text.status_code == 422
    assert PlanItem.objects.count() == 1
    detail = api.get(f"/planning/plans/{plan.pk}").json()
    assert detail["items_text"] == "0/1"


def test_item_status_api_conflict_is_409(api_for, bodies: Bodies, plan: Plan, ld_officer) -> None:  # type: ignore[no-untyped-def]
    item = PlanItemFactory(area__plan=plan, lead_agency=bodies.ldldtp)
    api = api_for(ld_officer)
    ok = api.post(f"/planning/items/{item.pk}/status", {"version": 1, "status": "done"})
    assert ok.status_code == 200
    assert ok.json()["status"] == "done"
    stale = api.post(f"/planning/items/{item.pk}/status", {"version": 1, "status": "in_progress"})
    assert stale.status_code == 409
    forbidden = api_for(bodies.user(Role.OFFICER, bodies.bqlkkt)).post(
        f"/planning/items/{item.pk}/status", {"version": 2, "status": "in_progress"}
    )
    assert forbidden.status_code == 403

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.planning import services
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import Plan, PlanItem
from tests.planning.factories import AreaFactory, PlanFactory, PlanItemFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

REASON = "Nhiều đoàn kiểm tra của thành phố cùng thời điểm, đề nghị chuyển sang năm sau."


@pytest.fixture
def next_plan(plan: Plan) -> Plan:
    return PlanFactory(year=plan.year + 1, programme=plan.programme)


@pytest.fixture
def unfinished(plan: Plan, bodies: Bodies) -> PlanItem:
    area = AreaFactory(plan=plan, number=7, title="Phối hợp trong công tác kiểm tra, giám sát")
    return PlanItemFactory(
        plan=plan,
        area=area,
        number=20,
        title="Tổ chức kiểm tra, giám sát kết quả thực hiện các chỉ thị, nghị quyết, kết luận",
        lead_agency=bodies.bdvtu,
        status=ItemStatus.IN_PROGRESS,
        partners=[bodies.bqlkkt, bodies.ldldtp],
    )


def test_carry_over_links_both_ways_and_keeps_the_reason(  # type: ignore[no-untyped-def]
    secretariat, unfinished: PlanItem, next_plan: Plan, bodies: Bodies
) -> None:
    target_area = AreaFactory(plan=next_plan, number=2, title="Phối hợp triển khai các nghị quyết")
    PlanItemFactory(plan=next_plan, area=target_area, number=1, lead_agency=bodies.bqlkkt)
    new = services.carry_over_item(
        actor=secretariat, item=unfinished, reason=REASON, area=target_area, expected_version=unfinished.version
    )
    old = PlanItem.objects.get(pk=unfinished.pk)
    assert new.plan == next_plan
    assert new.area == target_area
    assert new.number == 2
    assert new.carried_from == old
    assert old.carried_to == new
    assert new.carry_over_reason == REASON
    assert old.status == ItemStatus.NOT_DONE
    assert old.not_done_reason == REASON
    assert new.status == ItemStatus.NOT_STARTED
    assert new.title == old.title
    assert new.lead_agency == old.lead_agency
    assert set(new.partners.all()) == {bodies.bqlkkt, bodies.ldldtp}
    # One event per change: the new item created, the old one updated, each saying where it went.
    new_events = AuditEvent.objects.filter(object_type="planning.planitem", object_id=str(new.pk))
    old_events = AuditEvent.objects.filter(object_type="planning.planitem", object_id=str(old.pk))
    assert [e.action for e in new_events] == ["create"]
    assert [e.action for e in old_events] == ["update"]
    assert f"năm {next_plan.year}" in old_events[0].note


def test_done_items_are_refused(secretariat, plan: Plan, next_plan: Plan, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    done = PlanItemFactory(area__plan=plan, lead_agency=bodies.bdvtu, status=ItemStatus.DONE)
    AreaFactory(plan=next_plan, title=done.area.title)
    with pytest.raises(ValidationError) as error:
        services.carry_over_item(actor=secretariat, item=done, reason=REASON, expected_version=done.version)
    assert error.value.code == "item_done"
    assert "đã hoàn thành" in error.value.messages[0]
    assert PlanItem.objects.filter(plan=next_plan).count() == 0


def test_refused_twice_without_next_plan_or_reason(secretariat, unfinished: PlanItem, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.carry_over_item(actor=secretariat, item=unfinished, reason=REASON, expected_version=1)
    assert error.value.code == "no_next_plan"
    next_plan = PlanFactory(year=plan.year + 1)
    AreaFactory(plan=next_plan, title=unfinished.area.title)  # the default area: the one with the same title
    with pytest.raises(ValidationError) as error:
        services.carry_over_item(actor=secretariat, item=unfinished, reason="  ", expected_version=1)
    assert error.value.error_dict["reason"][0].code == "reason_required"
    services.carry_over_item(actor=secretariat, item=unfinished, reason=REASON, expected_version=1)
    unfinished.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.carry_over_item(actor=secretariat, item=unfinished, reason=REASON, expected_version=unfinished.version)
    assert error.value.code == "already_carried"
    assert PlanItem.objects.filter(plan=next_plan).count() == 1


def test_only_the_plan_keepers_carry_over(bodies: Bodies, unfinished: PlanItem, next_plan: Plan) -> None:
    with pytest.raises(PermissionDenied):
        services.carry_over_item(
            actor=bodies.user(Role.LEADER, bodies.bdvtu), item=unfinished, reason=REASON, expected_version=1
        )


def test_carry_over_page_and_api(client_for, api_for, secretariat, unfinished: PlanItem, next_plan: Plan) -> None:  # type: ignore[no-untyped-def]
    area = AreaFactory(plan=next_plan, number=2, title="Phối hợp triển khai các nghị quyết")
    client = client_for(secretariat)
    page = client.get(f"/ke-hoach/noi-dung/{unfinished.pk}/chuyen-nam-sau/")
    assert page.status_code == 200
    missing_reason = client.post(
        f"/ke-hoach/noi-dung/{unfinished.pk}/chuyen-nam-sau/", {"reason": "", "area": area.pk, "version": 1}
    )
    assert missing_reason.status_code == 422
    assert "Hãy ghi lý do" in missing_reason.content.decode()
    api = api_for(secretariat)
    response = api.post(
        f"/planning/items/{unfinished.pk}/carry-over", {"version": 1, "reason": REASON, "area_id": area.pk}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["carried_from_id"] == unfinished.pk
    assert body["carry_over_reason"] == REASON
    again = api.post(f"/planning/items/{unfinished.pk}/carry-over", {"version": 2, "reason": REASON})
    assert again.status_code == 422
    assert again.json()["code"] == "already_carried"
    old = api.get(f"/planning/items/{unfinished.pk}").json()
    assert old["carried_to_id"] == body["id"]
    detail = client.get(f"/ke-hoach/noi-dung/{unfinished.pk}/").content.decode()
    assert f"Kế hoạch năm {next_plan.year}, nội dung số" in detail
    assert REASON in detail

"""Approval of a body's data per period (DHIS2's model): draft → submitted → approved (locked) → returned (unlocked).
Who may move it, that every transition is audited, and that the lock holds on every write path."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import hx_location_path
from phoihop.core.models import AuditEvent
from phoihop.indicators import services
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory, ValidationRuleFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

MARCH = Period.month(2023, 3)


@pytest.fixture
def value(plan: Plan, bodies: Bodies, members: Indicator) -> ReportedValue:
    return ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, period=MARCH, value=1720)


def approval(plan: Plan, agency) -> PeriodApproval:  # type: ignore[no-untyped-def]
    return PeriodApproval.objects.get(plan=plan, agency=agency, period_type=MARCH.type, period_start=MARCH.start)


def approved(plan: Plan, bodies: Bodies, officer, leader) -> PeriodApproval:  # type: ignore[no-untyped-def]
    services.submit_period(actor=officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    return services.approve_period(actor=leader, plan=plan, agency=bodies.cdkkt, period=MARCH)


def test_every_transition_and_its_audit_event(plan, bodies: Bodies, value, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    state = services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    assert state.status == ApprovalStatus.SUBMITTED
    state = services.approve_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH)
    assert state.status == ApprovalStatus.APPROVED
    assert state.is_locked
    state = services.return_period(
        actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="Số tháng 3 chưa khớp phần mềm"
    )
    assert state.status == ApprovalStatus.RETURNED
    assert state.reason == "Số tháng 3 chưa khớp phần mềm"
    state = services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    assert state.status == ApprovalStatus.SUBMITTED
    state = services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="Thiếu nguồn")
    assert state.status == ApprovalStatus.RETURNED
    events = AuditEvent.objects.filter(object_type="indicators.periodapproval", object_id=str(state.pk)).order_by("id")
    assert [e.action for e in events] == ["submit", "approve", "return", "submit", "return"]
    assert events[2].changes["status"] == ["Đã phê duyệt", "Bị trả lại"]
    assert events[2].note == "Số tháng 3 chưa khớp phần mềm"
    assert state.version == 6


def test_the_approval_page_time_is_the_moment_of_the_step(plan, bodies: Bodies, value, ld_officer) -> None:  # type: ignore[no-untyped-def]
    """Who moved the period and when (the approval page's column) is the step's own instant: its change time."""
    state = services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    stored = approval(plan, bodies.cdkkt)
    assert stored.changed_by == ld_officer
    assert stored.changed_at == stored.updated_at == state.changed_at


@pytest.mark.parametrize(
    ("first", "then", "from_status"),
    [
        (None, "approve", "Đang nhập"),  # approve without submitting
        (None, "return", "Đang nhập"),
        ("submit", "submit", "Đã gửi duyệt"),
        ("approve", "approve", "Đã phê duyệt"),
        ("approve", "submit", "Đã phê duyệt"),
    ],
)
def test_transitions_that_do_not_exist_are_refused(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, value, ld_officer, ld_leader, first, then, from_status
) -> None:
    if first == "submit":
        services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    elif first == "approve":
        approved(plan, bodies, ld_officer, ld_leader)
    before = PeriodApproval.objects.filter(plan=plan).values_list("status", "version").first()
    actions = {
        "submit": lambda: services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH),
        "approve": lambda: services.approve_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH),
        "return": lambda: services.return_period(
            actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="x"
        ),
    }
    with pytest.raises(ValidationError) as error:
        actions[then]()
    assert error.value.code == "invalid_transition"
    assert from_status in error.value.messages[0]
    after = PeriodApproval.objects.filter(plan=plan).values_list("status", "version").first()
    assert before == after or before is None


def test_a_return_needs_a_reason(plan, bodies: Bodies, value, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    approved(plan, bodies, ld_officer, ld_leader)
    with pytest.raises(ValidationError) as error:
        services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="   ")
    assert error.value.error_dict["reason"][0].code == "reason_required"
    assert approval(plan, bodies.cdkkt).status == ApprovalStatus.APPROVED


def test_nothing_to_submit_is_refused(plan, bodies: Bodies, ld_officer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    assert error.value.code == "no_values"


# (role, whose body: own = the Labour Federation over the unit whose data it is; unit; other), may submit, may approve
MATRIX = [
    (Role.OFFICER, "ldldtp", True, False),
    (Role.LEADER, "ldldtp", True, True),
    (Role.LEADER, "cdkkt", True, True),  # the unit's own leader
    (Role.SECRETARIAT, "ldldtp", False, False),
    (Role.VIEWER, "ldldtp", False, False),
    (Role.OFFICER, "bqlkkt", False, False),
    (Role.LEADER, "bqlkkt", False, False),  # a leader of another body
    (Role.SECRETARIAT, "bdvtu", False, False),
    (Role.ADMIN, None, False, False),
]


@pytest.mark.parametrize(("role", "body", "may_submit", "may_approve"), MATRIX)
def test_who_submits_approves_and_returns(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, value, ld_officer, ld_leader, role, body, may_submit, may_approve
) -> None:
    actor = bodies.user(role, getattr(bodies, body) if body else None)
    if may_submit:
        services.submit_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH)
    else:
        with pytest.raises(PermissionDenied):
            services.submit_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH)
        services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    if may_approve:
        services.approve_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH)
        services.return_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="Sửa lại")
        assert approval(plan, bodies.cdkkt).status == ApprovalStatus.RETURNED
    else:
        with pytest.raises(PermissionDenied):
            services.approve_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH)
        services.approve_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH)
        with pytest.raises(PermissionDenied):
            services.return_period(actor=actor, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="Sửa lại")
        assert approval(plan, bodies.cdkkt).status == ApprovalStatus.APPROVED


def test_a_stale_transition_is_a_conflict(plan, bodies: Bodies, value, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    state = services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    services.approve_period(
        actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, expected_version=state.version
    )
    with pytest.raises(ConflictError):
        # A second leader acting on the page they loaded before the approval.
        services.return_period(
            actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="x", expected_version=state.version
        )
    assert approval(plan, bodies.cdkkt).status == ApprovalStatus.APPROVED


# --- The lock holds on every write path -----------------------------------------------------------------------


@pytest.fixture
def locked(plan, bodies: Bodies, value, ld_officer, ld_leader) -> ReportedValue:  # type: ignore[no-untyped-def]
    approved(plan, bodies, ld_officer, ld_leader)
    return value


def assert_unchanged(value: ReportedValue) -> None:
    stored = ReportedValue.objects.get(pk=value.pk)
    assert stored.value == Decimal(1720)
    assert stored.version == value.version


def test_lock_holds_in_the_services(locked: ReportedValue, ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.update_value(actor=ld_officer, reported_value=locked, data={"value": 1}, expected_version=1)
    assert error.value.code == "period_locked"
    assert "đã được phê duyệt" in error.value.messages[0]
    assert "trả lại" in error.value.messages[0]
    with pytest.raises(ValidationError):
        services.delete_value(actor=ld_officer, reported_value=locked, expected_version=1)
    other = IndicatorFactory(code="GTD")
    with pytest.raises(ValidationError) as error:
        services.record_value(actor=ld_officer, plan=plan, indicator=other, agency=bodies.cdkkt, period=MARCH, value=5)
    assert error.value.code == "period_locked"
    admin = bodies.user(Role.ADMIN)
    with pytest.raises(ValidationError):
        services.update_value(actor=admin, reported_value=locked, data={"value": 1}, expected_version=1)
    assert_unchanged(locked)
    assert ReportedValue.objects.count() == 1


def test_lock_holds_in_a_bulk_import(locked: ReportedValue, ld_officer, plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.import_values(
            actor=ld_officer,
            plan=plan,
            rows=[
                {"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-04", "value": "10"},
                {"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-03", "value": "1"},
            ],
        )
    assert "Dòng 3" in error.value.messages[0]
    assert "đã được phê duyệt" in error.value.messages[0]
    assert_unchanged(locked)
    assert ReportedValue.objects.count() == 1  # the good row was not saved either


def test_lock_holds_on_the_pages(client_for, locked: ReportedValue, ld_officer, plan, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    client = client_for(ld_officer)
    edit = client.post(f"/so-lieu/{locked.pk}/sua/", {"value": "1", "source": "", "note": "", "version": 1})
    assert edit.status_code == 422
    assert "đã được phê duyệt" in edit.content.decode()
    delete = client.post(f"/so-lieu/{locked.pk}/xoa/", {"version": 1})
    assert delete.status_code == 422
    imported = client.post(
        f"/so-lieu/nhap-tep/?plan={plan.pk}", {"text": "indicator,agency,period,value\nPTDV,CĐKKT,2023-03,1\n"}
    )
    assert imported.status_code == 422
    assert "khóa" in client.get(f"/so-lieu/{locked.pk}/").content.decode()
    assert_unchanged(locked)


def test_lock_holds_in_the_api(api_for, locked: ReportedValue, ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    api = api_for(ld_officer)
    patch = api.patch(f"/indicators/values/{locked.pk}", {"version": 1, "value": 1})
    assert patch.status_code == 422
    assert patch.json()["code"] == "period_locked"
    assert api.delete(f"/indicators/values/{locked.pk}", version=1).status_code == 422
    imported = api.post(
        "/indicators/values/import",
        {"plan_id": plan.pk, "rows": [{"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-03", "value": "1"}]},
    )
    assert imported.status_code == 422
    assert_unchanged(locked)


def test_returning_unlocks(locked: ReportedValue, ld_officer, ld_leader, plan, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=MARCH, reason="Sai số liệu")
    changed = services.update_value(actor=ld_officer, reported_value=locked, data={"value": 1721}, expected_version=1)
    assert changed.value == 1721


def test_a_rule_violation_blocks_approval_with_a_clear_message(plan, bodies: Bodies, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    introduced = IndicatorFactory(code="GTD", name="Đoàn viên được giới thiệu cho Đảng")
    admitted = IndicatorFactory(code="KND", name="Đoàn viên được kết nạp Đảng")
    ValidationRuleFactory(left=admitted, right=introduced, message="Số kết nạp không được vượt số được giới thiệu")
    ReportedValueFactory(plan=plan, indicator=introduced, agency=bodies.ldldtp, period=MARCH, value=100)
    ReportedValueFactory(plan=plan, indicator=admitted, agency=bodies.ldldtp, period=MARCH, value=120)
    services.submit_period(actor=ld_officer, plan=plan, agency=bodies.ldldtp, period=MARCH)
    with pytest.raises(ValidationError) as error:
        services.approve_period(actor=ld_leader, plan=plan, agency=bodies.ldldtp, period=MARCH)
    message = error.value.messages[0]
    assert error.value.error_list[0].code == "rule_violation"
    assert "Số kết nạp không được vượt số được giới thiệu" in message
    assert "120" in message
    assert "100" in message
    assert "Liên đoàn Lao động thành phố Hải Phòng" in message
    assert approval(plan, bodies.ldldtp).status == ApprovalStatus.SUBMITTED
    assert not AuditEvent.objects.filter(action="approve").exists()


# --- Approval screen and API ----------------------------------------------------------------------------------


def test_approval_screen_for_a_leader(client_for, plan, bodies: Bodies, value, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    officer = client_for(ld_officer)
    screen = officer.get(f"/so-lieu/phe-duyet/?plan={plan.pk}").content.decode()
    assert "Công đoàn Khu kinh tế Hải Phòng" in screen
    assert "Tháng 3/2023" in screen
    assert "Gửi duyệt" in screen
    assert "Phê duyệt</button>" not in screen
    url = f"/so-lieu/phe-duyet/{plan.pk}/{bodies.cdkkt.pk}/2023-03"
    assert officer.post(f"{url}/gui/").status_code == 302
    assert officer.post(f"{url}/duyet/").status_code == 403
    leader = client_for(ld_leader)
    assert "Phê duyệt</button>" in leader.get(f"/so-lieu/phe-duyet/?plan={plan.pk}").content.decode()
    assert leader.post(f"{url}/duyet/").status_code == 302
    no_reason = leader.post(f"{url}/tra-lai/", {"reason": ""})
    assert no_reason.status_code == 422
    assert "phải ghi rõ lý do" in no_reason.content.decode()
    assert approval(plan, bodies.cdkkt).status == ApprovalStatus.APPROVED
    returned = leader.post(f"{url}/tra-lai/", {"reason": "Chưa khớp phần mềm"}, headers={"HX-Request": "true"})
    assert returned.status_code == 204
    assert hx_location_path(returned).endswith(f"?plan={plan.pk}")
    # Another body's leader reads the approval state (the programme is shared) but cannot act on it.
    other = client_for(bodies.user(Role.LEADER, bodies.bqlkkt))
    assert other.post(f"{url}/gui/").status_code == 403
    assert other.post(f"{url}/tra-lai/", {"reason": "x"}).status_code == 403
    seen = other.get(f"/so-lieu/phe-duyet/?plan={plan.pk}").content.decode()
    assert "Công đoàn Khu kinh tế" in seen
    assert "Gửi duyệt</button>" not in seen
    assert approval(plan, bodies.cdkkt).status == ApprovalStatus.RETURNED


def test_a_leader_narrows_the_screen_to_one_status_and_keeps_it_after_acting(  # type: ignore[no-untyped-def]
    client_for, plan, bodies: Bodies, value, members, ld_officer, ld_leader
) -> None:
    april = Period.month(2023, 4)
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, period=april, value=1800)
    services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=MARCH)
    leader = client_for(ld_leader)
    screen = leader.get(f"/so-lieu/phe-duyet/?plan={plan.pk}&status=submitted").content.decode()
    assert '<option value="">Tất cả (2)</option>' in screen
    assert '<option value="submitted" selected>Đã gửi duyệt (1)</option>' in screen
    assert '<option value="draft">Đang nhập (1)</option>' in screen
    assert "Tháng 3/2023" in screen
    assert "Tháng 4/2023" not in screen
    assert leader.get(f"/so-lieu/phe-duyet/?plan={plan.pk}&status=nonsense").content.decode().count("Tháng") == 2
    # The period leads to exactly its figures: that body's, that month's.
    period_link = re.search(r'<a href="(/so-lieu/\?[^"]+)">Tháng 3/2023</a>', screen)
    assert period_link is not None
    values = leader.get(period_link.group(1).replace("&amp;", "&")).content.decode()
    assert "Số liệu của <strong>Công đoàn Khu kinh tế Hải Phòng</strong>" in values
    assert ">Tháng 3/2023</a>" in values
    assert "Tháng 4/2023" not in values
    # Approving from the narrowed screen comes back to it narrowed; nothing waits any more.
    url = f"/so-lieu/phe-duyet/{plan.pk}/{bodies.cdkkt.pk}/2023-03/duyet/"
    done = leader.post(url, {"version": approval(plan, bodies.cdkkt).version, "status": "submitted"})
    assert done.status_code == 302
    assert done["Location"].endswith(f"?plan={plan.pk}&status=submitted")
    after = leader.get(done["Location"]).content.decode()
    assert "Không có kỳ nào ở trạng thái này." in after
    assert '<option value="approved">Đã phê duyệt (1)</option>' in after
    # Through htmx (the screen's own buttons) the page it sends the browser to keeps the status too.
    returned = leader.post(
        f"/so-lieu/phe-duyet/{plan.pk}/{bodies.cdkkt.pk}/2023-03/tra-lai/",
        {"version": approval(plan, bodies.cdkkt).version, "status": "approved", "reason": "Chưa khớp"},
        headers={"HX-Request": "true"},
    )
    assert returned.status_code == 204
    assert hx_location_path(returned).endswith(f"?plan={plan.pk}&status=approved")


def test_approval_api(api_for, plan, bodies: Bodies, value, ld_officer, ld_leader) -> None:  # type: ignore[no-untyped-def]
    body = {"plan_id": plan.pk, "agency_id": bodies.cdkkt.pk, "period": "2023-03"}
    submitted = api_for(ld_officer).post("/indicators/approvals/submit", body)
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert api_for(ld_officer).post("/indicators/approvals/approve", body).status_code == 403
    leader = api_for(ld_leader)
    stale = leader.post("/indicators/approvals/approve", {**body, "version": 1})
    assert stale.status_code == 409
    approved_now = leader.post("/indicators/approvals/approve", {**body, "version": submitted.json()["version"]})
    assert approved_now.json()["status"] == "approved"
    no_reason = leader.post("/indicators/approvals/return", body)
    assert no_reason.status_code == 422
    assert no_reason.json()["code"] == "reason_required"
    listing = leader.get("/indicators/approvals", plan=plan.pk).json()
    assert listing[0]["status_label"] == "Đã phê duyệt"
    assert listing[0]["value_count"] == 1
    other = api_for(bodies.user(Role.LEADER, bodies.bqlkkt))
    assert other.post("/indicators/approvals/return", {**body, "reason": "x"}).status_code == 403
    assert [row["status_label"] for row in other.get("/indicators/approvals", plan=plan.pk).json()] == ["Đã phê duyệt"]

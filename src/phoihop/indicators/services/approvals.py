"""Approval of a body's data for a period (DHIS2's model): draft → submitted → approved (locked) → returned with a
reason (unlocked). Each transition is one conditional UPDATE guarded by the status, and one AuditEvent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import Transition, move_status
from phoihop.core.text import nfc
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.models import PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.indicators.permissions import (
    can_approve_period,
    can_submit_period,
)
from phoihop.indicators.services.values import lock_plan

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency
    from phoihop.planning.models import Plan


# --- Approval of a body's data for a period -------------------------------------------------------------------

STEPS = {
    "submit": Transition(
        frozenset({ApprovalStatus.DRAFT, ApprovalStatus.RETURNED}),
        ApprovalStatus.SUBMITTED,
        AuditAction.SUBMIT,
        gettext_lazy(
            "Chỉ gửi duyệt được số liệu đang nhập hoặc bị trả lại; số liệu kỳ này đang ở trạng thái “%(status)s”."
        ),
    ),
    "approve": Transition(
        frozenset({ApprovalStatus.SUBMITTED}),
        ApprovalStatus.APPROVED,
        AuditAction.APPROVE,
        gettext_lazy("Chỉ phê duyệt được số liệu đã gửi duyệt; số liệu kỳ này đang ở trạng thái “%(status)s”."),
    ),
    "return": Transition(
        frozenset({ApprovalStatus.SUBMITTED, ApprovalStatus.APPROVED}),
        ApprovalStatus.RETURNED,
        AuditAction.RETURN,
        gettext_lazy(
            "Chỉ trả lại được số liệu đã gửi duyệt hoặc đã phê duyệt; số liệu kỳ này đang ở trạng thái “%(status)s”."
        ),
        keeps_reason=True,
    ),
}


def approval_for(plan: Plan, agency: Agency, period: Period) -> PeriodApproval:
    approval, _created = PeriodApproval.objects.get_or_create(
        plan=plan,
        agency=agency,
        period_type=period.type,
        period_start=period.start,
        defaults={"period_end": period.end, "status": ApprovalStatus.DRAFT},
    )
    return approval


def _transition(
    *,
    action: str,
    actor: User,
    plan: Plan,
    agency: Agency,
    period: Period,
    reason: str = "",
    expected_version: int | None = None,
) -> PeriodApproval:
    # Ordered against value writes of the plan (values.py takes the same lock before it checks the approvals).
    lock_plan(plan)
    return move_status(
        actor=actor,
        record=approval_for(plan, agency, period),
        step=STEPS[action],
        labels=ApprovalStatus,
        expected_version=expected_version,
        reason=reason,
        stamp={"changed_by": actor},
        stamp_time=("changed_at",),
    )


@transaction.atomic
def submit_period(
    *, actor: User, plan: Plan, agency: Agency, period: Period, expected_version: int | None = None
) -> PeriodApproval:
    """An officer or leader of the body sends the body's values of the period for approval."""
    if not can_submit_period(actor, agency.pk):
        raise PermissionDenied
    has_values = ReportedValue.objects.filter(
        plan=plan, agency=agency, period_type=period.type, period_start=period.start
    ).exists()
    if not has_values:
        raise ValidationError(
            _("%(agency)s chưa có số liệu nào kỳ %(period)s để gửi duyệt.")
            % {"agency": agency.name, "period": period.label},
            code="no_values",
        )
    return _transition(
        action="submit", actor=actor, plan=plan, agency=agency, period=period, expected_version=expected_version
    )


@transaction.atomic
def approve_period(
    *, actor: User, plan: Plan, agency: Agency, period: Period, expected_version: int | None = None
) -> PeriodApproval:
    """A leader of the body approves; the values of the period are locked until returned. Data that breaks a
    validation rule is not approved."""
    if not can_approve_period(actor, agency.pk):
        raise PermissionDenied
    from phoihop.indicators.progress import rule_violations_for

    violations = rule_violations_for(plan, agency.pk, until=period.end)
    if violations:
        raise ValidationError(
            [
                ValidationError(_("Chưa phê duyệt được: %(text)s") % {"text": violation.text}, code="rule_violation")
                for violation in violations
            ]
        )
    return _transition(
        action="approve", actor=actor, plan=plan, agency=agency, period=period, expected_version=expected_version
    )


@transaction.atomic
def return_period(
    *,
    actor: User,
    plan: Plan,
    agency: Agency,
    period: Period,
    reason: str,
    expected_version: int | None = None,
) -> PeriodApproval:
    """A leader of the body sends the data back for correction, with the reason; the values unlock."""
    if not can_approve_period(actor, agency.pk):
        raise PermissionDenied
    reason = nfc(reason or "").strip()
    if not reason:
        raise field_error("reason", _("Trả lại số liệu phải ghi rõ lý do."), "reason_required")
    return _transition(
        action="return",
        actor=actor,
        plan=plan,
        agency=agency,
        period=period,
        reason=reason,
        expected_version=expected_version,
    )

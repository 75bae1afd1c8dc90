"""Writes to enterprise labour reports: create, edit while draft or returned, delete, and the approval workflow
draft → submitted → approved, or returned with a reason. An approval or a return re-evaluates the enterprise's early
warnings in the same transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DecimalField, Field, IntegerField
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.records import RecordWrites
from phoihop.core.services import Transition, clean_input, create_record, delete_record, move_status, update_record
from phoihop.core.text import nfc
from phoihop.core.vnformat import format_number
from phoihop.directory.scope import resolve_owner
from phoihop.workforce.choices import ReportStatus, ReportType
from phoihop.workforce.models import LabourReport, period_end_of, period_label
from phoihop.workforce.permissions import (
    can_approve_report,
    can_create_report,
    can_delete_report,
    can_edit_report,
    can_submit_report,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

REPORT_FIELDS = (
    "enterprise",
    "report_type",
    "period_start",
    "headcount",
    "women",
    "other_province",
    "foreign_workers",
    "hires",
    "leavers",
    "union_members",
    "average_income",
    "lowest_wage",
    "meal_value",
    "overtime_avg_hours",
    "overtime_max_hours",
    "overtime_year_max_hours",
    "has_collective_agreement",
    "agreement_expires_on",
    "has_democracy_regulation",
    "last_workers_conference",
    "si_arrears_amount",
    "si_arrears_months",
    "wage_delay_days",
    "notes",
)


def fields_of(*kinds: type[Field[Any, Any]]) -> tuple[str, ...]:
    """The report's fields of these model field classes, in the form's order."""
    return tuple(name for name in REPORT_FIELDS if isinstance(LabourReport._meta.get_field(name), kinds))


NUMBER_FIELDS = fields_of(IntegerField, DecimalField)
MONEY_FIELDS = ("average_income", "lowest_wage", "meal_value", "si_arrears_amount")
# A meal below 1.000đ or above 1.000.000đ is a value typed in thousands or with extra zeros, not a meal in đồng.
MEAL_RANGE = (1_000, 1_000_000)


def _label(name: str) -> str:
    return str(getattr(LabourReport._meta.get_field(name), "verbose_name", name))


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = clean_input(data, REPORT_FIELDS, blank_if_none={"notes"})
    for name in NUMBER_FIELDS:
        value = cleaned.get(name)
        if value is not None and value < 0:
            raise field_error(name, _("“%(field)s” không được âm.") % {"field": _label(name)}, "negative")
    for name in MONEY_FIELDS:
        value = cleaned.get(name)
        if value is not None and value != int(value):
            raise field_error(
                name, _("“%(field)s” ghi bằng đồng, không có phần lẻ.") % {"field": _label(name)}, "not_dong"
            )
    for name in ("si_arrears_months", "wage_delay_days", "has_collective_agreement", "has_democracy_regulation"):
        if name in cleaned and cleaned[name] is None:
            cleaned[name] = 0 if name in ("si_arrears_months", "wage_delay_days") else False
    return cleaned


def _check_period(merged: dict[str, Any]) -> None:
    start, kind = merged.get("period_start"), merged.get("report_type")
    if not isinstance(start, dt.date) or kind not in ReportType.values:
        return
    if start.day != 1:
        raise field_error("period_start", _("Kỳ báo cáo bắt đầu từ ngày mùng 1 của tháng."), "period_misaligned")
    if kind == ReportType.SEMIANNUAL and start.month not in (1, 7):
        raise field_error("period_start", _("Báo cáo 6 tháng bắt đầu từ ngày 01/01 hoặc 01/7."), "period_misaligned")
    if kind == ReportType.ANNUAL and start.month != 1:
        raise field_error("period_start", _("Báo cáo năm bắt đầu từ ngày 01/01."), "period_misaligned")


def check_report(merged: Mapping[str, Any]) -> None:
    """The rules that are logically certain, each with its own message and code."""
    headcount = merged.get("headcount")
    if headcount is not None:
        for name, code in (("women", "women_exceed"), ("union_members", "members_exceed")):
            value = merged.get(name)
            if value is not None and value > headcount:
                raise field_error(
                    name,
                    _("“%(field)s” (%(value)s) không được lớn hơn tổng số lao động (%(total)s).")
                    % {"field": _label(name), "value": format_number(value), "total": format_number(headcount)},
                    code,
                )
        other, foreign = merged.get("other_province") or 0, merged.get("foreign_workers") or 0
        if other + foreign > headcount:
            raise field_error(
                "other_province",
                _(
                    "Lao động ngoại tỉnh (%(other)s) cộng lao động nước ngoài (%(foreign)s) "
                    "vượt tổng số lao động (%(total)s)."
                )
                % {"other": format_number(other), "foreign": format_number(foreign), "total": format_number(headcount)},
                "migrants_exceed",
            )
    average, highest = merged.get("overtime_avg_hours"), merged.get("overtime_max_hours")
    if average is not None and highest is not None and average > highest:
        raise field_error(
            "overtime_avg_hours",
            _("Giờ làm thêm bình quân không được lớn hơn giờ làm thêm cao nhất."),
            "overtime_avg_exceeds_max",
        )
    meal = merged.get("meal_value")
    if meal is not None and meal != 0 and not MEAL_RANGE[0] <= meal <= MEAL_RANGE[1]:
        raise field_error(
            "meal_value",
            _("Giá trị bữa ăn ghi bằng đồng một suất (ví dụ 25000 cho 25.000đ); %(value)s không phải giá một suất ăn.")
            % {"value": format_number(meal)},
            "meal_not_dong",
        )
    if merged.get("agreement_expires_on") and not merged.get("has_collective_agreement"):
        raise field_error(
            "agreement_expires_on",
            _("Chỉ ghi ngày hết hạn khi doanh nghiệp có thỏa ước lao động tập thể."),
            "expiry_without_agreement",
        )


def _check_unique(merged: Mapping[str, Any], report: LabourReport | None = None) -> None:
    enterprise, kind, start = merged.get("enterprise"), merged.get("report_type"), merged.get("period_start")
    if enterprise is None or kind is None or start is None:
        return
    others = LabourReport.objects.filter(enterprise=enterprise, report_type=kind, period_start=start)
    if report is not None:
        others = others.exclude(pk=report.pk)
    existing = others.select_related("owner_agency").first()
    if existing is not None:
        raise ValidationError(
            _(
                "%(enterprise)s đã có báo cáo %(type)s kỳ %(period)s (số %(pk)s, do %(agency)s nhập). "
                "Mỗi doanh nghiệp chỉ có một báo cáo cho mỗi loại và kỳ: hãy sửa báo cáo đó."
            )
            % {
                "enterprise": enterprise.name,
                "type": str(ReportType(kind).label).lower(),
                "period": period_label(kind, start),
                "pk": existing.pk,
                "agency": existing.owner_agency.short_code,
            },
            code="duplicate_report",
        )


def _owner_for(actor: User, owner_agency: Agency | None) -> Agency:
    return resolve_owner(
        actor,
        owner_agency,
        required=_("Hãy chọn đơn vị báo cáo."),
        foreign=_("Anh/chị chỉ có thể nhập báo cáo cho đơn vị của mình hoặc đơn vị trực thuộc."),
    )


def _reevaluate(enterprise_id: int) -> None:
    from phoihop.workforce.services.warnings import evaluate_warnings

    evaluate_warnings(enterprise_ids=[enterprise_id])


@transaction.atomic
def create_report(*, actor: User, data: Mapping[str, Any], owner_agency: Agency | None = None) -> LabourReport:
    if not can_create_report(actor):
        raise PermissionDenied
    cleaned = _clean(data)
    _check_period(cleaned)
    check_report(cleaned)
    _check_unique(cleaned)
    report = LabourReport(**cleaned, owner_agency=_owner_for(actor, owner_agency))
    if report.report_type in ReportType.values and isinstance(report.period_start, dt.date):
        report.period_end = period_end_of(report.report_type, report.period_start)
    return create_record(actor=actor, instance=report)


@transaction.atomic
def update_report(*, actor: User, report: LabourReport, data: Mapping[str, Any], expected_version: int) -> LabourReport:
    if not can_edit_report(actor, report):
        if report.version == expected_version and not report.is_editable and can_submit_report(actor, report):
            raise ValidationError(
                _("Báo cáo đang ở trạng thái “%(status)s”: chỉ sửa được khi đang nhập hoặc bị trả lại.")
                % {"status": report.get_status_display()},
                code="not_editable",
            )
        raise PermissionDenied
    cleaned = _clean(data)
    merged = {name: getattr(report, name) for name in REPORT_FIELDS} | cleaned
    _check_period(merged)
    check_report(merged)
    _check_unique(merged, report)
    cleaned["period_end"] = period_end_of(merged["report_type"], merged["period_start"])
    return update_record(actor=actor, instance=report, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_report(*, actor: User, report: LabourReport, expected_version: int) -> None:
    if not can_delete_report(actor, report):
        raise PermissionDenied
    enterprise_id = report.enterprise_id
    delete_record(actor=actor, instance=report, expected_version=expected_version)
    _reevaluate(enterprise_id)


# The three writes, called one way by the pages and the API (core/records.py).
REPORTS = RecordWrites(create_report, update_report, delete_report, record="report")


# --- the approval workflow --------------------------------------------------------------------------------------------

STEPS = {
    "submit": Transition(
        frozenset({ReportStatus.DRAFT, ReportStatus.RETURNED}),
        ReportStatus.SUBMITTED,
        AuditAction.SUBMIT,
        gettext_lazy("Chỉ gửi duyệt được báo cáo đang nhập hoặc bị trả lại; báo cáo đang ở trạng thái “%(status)s”."),
    ),
    "approve": Transition(
        frozenset({ReportStatus.SUBMITTED}),
        ReportStatus.APPROVED,
        AuditAction.APPROVE,
        gettext_lazy("Chỉ phê duyệt được báo cáo đã gửi duyệt; báo cáo đang ở trạng thái “%(status)s”."),
    ),
    "return": Transition(
        frozenset({ReportStatus.SUBMITTED, ReportStatus.APPROVED}),
        ReportStatus.RETURNED,
        AuditAction.RETURN,
        gettext_lazy(
            "Chỉ trả lại được báo cáo đã gửi duyệt hoặc đã phê duyệt; báo cáo đang ở trạng thái “%(status)s”."
        ),
        keeps_reason=True,
    ),
}


def _transition(
    *, action: str, actor: User, report: LabourReport, expected_version: int, reason: str = ""
) -> LabourReport:
    return move_status(
        actor=actor,
        record=report,
        step=STEPS[action],
        labels=ReportStatus,
        expected_version=expected_version,
        reason=reason,
        reason_field="return_reason",
    )


@transaction.atomic
def submit_report(*, actor: User, report: LabourReport, expected_version: int) -> LabourReport:
    if not can_submit_report(actor, report):
        raise PermissionDenied
    return _transition(action="submit", actor=actor, report=report, expected_version=expected_version)


@transaction.atomic
def approve_report(*, actor: User, report: LabourReport, expected_version: int) -> LabourReport:
    """A leader of the owner body approves; the enterprise's warnings are evaluated on the approved figures."""
    if not can_approve_report(actor, report):
        raise PermissionDenied
    report = _transition(action="approve", actor=actor, report=report, expected_version=expected_version)
    _reevaluate(report.enterprise_id)
    return report


@transaction.atomic
def return_report(*, actor: User, report: LabourReport, expected_version: int, reason: str) -> LabourReport:
    if not can_approve_report(actor, report):
        raise PermissionDenied
    reason = nfc(reason or "").strip()
    if not reason:
        raise field_error("reason", _("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."), "reason_required")
    report = _transition(action="return", actor=actor, report=report, expected_version=expected_version, reason=reason)
    _reevaluate(report.enterprise_id)
    return report

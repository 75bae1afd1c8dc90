"""Writes to reported values. Approved values are locked here, so every path — the pages, the API, a bulk
import, a call from a shell — meets the same lock until a leader returns the period."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import create_record, delete_record, update_record
from phoihop.core.text import clean_text, nfc
from phoihop.core.vnformat import format_date
from phoihop.indicators.choices import ApprovalStatus, PeriodType
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.indicators.permissions import (
    can_enter_values,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency
    from phoihop.planning.models import Plan

from phoihop.indicators.services.common import (
    VALUE_FIELDS,
    clean_data,
)

# --- Reported values ------------------------------------------------------------------------------------------

_GROUPED_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_value(raw: Any) -> Decimal:
    """A number as typed or imported: 13297, "13297", "13.297" (thousands), "42,08" (decimal comma).
    Text that is not a number is refused with a message, never stored."""
    if isinstance(raw, bool):
        raise field_error("value", _("Giá trị phải là một số."), "not_a_number")
    if isinstance(raw, Decimal | int | float):
        number = Decimal(str(raw))
    else:
        text = nfc(str(raw or "")).strip().replace(" ", "").replace("\u00a0", "")
        if _GROUPED_THOUSANDS.match(text):
            text = text.replace(".", "")
        elif "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise field_error(
                "value", _("Giá trị “%(raw)s” không phải là một số.") % {"raw": raw}, "not_a_number"
            ) from None
    if not number.is_finite():
        raise field_error("value", _("Giá trị phải là một số."), "not_a_number")
    if number < 0:
        raise field_error("value", _("Giá trị không được âm."), "negative")
    return number


def blocking_approval(plan: Plan, agency: Agency, period: Period, *, for_update: bool = False) -> PeriodApproval | None:
    """The approval that keeps the body's values of `period` from being written: an approved or submitted period of
    the same plan and body whose span (month, quarter or year) overlaps `period`, whatever its length. Approved
    ones first, then the earliest. None when nothing overlapping is approved or submitted."""
    approvals = PeriodApproval.objects.filter(
        plan=plan,
        agency=agency,
        status__in=(ApprovalStatus.APPROVED, ApprovalStatus.SUBMITTED),
        period_start__lte=period.end,
        period_end__gte=period.start,
    )
    if for_update:
        approvals = approvals.select_for_update()
    found = list(approvals)
    if not found:
        return None
    found.sort(key=lambda a: (a.status != ApprovalStatus.APPROVED, a.period_start, a.period_end))
    return found[0]


def lock_message(approval: PeriodApproval, agency: Agency, period: Period) -> str:
    """What the officer reads when a write is refused: which approval holds the period and who can release it."""
    held = approval.period
    inside = (
        ""
        if held == period
        else _(" Kỳ %(period)s nằm trong hoặc chồng lên kỳ %(held)s.") % {"period": period.label, "held": held.label}
    )
    if approval.status == ApprovalStatus.APPROVED:
        text = _("Số liệu kỳ %(held)s của %(agency)s đã được phê duyệt nên không sửa được.")
    else:
        text = _("Số liệu kỳ %(held)s của %(agency)s đã gửi duyệt nên không sửa được.")
    return (
        text % {"held": held.label, "agency": agency.name}
        + inside
        + " "
        + _("Lãnh đạo đơn vị cần trả lại số liệu kỳ %(held)s (ghi rõ lý do) trước khi sửa.") % {"held": held.label}
    )


def lock_plan(plan: Plan) -> None:
    """Take the plan's row lock for the rest of the transaction (value writes and approval transitions alike)."""
    from phoihop.planning.models import Plan as PlanModel

    list(PlanModel.objects.select_for_update().filter(pk=plan.pk).values_list("pk", flat=True))


def _ensure_unlocked(plan: Plan, agency: Agency, period: Period) -> None:
    """Refuse a write to a period whose span overlaps an approved or submitted period of the body in the plan, of
    any length: with the first quarter approved, neither March, nor the quarter, nor the year can be written.

    The plan's row is locked first, as the approval transitions lock it: a write and a concurrent submission or
    approval of an overlapping period are ordered, so a value cannot slip into a period being approved."""
    lock_plan(plan)
    approval = blocking_approval(plan, agency, period, for_update=True)
    if approval is not None:
        code = "period_locked" if approval.status == ApprovalStatus.APPROVED else "period_submitted"
        raise ValidationError(lock_message(approval, agency, period), code=code)


def reporting_frequency(indicator: Indicator) -> str:
    """The one period length the indicator is reported in: its own setting, or, while that is empty, the length
    of the values it already has (the first value fixes it). Empty while it has neither."""
    if indicator.frequency:
        return indicator.frequency
    if indicator.pk is None:
        return ""
    return ReportedValue.objects.filter(indicator=indicator).values_list("period_type", flat=True).first() or ""


def _check_period(
    plan: Plan, indicator: Indicator, agency: Agency, period: Period, value: ReportedValue | None = None
) -> None:
    frequency = reporting_frequency(indicator)
    if frequency and period.type != frequency:
        raise field_error(
            "period",
            _("Chỉ tiêu “%(name)s” báo cáo theo %(frequency)s, không theo kỳ %(period)s.")
            % {
                "name": indicator.name,
                "frequency": PeriodType(frequency).label.lower(),
                "period": period.label,
            },
            "wrong_frequency",
        )
    if period.start < plan.period_start or period.end > plan.period_end:
        raise field_error(
            "period",
            _("Kỳ %(period)s nằm ngoài kỳ báo cáo của kế hoạch năm %(year)s (từ %(start)s đến %(end)s).")
            % {
                "period": period.label,
                "year": plan.year,
                "start": format_date(plan.period_start),
                "end": format_date(plan.period_end),
            },
            "period_outside_plan",
        )
    if period.start > plan.counted_until:
        raise field_error(
            "period",
            _("Kỳ %(period)s bắt đầu sau ngày chốt số liệu %(cut)s của kế hoạch.")
            % {"period": period.label, "cut": format_date(plan.counted_until)},
            "period_after_cut_off",
        )
    others = ReportedValue.objects.filter(
        indicator=indicator, agency=agency, period_start__lte=period.end, period_end__gte=period.start
    )
    if value is not None:
        others = others.exclude(pk=value.pk)
    clash = others.first()
    if clash is not None:
        if clash.period == period:
            message = _("%(agency)s đã có số liệu “%(name)s” kỳ %(period)s; hãy sửa số liệu đó thay vì nhập thêm.") % {
                "agency": agency.name,
                "name": indicator.name,
                "period": period.label,
            }
            code = "duplicate_value"
        else:
            message = _(
                "Kỳ %(period)s trùng với kỳ %(other)s đã có số liệu “%(name)s” của %(agency)s: cộng cả hai sẽ tính "
                "trùng."
            ) % {"period": period.label, "other": clash.period.label, "name": indicator.name, "agency": agency.name}
            code = "period_overlap"
        raise field_error("period", message, code)


@transaction.atomic
def record_value(
    *,
    actor: User,
    plan: Plan,
    indicator: Indicator,
    agency: Agency,
    period: Period,
    value: Any,
    note: str = "",
    source: str = "",
) -> ReportedValue:
    """Enter one body's figure for one period of a plan."""
    if not can_enter_values(actor, agency.pk):
        raise PermissionDenied
    if not indicator.from_values:
        raise field_error(
            "indicator",
            _("Chỉ tiêu “%(name)s” được tính từ bản ghi, không nhập số liệu báo cáo.") % {"name": indicator.name},
            "not_a_reported_indicator",
        )
    if not indicator.is_active:
        raise field_error("indicator", _("Chỉ tiêu “%(name)s” không còn dùng.") % {"name": indicator.name}, "inactive")
    amount = parse_value(value)
    _ensure_unlocked(plan, agency, period)
    _check_period(plan, indicator, agency, period)
    instance = ReportedValue(
        indicator=indicator,
        plan=plan,
        agency=agency,
        period_type=period.type,
        period_start=period.start,
        period_end=period.end,
        value=amount,
        note=nfc(note or "").strip(),
        source=clean_text(source or ""),
        entered_by=actor,
    )
    return create_record(actor=actor, instance=instance)


@transaction.atomic
def update_value(
    *, actor: User, reported_value: ReportedValue, data: Mapping[str, Any], expected_version: int
) -> ReportedValue:
    if not can_enter_values(actor, reported_value.agency_id):
        raise PermissionDenied
    cleaned = clean_data(data, VALUE_FIELDS)
    if "value" in cleaned:
        cleaned["value"] = parse_value(cleaned["value"])
    _ensure_unlocked(reported_value.plan, reported_value.agency, reported_value.period)
    cleaned["entered_by"] = actor
    return update_record(actor=actor, instance=reported_value, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_value(*, actor: User, reported_value: ReportedValue, expected_version: int) -> None:
    if not can_enter_values(actor, reported_value.agency_id):
        raise PermissionDenied
    _ensure_unlocked(reported_value.plan, reported_value.agency, reported_value.period)
    delete_record(actor=actor, instance=reported_value, expected_version=expected_version)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    values: list[ReportedValue] = field(default_factory=list)


IMPORT_COLUMNS = ("indicator", "agency", "period", "value", "note", "source")


@transaction.atomic
def import_values(*, actor: User, plan: Plan, rows: Iterable[Mapping[str, Any]]) -> ImportResult:
    """Bulk entry: each row names the indicator (code), the body (short code), the period ("2023-03", "2023-Q1",
    "2023") and the value; a value already there is replaced. All or nothing: one bad row and nothing is saved,
    with every bad row listed by its line number. Approved periods are locked here as everywhere."""
    from phoihop.directory.models import Agency

    indicators = {ind.code.casefold(): ind for ind in Indicator.objects.all()}
    agencies = {agency.short_code.casefold(): agency for agency in Agency.objects.all()}
    result = ImportResult()
    errors: list[str] = []
    for line, row in enumerate(rows, start=2):
        try:
            code = str(row.get("indicator") or "").strip()
            indicator = indicators.get(code.casefold())
            if indicator is None:
                raise field_error(
                    "indicator", _("không có chỉ tiêu mã “%(code)s”") % {"code": code}, "unknown_indicator"
                )
            short_code = nfc(str(row.get("agency") or "")).strip()
            agency = agencies.get(short_code.casefold())
            if agency is None:
                raise field_error("agency", _("không có đơn vị “%(code)s”") % {"code": short_code}, "unknown_agency")
            period = Period.parse(str(row.get("period") or ""))
            amount = parse_value(row.get("value"))
            note = str(row.get("note") or "")
            source = str(row.get("source") or "")
            existing = ReportedValue.objects.filter(
                indicator=indicator, agency=agency, period_type=period.type, period_start=period.start, plan=plan
            ).first()
            if existing is None:
                result.values.append(
                    record_value(
                        actor=actor,
                        plan=plan,
                        indicator=indicator,
                        agency=agency,
                        period=period,
                        value=amount,
                        note=note,
                        source=source,
                    )
                )
                result.created += 1
            elif existing.value == amount and existing.note == note.strip() and existing.source == clean_text(source):
                result.unchanged += 1
            else:
                result.values.append(
                    update_value(
                        actor=actor,
                        reported_value=existing,
                        data={"value": amount, "note": note, "source": source},
                        expected_version=existing.version,
                    )
                )
                result.updated += 1
        except ValidationError as error:
            errors.append(_("Dòng %(line)s: %(message)s") % {"line": line, "message": " ".join(error.messages)})
        except PermissionDenied:
            errors.append(_("Dòng %(line)s: anh/chị không được nhập số liệu cho đơn vị này.") % {"line": line})
    if errors:
        raise ValidationError([ValidationError(message, code="import_row") for message in errors])
    return result

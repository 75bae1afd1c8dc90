"""Reported indicator values as a spreadsheet kind (phoihop.spreadsheets): a template listing the plans, indicators and
bodies to choose from, the export of the value list, and the import.

Writing goes through `services.import_values` (the pasted import's service: period locks, permissions, replacing a
value already there, one audit event per value), one call per plan in the file, inside the layer's one transaction.
Before anything is written the whole file is checked: references and numbers here, cell by cell; then the service's
own rules (an approved period is locked…) by running it in a savepoint that is rolled back, its "Dòng N" messages
mapped back to the sheet's rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from phoihop.core.text import clean_text
from phoihop.indicators import permissions
from phoihop.indicators.periods import Period
from phoihop.spreadsheets.registry import Change, Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.planning.models import Plan

SEPARATOR = " — "


def plan_labels(user: User) -> dict[str, Plan]:
    from phoihop.planning.selectors import plans_visible_to

    plans = list(plans_visible_to(user).order_by("-year", "pk"))
    labels: dict[str, Plan] = {}
    for plan in plans:
        label = str(plan)
        if label in labels:
            label = f"{label} (#{plan.pk})"
        labels[label] = plan
    return labels


def indicator_label(indicator: Any) -> str:
    return f"{indicator.code}{SEPARATOR}{indicator.name}"[:250]


def _indicator_labels(user: User) -> list[str]:
    from phoihop.indicators.selectors import value_indicator_choices

    return [indicator_label(indicator) for indicator in value_indicator_choices()]


def _agency_codes(user: User) -> list[str]:
    from phoihop.indicators.selectors import entry_agencies

    return [agency.short_code for agency in entry_agencies(user=user)]


COLUMNS = (
    Column("plan", "Kế hoạch", type="choice", required=True, choices=lambda user: list(plan_labels(user)), width=40),
    Column("indicator", "Chỉ tiêu", type="choice", required=True, choices=_indicator_labels, width=50),
    Column("agency", "Đơn vị báo cáo", type="choice", required=True, choices=_agency_codes),
    Column("period", "Kỳ", required=True, max_length=10, help="tháng 2023-03, quý 2023-Q1 hoặc năm 2023"),
    Column("value", "Giá trị", type="decimal", required=True),
    Column("note", "Ghi chú", max_length=2000, width=30),
    Column("source", "Nguồn số liệu", max_length=255, width=30),
)


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.indicators.selectors import list_values

    labels = {plan.pk: label for label, plan in plan_labels(user).items()}
    for value in list_values(user=user, params=params).iterator(2000):
        yield {
            "plan": labels.get(value.plan_id, str(value.plan)),
            "indicator": indicator_label(value.indicator),
            "agency": value.agency.short_code,
            "period": Period.of(value.period_type, value.period_start).key,
            "value": value.value,
            "note": value.note,
            "source": value.source,
        }


def _number(value: Any) -> str:
    """13297, 42,08: as officers write them (no trailing zeros, decimal comma)."""
    return f"{value.normalize():f}".replace(".", ",") if hasattr(value, "normalize") else str(value)


class _DryRun(Exception):
    pass


LINE = re.compile(r"^Dòng (\d+): (.*)$", re.DOTALL)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices
    from phoihop.indicators.models import ReportedValue
    from phoihop.indicators.selectors import value_indicator_choices

    checked = Checked()
    plans = plan_labels(user)
    indicators = {indicator_label(i): i for i in value_indicator_choices()}
    agencies = {agency.short_code: agency for agency in agency_choices()}
    groups: dict[int, list[tuple[Row, dict[str, Any]]]] = {}
    seen: dict[tuple[Any, ...], int] = {}
    for row in rows:
        values = row.values
        plan = plans.get(str(values.get("plan"))) if values.get("plan") else None
        indicator = indicators.get(str(values.get("indicator"))) if values.get("indicator") else None
        agency = agencies.get(str(values.get("agency"))) if values.get("agency") else None
        if agency is not None and not permissions.can_enter_values(user, agency.pk):
            checked.problem(row.number, "agency", f"anh/chị không được nhập số liệu cho đơn vị {agency.short_code}")
            continue
        period = None
        if values.get("period"):
            try:
                period = Period.parse(str(values["period"]))
            except ValidationError as error:
                checked.problem(row.number, "period", " ".join(error.messages))
        number = values.get("value")
        if number is not None and number < 0:  # type: ignore[operator]
            checked.problem(row.number, "value", "giá trị không được âm")
            continue
        if None in (plan, indicator, agency, period, number):
            continue
        assert plan is not None  # noqa: S101
        assert indicator is not None  # noqa: S101
        assert agency is not None  # noqa: S101
        assert period is not None  # noqa: S101
        key = (plan.pk, indicator.pk, agency.pk, period.type, period.start)
        if key in seen:
            checked.problem(row.number, "period", f"trùng chỉ tiêu, đơn vị và kỳ với dòng {seen[key]}")
            continue
        seen[key] = row.number
        data: dict[str, Any] = {
            "indicator": indicator.code,
            "agency": agency.short_code,
            "period": period.key,
            "value": number,
            "note": str(values.get("note") or ""),
            "source": str(values.get("source") or ""),
        }
        groups.setdefault(plan.pk, []).append((row, data))
    if checked.problems:
        return checked
    plans_by_pk = {plan.pk: plan for plan in plans.values()}
    # What exists already: new, unchanged or changed (the preview).
    for plan_pk, items in groups.items():
        existing = {
            (v.indicator.code, v.agency.short_code, Period.of(v.period_type, v.period_start).key): v
            for v in ReportedValue.objects.filter(plan_id=plan_pk).select_related("indicator", "agency")
        }
        for row, data in items:
            found = existing.get((data["indicator"], data["agency"], data["period"]))
            if found is None:
                checked.new += 1
                continue
            fields = {}
            if found.value != data["value"]:
                fields["Giá trị"] = (_number(found.value), _number(data["value"]))
            if found.note != data["note"].strip():
                fields["Ghi chú"] = (found.note, data["note"])
            if found.source != clean_text(data["source"]):
                fields["Nguồn số liệu"] = (found.source, data["source"])
            if fields:
                checked.changes.append(
                    Change(row.number, f"{data['indicator']}, {data['agency']}, kỳ {data['period']}", fields)
                )
            else:
                checked.unchanged += 1
    # The service's own rules (locked periods…), run and rolled back.
    try:
        with transaction.atomic():
            _write(user, groups, plans_by_pk, checked)
            raise _DryRun
    except _DryRun:
        pass
    checked.state = (groups, plans_by_pk)
    return checked


def _write(
    user: User, groups: dict[int, list[tuple[Row, dict[str, Any]]]], plans: dict[int, Plan], checked: Checked
) -> None:
    from phoihop.indicators.services import import_values

    for plan_pk, items in groups.items():
        try:
            import_values(actor=user, plan=plans[plan_pk], rows=[data for _row, data in items])
        except ValidationError as error:
            for message in error.messages:
                match = LINE.match(message)
                if match and 2 <= int(match[1]) < len(items) + 2:
                    checked.problem(items[int(match[1]) - 2][0].number, "", match[2])
                else:
                    checked.problem(items[0][0].number, "", message)


def apply(user: User, checked: Checked) -> int:
    groups, plans = checked.state
    _write(user, groups, plans, checked)
    if checked.problems:  # the data moved between the check and the write: nothing is kept
        raise ValidationError([problem.message for problem in checked.problems], code="import_row")
    return sum(len(items) for items in groups.values())


VALUES = SheetKind(
    key="indicators.value",
    label="Số liệu chỉ tiêu",
    columns=COLUMNS,
    natural_key=("plan", "indicator", "agency", "period"),
    can_import=lambda user: bool(
        user.is_authenticated and user.is_active and user.role != "viewer" and (user.is_admin or user.agency_id)
    ),
    can_export=permissions.can_view_indicators,
    export_rows=export_rows,
    check=check,
    apply=apply,
    list_url_name="indicators:value_list",
    instructions=(
        "• Một dòng là giá trị của một chỉ tiêu, của một đơn vị, trong một kỳ; giá trị đã có sẽ được thay "
        "(sau khi anh/chị xem và xác nhận). Kỳ đã được phê duyệt thì bị khóa.",
    ),
)


# --- the indicator and rule lists: export only (kept by the secretariat on their own pages) ------------------------

INDICATOR_COLUMNS = (
    Column("code", "Mã", width=10),
    Column("name", "Tên chỉ tiêu", width=60),
    Column("unit", "Đơn vị tính", width=14),
    Column("unit_kind", "Loại đơn vị", width=18),
    Column("measure", "Cách tính", width=30),
    Column("owner_agency", "Đơn vị phụ trách", width=40),
    Column("is_active", "Đang sử dụng", width=12),
)

RULE_COLUMNS = (
    Column("left", "Vế trái", width=50),
    Column("operator", "Phép so sánh", width=12),
    Column("right", "Vế phải", width=50),
    Column("message", "Thông báo khi vi phạm", width=60),
    Column("is_active", "Áp dụng", width=10),
)


def indicator_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.indicators.selectors import list_indicators

    for indicator in list_indicators(user=user, query=str(params.get("q") or "")).iterator(1000):
        yield {
            "code": indicator.code,
            "name": indicator.name,
            "unit": indicator.unit,
            "unit_kind": indicator.get_unit_kind_display(),
            "measure": indicator.get_measure_display(),
            "owner_agency": str(indicator.owner_agency) if indicator.owner_agency else "",
            "is_active": indicator.is_active,
        }


def rule_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """Every rule, as the rule page lists them (its `plan` parameter chooses the data checked, not the rules)."""
    from phoihop.indicators.selectors import rules_visible_to

    for rule in rules_visible_to(user).order_by("pk").iterator(1000):
        yield {
            "left": rule.left.name,
            "operator": rule.get_operator_display(),
            "right": rule.right.name,
            "message": rule.message,
            "is_active": rule.is_active,
        }


INDICATORS = SheetKind(
    key="indicators.indicator",
    label="Chỉ tiêu",
    columns=INDICATOR_COLUMNS,
    can_export=permissions.can_view_indicators,
    export_rows=indicator_rows,
    list_url_name="indicators:indicator_list",
    instructions=("• Cách đếm, chỉ tiêu kế hoạch và số liệu của từng chỉ tiêu xem trên trang của chỉ tiêu.",),
)

RULES = SheetKind(
    key="indicators.rule",
    label="Quy tắc kiểm tra giữa các chỉ tiêu",
    columns=RULE_COLUMNS,
    can_export=permissions.can_view_indicators,
    export_rows=rule_rows,
    list_url_name="indicators:rule_list",
)

"""Writes to indicators, plan targets and validation rules: kept by the secretariat and the administrator."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import create_record, delete_record, update_record
from phoihop.indicators.choices import Counting, Measure, PeriodType
from phoihop.indicators.models import Indicator, Target, ValidationRule
from phoihop.indicators.registry import RecordKind, record_kinds

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.planning.models import Plan

from phoihop.indicators.services.common import (
    INDICATOR_FIELDS,
    RULE_FIELDS,
    TARGET_FIELDS,
    clean_data,
    require_manager,
    unit_mix_error,
)


def _settle_counting(cleaned: dict[str, Any], measure: str, kind: RecordKind, indicator: Indicator | None) -> str:
    """Fill in what a record-based indicator counts and return its measure. A counting given explicitly decides
    between `count_records` and `sum_records` (the older way to say "sum of a field", still accepted); without one,
    the measure decides and a stored distinct count stays. The kind must support the counting."""
    counting = cleaned.get("counting") or ""
    if counting:
        implied = Measure.SUM_RECORDS if counting == Counting.SUM else Measure.COUNT_RECORDS
        if "measure" in cleaned and cleaned["measure"] != implied:
            raise field_error(
                "counting",
                _("Cách đếm “%(counting)s” không đi với cách tính “%(measure)s”: hãy chọn cách tính “%(implied)s”.")
                % {
                    "counting": Counting(counting).label if counting in Counting.values else counting,
                    "measure": Measure(cleaned["measure"]).label,
                    "implied": Measure(implied).label,
                },
                "counting_conflicts_measure",
            )
        measure = implied
    elif measure == Measure.SUM_RECORDS:
        counting = Counting.SUM
    else:
        stored = indicator.counting if indicator is not None else ""
        counting = stored if stored in Counting.distinct() else Counting.ROWS
    kind.validate_counting(counting)
    cleaned["measure"] = measure
    cleaned["counting"] = counting
    return measure


def _check_indicator(cleaned: dict[str, Any], components: list[Indicator] | None, indicator: Indicator | None) -> None:
    """Fill in and check how the indicator is measured; clears what its measure does not use."""

    def current(name: str, default: Any = "") -> Any:
        return cleaned.get(name, getattr(indicator, name) if indicator is not None else default)

    measure = current("measure")
    unit_kind = current("unit_kind")
    name = current("name")
    if measure in Measure.from_records():
        key = current("record_kind")
        if not key:
            raise field_error("record_kind", _("Hãy chọn loại bản ghi được đếm."), "record_kind_required")
        kind = record_kinds.get(key)
        measure = _settle_counting(cleaned, measure, kind, indicator)
        record_filter = current("record_filter", {})
        kind.validate_filter(record_filter or {})
        cleaned["record_filter"] = record_filter or {}
        if measure == Measure.SUM_RECORDS:
            sum_field = current("sum_field")
            if not sum_field:
                raise field_error("sum_field", _("Hãy chọn trường số được cộng."), "sum_field_required")
            field_kind = kind.validate_sum_field(sum_field)
            if field_kind and unit_kind and field_kind != unit_kind:
                raise unit_mix_error("sum_field", name, kind.field_label(sum_field), (unit_kind, field_kind))
        else:
            cleaned["sum_field"] = ""
    else:
        cleaned["record_kind"] = ""
        cleaned["record_filter"] = {}
        cleaned["sum_field"] = ""
        cleaned["counting"] = ""
    if measure == Measure.SUM_OF_INDICATORS:
        parts = components if components is not None else (list(indicator.components.all()) if indicator else [])
        if not parts:
            raise field_error("components", _("Hãy chọn các chỉ tiêu thành phần."), "components_required")
        for part in parts:
            if indicator is not None and part.pk == indicator.pk:
                raise field_error("components", _("Chỉ tiêu không thể là thành phần của chính nó."), "self_component")
            if part.measure == Measure.SUM_OF_INDICATORS:
                raise field_error(
                    "components",
                    _("“%(name)s” đã là chỉ tiêu tổng hợp; chỉ cộng các chỉ tiêu cơ sở.") % {"name": part.name},
                    "nested_composite",
                )
            if part.measure == Measure.RANGE_OF_VALUES:
                raise field_error(
                    "components",
                    _("“%(name)s” là khoảng giá trị, không cộng được.") % {"name": part.name},
                    "range_component",
                )
            if part.unit_kind != unit_kind:
                raise unit_mix_error("components", name, part, (unit_kind, part.unit_kind))
    elif components:
        raise field_error(
            "components", _("Chỉ chỉ tiêu tổng hợp mới có chỉ tiêu thành phần."), "components_not_allowed"
        )
    frequency = current("frequency")
    if indicator is not None and frequency:
        # One reporting frequency per indicator: not one its values already contradict.
        other = indicator.values.exclude(period_type=frequency).values_list("period_type", flat=True).first()
        if other:
            raise field_error(
                "frequency",
                _("Chỉ tiêu đã có số liệu báo cáo theo %(other)s, không chuyển sang báo cáo theo %(new)s được.")
                % {
                    "other": PeriodType(other).label.lower(),
                    "new": PeriodType(frequency).label.lower(),
                },
                "wrong_frequency",
            )
    if indicator is not None and unit_kind != indicator.unit_kind:
        # The indicator's rules and composites must still compare and add like with like.
        for rule in ValidationRule.objects.filter(left=indicator).select_related("right"):
            if rule.right.unit_kind != unit_kind:
                raise unit_mix_error("unit_kind", name, rule.right, (unit_kind, rule.right.unit_kind))
        for rule in ValidationRule.objects.filter(right=indicator).select_related("left"):
            if rule.left.unit_kind != unit_kind:
                raise unit_mix_error("unit_kind", name, rule.left, (unit_kind, rule.left.unit_kind))
        for composite in indicator.composites.all():
            if composite.unit_kind != unit_kind:
                raise unit_mix_error("unit_kind", name, composite, (unit_kind, composite.unit_kind))
        if indicator.values.exists() and (measure in Measure.from_records()):
            raise field_error(
                "measure",
                _("Chỉ tiêu đã có số liệu báo cáo, không chuyển sang đếm bản ghi được."),
                "has_values",
            )


@transaction.atomic
def create_indicator(*, actor: User | None, data: Mapping[str, Any], components: Iterable[Indicator] = ()) -> Indicator:
    require_manager(actor)
    cleaned = clean_data(data, INDICATOR_FIELDS)
    parts = list(components)
    _check_indicator(cleaned, parts, None)
    return create_record(actor=actor, instance=Indicator(**cleaned), m2m={"components": parts})


@transaction.atomic
def update_indicator(
    *,
    actor: User,
    indicator: Indicator,
    data: Mapping[str, Any],
    expected_version: int,
    components: Iterable[Indicator] | None = None,
) -> Indicator:
    require_manager(actor)
    cleaned = clean_data(data, INDICATOR_FIELDS)
    parts = list(components) if components is not None else None
    _check_indicator(cleaned, parts, indicator)
    return update_record(
        actor=actor,
        instance=indicator,
        data=cleaned,
        expected_version=expected_version,
        m2m={"components": parts} if parts is not None else None,
    )


# --- Targets --------------------------------------------------------------------------------------------------


def _check_target(plan: Plan, cleaned: Mapping[str, Any], target: Target | None = None) -> None:
    indicator = cleaned.get("indicator", target.indicator if target else None)
    agency = cleaned.get("agency", target.agency if target else None)
    if indicator is None:
        return
    existing = Target.objects.filter(plan=plan, indicator=indicator, agency=agency)
    if target is not None:
        existing = existing.exclude(pk=target.pk)
    if existing.exists():
        who = agency.name if agency is not None else _("toàn kế hoạch")
        raise field_error(
            "indicator",
            _("Kế hoạch năm %(year)s đã có chỉ tiêu “%(name)s” cho %(who)s.")
            % {"year": plan.year, "name": indicator.name, "who": who},
            "duplicate_target",
        )
    if indicator.measure == Measure.RANGE_OF_VALUES and cleaned.get("value") is not None:
        raise field_error(
            "value", _("Chỉ tiêu khoảng giá trị không có con số kế hoạch để so sánh."), "range_has_no_target"
        )


@transaction.atomic
def create_target(*, actor: User | None, plan: Plan, data: Mapping[str, Any]) -> Target:
    require_manager(actor)
    cleaned = clean_data(data, TARGET_FIELDS)
    _check_target(plan, cleaned)
    return create_record(actor=actor, instance=Target(plan=plan, **cleaned))


@transaction.atomic
def update_target(*, actor: User, target: Target, data: Mapping[str, Any], expected_version: int) -> Target:
    require_manager(actor)
    cleaned = clean_data(data, TARGET_FIELDS)
    _check_target(target.plan, cleaned, target)
    return update_record(actor=actor, instance=target, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_target(*, actor: User, target: Target, expected_version: int) -> None:
    require_manager(actor)
    delete_record(actor=actor, instance=target, expected_version=expected_version)


# --- Validation rules -----------------------------------------------------------------------------------------


def _check_rule(cleaned: Mapping[str, Any], rule: ValidationRule | None = None) -> None:
    left = cleaned.get("left", rule.left if rule else None)
    right = cleaned.get("right", rule.right if rule else None)
    if left is None or right is None:
        return
    if left.pk == right.pk:
        raise field_error("right", _("Hai vế của quy tắc phải là hai chỉ tiêu khác nhau."), "same_indicator")
    for side, indicator in (("left", left), ("right", right)):
        if indicator.measure == Measure.RANGE_OF_VALUES:
            raise field_error(
                side,
                _("“%(name)s” là khoảng giá trị, không so sánh được.") % {"name": indicator.name},
                "range_in_rule",
            )
    if left.unit_kind != right.unit_kind:
        raise unit_mix_error("right", left, right, (left.unit_kind, right.unit_kind))


@transaction.atomic
def create_rule(*, actor: User | None, data: Mapping[str, Any]) -> ValidationRule:
    require_manager(actor)
    cleaned = clean_data(data, RULE_FIELDS)
    _check_rule(cleaned)
    return create_record(actor=actor, instance=ValidationRule(**cleaned))


@transaction.atomic
def update_rule(*, actor: User, rule: ValidationRule, data: Mapping[str, Any], expected_version: int) -> ValidationRule:
    require_manager(actor)
    cleaned = clean_data(data, RULE_FIELDS)
    _check_rule(cleaned, rule)
    return update_record(actor=actor, instance=rule, data=cleaned, expected_version=expected_version)

"""Computed progress of a plan's indicators: actual, target, ratio with an explicit rounding rule, the year-end
projection from the pace so far, and the provenance — the exact reported values or records the actual is made of.

Everything is read in a fixed number of queries, whatever the number of values or records: one for the reported
values of the plan, one aggregate per record kind in use (one per record-based indicator in a validation rule),
and, only when the rows are asked for (drill-down, API, report), one per record-based line."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from phoihop.core.vnformat import (
    Rounding,
    format_fraction,
    format_money,
    format_money_range,
    format_number,
    format_percent,
    quantize,
    ratio_percent,
)
from phoihop.indicators.choices import ApprovalStatus, Counting, Measure, RuleOperator, UnitKind
from phoihop.indicators.counting import amount as counting_amount
from phoihop.indicators.counting import counting_of, record_amounts, value_paths
from phoihop.indicators.counting import related_paths as counting_related
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period
from phoihop.indicators.registry import RecordKind, RowText, links_to, record_kinds

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from phoihop.planning.models import Plan

Scope = frozenset[int] | None  # None: every body
ZERO = Decimal(0)
BOOKKEEPING = ("created_at", "updated_at")
RATIO_DECIMALS = 1


@dataclass(frozen=True)
class ProvenanceRow:
    """One reported value or one record that a figure is made of."""

    source: str  # "value", or the record kind's key
    source_label: str
    object_id: int
    indicator_code: str
    agency_id: int | None
    agency_name: str
    label: str
    date: dt.date | None
    value: Decimal
    url: str = ""
    note: str = ""
    status: str = ""
    approved: bool = True  # a reported value whose body's period is not approved is False; records are always True


@dataclass(frozen=True)
class IndicatorProgress:
    """One line of a plan's progress: an indicator for a body (or for everyone) against its plan figure."""

    target_id: int | None
    indicator_id: int
    code: str
    name: str
    unit: str
    unit_kind: str
    measure: str
    agency_id: int | None
    agency_name: str
    actual: Decimal | None
    low: Decimal | None
    high: Decimal | None
    target: Decimal | None
    ratio: Decimal | None
    rounding: Rounding
    projection: Decimal | None
    behind: bool
    source_count: int
    provenance: tuple[ProvenanceRow, ...] = ()
    provenance_loaded: bool = False

    @property
    def actual_text(self) -> str:
        if self.measure == Measure.RANGE_OF_VALUES:
            if self.low is None or self.high is None:
                return "—"
            if self.unit_kind == UnitKind.VND:
                return format_money_range(self.low, self.high)
            if self.low == self.high:
                return format_number(self.low)
            return f"{format_number(self.low)} - {format_number(self.high)}"
        if self.actual is None:
            return "—"
        return format_money(self.actual) if self.unit_kind == UnitKind.VND else format_number(self.actual)

    @property
    def target_text(self) -> str:
        return "" if self.target is None else format_number(self.target)

    @property
    def fraction_text(self) -> str:
        """ "13.297/21.500", or the actual alone when there is no plan figure."""
        if self.actual is None or self.target is None:
            return self.actual_text
        return format_fraction(self.actual, self.target)

    @property
    def ratio_text(self) -> str:
        """ "61,8%" with the line's rounding rule; empty without a plan figure."""
        return "" if self.ratio is None else format_percent(self.ratio, RATIO_DECIMALS)

    def percent_text(self, rounding: Rounding) -> str:
        """The ratio under another rounding rule: 315/190 is "165,8%" half-up and "165,7%" truncated."""
        if self.actual is None or not self.target:
            return ""
        return format_percent(ratio_percent(self.actual, self.target, decimals=RATIO_DECIMALS, rounding=rounding))

    @property
    def projection_text(self) -> str:
        if self.projection is None:
            return ""
        return format_number(quantize(self.projection, 0))

    @property
    def bar_value(self) -> Decimal:
        """For the progress bar: the ratio capped at 100."""
        return min(self.ratio or ZERO, Decimal(100))

    @property
    def provenance_total(self) -> Decimal:
        return sum((row.value for row in self.provenance), ZERO)


@dataclass(frozen=True)
class RuleViolation:
    rule_id: int
    agency_id: int
    agency_name: str
    left_code: str
    left_name: str
    left_value: Decimal
    operator: str
    right_code: str
    right_name: str
    right_value: Decimal
    message: str

    @property
    def text(self) -> str:
        return (
            f"{self.agency_name}: {self.message} ({self.left_name}: {format_number(self.left_value)} "
            f"{self.operator} {self.right_name}: {format_number(self.right_value)} không được thỏa mãn)."
        )


def row_joins(kind: RecordKind) -> list[str]:
    """What a record's description and link read: its own foreign keys (the founding's enterprise, the participant
    row's activity) and the path to its body, so describing a thousand records takes no query per record."""
    paths = {kind.agency_field}
    for field_obj in kind.model._meta.concrete_fields:
        if field_obj.is_relation and field_obj.related_model is not None:
            paths.add(field_obj.name)
    return sorted(paths)


@dataclass(frozen=True)
class PlanProgress:
    plan_id: int
    as_of: dt.date
    elapsed_share: Decimal | None
    lines: tuple[IndicatorProgress, ...]
    violations: tuple[RuleViolation, ...] = ()

    @property
    def behind_count(self) -> int:
        return sum(1 for line in self.lines if line.behind)

    @property
    def indicator_count(self) -> int:
        """How many indicators the lines are of: an indicator planned for two bodies is two lines."""
        return len({line.indicator_id for line in self.lines})


@dataclass
class _Result:
    actual: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    count: int = 0
    rows: list[ProvenanceRow] = field(default_factory=list)


def _value_row(
    value: ReportedValue, code: str, status: str = "", *, approved: bool = True, url: str | None = None
) -> ProvenanceRow:
    return ProvenanceRow(
        source="value",
        source_label="Số liệu báo cáo",
        object_id=value.pk,
        indicator_code=code,
        agency_id=value.agency_id,
        agency_name=value.agency.name,
        label=value.period.label,
        date=value.period_start,
        value=value.value,
        url=value.get_absolute_url() if url is None else url,
        note=value.source or value.note,
        status=status,
        approved=approved,
    )


class Calculator:
    """Loads what a set of (indicator, scope) figures needs in a fixed number of queries, then computes them.

    `approved_only` leaves out every reported value whose body's period is not approved (a signed report's rule);
    without it the rows still say which values are not approved."""

    def __init__(
        self, plan: Plan, *, until: dt.date | None = None, with_rows: bool = False, approved_only: bool = False
    ) -> None:
        self.plan = plan
        self.approved_only = approved_only
        self.start = plan.period_start
        self.end = min(until, plan.counted_until) if until else plan.counted_until
        self.with_rows = with_rows
        self.indicators: dict[int, Indicator] = {}
        self.needs: set[tuple[int, Scope]] = set()
        self.grouped_needs: set[int] = set()
        self.values: dict[int, list[ReportedValue]] = defaultdict(list)
        self.records: dict[tuple[int, Scope], _Result] = {}
        self.grouped: dict[int, dict[int, Decimal]] = {}
        self.statuses: dict[tuple[int, str, dt.date], str] = {}
        self.approved: set[tuple[int, str, dt.date]] = set()
        self.agency_names: dict[int, str] = {}

    # --- what is needed -----------------------------------------------------------------------------------
    def add(self, indicator: Indicator, scope: Scope) -> None:
        self.indicators[indicator.pk] = indicator
        if indicator.measure == Measure.SUM_OF_INDICATORS:
            for component in _components(indicator):
                self.add(component, scope)
        self.needs.add((indicator.pk, scope))

    def add_per_agency(self, indicator: Indicator) -> None:
        """Each body's own figure of the indicator (for validation rules)."""
        self.indicators[indicator.pk] = indicator
        if indicator.measure == Measure.SUM_OF_INDICATORS:
            for component in _components(indicator):
                self.add_per_agency(component)
        self.grouped_needs.add(indicator.pk)

    # --- loading ------------------------------------------------------------------------------------------
    def load(self, *, agency_ids: Iterable[int] | None = None) -> None:
        value_ids = [pk for pk, ind in self.indicators.items() if ind.measure in Measure.from_values()]
        if value_ids:
            queryset = (
                ReportedValue.objects.filter(plan=self.plan, indicator_id__in=value_ids, period_start__lte=self.end)
                .select_related("agency")
                # Bookkeeping no figure or row reads: a report at ten times the data reads thousands of values.
                .defer(*BOOKKEEPING, *(f"agency__{name}" for name in BOOKKEEPING))
            )
            if agency_ids is not None:
                queryset = queryset.filter(agency_id__in=list(agency_ids))
            if self.approved_only:
                # A subquery, not a second query: the number of queries stays the same with the rule on.
                queryset = queryset.filter(
                    Exists(
                        PeriodApproval.objects.filter(
                            plan_id=OuterRef("plan_id"),
                            agency_id=OuterRef("agency_id"),
                            period_type=OuterRef("period_type"),
                            period_start=OuterRef("period_start"),
                            status=ApprovalStatus.APPROVED,
                        )
                    )
                )
            for value in queryset.order_by("period_start", "pk"):
                self.values[value.indicator_id].append(value)
                self.agency_names[value.agency_id] = value.agency.name
        if self.with_rows and value_ids:
            for approval in PeriodApproval.objects.filter(plan=self.plan):
                key = (approval.agency_id, approval.period_type, approval.period_start)
                self.statuses[key] = approval.get_status_display()
                if approval.status == ApprovalStatus.APPROVED:
                    self.approved.add(key)
        self._load_records()
        self._load_grouped_records(agency_ids)

    def _record_q(self, kind: RecordKind, indicator: Indicator, scope: Scope) -> Q:
        q = kind.agency_q(scope) & kind.parse_filter(indicator.record_filter)
        if indicator.measure == Measure.SUM_RECORDS:
            q &= Q(**{f"{indicator.sum_field}__isnull": False})
        return q

    def _load_records(self) -> None:
        by_kind: dict[str, list[tuple[int, Scope]]] = defaultdict(list)
        for pk, scope in self.needs:
            indicator = self.indicators[pk]
            if indicator.measure in Measure.from_records():
                by_kind[indicator.record_kind].append((pk, scope))
        for key, needs in by_kind.items():
            kind = record_kinds.get(key)
            aggregates: dict[str, Any] = {}
            ordered = sorted(needs, key=lambda need: (need[0], sorted(need[1] or [])))
            for index, (pk, scope) in enumerate(ordered):
                indicator = self.indicators[pk]
                q = self._record_q(kind, indicator, scope)
                aggregates[f"n{index}"] = Count("pk", filter=q)
                if counting_of(indicator) != Counting.ROWS:
                    aggregates[f"s{index}"] = counting_amount(kind, indicator, q)
            totals = kind.model._default_manager.filter(kind.date_q(self.start, self.end)).aggregate(**aggregates)
            for index, (pk, scope) in enumerate(ordered):
                indicator = self.indicators[pk]
                count = int(totals[f"n{index}"] or 0)
                actual = Decimal(count) if f"s{index}" not in totals else Decimal(totals[f"s{index}"] or 0)
                result = _Result(actual=actual, count=count)
                if self.with_rows:
                    result.rows = self._record_rows(kind, indicator, scope)
                self.records[(pk, scope)] = result

    def _record_rows(self, kind: RecordKind, indicator: Indicator, scope: Scope) -> list[ProvenanceRow]:
        queryset = (
            kind.model._default_manager.filter(kind.date_q(self.start, self.end))
            .filter(self._record_q(kind, indicator, scope))
            .order_by(kind.date_field, "pk")
        )
        if kind.row_text is not None and kind.link is not None:
            return self._value_rows(kind, indicator, queryset, kind.row_text, kind.link)
        queryset = queryset.select_related(*row_joins(kind), *counting_related(kind, indicator))
        rows = []
        link = kind.linker()
        for record, amount, note in record_amounts(kind, indicator, queryset):
            agency = _value_at(record, kind.agency_field)
            date = _value_at(record, kind.date_field)
            if isinstance(date, dt.datetime):
                date = timezone.localtime(date).date() if timezone.is_aware(date) else date.date()
            rows.append(
                ProvenanceRow(
                    source=kind.key,
                    source_label=kind.label,
                    object_id=record.pk,
                    indicator_code=indicator.code,
                    agency_id=getattr(agency, "pk", None),
                    agency_name=str(getattr(agency, "name", agency or "")),
                    label=kind.describe(record),
                    date=date,
                    value=amount,
                    url=link(record),
                    note=note,
                )
            )
        return rows

    def _value_rows(
        self,
        kind: RecordKind,
        indicator: Indicator,
        queryset: QuerySet[Any],
        row_text: RowText,
        link_to: tuple[str, ...],
    ) -> list[ProvenanceRow]:
        """`_record_rows` for a kind that describes its rows from values: the few columns its text, link, body, date
        and figure read, no model instances (a report at ten times the data lists thousands of rows)."""
        agency_name = f"{kind.agency_field}__name"
        paths = {
            "pk",
            kind.date_field,
            kind.agency_field,
            agency_name,
            link_to[1],
            *row_text.fields,
            *value_paths(kind, indicator),
        }
        link = kind.value_linker()
        describe = row_text.text
        rows = []
        for row, amount, note in record_amounts(kind, indicator, queryset.values(*paths), as_values=True):
            date = row[kind.date_field]
            if isinstance(date, dt.datetime):
                date = timezone.localtime(date).date() if timezone.is_aware(date) else date.date()
            rows.append(
                ProvenanceRow(
                    source=kind.key,
                    source_label=kind.label,
                    object_id=row["pk"],
                    indicator_code=indicator.code,
                    agency_id=row[kind.agency_field],
                    agency_name=row[agency_name] or "",
                    label=describe(row),
                    date=date,
                    value=amount,
                    url=link(row),
                    note=note,
                )
            )
        return rows

    def _load_grouped_records(self, agency_ids: Iterable[int] | None) -> None:
        for pk in self.grouped_needs:
            indicator = self.indicators[pk]
            if indicator.measure not in Measure.from_records():
                continue
            kind = record_kinds.get(indicator.record_kind)
            queryset = kind.model._default_manager.filter(kind.date_q(self.start, self.end)).filter(
                self._record_q(kind, indicator, None)
            )
            if agency_ids is not None:
                queryset = queryset.filter(kind.agency_q(agency_ids))
            rows = queryset.values(kind.agency_field).annotate(amount=counting_amount(kind, indicator)).order_by()
            self.grouped[pk] = {row[kind.agency_field]: Decimal(row["amount"] or 0) for row in rows}

    # --- results ------------------------------------------------------------------------------------------
    def result(self, indicator: Indicator, scope: Scope) -> _Result:
        if indicator.measure == Measure.SUM_OF_INDICATORS:
            total = _Result(actual=ZERO)
            for component in _components(indicator):
                part = self.result(component, scope)
                total.actual = (total.actual or ZERO) + (part.actual or ZERO)
                total.count += part.count
                total.rows.extend(part.rows)
            return total
        if indicator.measure in Measure.from_records():
            return self.records.get((indicator.pk, scope), _Result(actual=ZERO))
        values = [v for v in self.values.get(indicator.pk, []) if scope is None or v.agency_id in scope]
        return self._from_values(indicator, values)

    @staticmethod
    def _key(value: ReportedValue) -> tuple[int, str, dt.date]:
        return (value.agency_id, value.period_type, value.period_start)

    def _status(self, value: ReportedValue) -> str:
        status = self.statuses.get(self._key(value))
        return status if status is not None else self._draft

    @cached_property
    def _draft(self) -> str:
        return str(ApprovalStatus.DRAFT.label)  # translated once, not once per value of a period not submitted

    def _from_values(self, indicator: Indicator, values: list[ReportedValue]) -> _Result:
        if indicator.measure == Measure.LATEST_VALUE:
            latest: dict[int, ReportedValue] = {}
            for value in values:
                current = latest.get(value.agency_id)
                if current is None or (value.period_end, value.period_start) > (
                    current.period_end,
                    current.period_start,
                ):
                    latest[value.agency_id] = value
            values = sorted(latest.values(), key=lambda v: (v.agency_id, v.period_start))
            actual = sum((v.value for v in values), ZERO) if values else None
            result = _Result(actual=actual, count=len(values))
        elif indicator.measure == Measure.RANGE_OF_VALUES:
            amounts = [v.value for v in values]
            result = _Result(low=min(amounts) if amounts else None, high=max(amounts) if amounts else None)
            result.count = len(values)
        else:
            result = _Result(actual=sum((v.value for v in values), ZERO), count=len(values))
        if self.with_rows:
            link = links_to("indicators:value_detail", "pk")
            result.rows = [
                _value_row(v, indicator.code, self._status(v), approved=self._key(v) in self.approved, url=link(v))
                for v in values
            ]
        return result

    def own_value(self, indicator: Indicator, agency_id: int) -> Decimal:
        """A body's own figure (not its units'), for validation rules."""
        if indicator.measure == Measure.SUM_OF_INDICATORS:
            return sum((self.own_value(c, agency_id) for c in _components(indicator)), ZERO)
        if indicator.measure in Measure.from_records():
            return self.grouped.get(indicator.pk, {}).get(agency_id, ZERO)
        return self.result(indicator, frozenset({agency_id})).actual or ZERO

    def agencies_with_data(self, indicators: Iterable[Indicator]) -> set[int]:
        found: set[int] = set()
        for indicator in indicators:
            if indicator.measure == Measure.SUM_OF_INDICATORS:
                found |= self.agencies_with_data(_components(indicator))
            elif indicator.measure in Measure.from_records():
                found |= set(self.grouped.get(indicator.pk, {}))
            else:
                found |= {v.agency_id for v in self.values.get(indicator.pk, [])}
        return found


def _value_at(record: Any, path: str) -> Any:
    """The value at a registered field path: "owner_agency", or "activity__owner_agency" for a child row whose
    date and body are its parent's."""
    for part in path.split("__"):
        if record is None:
            return None
        record = getattr(record, part)
    return record


def _components(indicator: Indicator) -> list[Indicator]:
    # Prefetched by the callers (prefetch_related("indicator__components")), so this does not query per line.
    return list(indicator.components.all())


def elapsed_share(plan: Plan, as_of: dt.date) -> Decimal | None:
    """Share of the reporting period elapsed at `as_of` (capped at the cut-off date); None before it starts."""
    until = min(as_of, plan.counted_until)
    if until < plan.period_start:
        return None
    total = (plan.period_end - plan.period_start).days + 1
    elapsed = (until - plan.period_start).days + 1
    return Decimal(elapsed) / Decimal(total)


def _line(
    target: Target,
    scope: Scope,
    calculator: Calculator,
    *,
    share: Decimal | None,
    rounding: Rounding | None,
    agency_name: str,
) -> IndicatorProgress:
    indicator = target.indicator
    result = calculator.result(indicator, scope)
    rule = rounding or indicator.rounding_rule
    ratio = None
    if result.actual is not None and target.value:
        ratio = ratio_percent(result.actual, target.value, decimals=RATIO_DECIMALS, rounding=rule)
    projection = None
    behind = False
    if indicator.measure in Measure.cumulative() and share and result.actual is not None:
        projection = result.actual / share
        behind = target.value is not None and projection < target.value
    return IndicatorProgress(
        target_id=target.pk,
        indicator_id=indicator.pk,
        code=indicator.code,
        name=indicator.name,
        unit=indicator.unit,
        unit_kind=indicator.unit_kind,
        measure=indicator.measure,
        agency_id=target.agency_id,
        agency_name=agency_name,
        actual=result.actual,
        low=result.low,
        high=result.high,
        target=target.value,
        ratio=ratio,
        rounding=rule,
        projection=projection,
        behind=behind,
        source_count=result.count,
        provenance=tuple(result.rows),
        provenance_loaded=calculator.with_rows,
    )


def _targets(plan: Plan, target_ids: Sequence[int] | None = None) -> list[Target]:
    queryset = Target.objects.filter(plan=plan).select_related("indicator", "agency")
    if target_ids is not None:
        queryset = queryset.filter(pk__in=list(target_ids))
    return list(queryset.prefetch_related("indicator__components__components").order_by("position", "pk"))


def _rules() -> list[ValidationRule]:
    # Components are read only for composite indicators, which rules rarely compare: no prefetch for every call.
    return list(ValidationRule.objects.filter(is_active=True).select_related("left", "right"))


def _compare(left: Decimal, operator: str, right: Decimal) -> bool:
    return {
        RuleOperator.LE: left <= right,
        RuleOperator.LT: left < right,
        RuleOperator.EQ: left == right,
        RuleOperator.GE: left >= right,
        RuleOperator.GT: left > right,
    }[RuleOperator(operator)]


def _violations(
    rules: list[ValidationRule], calculator: Calculator, agency_ids: Iterable[int] | None = None
) -> list[RuleViolation]:
    broken: list[tuple[ValidationRule, int, Decimal, Decimal]] = []
    for rule in rules:
        agencies = calculator.agencies_with_data([rule.left, rule.right])
        if agency_ids is not None:
            agencies &= set(agency_ids)
        for agency_id in sorted(agencies):
            left = calculator.own_value(rule.left, agency_id)
            right = calculator.own_value(rule.right, agency_id)
            if not _compare(left, rule.operator, right):
                broken.append((rule, agency_id, left, right))
    names = calculator.agency_names
    missing = {agency_id for _rule, agency_id, _l, _r in broken if agency_id not in names}
    if missing:
        from phoihop.directory.models import Agency

        names.update(dict(Agency.objects.filter(pk__in=missing).values_list("pk", "name")))
    found: list[RuleViolation] = []
    for rule, agency_id, left, right in broken:
        found.append(
            RuleViolation(
                rule_id=rule.pk,
                agency_id=agency_id,
                agency_name=names.get(agency_id, str(agency_id)),
                left_code=rule.left.code,
                left_name=rule.left.name,
                left_value=left,
                operator=rule.get_operator_display(),
                right_code=rule.right.code,
                right_name=rule.right.name,
                right_value=right,
                message=rule.message,
            )
        )
    return found


def compute_plan_progress(
    plan: Plan,
    *,
    scopes: dict[int, frozenset[int]],
    rounding: Rounding | None = None,
    with_provenance: bool = False,
    as_of: dt.date | None = None,
    target_ids: Sequence[int] | None = None,
    agency_filter: Scope = None,
    check_rules: bool = True,
    approved_only: bool = False,
) -> PlanProgress:
    """The progress of every target line of the plan (or of the given lines, or of lines whose body is in
    `agency_filter`). `scopes` maps an agency to itself and its units (directory.selectors.agency_scopes()).
    `approved_only`: reported values count only once their body's period is approved."""
    as_of = as_of or timezone.localdate()
    targets = _targets(plan, target_ids)
    if agency_filter is not None:
        targets = [t for t in targets if t.agency_id is not None and t.agency_id in agency_filter]
    calculator = Calculator(plan, with_rows=with_provenance, approved_only=approved_only)
    line_scopes: list[Scope] = []
    for target in targets:
        scope = scopes.get(target.agency_id, frozenset({target.agency_id})) if target.agency_id else None
        line_scopes.append(scope)
        calculator.add(target.indicator, scope)
    rules = _rules() if check_rules else []
    for rule in rules:
        calculator.add_per_agency(rule.left)
        calculator.add_per_agency(rule.right)
    calculator.load()
    share = elapsed_share(plan, as_of)
    lines = tuple(
        _line(
            target,
            scope,
            calculator,
            share=share,
            rounding=rounding,
            agency_name=target.agency.name if target.agency else "",
        )
        for target, scope in zip(targets, line_scopes, strict=True)
    )
    violations = tuple(_violations(rules, calculator, agency_filter)) if rules else ()
    counted_to = min(as_of, plan.counted_until)  # figures are taken up to today or the cut-off, whichever is first
    return PlanProgress(plan_id=plan.pk, as_of=counted_to, elapsed_share=share, lines=lines, violations=violations)


def rule_violations_for(plan: Plan, agency_id: int, *, until: dt.date | None = None) -> list[RuleViolation]:
    """The rules a body's own data of the plan breaks, counting what is reported up to `until` (the end of the
    period about to be approved)."""
    rules = _rules()
    if not rules:
        return []
    calculator = Calculator(plan, until=until)
    for rule in rules:
        calculator.add_per_agency(rule.left)
        calculator.add_per_agency(rule.right)
    calculator.load(agency_ids=[agency_id])
    return _violations(rules, calculator, [agency_id])


def period_of(value: ReportedValue | PeriodApproval) -> Period:
    return Period(value.period_start, value.period_end, value.period_type)

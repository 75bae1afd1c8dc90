"""Reads of indicators, targets, reported values, approvals and computed progress. Every selector takes the user:
reported values and approvals of a body are seen by that body (its agency and units) and by those who read every
body; anything else is a 404. Computed figures of the joint plan are read by every signed-in user."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.text import fold_vi
from phoihop.core.vnformat import Rounding
from phoihop.directory.models import Agency
from phoihop.directory.selectors import agency_scopes
from phoihop.indicators.choices import ApprovalStatus, Measure, PeriodType
from phoihop.indicators.filters import ReportedValueFilter
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period
from phoihop.indicators.permissions import can_view_indicators
from phoihop.indicators.progress import (
    IndicatorProgress,
    PlanProgress,
    ProvenanceRow,
    RuleViolation,
    compute_plan_progress,
    rule_violations_for,
)
from phoihop.planning.permissions import home_scope, own_scope, read_scope

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.planning.models import Plan

__all__ = [
    "IndicatorProgress",
    "PlanProgress",
    "ProvenanceRow",
    "RuleViolation",
    "approval_rows",
    "body_progress",
    "get_indicator",
    "get_value",
    "indicators_visible_to",
    "list_values",
    "plan_progress",
    "target_progress",
    "values_visible_to",
]


def indicators_visible_to(user: User) -> QuerySet[Indicator]:
    if not can_view_indicators(user):
        return Indicator.objects.none()
    return Indicator.objects.select_related("owner_agency")


def list_indicators(*, user: User, query: str = "", active_only: bool = False) -> QuerySet[Indicator]:
    queryset = indicators_visible_to(user)
    for word in fold_vi(query).split():
        queryset = queryset.filter(search_text__contains=word)
    if active_only:
        queryset = queryset.filter(is_active=True)
    return queryset.order_by("code")


def indicator_choices(*, active_only: bool = False, exclude: Indicator | None = None) -> QuerySet[Indicator]:
    """The indicators a form offers, by code (reference data of the joint programme)."""
    queryset = Indicator.objects.filter(is_active=True) if active_only else Indicator.objects.all()
    if exclude is not None and exclude.pk:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset.order_by("code")


def value_indicator_choices() -> QuerySet[Indicator]:
    """The indicators a value is entered for: active ones measured by reported values."""
    return indicator_choices(active_only=True).filter(measure__in=Measure.from_values())


def entry_agencies(*, user: User) -> QuerySet[Agency]:
    """The bodies a user enters values for: every agency for the administrator, else the user's own body."""
    if user.is_admin:
        return Agency.objects.order_by("name")
    return Agency.objects.filter(pk__in=own_scope(user)).order_by("name")


def values_in_period(*, plan: Plan, agency: Agency, period: Period) -> int:
    return ReportedValue.objects.filter(
        plan=plan, agency=agency, period_type=period.type, period_start=period.start
    ).count()


# The measures a body reports by hand, period by period (the others are counted from records or other indicators).
REPORTED_MEASURES = (Measure.SUM_VALUES, Measure.LATEST_VALUE, Measure.RANGE_OF_VALUES)


@dataclass(frozen=True)
class DueValue:
    indicator: Indicator
    period: Period


def last_closed_period(period_type: str, today: dt.date) -> Period:
    """The latest period of that type that ended before today (the one whose figures are due now)."""
    current = Period.of(period_type or PeriodType.MONTH, today)
    return Period.of(current.type, current.start - dt.timedelta(days=1))


def values_due(*, user: User, plan: Plan, today: dt.date) -> list[DueValue]:
    """The figures the user's body owes for the period that has just ended: each indicator it reports by hand in the
    plan (its own target line, or a common line of an indicator it is in charge of), for the last closed period of the
    indicator's frequency inside the plan's period, that has no value yet. Two queries."""
    if not user.agency_id:
        return []
    targets = (
        Target.objects.filter(plan=plan, indicator__measure__in=REPORTED_MEASURES, indicator__is_active=True)
        .filter(Q(agency_id=user.agency_id) | Q(agency__isnull=True, indicator__owner_agency_id=user.agency_id))
        .select_related("indicator")
        .order_by("position", "pk")
    )
    wanted: dict[tuple[int, str, dt.date], DueValue] = {}
    for target in targets:
        period = last_closed_period(target.indicator.frequency, today)
        if period.start < plan.period_start or period.end > plan.period_end:
            continue
        wanted.setdefault(
            (target.indicator_id, period.type, period.start), DueValue(indicator=target.indicator, period=period)
        )
    if not wanted:
        return []
    given = set(
        ReportedValue.objects.filter(
            plan=plan,
            agency_id=user.agency_id,
            indicator_id__in={key[0] for key in wanted},
            period_start__in={key[2] for key in wanted},
        ).values_list("indicator_id", "period_type", "period_start")
    )
    return [due for key, due in wanted.items() if key not in given]


def get_indicator(*, user: User, pk: int) -> Indicator:
    return get_object_or_404(indicators_visible_to(user).prefetch_related("components"), pk=pk)


def targets_visible_to(user: User) -> QuerySet[Target]:
    if not can_view_indicators(user):
        return Target.objects.none()
    return Target.objects.select_related("indicator", "agency", "plan")


def get_target(*, user: User, pk: int) -> Target:
    return get_object_or_404(targets_visible_to(user), pk=pk)


def list_targets(*, user: User, plan: Plan) -> QuerySet[Target]:
    return targets_visible_to(user).filter(plan=plan).order_by("position", "pk")


def rules_visible_to(user: User) -> QuerySet[ValidationRule]:
    if not can_view_indicators(user):
        return ValidationRule.objects.none()
    return ValidationRule.objects.select_related("left", "right")


def get_rule(*, user: User, pk: int) -> ValidationRule:
    return get_object_or_404(rules_visible_to(user), pk=pk)


def values_visible_to(user: User) -> QuerySet[ReportedValue]:
    if not can_view_indicators(user):
        return ReportedValue.objects.none()
    queryset = ReportedValue.objects.select_related("indicator", "agency", "plan", "entered_by")
    scope = read_scope(user)
    if scope is not None:
        queryset = queryset.filter(agency_id__in=scope)
    return queryset


def list_values(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[ReportedValue]:
    params = params or {}
    queryset = values_visible_to(user)
    for name in ("plan", "indicator", "agency"):
        raw = params.get(name)
        if raw is not None and raw != "":
            try:
                queryset = queryset.filter(**{f"{name}_id": int(raw)})
            except (TypeError, ValueError):
                return queryset.none()
    choices = {name: params.get(name) or "" for name in ReportedValueFilter.base_filters}
    queryset = ReportedValueFilter(choices, queryset=queryset, user=user).qs
    return queryset.order_by("plan__year", "indicator__code", "agency__name", "period_start", "pk")


def get_value(*, user: User, pk: int) -> ReportedValue:
    return get_object_or_404(values_visible_to(user), pk=pk)


def approvals_visible_to(user: User) -> QuerySet[PeriodApproval]:
    if not can_view_indicators(user):
        return PeriodApproval.objects.none()
    queryset = PeriodApproval.objects.select_related("agency", "plan", "changed_by")
    scope = read_scope(user)
    if scope is not None:
        queryset = queryset.filter(agency_id__in=scope)
    return queryset


@dataclass(frozen=True)
class ApprovalRow:
    """One body's data for one period of a plan, as the approval screen shows it."""

    plan_id: int
    agency_id: int
    agency_name: str
    agency_code: str
    period: Period
    value_count: int
    status: str
    status_label: str
    reason: str
    version: int | None
    changed_by: str
    changed_at: dt.datetime | None

    @property
    def period_key(self) -> str:
        return self.period.key

    @property
    def locked(self) -> bool:
        return self.status == ApprovalStatus.APPROVED


def approval_rows(*, user: User, plan: Plan, agency_id: int | None = None) -> list[ApprovalRow]:
    """Every (body, period) of the plan with values or an approval state, within what the user reads. Two queries."""
    values = values_visible_to(user).filter(plan=plan)
    approvals = approvals_visible_to(user).filter(plan=plan)
    if agency_id is not None:
        values = values.filter(agency_id=agency_id)
        approvals = approvals.filter(agency_id=agency_id)
    counts = (
        values.values("agency_id", "agency__name", "agency__short_code", "period_type", "period_start", "period_end")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_key: dict[tuple[int, str, dt.date], dict[str, Any]] = {}
    for row in counts:
        key = (row["agency_id"], row["period_type"], row["period_start"])
        by_key[key] = {
            "agency_name": row["agency__name"],
            "agency_code": row["agency__short_code"],
            "period": Period(row["period_start"], row["period_end"], row["period_type"]),
            "n": row["n"],
        }
    rows: list[ApprovalRow] = []
    seen: set[tuple[int, str, dt.date]] = set()
    for approval in approvals:
        key = (approval.agency_id, approval.period_type, approval.period_start)
        seen.add(key)
        info = by_key.get(key, {})
        rows.append(
            ApprovalRow(
                plan_id=plan.pk,
                agency_id=approval.agency_id,
                agency_name=approval.agency.name,
                agency_code=approval.agency.short_code,
                period=approval.period,
                value_count=int(info.get("n", 0)),
                status=approval.status,
                status_label=approval.get_status_display(),
                reason=approval.reason,
                version=approval.version,
                changed_by=str(approval.changed_by) if approval.changed_by else "",
                changed_at=approval.changed_at,
            )
        )
    for key, info in by_key.items():
        if key in seen:
            continue
        rows.append(
            ApprovalRow(
                plan_id=plan.pk,
                agency_id=key[0],
                agency_name=info["agency_name"],
                agency_code=info["agency_code"],
                period=info["period"],
                value_count=int(info["n"]),
                status=ApprovalStatus.DRAFT,
                status_label=str(ApprovalStatus.DRAFT.label),
                reason="",
                version=None,
                changed_by="",
                changed_at=None,
            )
        )
    return sorted(rows, key=lambda r: (r.agency_name, r.period.start, r.period.type))


def locked_periods(*, plan: Plan, agency_ids: set[int] | None = None) -> set[tuple[int, str, dt.date]]:
    queryset = PeriodApproval.objects.filter(plan=plan, status=ApprovalStatus.APPROVED)
    if agency_ids is not None:
        queryset = queryset.filter(agency_id__in=agency_ids)
    return set(queryset.values_list("agency_id", "period_type", "period_start"))


# --- Computed progress ----------------------------------------------------------------------------------------


def plan_progress(
    *,
    plan: Plan,
    rounding: Rounding | None = None,
    with_provenance: bool = False,
    as_of: dt.date | None = None,
    approved_only: bool = False,
) -> PlanProgress:
    """Every indicator line of the plan: actual, target, ratio (each line's rounding rule, or `rounding` for all),
    projection, and — with_provenance — the rows each actual is made of. The plan is joint: every signed-in user
    reads its figures. A fixed number of queries, whatever the number of values. `approved_only`: only the values
    of approved periods count (what a signed report prints)."""
    return compute_plan_progress(
        plan,
        scopes=agency_scopes(),
        rounding=rounding,
        with_provenance=with_provenance,
        as_of=as_of,
        approved_only=approved_only,
    )


def body_progress(*, user: User, plan: Plan, as_of: dt.date | None = None) -> PlanProgress:
    """The lines of the user's body (its agency and units); every line for those whose work spans every body."""
    scope = home_scope(user)
    return compute_plan_progress(
        plan,
        scopes=agency_scopes(),
        as_of=as_of,
        agency_filter=scope,
        check_rules=True,
    )


def target_progress(
    *, user: User, pk: int, rounding: Rounding | None = None, as_of: dt.date | None = None
) -> tuple[Target, IndicatorProgress]:
    """One line with its provenance: the programme is joint, so every member reads every body's lines."""
    target = get_target(user=user, pk=pk)
    progress = compute_plan_progress(
        target.plan,
        scopes=agency_scopes(),
        rounding=rounding,
        with_provenance=True,
        as_of=as_of,
        target_ids=[target.pk],
        check_rules=False,
    )
    return target, progress.lines[0]


def violations_for(*, plan: Plan, agency_id: int, until: dt.date | None = None) -> list[RuleViolation]:
    return rule_violations_for(plan, agency_id, until=until)


def user_body_ids(user: User) -> frozenset[int]:
    return own_scope(user)


def indicator_plans(*, indicator: Indicator) -> QuerySet[Target]:
    return indicator.targets.select_related("plan", "agency").order_by("-plan__year", "position")


def values_of_indicator(*, user: User, indicator: Indicator) -> QuerySet[ReportedValue]:
    return values_visible_to(user).filter(indicator=indicator).order_by("-plan__year", "agency__name", "period_start")


def search_values(queryset: QuerySet[ReportedValue], query: str) -> QuerySet[ReportedValue]:
    for word in fold_vi(query).split():
        queryset = queryset.filter(Q(indicator__search_text__contains=word) | Q(agency__search_text__contains=word))
    return queryset


def values_outside_period(*, plan: Plan, start: dt.date, end: dt.date) -> bool:
    """Would any value reported for the plan fall outside the period start–end? (A plan's period may not shrink
    past values already reported.)"""
    return ReportedValue.objects.filter(plan=plan).exclude(period_start__gte=start, period_end__lte=end).exists()

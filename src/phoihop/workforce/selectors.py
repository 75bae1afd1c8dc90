"""Reads of the workforce records. Every selector takes the user and returns only what that user may see: every
member of the bodies reads everything here (the programme's shared view); an account of no body reads nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, Min, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse

from phoihop.core.audit import object_type_of
from phoihop.core.models import AuditEvent
from phoihop.core.text import fold_vi
from phoihop.workforce.choices import QuestionKind, ReportStatus, WarningStatus
from phoihop.workforce.filters import IncidentFilter, ReportFilter, SurveyFilter, WarningFilter
from phoihop.workforce.models import (
    Incident,
    IncidentStep,
    IncidentSupport,
    LabourReport,
    MinimumWage,
    Question,
    Survey,
    SurveyResponse,
    Warning,
    WarningRule,
)
from phoihop.workforce.permissions import can_view_workforce
from phoihop.workforce.wages import MinimumInForce, MinimumWageTable

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

# Fewer answers than this and a breakdown could point at a person: it is withheld.
MIN_ANSWERS = 5

REPORT_SORTS = {
    "period": "period_start",
    "-period": "-period_start",
    "enterprise": "enterprise__name",
    "-enterprise": "-enterprise__name",
    "headcount": "headcount",
    "-headcount": "-headcount",
    "status": "status",
    "-status": "-status",
}


def _gate(queryset: QuerySet[Any], user: User) -> QuerySet[Any]:
    return queryset if can_view_workforce(user) else queryset.none()


def _search_enterprise(queryset: QuerySet[Any], query: str, path: str = "enterprise") -> QuerySet[Any]:
    """Diacritic-insensitive on the enterprise's name and tax code: "hai long" finds "Hải Long"."""
    for word in fold_vi(query).split():
        queryset = queryset.filter(**{f"{path}__search_text__contains": word})
    return queryset


# --- labour reports ---------------------------------------------------------------------------------------------------


def reports_visible_to(user: User) -> QuerySet[LabourReport]:
    queryset = LabourReport.objects.select_related("enterprise", "enterprise__zone", "owner_agency")
    return _gate(queryset, user)


def list_reports(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[LabourReport]:
    params = params or {}
    queryset = ReportFilter(params, queryset=reports_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = _search_enterprise(queryset, query)
    sort = REPORT_SORTS.get(str(params.get("sort") or "-period"), "-period_start")
    return queryset.order_by(sort, "enterprise__name", "pk")


def get_report(*, user: User, pk: int) -> LabourReport:
    return get_object_or_404(reports_visible_to(user), pk=pk)


def history_of(obj: Any) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type=object_type_of(obj), object_id=str(obj.pk)).select_related(
        "actor", "agency"
    )


def minimum_for_report(report: LabourReport) -> MinimumInForce | None:
    """The regional minimum wage the report's lowest wage is compared with (three queries)."""
    zone = report.enterprise.zone
    if zone is None:
        return None
    return MinimumWageTable().in_force([zone.pk, zone.parent_id], report.period_start)


def reports_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[LabourReport]:
    return reports_visible_to(user).filter(enterprise_id=enterprise.pk).order_by("-period_start", "pk")


def minimum_wages(*, user: User) -> QuerySet[MinimumWage]:
    return _gate(MinimumWage.objects.select_related("decree"), user).order_by("-decree__effective_from", "region")


@dataclass(frozen=True)
class MealRange:
    low: int
    high: int
    enterprises: int
    reports: list[LabourReport]


def meal_range(*, user: User, year: int) -> MealRange | None:
    """The lowest and highest mid-shift meal value over the year's approved reports, with the reports it came from."""
    rows = reports_visible_to(user).filter(
        status=ReportStatus.APPROVED, period_start__year=year, meal_value__isnull=False, meal_value__gt=0
    )
    bounds = rows.aggregate(low=Min("meal_value"), high=Max("meal_value"), n=Count("enterprise", distinct=True))
    if bounds["low"] is None:
        return None
    extremes = list(
        rows.filter(Q(meal_value=bounds["low"]) | Q(meal_value=bounds["high"])).order_by("meal_value", "pk")
    )
    return MealRange(low=bounds["low"], high=bounds["high"], enterprises=bounds["n"], reports=extremes)


# --- incidents --------------------------------------------------------------------------------------------------------


def incidents_visible_to(user: User) -> QuerySet[Incident]:
    return _gate(Incident.objects.select_related("enterprise", "enterprise__zone", "owner_agency"), user)


def list_incidents(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Incident]:
    params = params or {}
    queryset = IncidentFilter(params, queryset=incidents_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        for word in fold_vi(query).split():
            queryset = queryset.filter(Q(enterprise__search_text__contains=word) | Q(search_text__contains=word))
    return queryset.order_by("-started_on", "pk")


def get_incident(*, user: User, pk: int) -> Incident:
    queryset = incidents_visible_to(user).prefetch_related("handled_by", "steps", "supports", "supports__given_by")
    return get_object_or_404(queryset, pk=pk)


def get_step(*, user: User, pk: int) -> IncidentStep:
    if not can_view_workforce(user):
        return get_object_or_404(IncidentStep.objects.none(), pk=pk)
    return get_object_or_404(IncidentStep.objects.select_related("incident"), pk=pk)


def get_support(*, user: User, pk: int) -> IncidentSupport:
    if not can_view_workforce(user):
        return get_object_or_404(IncidentSupport.objects.none(), pk=pk)
    return get_object_or_404(IncidentSupport.objects.select_related("incident"), pk=pk)


def incident_history(incident: Incident) -> QuerySet[AuditEvent]:
    condition = Q(object_type=object_type_of(Incident), object_id=str(incident.pk))
    steps = [str(step.pk) for step in incident.steps.all()]
    supports = [str(support.pk) for support in incident.supports.all()]
    if steps:
        condition |= Q(object_type=object_type_of(IncidentStep), object_id__in=steps)
    if supports:
        condition |= Q(object_type=object_type_of(IncidentSupport), object_id__in=supports)
    return AuditEvent.objects.filter(condition).select_related("actor", "agency")


# --- warnings ---------------------------------------------------------------------------------------------------------


def warnings_visible_to(user: User) -> QuerySet[Warning]:
    queryset = Warning.objects.select_related(
        "rule", "enterprise", "enterprise__zone", "enterprise__owner_agency", "handling_agency"
    )
    return _gate(queryset, user)


def list_warnings(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Warning]:
    params = params or {}
    queryset = WarningFilter(params, queryset=warnings_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = _search_enterprise(queryset, query)
    return queryset.prefetch_related("evidence").order_by("status", "-opened_at", "pk")


def get_warning(*, user: User, pk: int) -> Warning:
    queryset = warnings_visible_to(user).prefetch_related(
        "evidence", "evidence__labour_report", "evidence__incident", "events", "events__agency"
    )
    return get_object_or_404(queryset, pk=pk)


def warnings_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[Warning]:
    return warnings_visible_to(user).filter(enterprise_id=enterprise.pk).order_by("status", "-opened_at", "pk")


def rules_visible_to(user: User) -> QuerySet[WarningRule]:
    return _gate(WarningRule.objects.all(), user)


def get_rule(*, user: User, pk: int) -> WarningRule:
    return get_object_or_404(rules_visible_to(user), pk=pk)


def live_warning_count(*, user: User) -> int:
    return warnings_visible_to(user).exclude(status=WarningStatus.CLOSED).count()


# --- surveys ----------------------------------------------------------------------------------------------------------


def surveys_visible_to(user: User) -> QuerySet[Survey]:
    queryset = Survey.objects.select_related("owner_agency").annotate(
        response_count=Count("responses", distinct=True), enterprise_count=Count("enterprises", distinct=True)
    )
    return _gate(queryset, user)


def list_surveys(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Survey]:
    params = params or {}
    queryset = SurveyFilter(params, queryset=surveys_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        for word in fold_vi(query).split():
            queryset = queryset.filter(search_text__contains=word)
    return queryset.order_by("-opens_on", "pk")


def get_survey(*, user: User, pk: int) -> Survey:
    queryset = surveys_visible_to(user).prefetch_related("questions", "enterprises")
    return get_object_or_404(queryset, pk=pk)


def public_survey(*, token: str) -> Survey:
    """The survey behind a public link (no login); an unknown token is a 404."""
    return get_object_or_404(Survey.objects.prefetch_related("questions", "enterprises"), token=token)


@dataclass(frozen=True)
class OptionCount:
    label: str
    count: int
    share: float


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    answered: int
    options: list[OptionCount]


@dataclass(frozen=True)
class GroupResult:
    """The results for one enterprise; `withheld` when it has fewer than MIN_ANSWERS answer sheets."""

    enterprise_name: str
    responses: int
    withheld: bool
    questions: list[QuestionResult]


@dataclass(frozen=True)
class SurveyResults:
    responses: int
    enterprises: int
    withheld: bool
    questions: list[QuestionResult]
    groups: list[GroupResult]


def _question_results(
    questions: list[Question], counts: dict[tuple[int, int | None], int], answered: dict[int, int]
) -> list[QuestionResult]:
    results = []
    for question in questions:
        total = answered.get(question.pk, 0)
        options = []
        if question.kind != QuestionKind.TEXT:
            for index, label in enumerate(question.labels()):
                count = counts.get((question.pk, index), 0)
                options.append(OptionCount(label, count, (count * 100 / total) if total else 0.0))
        results.append(QuestionResult(question, total, options))
    return results


def survey_results(survey: Survey) -> SurveyResults:
    """Aggregates only, in three queries: the overall counts per option, and per enterprise with at least
    MIN_ANSWERS answer sheets; a group below it is withheld and shows no figure but its count."""
    from phoihop.workforce.models import Answer

    questions = list(survey.questions.all())
    per_enterprise = dict(
        SurveyResponse.objects.filter(survey=survey)
        .values_list("enterprise__name")
        .annotate(n=Count("pk"))
        .values_list("enterprise__name", "n")
    )
    total = sum(per_enterprise.values())
    rows = (
        Answer.objects.filter(response__survey=survey)
        .values("question_id", "choice", "response__enterprise__name")
        .annotate(n=Count("pk"))
    )
    counts: dict[tuple[int, int | None], int] = {}
    group_counts: dict[str, dict[tuple[int, int | None], int]] = {}
    for row in rows:
        key = (row["question_id"], row["choice"])
        counts[key] = counts.get(key, 0) + row["n"]
        group_counts.setdefault(row["response__enterprise__name"], {})[key] = row["n"]
    answered_rows = (
        Answer.objects.filter(response__survey=survey)
        .values("question_id", "response__enterprise__name")
        .annotate(n=Count("response", distinct=True))
    )
    answered_total: dict[int, int] = {}
    answered_group: dict[str, dict[int, int]] = {}
    for row in answered_rows:
        answered_total[row["question_id"]] = answered_total.get(row["question_id"], 0) + row["n"]
        answered_group.setdefault(row["response__enterprise__name"], {})[row["question_id"]] = row["n"]
    withheld = total < MIN_ANSWERS
    overall = [] if withheld else _question_results(questions, counts, answered_total)
    groups = []
    for name in sorted(per_enterprise):
        n = per_enterprise[name]
        small = n < MIN_ANSWERS
        group_questions = (
            [] if small else _question_results(questions, group_counts.get(name, {}), answered_group.get(name, {}))
        )
        groups.append(GroupResult(name, n, small, group_questions))
    return SurveyResults(total, len(per_enterprise), withheld, overall, groups)


def survey_enterprise_choices(survey: Survey) -> QuerySet[Any]:
    return survey.enterprises.order_by("name")


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


# --- figures for the report, with their provenance ------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    text: str
    url: str


@dataclass(frozen=True)
class Figure:
    """A sentence the joint report can state, computed from records, with the records it came from."""

    label: str
    text: str
    sources: list[Source]


def workforce_figures(*, user: User, year: int) -> list[Figure]:
    """The year's figures from approved labour reports, incidents with support, and survey answers (five queries)."""
    from phoihop.core.vnformat import format_money_range, format_number
    from phoihop.workforce.choices import IncidentKind

    figures: list[Figure] = []
    meals = meal_range(user=user, year=year)
    if meals is not None:
        figures.append(
            Figure(
                label="Bữa ăn giữa ca",
                text=f"bình quân bữa ăn giữa ca từ {format_money_range(meals.low, meals.high)}/suất "
                f"({format_number(meals.enterprises)} doanh nghiệp báo cáo)",
                sources=[
                    Source(
                        f"{r.enterprise.name} — {r.period_label}: {format_number(r.meal_value or 0)}đ",
                        r.get_absolute_url(),
                    )
                    for r in meals.reports
                ],
            )
        )
    arrears = list(
        reports_visible_to(user)
        .filter(status=ReportStatus.APPROVED, period_start__year=year, si_arrears_months__gte=1)
        .order_by("enterprise__name", "-period_end", "pk")
    )
    latest = {r.enterprise_id: r for r in reversed(arrears)}  # the latest period per enterprise wins
    figures.append(
        Figure(
            label="Nợ bảo hiểm xã hội",
            text=f"{format_number(len(latest))} doanh nghiệp nợ bảo hiểm xã hội",
            sources=[
                Source(f"{r.enterprise.name} — {r.period_label}: nợ {r.si_arrears_months} tháng", r.get_absolute_url())
                for r in sorted(latest.values(), key=lambda r: r.enterprise.name)
            ],
        )
    )
    absconding = list(
        incidents_visible_to(user)
        .filter(kind=IncidentKind.ABSCONDING, supports__given_on__year=year)
        .annotate(reached=Max("supports__people"))
        .order_by("started_on", "pk")
    )
    people = sum(incident.reached or 0 for incident in absconding)
    enterprises = len({incident.enterprise_id for incident in absconding})
    figures.append(
        Figure(
            label="Hỗ trợ công nhân tại doanh nghiệp có chủ bỏ trốn",
            text=f"hỗ trợ {format_number(people)} công nhân tại {format_number(enterprises)} "
            "doanh nghiệp có chủ bỏ trốn",
            sources=[
                Source(
                    f"{i.enterprise.name}: {format_number(i.reached or 0)} người được hỗ trợ "
                    "(lần hỗ trợ nhiều người nhất)",
                    i.get_absolute_url(),
                )
                for i in absconding
            ],
        )
    )
    answers = (
        SurveyResponse.objects.filter(survey__in=surveys_visible_to(user).values("pk"), answered_on__year=year)
        .values("survey_id", "survey__title")
        .annotate(n=Count("pk"), enterprises=Count("enterprise", distinct=True))
        .order_by("survey__title")
    )
    rows = list(answers)
    total = SurveyResponse.objects.filter(
        survey__in=surveys_visible_to(user).values("pk"), answered_on__year=year
    ).aggregate(n=Count("pk"), enterprises=Count("enterprise", distinct=True))
    figures.append(
        Figure(
            label="Khảo sát người lao động",
            text=f"khảo sát tại {format_number(total['enterprises'])} doanh nghiệp, "
            f"{format_number(total['n'])} người trả lời",
            sources=[
                Source(
                    f"{row['survey__title']}: {format_number(row['n'])} phiếu",
                    reverse("workforce:survey_detail", args=[row["survey_id"]]),
                )
                for row in rows
            ],
        )
    )
    return figures

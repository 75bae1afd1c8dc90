"""The workforce API under /api/v1/workforce/: labour reports (CRUD and submit / approve / return), incidents with
steps and support, early warnings, surveys with their aggregate results, and the minimum-wage table."""

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from pydantic import ConfigDict

from phoihop.core.api import (
    ERROR_RESPONSES,
    ChildRoutes,
    api_user,
    apply_refs,
    filter_params,
    filter_schema,
    patch_data,
    patch_schema,
)
from phoihop.directory.filters import OwnerScope
from phoihop.directory.schemas import AGENCY, ENTERPRISE
from phoihop.workforce import selectors, services
from phoihop.workforce.choices import (
    CauseTopic,
    IncidentKind,
    Outcome,
    QuestionKind,
    ReportStatus,
    ReportType,
    Severity,
    SupportKind,
    WarningStatus,
)
from phoihop.workforce.filters import ReportFilter
from phoihop.workforce.models import Incident, IncidentStep, IncidentSupport, LabourReport, Warning

router = Router(tags=["Tình hình công nhân lao động"])


# Ids in payloads, turned into rows the user can read; an id that is not there is a 422 naming the field.
OWNER = replace(AGENCY, key="owner_agency_id", field="owner_agency")
ENTERPRISE_IN_DIRECTORY = replace(ENTERPRISE, message=_("Không có doanh nghiệp số %(ids)s trong danh mục."))
REPORT_REFS = (OWNER, ENTERPRISE_IN_DIRECTORY)
INCIDENT_REFS = (OWNER, ENTERPRISE_IN_DIRECTORY, replace(AGENCY, key="handled_by_ids", field="handled_by", many=True))
SUPPORT_REFS = (replace(AGENCY, key="given_by_id", field="given_by"),)
SURVEY_REFS = (OWNER, replace(ENTERPRISE_IN_DIRECTORY, key="enterprise_ids", field="enterprises", many=True))


# --- labour reports ---------------------------------------------------------------------------------------------------


class ReportOut(Schema):
    id: int
    enterprise_id: int
    enterprise_name: str = Field(alias="enterprise.name")
    owner_agency_id: int
    report_type: ReportType
    period_start: dt.date
    period_end: dt.date
    period_label: str
    status: ReportStatus
    return_reason: str
    headcount: int
    women: int | None
    other_province: int | None
    foreign_workers: int | None
    hires: int | None
    leavers: int | None
    union_members: int | None
    average_income: int | None
    lowest_wage: int | None
    meal_value: int | None
    overtime_avg_hours: Decimal | None
    overtime_max_hours: Decimal | None
    overtime_year_max_hours: Decimal | None
    has_collective_agreement: bool
    agreement_expires_on: dt.date | None
    has_democracy_regulation: bool
    last_workers_conference: dt.date | None
    si_arrears_amount: int | None
    si_arrears_months: int
    wage_delay_days: int
    notes: str
    version: int


class ReportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    enterprise_id: int
    report_type: ReportType
    period_start: dt.date
    owner_agency_id: int | None = None
    headcount: int = Field(ge=0)
    women: int | None = Field(None, ge=0)
    other_province: int | None = Field(None, ge=0)
    foreign_workers: int | None = Field(None, ge=0)
    hires: int | None = Field(None, ge=0)
    leavers: int | None = Field(None, ge=0)
    union_members: int | None = Field(None, ge=0)
    average_income: int | None = Field(None, ge=0)
    lowest_wage: int | None = Field(None, ge=0)
    meal_value: int | None = Field(None, ge=0)
    overtime_avg_hours: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)
    overtime_max_hours: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)
    overtime_year_max_hours: Decimal | None = Field(None, ge=0, max_digits=6, decimal_places=1)
    has_collective_agreement: bool | None = None
    agreement_expires_on: dt.date | None = None
    has_democracy_regulation: bool | None = None
    last_workers_conference: dt.date | None = None
    si_arrears_amount: int | None = Field(None, ge=0)
    si_arrears_months: int | None = Field(None, ge=0, le=600)
    wage_delay_days: int | None = Field(None, ge=0, le=3650)
    notes: str | None = Field(None, max_length=5000)


@patch_schema(ReportIn, drop=("owner_agency_id",))
class ReportPatch(Schema): ...


class TransitionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    reason: str = Field("", max_length=2000)


ReportFilters = filter_schema(ReportFilter, sort="-period", enums=(ReportType, ReportStatus, OwnerScope))


@router.get("/labour-reports", response=list[ReportOut], summary="Danh sách báo cáo tình hình lao động")
@paginate(PageNumberPagination, page_size=50)
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> Any:  # type: ignore[valid-type]
    return selectors.list_reports(user=api_user(request), params=filter_params(filters))


@router.get("/labour-reports/{report_id}", response={200: ReportOut, **ERROR_RESPONSES})
def get_report(request: HttpRequest, report_id: int) -> LabourReport:
    return selectors.get_report(user=api_user(request), pk=report_id)


@router.post("/labour-reports", response={201: ReportOut, **ERROR_RESPONSES})
def create_report(request: HttpRequest, payload: ReportIn) -> Status:
    user = api_user(request)
    data = apply_refs(user, payload.dict(exclude_unset=True), REPORT_REFS)
    report = services.create_report(actor=user, data=data, owner_agency=data.pop("owner_agency", None))
    return Status(201, selectors.get_report(user=user, pk=report.pk))


@router.patch("/labour-reports/{report_id}", response={200: ReportOut, **ERROR_RESPONSES})
def update_report(request: HttpRequest, report_id: int, payload: ReportPatch) -> LabourReport:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    data = apply_refs(user, patch_data(payload, LabourReport), REPORT_REFS)
    version = data.pop("version")
    services.update_report(actor=user, report=report, data=data, expected_version=version)
    return selectors.get_report(user=user, pk=report_id)


@router.delete("/labour-reports/{report_id}", response={204: None, **ERROR_RESPONSES})
def delete_report(request: HttpRequest, report_id: int, version: int) -> Status:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    services.delete_report(actor=user, report=report, expected_version=version)
    return Status(204, None)


@router.post("/labour-reports/{report_id}/submit", response={200: ReportOut, **ERROR_RESPONSES})
def submit_report(request: HttpRequest, report_id: int, payload: TransitionIn) -> LabourReport:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    return services.submit_report(actor=user, report=report, expected_version=payload.version)


@router.post("/labour-reports/{report_id}/approve", response={200: ReportOut, **ERROR_RESPONSES})
def approve_report(request: HttpRequest, report_id: int, payload: TransitionIn) -> LabourReport:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    return services.approve_report(actor=user, report=report, expected_version=payload.version)


@router.post("/labour-reports/{report_id}/return", response={200: ReportOut, **ERROR_RESPONSES})
def return_report(request: HttpRequest, report_id: int, payload: TransitionIn) -> LabourReport:
    user = api_user(request)
    report = selectors.get_report(user=user, pk=report_id)
    return services.return_report(actor=user, report=report, expected_version=payload.version, reason=payload.reason)


# --- minimum wages ----------------------------------------------------------------------------------------------------


class MinimumWageOut(Schema):
    decree: str = Field(alias="decree.number")
    effective_from: dt.date = Field(alias="decree.effective_from")
    citation: str = Field(alias="decree.citation")
    region: str
    monthly_amount: int
    check_status: str


@router.get("/minimum-wages", response=list[MinimumWageOut], summary="Mức lương tối thiểu vùng theo nghị định")
def list_minimum_wages(request: HttpRequest) -> Any:
    return selectors.minimum_wages(user=api_user(request))


# --- incidents --------------------------------------------------------------------------------------------------------


class StepOut(Schema):
    id: int
    date: dt.date
    description: str
    version: int


class SupportOut(Schema):
    id: int
    kind: SupportKind
    given_on: dt.date
    people: int
    amount: int | None
    given_by_id: int | None
    description: str
    version: int


class IncidentOut(Schema):
    id: int
    owner_agency_id: int
    enterprise_id: int
    kind: IncidentKind
    started_on: dt.date
    ended_on: dt.date | None
    workers_involved: int
    cause_topic: CauseTopic
    demands: str
    handled_by_ids: list[int]
    outcome: Outcome
    outcome_text: str
    follow_up: str
    steps: list[StepOut]
    supports: list[SupportOut]
    version: int

    @staticmethod
    def resolve_handled_by_ids(obj: Incident) -> list[int]:
        return [agency.pk for agency in obj.handled_by.all()]

    @staticmethod
    def resolve_steps(obj: Incident) -> list[Any]:
        return list(obj.steps.all())

    @staticmethod
    def resolve_supports(obj: Incident) -> list[Any]:
        return list(obj.supports.all())


class IncidentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    enterprise_id: int
    owner_agency_id: int | None = None
    kind: IncidentKind
    started_on: dt.date
    ended_on: dt.date | None = None
    workers_involved: int = Field(ge=0)
    cause_topic: CauseTopic
    demands: str = Field("", max_length=5000)
    handled_by_ids: list[int] = []
    outcome: Outcome = Outcome.ONGOING
    outcome_text: str = Field("", max_length=5000)
    follow_up: str = Field("", max_length=5000)


@patch_schema(IncidentIn, drop=("enterprise_id", "owner_agency_id"))
class IncidentPatch(Schema): ...


class StepIn(Schema):
    model_config = ConfigDict(extra="forbid")

    date: dt.date
    description: str = Field(min_length=1, max_length=5000)


class SupportIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: SupportKind
    given_on: dt.date
    people: int = Field(ge=0)
    amount: int | None = Field(None, ge=0)
    given_by_id: int | None = None
    description: str = Field("", max_length=500)


@patch_schema(StepIn)
class StepPatch(Schema): ...


@patch_schema(SupportIn)
class SupportPatch(Schema): ...


@router.get("/incidents", response=list[IncidentOut], summary="Danh sách vụ việc lao động")
@paginate(PageNumberPagination, page_size=50)
def list_incidents(request: HttpRequest, q: str = "", kind: IncidentKind | None = None, year: int | None = None) -> Any:
    params = {k: v for k, v in {"q": q, "kind": kind, "year": year}.items() if v}
    return selectors.list_incidents(user=api_user(request), params=params).prefetch_related(
        "handled_by", "steps", "supports"
    )


@router.get("/incidents/{incident_id}", response={200: IncidentOut, **ERROR_RESPONSES})
def get_incident(request: HttpRequest, incident_id: int) -> Incident:
    return selectors.get_incident(user=api_user(request), pk=incident_id)


@router.post("/incidents", response={201: IncidentOut, **ERROR_RESPONSES})
def create_incident(request: HttpRequest, payload: IncidentIn) -> Status:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), INCIDENT_REFS)
    incident = services.create_incident(actor=user, data=data, owner_agency=data.pop("owner_agency"))
    return Status(201, selectors.get_incident(user=user, pk=incident.pk))


@router.patch("/incidents/{incident_id}", response={200: IncidentOut, **ERROR_RESPONSES})
def update_incident(request: HttpRequest, incident_id: int, payload: IncidentPatch) -> Incident:
    user = api_user(request)
    incident = selectors.get_incident(user=user, pk=incident_id)
    data = apply_refs(user, patch_data(payload, Incident), INCIDENT_REFS)
    version = data.pop("version")
    services.update_incident(actor=user, incident=incident, data=data, expected_version=version)
    return selectors.get_incident(user=user, pk=incident_id)


@router.delete("/incidents/{incident_id}", response={204: None, **ERROR_RESPONSES})
def delete_incident(request: HttpRequest, incident_id: int, version: int) -> Status:
    user = api_user(request)
    incident = selectors.get_incident(user=user, pk=incident_id)
    services.delete_incident(actor=user, incident=incident, expected_version=version)
    return Status(204, None)


ChildRoutes(
    module=__name__,
    name="step",
    under="/incidents/{incident_id}/steps",
    at="/incident-steps/{step_id}",
    model=IncidentStep,
    out=StepOut,
    create_in=StepIn,
    patch_in=StepPatch,
    create_verb="add",
    parent=selectors.get_incident,
    get=selectors.get_step,
    writes=services.STEPS,
).mount(router)

ChildRoutes(
    module=__name__,
    name="support",
    under="/incidents/{incident_id}/supports",
    at="/incident-supports/{support_id}",
    model=IncidentSupport,
    out=SupportOut,
    create_in=SupportIn,
    patch_in=SupportPatch,
    create_verb="add",
    parent=selectors.get_incident,
    get=selectors.get_support,
    writes=services.SUPPORTS,
    refs=SUPPORT_REFS,
).mount(router)


# --- warnings ---------------------------------------------------------------------------------------------------------


class EvidenceOut(Schema):
    text: str
    labour_report_id: int | None
    incident_id: int | None
    survey_id: int | None


class WarningEventOut(Schema):
    at: dt.datetime
    action: str
    actor_name: str
    text: str


class WarningOut(Schema):
    id: int
    rule: str = Field(alias="rule.code")
    rule_name: str = Field(alias="rule.name")
    enterprise_id: int
    enterprise_name: str = Field(alias="enterprise.name")
    status: WarningStatus
    severity: Severity
    summary: str
    opened_at: dt.datetime
    closed_at: dt.datetime | None
    handling_agency_id: int | None
    evidence: list[EvidenceOut]
    version: int

    @staticmethod
    def resolve_evidence(obj: Warning) -> list[Any]:
        return list(obj.evidence.all())


class WarningDetailOut(WarningOut):
    events: list[WarningEventOut]

    @staticmethod
    def resolve_events(obj: Warning) -> list[Any]:
        return list(obj.events.all())


class AcknowledgeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    version: int
    note: str = Field("", max_length=2000)


@router.get("/warnings", response=list[WarningOut], summary="Cảnh báo sớm (mặc định: đang mở và đã tiếp nhận)")
@paginate(PageNumberPagination, page_size=50)
def list_warnings(
    request: HttpRequest,
    status: WarningStatus | None = None,
    enterprise: int | None = None,
    zone: int | None = None,
    body: int | None = None,
    q: str = "",
) -> Any:
    params = {
        k: v for k, v in {"status": status, "enterprise": enterprise, "zone": zone, "body": body, "q": q}.items() if v
    }
    return selectors.list_warnings(user=api_user(request), params=params)


@router.get("/warnings/{warning_id}", response={200: WarningDetailOut, **ERROR_RESPONSES})
def get_warning(request: HttpRequest, warning_id: int) -> Warning:
    return selectors.get_warning(user=api_user(request), pk=warning_id)


@router.post("/warnings/{warning_id}/acknowledge", response={200: WarningDetailOut, **ERROR_RESPONSES})
def acknowledge_warning(request: HttpRequest, warning_id: int, payload: AcknowledgeIn) -> Warning:
    user = api_user(request)
    warning = selectors.get_warning(user=user, pk=warning_id)
    services.acknowledge_warning(actor=user, warning=warning, expected_version=payload.version, note=payload.note)
    return selectors.get_warning(user=user, pk=warning_id)


# --- surveys ----------------------------------------------------------------------------------------------------------


class QuestionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=500)
    kind: QuestionKind
    options: list[str] = Field([], max_length=20)
    scale_max: int = 5
    required: bool = True


class SurveyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=300)
    intro: str = Field("", max_length=5000)
    opens_on: dt.date
    closes_on: dt.date
    enterprise_ids: list[int]
    owner_agency_id: int | None = None
    questions: list[QuestionIn] = Field(min_length=1, max_length=50)


class SurveyOut(Schema):
    id: int
    title: str
    owner_agency_id: int
    opens_on: dt.date
    closes_on: dt.date
    public_path: str
    version: int

    @staticmethod
    def resolve_public_path(obj: Any) -> str:
        return str(obj.public_path())


class OptionOut(Schema):
    label: str
    count: int
    share: float


class QuestionResultOut(Schema):
    question: str
    kind: str
    answered: int
    options: list[OptionOut]

    @staticmethod
    def resolve_question(obj: Any) -> str:
        return str(obj.question.text)

    @staticmethod
    def resolve_kind(obj: Any) -> str:
        return str(obj.question.kind)


class GroupOut(Schema):
    enterprise_name: str
    responses: int
    withheld: bool
    questions: list[QuestionResultOut]


class ResultsOut(Schema):
    responses: int
    enterprises: int
    withheld: bool
    questions: list[QuestionResultOut]
    groups: list[GroupOut]


@router.get("/surveys", response=list[SurveyOut], summary="Danh sách khảo sát")
@paginate(PageNumberPagination, page_size=50)
def list_surveys(request: HttpRequest) -> Any:
    return selectors.list_surveys(user=api_user(request))


@router.post("/surveys", response={201: SurveyOut, **ERROR_RESPONSES})
def create_survey(request: HttpRequest, payload: SurveyIn) -> Status:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), SURVEY_REFS)
    questions, owner = data.pop("questions"), data.pop("owner_agency")
    survey = services.create_survey(actor=user, data=data, questions=questions, owner_agency=owner)
    return Status(201, selectors.get_survey(user=user, pk=survey.pk))


@router.get("/surveys/{survey_id}/results", response={200: ResultsOut, **ERROR_RESPONSES})
def survey_results(request: HttpRequest, survey_id: int) -> Any:
    survey = selectors.get_survey(user=api_user(request), pk=survey_id)
    return selectors.survey_results(survey)

"""The indicators API: indicators, targets, reported values, approvals, rules, computed progress."""

from dataclasses import replace
from decimal import Decimal
from typing import Any, Literal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Status
from ninja.pagination import PageNumberPagination, paginate

from phoihop.core.api import ERROR_RESPONSES, ChildRoutes, Ref, api_user, apply_refs, patch_data
from phoihop.core.vnformat import Rounding
from phoihop.directory.schemas import AGENCY
from phoihop.directory.selectors import agencies_visible_to
from phoihop.indicators import permissions, selectors, services
from phoihop.indicators.api.schemas import (
    ApprovalIn,
    ApprovalOut,
    ImportIn,
    ImportOut,
    IndicatorIn,
    IndicatorOut,
    IndicatorPatch,
    LineOut,
    ProgressOut,
    ProvenanceOut,
    RuleIn,
    RuleOut,
    RulePatch,
    TargetIn,
    TargetOut,
    TargetPatch,
    ValueFilters,
    ValueIn,
    ValueOut,
    ValuePatch,
    ViolationOut,
)
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
from phoihop.indicators.periods import Period
from phoihop.indicators.progress import IndicatorProgress, PlanProgress, ProvenanceRow, RuleViolation
from phoihop.planning import selectors as planning_selectors

router = Router(tags=["Chỉ tiêu và số liệu"])


# --- Helpers --------------------------------------------------------------------------------------------------


PLAN = Ref("plan_id", "plan", planning_selectors.plans_visible_to, _("kế hoạch"))
INDICATOR = Ref("indicator_id", "indicator", selectors.indicators_visible_to, _("chỉ tiêu"), code="unknown_indicator")
INDICATOR_REFS = (
    replace(AGENCY, key="owner_agency_id", field="owner_agency"),
    replace(INDICATOR, key="component_ids", field="components", many=True),
)
TARGET_REFS = (PLAN, INDICATOR, AGENCY)
RULE_REFS = (replace(INDICATOR, key="left_id", field="left"), replace(INDICATOR, key="right_id", field="right"))


def _period(raw: str) -> Period:
    return Period.parse(raw)


def _line_out(line: IndicatorProgress) -> dict[str, Any]:
    return {
        "target_id": line.target_id,
        "indicator_id": line.indicator_id,
        "code": line.code,
        "name": line.name,
        "unit": line.unit,
        "unit_kind": line.unit_kind,
        "measure": line.measure,
        "agency_id": line.agency_id,
        "agency_name": line.agency_name,
        "actual": line.actual,
        "low": line.low,
        "high": line.high,
        "target": line.target,
        "ratio": line.ratio,
        "rounding": str(line.rounding),
        "projection": line.projection,
        "behind": line.behind,
        "source_count": line.source_count,
        "actual_text": line.actual_text,
        "target_text": line.target_text,
        "fraction_text": line.fraction_text,
        "ratio_text": line.ratio_text,
        "projection_text": line.projection_text,
        "provenance": [_row_out(row) for row in line.provenance],
    }


def _row_out(row: ProvenanceRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in ProvenanceOut.model_fields}


def _violation_out(violation: RuleViolation) -> dict[str, Any]:
    data = {name: getattr(violation, name) for name in ViolationOut.model_fields if name != "text"}
    data["text"] = violation.text
    return data


def _progress_out(progress: PlanProgress) -> dict[str, Any]:
    return {
        "plan_id": progress.plan_id,
        "as_of": progress.as_of,
        "elapsed_share": progress.elapsed_share,
        "lines": [_line_out(line) for line in progress.lines],
        "violations": [_violation_out(v) for v in progress.violations],
    }


# --- Indicators -----------------------------------------------------------------------------------------------


@router.get("/indicators", response=list[IndicatorOut], summary="Danh sách chỉ tiêu")
def list_indicators(request: HttpRequest, q: str = "") -> Any:
    return selectors.list_indicators(user=api_user(request), query=q).prefetch_related("components")


@router.get("/indicators/{indicator_id}", response={200: IndicatorOut, **ERROR_RESPONSES})
def get_indicator(request: HttpRequest, indicator_id: int) -> Indicator:
    return selectors.get_indicator(user=api_user(request), pk=indicator_id)


@router.post("/indicators", response={201: IndicatorOut, **ERROR_RESPONSES})
def create_indicator(request: HttpRequest, payload: IndicatorIn) -> Status[Indicator]:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), INDICATOR_REFS)
    return Status(201, services.create_indicator(actor=user, data=data, components=data.pop("components")))


@router.patch("/indicators/{indicator_id}", response={200: IndicatorOut, **ERROR_RESPONSES})
def update_indicator(request: HttpRequest, indicator_id: int, payload: IndicatorPatch) -> Indicator:
    user = api_user(request)
    indicator = selectors.get_indicator(user=user, pk=indicator_id)
    data = apply_refs(user, patch_data(payload, Indicator), INDICATOR_REFS)
    version, components = data.pop("version"), data.pop("components", None)
    return services.update_indicator(
        actor=user, indicator=indicator, data=data, expected_version=version, components=components
    )


# --- Targets --------------------------------------------------------------------------------------------------


@router.get("/targets", response={200: list[TargetOut], **ERROR_RESPONSES}, summary="Chỉ tiêu của một kế hoạch")
def list_targets(request: HttpRequest, plan: int) -> Any:
    user = api_user(request)
    return selectors.list_targets(user=user, plan=planning_selectors.get_plan(user=user, pk=plan))


@router.post("/targets", response={201: TargetOut, **ERROR_RESPONSES})
def create_target(request: HttpRequest, payload: TargetIn) -> Status[Target]:
    user = api_user(request)
    data = apply_refs(user, payload.dict(), TARGET_REFS)
    return Status(201, services.create_target(actor=user, plan=data.pop("plan"), data=data))


@router.patch("/targets/{target_id}", response={200: TargetOut, **ERROR_RESPONSES})
def update_target(request: HttpRequest, target_id: int, payload: TargetPatch) -> Target:
    user = api_user(request)
    target = selectors.get_target(user=user, pk=target_id)
    data = apply_refs(user, patch_data(payload, Target), TARGET_REFS)
    version = data.pop("version")
    return services.update_target(actor=user, target=target, data=data, expected_version=version)


@router.get(
    "/targets/{target_id}/progress",
    response={200: LineOut, **ERROR_RESPONSES},
    summary="Tiến độ một chỉ tiêu và các dòng số liệu tạo nên nó",
)
def target_progress(request: HttpRequest, target_id: int, rounding: Rounding | None = None) -> Any:
    _target, line = selectors.target_progress(user=api_user(request), pk=target_id, rounding=rounding)
    return _line_out(line)


@router.get("/plans/{plan_id}/progress", response={200: ProgressOut, **ERROR_RESPONSES}, summary="Tiến độ kế hoạch")
def plan_progress(
    request: HttpRequest, plan_id: int, rounding: Rounding | None = None, provenance: bool = False
) -> Any:
    user = api_user(request)
    plan = planning_selectors.get_plan(user=user, pk=plan_id)
    return _progress_out(selectors.plan_progress(plan=plan, rounding=rounding, with_provenance=provenance))


@router.get("/plans/{plan_id}/violations", response={200: list[ViolationOut], **ERROR_RESPONSES})
def plan_violations(request: HttpRequest, plan_id: int) -> Any:
    plan = planning_selectors.get_plan(user=api_user(request), pk=plan_id)
    return [_violation_out(v) for v in selectors.plan_progress(plan=plan).violations]


# --- Reported values ------------------------------------------------------------------------------------------


@router.get("/values", response=list[ValueOut], summary="Số liệu báo cáo (trong phạm vi đơn vị)")
@paginate(PageNumberPagination, page_size=100)
def list_values(request: HttpRequest, filters: Query[ValueFilters]) -> Any:
    params = {k: v for k, v in filters.dict().items() if v is not None}
    return selectors.list_values(user=api_user(request), params=params)


@router.post("/values/import", response={200: ImportOut, **ERROR_RESPONSES}, summary="Nhập nhiều số liệu một lần")
def import_values(request: HttpRequest, payload: ImportIn) -> Any:
    user = api_user(request)
    plan = PLAN.resolve(user, payload.plan_id)
    rows = [{k: (str(v) if isinstance(v, Decimal) else v) for k, v in row.dict().items()} for row in payload.rows]
    result = services.import_values(actor=user, plan=plan, rows=rows)
    return {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}


@router.post("/values", response={201: ValueOut, **ERROR_RESPONSES})
def create_value(request: HttpRequest, payload: ValueIn) -> Status[ReportedValue]:
    user = api_user(request)
    value = services.record_value(
        actor=user,
        plan=PLAN.resolve(user, payload.plan_id),
        indicator=INDICATOR.resolve(user, payload.indicator_id),
        agency=AGENCY.resolve(user, payload.agency_id),
        period=_period(payload.period),
        value=payload.value,
        note=payload.note,
        source=payload.source,
    )
    return Status(201, selectors.get_value(user=user, pk=value.pk))


# A reported value is created from its plan, indicator, agency and period (above); it is then read, changed and
# deleted as one row.
ChildRoutes(
    module=__name__,
    name="value",
    at="/values/{value_id}",
    model=ReportedValue,
    out=ValueOut,
    patch_in=ValuePatch,
    detail=True,
    get=selectors.get_value,
    update=lambda user, value, data, version: services.update_value(
        actor=user, reported_value=value, data=data, expected_version=version
    ),
    delete=lambda user, value, version: services.delete_value(
        actor=user, reported_value=value, expected_version=version
    ),
).mount(router)


# --- Approval -------------------------------------------------------------------------------------------------


@router.get("/approvals", response={200: list[ApprovalOut], **ERROR_RESPONSES}, summary="Trạng thái phê duyệt")
def list_approvals(request: HttpRequest, plan: int, agency: int | None = None) -> Any:
    user = api_user(request)
    rows = selectors.approval_rows(user=user, plan=planning_selectors.get_plan(user=user, pk=plan), agency_id=agency)
    return [
        {
            "plan_id": row.plan_id,
            "agency_id": row.agency_id,
            "agency": row.agency_name,
            "period": row.period.key,
            "period_label": row.period.label,
            "value_count": row.value_count,
            "status": row.status,
            "status_label": row.status_label,
            "reason": row.reason,
            "version": row.version,
        }
        for row in rows
    ]


@router.post(
    "/approvals/{action}",
    response={200: ApprovalOut, **ERROR_RESPONSES},
    summary="Gửi duyệt (submit), phê duyệt (approve) hoặc trả lại (return) số liệu một kỳ của một đơn vị",
)
def approval_action(request: HttpRequest, action: Literal["submit", "approve", "return"], payload: ApprovalIn) -> Any:
    user = api_user(request)
    plan = planning_selectors.get_plan(user=user, pk=payload.plan_id)
    agency = agencies_visible_to(user).filter(pk=payload.agency_id).first()
    if agency is None or not permissions.can_read_values_of(user, agency.pk):
        raise Http404
    period = _period(payload.period)
    approval: PeriodApproval
    if action == "submit":
        approval = services.submit_period(
            actor=user, plan=plan, agency=agency, period=period, expected_version=payload.version
        )
    elif action == "approve":
        approval = services.approve_period(
            actor=user, plan=plan, agency=agency, period=period, expected_version=payload.version
        )
    else:
        approval = services.return_period(
            actor=user, plan=plan, agency=agency, period=period, reason=payload.reason, expected_version=payload.version
        )
    count = selectors.values_in_period(plan=plan, agency=agency, period=period)
    return {
        "plan_id": plan.pk,
        "agency_id": agency.pk,
        "agency": agency.name,
        "period": period.key,
        "period_label": period.label,
        "value_count": count,
        "status": approval.status,
        "status_label": approval.get_status_display(),
        "reason": approval.reason,
        "version": approval.version,
    }


# --- Validation rules -----------------------------------------------------------------------------------------


@router.get("/rules", response=list[RuleOut], summary="Quy tắc kiểm tra giữa các chỉ tiêu")
def list_rules(request: HttpRequest) -> Any:
    return selectors.rules_visible_to(api_user(request)).order_by("pk")


@router.post("/rules", response={201: RuleOut, **ERROR_RESPONSES})
def create_rule(request: HttpRequest, payload: RuleIn) -> Status[ValidationRule]:
    user = api_user(request)
    return Status(201, services.create_rule(actor=user, data=apply_refs(user, payload.dict(), RULE_REFS)))


@router.patch("/rules/{rule_id}", response={200: RuleOut, **ERROR_RESPONSES})
def update_rule(request: HttpRequest, rule_id: int, payload: RulePatch) -> ValidationRule:
    user = api_user(request)
    rule = selectors.get_rule(user=user, pk=rule_id)
    data = apply_refs(user, patch_data(payload, ValidationRule), RULE_REFS)
    version = data.pop("version")
    return services.update_rule(actor=user, rule=rule, data=data, expected_version=version)

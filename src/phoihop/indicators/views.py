from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from phoihop.accounts.models import User
from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial
from phoihop.core.params import whole_number
from phoihop.core.records import RecordCreateView, RecordUpdateView, posted_version
from phoihop.core.views import (
    ServiceFormView,
    apply_validation_error,
    paginate,
    redirect_after,
    require_permission,
    user_of,
)
from phoihop.core.vnformat import Rounding
from phoihop.directory.selectors import agencies_visible_to
from phoihop.indicators import permissions, selectors, services
from phoihop.indicators.choices import ApprovalStatus
from phoihop.indicators.filters import ReportedValueFilter
from phoihop.indicators.forms import (
    ImportForm,
    IndicatorForm,
    ReturnForm,
    RuleForm,
    TargetForm,
    ValueEditForm,
    ValueForm,
)
from phoihop.indicators.periods import Period
from phoihop.indicators.registry import record_kinds
from phoihop.planning import selectors as planning_selectors
from phoihop.planning.models import Plan
from phoihop.planning.permissions import own_scope


def _page(
    request: HttpRequest, template: str, context: dict[str, Any], partial: str = "content", status: int = 200
) -> HttpResponse:
    return render(request, f"{template}#{partial}" if htmx_partial(request) else template, context, status=status)


def _plan_from(request: HttpRequest) -> Plan | None:
    user = user_of(request)
    raw = request.GET.get("plan") or request.POST.get("plan")
    if raw:
        try:
            return planning_selectors.get_plan(user=user, pk=int(raw))
        except ValueError:
            raise Http404 from None
    return planning_selectors.current_plan(user=user)


def _entry_agencies(request: HttpRequest) -> Any:
    return selectors.entry_agencies(user=user_of(request))


# --- Indicators -----------------------------------------------------------------------------------------------


@login_required
def indicator_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    indicators = selectors.list_indicators(user=user, query=request.GET.get("q", ""))
    context = {
        "page": paginate(request, indicators),
        "q": request.GET.get("q", ""),
        "can_manage": permissions.can_manage_indicators(user),
    }
    return _page(request, "indicators/indicator_list.html", context, partial="results")


@login_required
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    indicator = selectors.get_indicator(user=user, pk=pk)
    kind = record_kinds.get(indicator.record_kind) if indicator.record_kind in record_kinds else None
    context = {
        "indicator": indicator,
        "record_kind": kind,
        "filter_rows": kind.describe_filter(indicator.record_filter) if kind else [],
        "sum_field_label": kind.field_label(indicator.sum_field) if kind and indicator.sum_field else "",
        "targets": selectors.indicator_plans(indicator=indicator),
        "values": paginate(request, selectors.values_of_indicator(user=user, indicator=indicator), per_page=50),
        "history": history_of(indicator)[:50],
        "can_manage": permissions.can_manage_indicators(user),
    }
    return render(request, "indicators/indicator_detail.html", context)


class IndicatorCreateView(ServiceFormView):
    form_class = IndicatorForm
    template_name = "indicators/indicator_form.html"
    allowed = staticmethod(permissions.can_manage_indicators)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "show_advanced": user_of(self.request).is_admin}

    def perform(self, form: IndicatorForm) -> Any:
        indicator = services.create_indicator(
            actor=user_of(self.request),
            data=form.service_data(),
            components=form.cleaned_data.get("components") or [],
        )
        messages.success(self.request, _("Đã thêm chỉ tiêu “%(name)s”.") % {"name": indicator.name})
        return indicator


class IndicatorUpdateView(ServiceFormView):
    form_class = IndicatorForm
    template_name = "indicators/indicator_form.html"
    selector = staticmethod(selectors.get_indicator)
    allowed = staticmethod(permissions.can_manage_indicators)
    edits = True
    context_name = "indicator"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "show_advanced": user_of(self.request).is_admin}

    def perform(self, form: IndicatorForm) -> Any:
        indicator = services.update_indicator(
            actor=user_of(self.request),
            indicator=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
            components=form.cleaned_data.get("components") or [],
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return indicator


# --- Plan targets ---------------------------------------------------------------------------------------------


class TargetCreateView(ServiceFormView):
    form_class = TargetForm
    template_name = "indicators/target_form.html"
    selector = staticmethod(planning_selectors.get_plan)
    selector_kwarg = "plan_pk"
    allowed = staticmethod(permissions.can_manage_indicators)
    context_name = "plan"

    def perform(self, form: TargetForm) -> Any:
        services.create_target(actor=user_of(self.request), plan=self.record, data=form.service_data())
        messages.success(self.request, _("Đã thêm chỉ tiêu vào kế hoạch."))
        return self.record


class TargetUpdateView(ServiceFormView):
    form_class = TargetForm
    template_name = "indicators/target_form.html"
    selector = staticmethod(selectors.get_target)
    allowed = staticmethod(permissions.can_manage_indicators)
    edits = True
    context_name = "target"

    def more_context(self) -> dict[str, Any]:
        return {"plan": self.record.plan}

    def perform(self, form: TargetForm) -> Any:
        services.update_target(
            actor=user_of(self.request),
            target=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return self.record.plan


@login_required
def target_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The drill-down: the figure and the exact rows it is made of."""
    user = user_of(request)
    rounding = Rounding.TRUNCATE if request.GET.get("rounding") == Rounding.TRUNCATE else None
    target, line = selectors.target_progress(user=user, pk=pk, rounding=rounding)
    context = {
        "target": target,
        "plan": target.plan,
        "line": line,
        "half_up": line.percent_text(Rounding.HALF_UP),
        "truncated": line.percent_text(Rounding.TRUNCATE),
        "history": history_of(target)[:20],
        "can_manage": permissions.can_manage_indicators(user),
    }
    return render(request, "indicators/target_progress.html", context)


# --- Reported values ------------------------------------------------------------------------------------------


@login_required
def value_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    plan = _plan_from(request)
    params = request.GET.copy()
    if plan is not None:
        params["plan"] = str(plan.pk)
    values = selectors.list_values(user=user, params=params)
    agency_id = whole_number(request.GET.get("agency", ""))
    context = {
        "plan": plan,
        "plans": planning_selectors.plans_visible_to(user).order_by("-year"),
        "page": paginate(request, values, per_page=50),
        "locked": selectors.locked_periods(plan=plan) if plan is not None else set(),
        "can_enter": bool(user.is_admin or own_scope(user)) and user.role != "viewer",
        "indicators": selectors.indicator_choices(),
        "indicator_id": request.GET.get("indicator", ""),
        "indicator_chosen": 1 if request.GET.get("indicator") else 0,  # for the phone's "Bộ lọc (n đang chọn)"
        "agency_id": request.GET.get("agency", ""),
        # Opened from the approval page for one body: named above the rows.
        "agency": agencies_visible_to(user).filter(pk=agency_id).first() if agency_id else None,
        "filter": ReportedValueFilter(request.GET, user=user),
    }
    return _page(request, "indicators/value_list.html", context, partial="results")


@login_required
def value_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    value = selectors.get_value(user=user, pk=pk)
    approval = value.plan.approvals.filter(
        agency=value.agency, period_type=value.period_type, period_start=value.period_start
    ).first()
    # Locked by any approved or submitted period whose span covers the value's (its month, quarter or year).
    holder = services.blocking_approval(value.plan, value.agency, value.period)
    locked = holder is not None
    context = {
        "value": value,
        "approval": approval,
        "locked": locked,
        "lock_message": services.lock_message(holder, value.agency, value.period) if holder is not None else "",
        "history": history_of(value)[:50],
        "can_edit": permissions.can_enter_values(user, value.agency_id) and not locked,
    }
    return render(request, "indicators/value_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def value_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    plan = _plan_from(request)
    if plan is None:
        raise Http404
    agencies = _entry_agencies(request)
    require_permission(user.is_admin or (user.role != "viewer" and agencies.exists()))
    form = ValueForm(request.POST or None, plan=plan, agencies=agencies, initial=request.GET.dict())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                value = services.record_value(
                    actor=user,
                    plan=plan,
                    indicator=form.cleaned_data["indicator"],
                    agency=form.cleaned_data["agency"],
                    period=form.cleaned_data["period"],
                    value=form.cleaned_data["value"],
                    note=form.cleaned_data.get("note") or "",
                    source=form.cleaned_data.get("source") or "",
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            except PermissionDenied:
                form.add_error("agency", _("Anh/chị không được nhập số liệu cho đơn vị này."))
            else:
                messages.success(request, _("Đã ghi số liệu %(value)s.") % {"value": value})
                url = f"{reverse('indicators:value_list')}?plan={plan.pk}"
                return redirect_after(request, url)
        status = 200 if htmx_partial(request) else 422
    return _page(request, "indicators/value_form.html", {"form": form, "plan": plan}, partial="form", status=status)


def _can_edit_value(user: User, value: Any) -> bool:
    return permissions.can_enter_values(user, value.agency_id)


class ValueUpdateView(ServiceFormView):
    form_class = ValueEditForm
    template_name = "indicators/value_edit.html"
    selector = staticmethod(selectors.get_value)
    allowed_on_record = staticmethod(_can_edit_value)
    edits = True
    context_name = "value"

    def perform(self, form: ValueEditForm) -> Any:
        value = services.update_value(
            actor=user_of(self.request),
            reported_value=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return value


@login_required
@require_http_methods(["GET", "POST"])
def value_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    value = selectors.get_value(user=user, pk=pk)
    require_permission(permissions.can_enter_values(user, value.agency_id))
    error = ""
    if request.method == "POST":
        version = posted_version(request)
        try:
            services.delete_value(actor=user, reported_value=value, expected_version=version)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa số liệu %(value)s.") % {"value": value})
            url = f"{reverse('indicators:value_list')}?plan={value.plan_id}"
            return redirect_after(request, url)
    return render(
        request, "indicators/value_delete.html", {"value": value, "error": error}, status=422 if error else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def value_import(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    plan = _plan_from(request)
    if plan is None:
        raise Http404
    require_permission(user.is_admin or (user.role != "viewer" and bool(own_scope(user))))
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    errors: list[str] = []
    if request.method == "POST":
        if form.is_valid():
            try:
                result = services.import_values(actor=user, plan=plan, rows=form.cleaned_data["rows"])
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(
                    request,
                    _("Đã nhập: %(c)s số liệu mới, %(u)s số liệu sửa, %(n)s số liệu không đổi.")
                    % {"c": result.created, "u": result.updated, "n": result.unchanged},
                )
                url = f"{reverse('indicators:value_list')}?plan={plan.pk}"
                return redirect_after(request, url)
        status = 422
    context = {"form": form, "plan": plan, "errors": errors}
    return render(request, "indicators/value_import.html", context, status=status)


# --- Approval -------------------------------------------------------------------------------------------------


def _approval_context(request: HttpRequest, plan: Plan | None, status: str = "") -> dict[str, Any]:
    """The approval screen's rows, only those of one status when `status` names one (a leader looks for what waits
    for approval), with how many rows each status has."""
    user = user_of(request)
    every_row = selectors.approval_rows(user=user, plan=plan) if plan is not None else []
    status = status if status in ApprovalStatus.values else ""
    rows = [row for row in every_row if row.status == status] if status else every_row
    counts = Counter(row.status for row in every_row)
    return {
        "plan": plan,
        "plans": planning_selectors.plans_visible_to(user).order_by("-year"),
        "status": status,
        "statuses": [(value, label, counts[value]) for value, label in ApprovalStatus.choices],
        "total": len(every_row),
        "rows": [
            {
                "row": row,
                "can_submit": permissions.can_submit_period(user, row.agency_id)
                and row.status in (ApprovalStatus.DRAFT, ApprovalStatus.RETURNED),
                "can_approve": permissions.can_approve_period(user, row.agency_id)
                and row.status == ApprovalStatus.SUBMITTED,
                "can_return": permissions.can_approve_period(user, row.agency_id)
                and row.status in (ApprovalStatus.SUBMITTED, ApprovalStatus.APPROVED),
            }
            for row in rows
        ],
        "return_form": ReturnForm(),
    }


@login_required
def approval_screen(request: HttpRequest) -> HttpResponse:
    plan = _plan_from(request)
    context = _approval_context(request, plan, request.GET.get("status", ""))
    return _page(request, "indicators/approval.html", context, partial="rows")


@login_required
@require_POST
def approval_action(request: HttpRequest, plan_pk: int, agency_pk: int, period_key: str, action: str) -> HttpResponse:
    user = user_of(request)
    plan = planning_selectors.get_plan(user=user, pk=plan_pk)
    agency = agencies_visible_to(user).filter(pk=agency_pk).first()
    if agency is None or not permissions.can_read_values_of(user, agency.pk):
        raise Http404
    try:
        period = Period.parse(period_key)
    except ValidationError:
        raise Http404 from None
    raw_version = request.POST.get("version") or ""
    version = int(raw_version) if raw_version.isdigit() else None
    error = ""
    try:
        if action == "gui":
            services.submit_period(actor=user, plan=plan, agency=agency, period=period, expected_version=version)
            done = _("Đã gửi duyệt số liệu %(period)s của %(agency)s.")
        elif action == "duyet":
            services.approve_period(actor=user, plan=plan, agency=agency, period=period, expected_version=version)
            done = _("Đã phê duyệt số liệu %(period)s của %(agency)s; số liệu kỳ này đã được khóa.")
        elif action == "tra-lai":
            services.return_period(
                actor=user,
                plan=plan,
                agency=agency,
                period=period,
                reason=request.POST.get("reason", ""),
                expected_version=version,
            )
            done = _("Đã trả lại số liệu %(period)s của %(agency)s.")
        else:
            raise Http404
    except ValidationError as exc:
        error = " ".join(exc.messages)
    except ConflictError as exc:
        error = exc.message
    # The rows come back narrowed as they were (the action's form carries the status shown).
    status = request.POST.get("status", "")
    if error:
        context = {**_approval_context(request, plan, status), "error": error}
        return _page(
            request, "indicators/approval.html", context, partial="rows", status=200 if htmx_partial(request) else 422
        )
    messages.success(request, done % {"period": period.label, "agency": agency.name})
    query = {"plan": plan.pk, **({"status": status} if status in ApprovalStatus.values else {})}
    return redirect_after(request, f"{reverse('indicators:approval')}?{urlencode(query)}")


# --- Validation rules -----------------------------------------------------------------------------------------


@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    plan = _plan_from(request)
    violations = []
    if plan is not None:
        violations = list(selectors.plan_progress(plan=plan).violations)
    context = {
        "rules": selectors.rules_visible_to(user).order_by("pk"),
        "plan": plan,
        "plans": planning_selectors.plans_visible_to(user).order_by("-year"),
        "violations": violations,
        "can_manage": permissions.can_manage_indicators(user),
    }
    return render(request, "indicators/rule_list.html", context)


def _can_manage_rule(user: User, rule: Any) -> bool:
    return permissions.can_manage_indicators(user)


class RuleCreateView(RecordCreateView):
    form_class = RuleForm
    template_name = "indicators/rule_form.html"
    allowed = staticmethod(permissions.can_manage_indicators)
    form_for_user = False

    def create(self, *, actor: User, form: RuleForm) -> Any:
        return services.create_rule(actor=actor, data=form.service_data())

    def created_message(self, record: Any) -> str:
        return _("Đã thêm quy tắc kiểm tra.")

    def success_url_for(self, result: Any) -> str:
        return reverse("indicators:rule_list")


class RuleUpdateView(RecordUpdateView):
    form_class = RuleForm
    template_name = "indicators/rule_form.html"
    context_name = "rule"
    selector = staticmethod(selectors.get_rule)
    allowed_on_record = staticmethod(_can_manage_rule)
    form_for_user = False

    def update(self, *, actor: User, record: Any, form: RuleForm) -> Any:
        return services.update_rule(
            actor=actor, rule=record, data=form.service_data(), expected_version=form.expected_version
        )

    def success_url_for(self, result: Any) -> str:
        return reverse("indicators:rule_list")

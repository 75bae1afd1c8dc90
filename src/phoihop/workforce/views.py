"""Pages of the workforce app: labour reports with their approval, incidents with steps and support, the early
warnings ("Doanh nghiệp cần chú ý"), surveys and their results, and the public survey page (no login)."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from phoihop.accounts.models import User
from phoihop.core.records import (
    ChildPages,
    RecordCreateView,
    RecordPages,
    RecordUpdateView,
    delete_view,
    list_view,
    posted_version,
    render_list,
)
from phoihop.core.views import require_permission, run_action, user_of
from phoihop.core.vnformat import format_date
from phoihop.workforce import permissions, selectors, services
from phoihop.workforce.filters import IncidentFilter, ReportFilter, SurveyFilter, WarningFilter
from phoihop.workforce.forms import IncidentForm, LabourReportForm, StepForm, SupportForm, SurveyForm
from phoihop.workforce.models import Survey

# --- labour reports ---------------------------------------------------------------------------------------------------


REPORTS = RecordPages(
    app="workforce",
    name="report",
    rows=selectors.list_reports,
    filter=ReportFilter,
    load=selectors.get_report,
    history=selectors.history_of,
    can_create=permissions.can_create_report,
    can_edit=permissions.can_edit_report,
    can_delete=permissions.can_delete_report,
    form=LabourReportForm,
    writes=services.REPORTS,
    created=lambda record: _("Đã thêm báo cáo “%(name)s”.") % {"name": record},
    what=gettext_lazy("báo cáo"),
    consequence=gettext_lazy("Lịch sử thay đổi vẫn được lưu."),
    deleted=gettext_lazy("Đã xóa báo cáo."),
    # The report's page also shows the regional minimum wage in force and the approval buttons.
    extra=lambda report, user: {
        "minimum": selectors.minimum_for_report(report),
        "can_submit": permissions.can_submit_report(user, report) and report.is_editable,
        "can_approve": permissions.can_approve_report(user, report),
    },
)


TRANSITION_MESSAGES = {
    "submit": _("Đã gửi duyệt báo cáo."),
    "approve": _("Đã phê duyệt báo cáo."),
    "return": _("Đã trả lại báo cáo."),
}


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    allowed = (
        permissions.can_approve_report(user, report)
        if action in ("approve", "return")
        else (permissions.can_submit_report(user, report))
    )
    require_permission(allowed and action in TRANSITION_MESSAGES)
    version = posted_version(request)
    steps = {
        "submit": lambda: services.submit_report(actor=user, report=report, expected_version=version),
        "approve": lambda: services.approve_report(actor=user, report=report, expected_version=version),
        "return": lambda: services.return_report(
            actor=user, report=report, expected_version=version, reason=request.POST.get("reason", "")
        ),
    }
    return run_action(request, report.get_absolute_url(), steps[action], str(TRANSITION_MESSAGES[action]))


# --- incidents --------------------------------------------------------------------------------------------------------


INCIDENTS = RecordPages(
    app="workforce",
    name="incident",
    rows=selectors.list_incidents,
    filter=IncidentFilter,
    load=selectors.get_incident,
    history=selectors.incident_history,
    can_create=permissions.can_create_incident,
    can_edit=permissions.can_edit_incident,
    can_delete=permissions.can_delete_incident,
    form=IncidentForm,
    writes=services.INCIDENTS,
    created=lambda record: _("Đã ghi vụ việc “%(name)s”.") % {"name": record},
    what=gettext_lazy("vụ việc"),
    consequence=gettext_lazy("Các bước xử lý và hỗ trợ của vụ việc bị xóa theo. Lịch sử thay đổi vẫn được lưu."),
    deleted=gettext_lazy("Đã xóa vụ việc."),
)


_INCIDENT_CHILD: dict[str, Any] = {
    "parent_name": "incident",
    "list_url": "workforce:incident_list",
    "list_label": gettext_lazy("Vụ việc lao động"),
    "parent": selectors.get_incident,
    "parent_of": lambda row: row.incident,
    "can_edit_parent": permissions.can_edit_incident,
    "consequence": gettext_lazy("Lịch sử thay đổi của vụ việc vẫn được lưu."),
    "saved": gettext_lazy("Đã lưu thay đổi."),
}
STEPS = ChildPages(
    name="step",
    segment="buoc-xu-ly",
    form=StepForm,
    load=selectors.get_step,
    writes=services.STEPS,
    add_heading=gettext_lazy("Thêm bước xử lý"),
    edit_heading=gettext_lazy("Sửa bước xử lý"),
    delete_heading=lambda step: _("Xóa bước xử lý ngày %(d)s?") % {"d": format_date(step.date)},
    added=gettext_lazy("Đã thêm bước xử lý."),
    **_INCIDENT_CHILD,
)
SUPPORTS = ChildPages(
    name="support",
    segment="ho-tro",
    form=SupportForm,
    load=selectors.get_support,
    writes=services.SUPPORTS,
    add_heading=gettext_lazy("Thêm hỗ trợ người lao động"),
    edit_heading=gettext_lazy("Sửa hỗ trợ người lao động"),
    delete_heading=lambda support: (
        _("Xóa hỗ trợ “%(kind)s” ngày %(d)s?")
        % {"kind": support.get_kind_display(), "d": format_date(support.given_on)}
    ),
    added=gettext_lazy("Đã thêm hỗ trợ người lao động."),
    **_INCIDENT_CHILD,
)


# --- warnings ---------------------------------------------------------------------------------------------------------


@login_required
def warning_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    warnings = selectors.list_warnings(user=user, params=request.GET)
    context = {"filter": WarningFilter(request.GET, queryset=warnings, user=user)}
    return render_list(request, template="workforce/warning_list.html", rows=warnings, context=context)


@login_required
def warning_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    warning = selectors.get_warning(user=user, pk=pk)
    context = {
        "warning": warning,
        "history": selectors.history_of(warning)[:50],
        "can_take_up": permissions.can_take_up_warning(user) and warning.status == "open",
        "can_work": permissions.can_work_warning(user, warning) and warning.status == "acknowledged",
    }
    return render(request, "workforce/warning_detail.html", context)


@login_required
@require_POST
def warning_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = user_of(request)
    warning = selectors.get_warning(user=user, pk=pk)
    require_permission(permissions.can_work_warning(user, warning))
    note = request.POST.get("note", "")
    url = warning.get_absolute_url()
    if action == "tiep-nhan":
        version = posted_version(request)
        return run_action(
            request,
            url,
            lambda: services.acknowledge_warning(actor=user, warning=warning, expected_version=version, note=note),
            _("Đơn vị đã tiếp nhận cảnh báo."),
        )
    return run_action(
        request,
        url,
        lambda: services.add_warning_note(actor=user, warning=warning, text=note),
        _("Đã ghi nhận việc xử lý."),
    )


# --- surveys ----------------------------------------------------------------------------------------------------------


survey_list = list_view(
    template="workforce/survey_list.html",
    rows=selectors.list_surveys,
    filter=SurveyFilter,
    can_create=permissions.can_create_survey,
)


@login_required
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    survey = selectors.get_survey(user=user, pk=pk)
    link = request.build_absolute_uri(survey.public_path())
    context = {
        "survey": survey,
        "link": link,
        "qr_svg": segno.make(link, error="m").svg_inline(scale=4, omitsize=False),
        "results": selectors.survey_results(survey),
        "history": selectors.history_of(survey)[:50],
        "can_edit": permissions.can_edit_survey(user, survey),
        "can_delete": permissions.can_delete_survey(user, survey) and not getattr(survey, "response_count", 0),
    }
    return render(request, "workforce/survey_detail.html", context)


class SurveyCreateView(RecordCreateView):
    form_class = SurveyForm
    template_name = "workforce/survey_form.html"
    allowed = staticmethod(permissions.can_create_survey)

    def create(self, *, actor: User, form: SurveyForm) -> Survey:
        return services.create_survey(
            actor=actor,
            data=form.service_data(),
            questions=form.cleaned_data["questions"],
            owner_agency=form.cleaned_data.get("owner_agency"),
        )

    def created_message(self, record: Survey) -> str:
        return _("Đã tạo khảo sát “%(name)s”.") % {"name": record}


class SurveyUpdateView(RecordUpdateView):
    form_class = SurveyForm
    template_name = "workforce/survey_form.html"
    context_name = "survey"
    selector = staticmethod(selectors.get_survey)
    allowed_on_record = staticmethod(permissions.can_edit_survey)

    def update(self, *, actor: User, record: Survey, form: SurveyForm) -> Survey:
        return services.update_survey(
            actor=actor, survey=record, data=form.service_data(), expected_version=form.expected_version
        )


survey_delete = delete_view(
    load=selectors.get_survey,
    can_delete=permissions.can_delete_survey,
    delete=lambda row, **kwargs: services.delete_survey(survey=row, **kwargs),
    what=gettext_lazy("khảo sát"),
    consequence=gettext_lazy("Các câu hỏi của khảo sát bị xóa theo."),
    list_url="workforce:survey_list",
    done_message=gettext_lazy("Đã xóa khảo sát."),
)


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """The year's workforce figures for the joint report, each with the records it comes from."""
    try:
        year = int(request.GET.get("year", "") or selectors.today().year - 1)
    except ValueError:
        year = selectors.today().year - 1
    context = {"year": year, "figures": selectors.workforce_figures(user=user_of(request), year=year)}
    return render(request, "workforce/figures.html", context)

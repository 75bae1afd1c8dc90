"""Pages of cases for signed-in users. Views are thin: parse, call one service or selector, render.

Personal data never travels in a URL: searches by phone number are POSTs, and every view that receives personal
data hides it from error reports (sensitive_post_parameters). Pages showing personal data are not cached."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST

from phoihop.cases import permissions, selectors, services
from phoihop.cases.choices import CURRENT_PURPOSE_VERSION, PURPOSE_TEXTS, DataRequestKind
from phoihop.cases.filters import CaseFilter
from phoihop.cases.forms import (
    AggregateForm,
    AssignForm,
    CaseForm,
    DataRequestForm,
    DataRequestHandleForm,
    PhoneSearchForm,
    TransitionForm,
)
from phoihop.cases.models import Case
from phoihop.cases.services.privacy import record_case_export
from phoihop.cases.sheets import filter_text
from phoihop.core.htmx import htmx_partial
from phoihop.core.plugins import sections
from phoihop.core.views import ServiceFormView, paginate, require_permission, submit_form, user_of
from phoihop.core.vnformat import format_datetime

PERSONAL_POST_FIELDS = ("full_name", "phone", "employer", "account", "details")


@sensitive_variables()
def _rows(user: Any, cases: list[Case]) -> list[tuple[Case, selectors.PersonView]]:
    people = selectors.personal_data_for(user=user, cases=cases)
    return [(case, people[case.pk]) for case in cases]


@login_required
@never_cache
def case_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    cases = selectors.list_cases(user=user, params=request.GET)
    page = paginate(request, cases)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": _rows(user, list(page.object_list)),
        "filter": CaseFilter(request.GET, queryset=cases, user=user),
        "query_string": query.urlencode(),
        "can_create": permissions.is_case_handler(user),
        "can_manage_grants": permissions.can_manage_grants(user),
        "can_manage_reference": permissions.can_manage_reference(user),
        "phone_form": PhoneSearchForm() if permissions.is_case_handler(user) else None,
        "open_requests": selectors.open_data_requests(user=user)[:20],
    }
    template = "cases/case_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
@never_cache
@sensitive_post_parameters("phone")
@require_POST
def phone_search(request: HttpRequest) -> HttpResponse:
    """Cases of the bodies the user handles with this requester phone number. POST only: a phone number is not
    put in a URL, where it would land in browser history and server logs."""
    user = user_of(request)
    require_permission(permissions.is_case_handler(user))
    form = PhoneSearchForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/phone_search.html", {"form": form, "rows": [], "searched": False}, status=422)
    rows = _rows(user, list(selectors.find_cases_by_phone(user=user, phone=form.cleaned_data["phone"])[:100]))
    # A fresh form: the number searched for is not written back into the page.
    return render(request, "cases/phone_search.html", {"form": PhoneSearchForm(), "rows": rows, "searched": True})


@login_required
@never_cache
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = selectors.get_case(user=user, pk=pk)
    is_handler = permissions.can_see_personal_data(user, case)
    context = {
        "case": case,
        "person": selectors.personal_data_for(user=user, cases=[case])[case.pk],
        "consent": selectors.consent_of(case),
        "timeline": selectors.case_timeline(case),
        "history": selectors.case_history(case)[:50],
        "is_handler": is_handler,
        "can_edit": is_handler and not case.is_closed,
        "transition_form": TransitionForm(case=case) if is_handler and not case.is_closed else None,
        "assign_form": AssignForm(case=case) if services.can_assign(user, case) and not case.is_closed else None,
        "data_requests": selectors.data_requests_of(case) if is_handler else None,
        "purpose_text": PURPOSE_TEXTS.get(CURRENT_PURPOSE_VERSION, ""),
    }
    return render(request, "cases/case_detail.html", context)


@method_decorator(sensitive_post_parameters(*PERSONAL_POST_FIELDS), name="dispatch")
@method_decorator(never_cache, name="dispatch")
class CaseCreateView(ServiceFormView):
    form_class = CaseForm
    template_name = "cases/case_form.html"
    allowed = staticmethod(permissions.is_case_handler)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: CaseForm) -> Any:
        case = services.create_case(
            actor=user_of(self.request),
            data=form.fact_data(),
            person=form.person_data(),
            consent_given=bool(form.cleaned_data.get("consent_given")),
            consent_method=form.cleaned_data.get("consent_method") or None,
        )
        messages.success(self.request, _("Đã tiếp nhận vụ việc số %(pk)s.") % {"pk": case.pk})
        return case


@method_decorator(sensitive_post_parameters(*PERSONAL_POST_FIELDS), name="dispatch")
@method_decorator(never_cache, name="dispatch")
class CaseUpdateView(ServiceFormView):
    form_class = CaseForm
    template_name = "cases/case_form.html"
    selector = staticmethod(selectors.get_case)
    allowed_on_record = staticmethod(permissions.can_edit_case)
    edits = True
    context_name = "case"

    def unavailable(self, record: Any) -> str:
        return str(services.closed_error().messages[0]) if record.is_closed else ""

    def get_form_kwargs(self) -> dict[str, Any]:
        user = user_of(self.request)
        return {**super().get_form_kwargs(), "user": user, "person": selectors.person_of(user=user, case=self.record)}

    def perform(self, form: CaseForm) -> Any:
        user = user_of(self.request)
        case = services.update_case(
            actor=user,
            case=self.fresh_record(),
            data=form.fact_data(),
            person=form.person_data() if self.record.anonymised_at is None else None,
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return case


@login_required
@never_cache
@require_POST
def case_transition(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = selectors.get_case(user=user, pk=pk)
    require_permission(permissions.can_transition_case(user, case))
    form = TransitionForm(request.POST, case=case)
    done = submit_form(
        request,
        form,
        lambda data: services.transition_case(
            actor=user,
            case=case,
            to_status=data["to_status"],
            expected_version=data["version"],
            note=data["note"],
            answer=data["answer"] or None,
            referred_to=data["referred_to"] or None,
        ),
        success=_("Đã chuyển trạng thái vụ việc."),
        url=case.get_absolute_url(),
    )
    return done or render(request, "cases/case_transition.html", {"case": case, "form": form}, status=422)


@login_required
@require_POST
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = selectors.get_case(user=user, pk=pk)
    require_permission(services.can_assign(user, case))
    form = AssignForm(request.POST, case=case)
    done = submit_form(
        request,
        form,
        lambda data: services.assign_handler(
            actor=user, case=case, handler=data["handler"], expected_version=data["version"]
        ),
        success=_("Đã giao cán bộ xử lý."),
        url=case.get_absolute_url(),
    )
    return done or render(request, "cases/case_assign.html", {"case": case, "form": form}, status=422)


@login_required
@never_cache
@require_POST
@sensitive_variables()
def case_subject_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The requester's data as a JSON download (right of access). POST: it is an audited act, not a link."""
    user = user_of(request)
    case = selectors.get_case(user=user, pk=pk)
    require_permission(permissions.can_serve_data_subject(user, case))
    data = services.export_subject_data(actor=user, case=case)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan-vu-viec-{case.pk}.json"'
    return response


@login_required
@never_cache
@sensitive_post_parameters("details")
@require_http_methods(["GET", "POST"])
def data_request_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    case = selectors.get_case(user=user, pk=pk)
    require_permission(permissions.can_serve_data_subject(user, case))
    form = DataRequestForm(request.POST or None)
    done = submit_form(
        request,
        form,
        lambda data: services.record_data_request(actor=user, case=case, kind=data["kind"], details=data["details"]),
        success=_("Đã ghi nhận yêu cầu về dữ liệu cá nhân."),
        url=case.get_absolute_url(),
    )
    if done:
        return done
    status = 422 if request.method == "POST" else 200
    return render(request, "cases/data_request_form.html", {"case": case, "form": form}, status=status)


@login_required
@never_cache
@sensitive_post_parameters(*PERSONAL_POST_FIELDS)
@require_http_methods(["GET", "POST"])
def data_request_handle(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    data_request = selectors.get_data_request(user=user, pk=pk)
    case = data_request.case
    require_permission(permissions.can_serve_data_subject(user, case))
    person = selectors.person_of(user=user, case=case)
    form = DataRequestHandleForm(request.POST or None, request_obj=data_request, person=person)
    done = submit_form(
        request,
        form,
        lambda data: services.handle_data_request(
            actor=user,
            request=data_request,
            expected_version=data["version"],
            accept=data["accept"],
            outcome=data["outcome"],
            corrections=form.corrections() if data_request.kind == DataRequestKind.CORRECTION else None,
        ),
        success=_("Đã xử lý yêu cầu về dữ liệu cá nhân."),
        url=case.get_absolute_url(),
    )
    if done:
        return done
    status = 422 if request.method == "POST" else 200
    context = {"case": case, "data_request": data_request, "form": form}
    return render(request, "cases/data_request_handle.html", context, status=status)


CSV_HEADER = [
    "Số vụ việc",
    "Tiếp nhận lúc",
    "Kênh",
    "Người hỏi là",
    "Chủ đề",
    "Đơn vị xử lý",
    "Cán bộ xử lý",
    "Trạng thái",
    "Hạn trả lời",
    "Quá hạn",
    "Trả lời lúc",
    "Họ và tên người hỏi",
    "Số điện thoại",
    "Nơi làm việc",
]


def _cell(value: Any) -> str:
    """Spreadsheet-safe text: a cell starting with = + - @ (or a tab or return) is not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(user: Any, cases: Any) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(CSV_HEADER)
    batch: list[Case] = []
    for case in cases.iterator(chunk_size=500):
        batch.append(case)
        if len(batch) == 500:
            yield from _csv_batch(writer, user, batch)
            batch = []
    if batch:
        yield from _csv_batch(writer, user, batch)


@sensitive_variables()
def _csv_batch(writer: Any, user: Any, batch: list[Case]) -> list[str]:
    """A list, not a generator: the decorator only hides the locals of a frame it calls directly."""
    people = selectors.personal_data_for(user=user, cases=batch)
    lines = []
    for case in batch:
        person = people[case.pk]
        values = (
            case.pk,
            format_datetime(case.received_at),
            case.get_channel_display(),
            case.get_requester_kind_display(),
            case.topic.path,
            case.handling_agency.name,
            case.handler or "",
            case.get_status_display(),
            format_datetime(case.due_at) if case.due_at else "",
            "Có" if case.is_overdue else "",
            format_datetime(case.answered_at) if case.answered_at else "",
            person.full_name,
            person.phone,
            person.employer,
        )
        lines.append(writer.writerow([_cell(value) for value in values]))
    return lines


@login_required
def case_export(request: HttpRequest) -> StreamingHttpResponse:
    """The filtered list as CSV. Personal columns carry clear values only on rows the user handles."""
    user = user_of(request)
    require_permission(permissions.can_view_cases(user))
    cases = selectors.list_cases(user=user, params=request.GET)
    # Recorded before the file streams, like the Excel export's event: who took how many cases, how many in clear.
    record_case_export(
        actor=user,
        rows=cases.count(),
        personal_rows=cases.filter(handling_agency_id__in=permissions.handler_agency_ids(user)).count(),
        filters=filter_text(request.GET),
        file_format="CSV",
    )
    response = StreamingHttpResponse(_csv_lines(user, cases), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="vu-viec-{stamp}.csv"'
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
def case_aggregates(request: HttpRequest) -> HttpResponse:
    """Counts for a period, with no personal data: what the joint report prints."""
    user = user_of(request)
    require_permission(permissions.can_view_cases(user))
    form = AggregateForm(request.GET or None)
    result = None
    parts: list[Any] = []
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        filters = {
            "start": data["start"],
            "end": data["end"],
            "requester_kind": data["requester_kind"] or None,
            "agency": data["agency"],
            "channels": [data["channel"]] if data["channel"] else [],
        }
        result = selectors.case_aggregates(user=user, **filters)
        parts = sections.render("case_aggregates", user=user, result=result, filters=filters)
    status = 422 if form.is_bound and not form.is_valid() else 200
    context = {"form": form, "result": result, "sections": parts}
    return render(request, "cases/aggregates.html", context, status=status)


def not_found() -> Http404:
    return Http404(_("Không tìm thấy."))

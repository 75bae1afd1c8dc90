from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.core.views import ServiceFormView, paginate, require_permission, user_of
from phoihop.oversight import permissions, selectors, services
from phoihop.oversight.filters import FollowUpFilter, InspectionFilter
from phoihop.oversight.forms import FindingForm, FollowUpForm, InspectionForm, TopicForm
from phoihop.oversight.models import Inspection


def _posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


@login_required
def inspection_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    inspections = selectors.list_inspections(user=user, params=request.GET)
    page = paginate(request, inspections)
    context = {
        "page": page,
        "filter": InspectionFilter(request.GET, queryset=inspections, user=user),
        "q": request.GET.get("q", ""),
        "can_create": permissions.can_create_inspection(user),
    }
    template = "oversight/inspection_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.get_inspection_detail(user=user, pk=pk)
    context = {
        "inspection": inspection,
        "history": selectors.inspection_history(inspection)[:50],
        "can_edit": permissions.can_edit_inspection(user, inspection),
        "can_delete": permissions.can_delete_inspection(user, inspection),
    }
    return render(request, "oversight/inspection_detail.html", context)


class InspectionCreateView(ServiceFormView):
    form_class = InspectionForm
    template_name = "oversight/inspection_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_create_inspection(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: InspectionForm) -> Any:
        inspection = services.create_inspection(
            actor=user_of(self.request),
            data=form.service_data(),
            owner_agency=form.cleaned_data.get("owner_agency"),
        )
        messages.success(self.request, _("Đã thêm cuộc kiểm tra, giám sát “%(title)s”.") % {"title": inspection.title})
        return inspection


class InspectionUpdateView(ServiceFormView):
    form_class = InspectionForm
    template_name = "oversight/inspection_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.inspection = selectors.get_inspection(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_edit_inspection(user_of(request), self.inspection))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request), "instance": self.inspection}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "inspection": self.inspection}

    def perform(self, form: InspectionForm) -> Any:
        inspection = services.update_inspection(
            actor=user_of(self.request),
            inspection=selectors.get_inspection(user=user_of(self.request), pk=self.inspection.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return inspection


@login_required
@require_http_methods(["GET", "POST"])
def inspection_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    inspection = selectors.get_inspection(user=user, pk=pk)
    require_permission(permissions.can_delete_inspection(user, inspection))
    error = ""
    if request.method == "POST":
        try:
            services.delete_inspection(actor=user, inspection=inspection, expected_version=_posted_version(request))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa cuộc kiểm tra, giám sát “%(title)s”.") % {"title": inspection.title})
            url = reverse("oversight:inspection_list")
            return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)
    context = {
        "object": inspection,
        "error": error,
        "heading": _("Xóa cuộc kiểm tra, giám sát “%(title)s”?") % {"title": inspection.title},
        "consequence": _(
            "Các kết quả kiểm tra và việc cần làm của cuộc này cũng bị xóa. Lịch sử thay đổi vẫn được lưu."
        ),
        "cancel_url": inspection.get_absolute_url(),
    }
    return render(request, "oversight/confirm_delete.html", context, status=422 if error else 200)


# --- findings and follow-up actions: small forms beside the inspection --------------------------------------------


class _ChildFormView(ServiceFormView):
    """A finding or follow-up action of an inspection the user may edit; back to the inspection on success."""

    template_name = "oversight/child_form.html"
    heading = ""

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:  # pragma: no cover - overridden
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.inspection = self.load(request, **kwargs)
            require_permission(permissions.can_edit_inspection(user_of(request), self.inspection))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "inspection": self.inspection}
        row = getattr(self, "row", None)
        if row is not None:
            kwargs["instance"] = row
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "inspection": self.inspection, "heading": self.heading}

    def success_url_for(self, result: Any) -> str:
        return self.inspection.get_absolute_url()


class FindingCreateView(_ChildFormView):
    form_class = FindingForm
    heading = _("Thêm kết quả kiểm tra tại doanh nghiệp")

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:
        return selectors.get_inspection(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: FindingForm) -> Any:
        return services.add_finding(actor=user_of(self.request), inspection=self.inspection, data=form.service_data())


class FindingUpdateView(_ChildFormView):
    form_class = FindingForm
    heading = _("Sửa kết quả kiểm tra tại doanh nghiệp")

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:
        self.row = selectors.get_finding(user=user_of(request), pk=kwargs["pk"])
        return self.row.inspection

    def perform(self, form: FindingForm) -> Any:
        return services.update_finding(
            actor=user_of(self.request),
            finding=selectors.get_finding(user=user_of(self.request), pk=self.row.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


class FollowUpCreateView(_ChildFormView):
    form_class = FollowUpForm
    heading = _("Thêm việc cần làm sau kiểm tra")

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:
        return selectors.get_inspection(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: FollowUpForm) -> Any:
        return services.add_follow_up(actor=user_of(self.request), inspection=self.inspection, data=form.service_data())


class FollowUpUpdateView(_ChildFormView):
    form_class = FollowUpForm
    heading = _("Sửa việc cần làm sau kiểm tra")

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:
        self.row = selectors.get_follow_up(user=user_of(request), pk=kwargs["pk"])
        return self.row.inspection

    def perform(self, form: FollowUpForm) -> Any:
        return services.update_follow_up(
            actor=user_of(self.request),
            follow_up=selectors.get_follow_up(user=user_of(self.request), pk=self.row.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


def _child_delete(request: HttpRequest, row: Any, delete: Any, heading: str) -> HttpResponse:
    user = user_of(request)
    inspection = row.inspection
    require_permission(permissions.can_edit_inspection(user, inspection))
    error = ""
    if request.method == "POST":
        try:
            delete(actor=user, expected_version=_posted_version(request))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa."))
            url = inspection.get_absolute_url()
            return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)
    context = {
        "object": row,
        "error": error,
        "heading": heading,
        "consequence": _("Lịch sử thay đổi vẫn được lưu."),
        "cancel_url": inspection.get_absolute_url(),
    }
    return render(request, "oversight/confirm_delete.html", context, status=422 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def finding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    finding = selectors.get_finding(user=user_of(request), pk=pk)

    def delete(**kwargs: Any) -> None:
        services.delete_finding(finding=finding, **kwargs)

    return _child_delete(request, finding, delete, _("Xóa kết quả kiểm tra “%(row)s”?") % {"row": finding})


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_delete(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = selectors.get_follow_up(user=user_of(request), pk=pk)

    def delete(**kwargs: Any) -> None:
        services.delete_follow_up(follow_up=follow_up, **kwargs)

    return _child_delete(request, follow_up, delete, _("Xóa việc cần làm “%(row)s”?") % {"row": follow_up})


@login_required
def overdue_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    rows = selectors.overdue_follow_ups(user=user, params=request.GET)
    context = {"page": paginate(request, rows), "filter": FollowUpFilter(request.GET, user=user)}
    return render(request, "oversight/overdue_list.html", context)


# --- topics -------------------------------------------------------------------------------------------------------


@login_required
def topic_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    topics = selectors.topics_visible_to(user).order_by("position", "name")
    return render(
        request, "oversight/topic_list.html", {"topics": topics, "can_manage": permissions.can_manage_topics(user)}
    )


class TopicCreateView(ServiceFormView):
    form_class = TopicForm
    template_name = "oversight/topic_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_manage_topics(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form: TopicForm) -> Any:
        return services.create_topic(actor=user_of(self.request), data=form.service_data())


class TopicUpdateView(ServiceFormView):
    form_class = TopicForm
    template_name = "oversight/topic_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.topic = selectors.get_topic(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_manage_topics(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.topic}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "topic": self.topic, "history": history_of(self.topic)[:20]}

    def perform(self, form: TopicForm) -> Any:
        return services.update_topic(
            actor=user_of(self.request),
            topic=selectors.get_topic(user=user_of(self.request), pk=self.topic.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )

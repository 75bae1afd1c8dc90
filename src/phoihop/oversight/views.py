from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.audit import history_of
from phoihop.core.records import (
    ChildFormView,
    RecordPages,
    child_delete_view,
)
from phoihop.core.views import ServiceFormView, paginate, require_permission, user_of
from phoihop.oversight import permissions, selectors, services
from phoihop.oversight.filters import FollowUpFilter, InspectionFilter
from phoihop.oversight.forms import FindingForm, FollowUpForm, InspectionForm, TopicForm
from phoihop.oversight.models import Inspection

INSPECTIONS = RecordPages(
    app="oversight",
    name="inspection",
    rows=selectors.list_inspections,
    filter=InspectionFilter,
    load=selectors.get_inspection,
    load_detail=selectors.get_inspection_detail,
    history=selectors.inspection_history,
    can_create=permissions.can_create_inspection,
    can_edit=permissions.can_edit_inspection,
    can_delete=permissions.can_delete_inspection,
    form=InspectionForm,
    writes=services.WRITES,
    created=lambda record: _("Đã thêm cuộc kiểm tra, giám sát “%(title)s”.") % {"title": record.title},
    what=gettext_lazy("cuộc kiểm tra, giám sát"),
    consequence=gettext_lazy(
        "Các kết quả kiểm tra và việc cần làm của cuộc này cũng bị xóa. Lịch sử thay đổi vẫn được lưu."
    ),
)


# --- findings and follow-up actions: small forms beside the inspection --------------------------------------------


class _ChildFormView(ChildFormView):
    """A finding or follow-up action of an inspection the user may edit; back to the inspection on success."""

    template_name = "oversight/child_form.html"
    parent_context_name = "inspection"
    can_edit_parent = staticmethod(permissions.can_edit_inspection)


class FindingCreateView(_ChildFormView):
    form_class = FindingForm
    heading = _("Thêm kết quả kiểm tra tại doanh nghiệp")

    def load(self, request: HttpRequest, **kwargs: Any) -> Inspection:
        return selectors.get_inspection(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: FindingForm) -> Any:
        return services.add_finding(actor=user_of(self.request), inspection=self.parent, data=form.service_data())


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
        return services.add_follow_up(actor=user_of(self.request), inspection=self.parent, data=form.service_data())


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


finding_delete = child_delete_view(
    load=selectors.get_finding,
    parent=lambda finding: finding.inspection,
    can_edit_parent=permissions.can_edit_inspection,
    delete=lambda finding, **kwargs: services.delete_finding(finding=finding, **kwargs),
    heading=lambda finding: _("Xóa kết quả kiểm tra “%(row)s”?") % {"row": finding},
)

follow_up_delete = child_delete_view(
    load=selectors.get_follow_up,
    parent=lambda follow_up: follow_up.inspection,
    can_edit_parent=permissions.can_edit_inspection,
    delete=lambda follow_up, **kwargs: services.delete_follow_up(follow_up=follow_up, **kwargs),
    heading=lambda follow_up: _("Xóa việc cần làm “%(row)s”?") % {"row": follow_up},
)


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

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.audit import history_of
from phoihop.core.records import ChildPages, RecordPages
from phoihop.core.views import ServiceFormView, paginate, user_of
from phoihop.oversight import permissions, selectors, services
from phoihop.oversight.filters import FollowUpFilter, InspectionFilter
from phoihop.oversight.forms import FindingForm, FollowUpForm, InspectionForm, TopicForm

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


# What the two kinds of rows beside an inspection share: their parent, who may change them, the form's breadcrumb.
_INSPECTION_CHILD: dict[str, Any] = {
    "parent_name": "inspection",
    "parent": selectors.get_inspection,
    "parent_of": lambda row: row.inspection,
    "can_edit_parent": permissions.can_edit_inspection,
    "list_url": "oversight:inspection_list",
    "list_label": gettext_lazy("Kiểm tra, giám sát"),
}
FINDINGS = ChildPages(
    name="finding",
    segment="ket-qua",
    form=FindingForm,
    load=selectors.get_finding,
    writes=services.FINDINGS,
    add_heading=gettext_lazy("Thêm kết quả kiểm tra tại doanh nghiệp"),
    edit_heading=gettext_lazy("Sửa kết quả kiểm tra tại doanh nghiệp"),
    delete_heading=lambda finding: _("Xóa kết quả kiểm tra “%(row)s”?") % {"row": finding},
    **_INSPECTION_CHILD,
)
FOLLOW_UPS = ChildPages(
    name="follow_up",
    segment="viec-can-lam",
    form=FollowUpForm,
    load=selectors.get_follow_up,
    writes=services.FOLLOW_UPS,
    add_heading=gettext_lazy("Thêm việc cần làm sau kiểm tra"),
    edit_heading=gettext_lazy("Sửa việc cần làm sau kiểm tra"),
    delete_heading=lambda follow_up: _("Xóa việc cần làm “%(row)s”?") % {"row": follow_up},
    **_INSPECTION_CHILD,
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
    allowed = staticmethod(permissions.can_manage_topics)

    def perform(self, form: TopicForm) -> Any:
        return services.create_topic(actor=user_of(self.request), data=form.service_data())


class TopicUpdateView(ServiceFormView):
    form_class = TopicForm
    template_name = "oversight/topic_form.html"
    selector = staticmethod(selectors.get_topic)
    allowed = staticmethod(permissions.can_manage_topics)
    edits = True
    context_name = "topic"

    def more_context(self) -> dict[str, Any]:
        return {"history": history_of(self.record)[:20]}

    def perform(self, form: TopicForm) -> Any:
        return services.update_topic(
            actor=user_of(self.request),
            topic=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )

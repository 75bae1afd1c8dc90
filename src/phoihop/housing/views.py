"""Pages of worker housing projects: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.records import (
    ChildFormView,
    RecordPages,
    child_delete_view,
)
from phoihop.core.views import user_of
from phoihop.housing import permissions, selectors, services
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.forms import MilestoneForm, ProjectForm
from phoihop.housing.models import HousingProject

PROJECTS = RecordPages(
    app="housing",
    name="project",
    rows=selectors.list_projects,
    filter=ProjectFilter,
    load=selectors.get_project,
    load_detail=selectors.get_project_detail,
    history=selectors.project_history,
    can_create=permissions.can_create_project,
    can_edit=permissions.can_edit_project,
    can_delete=permissions.can_delete_project,
    form=ProjectForm,
    writes=services.WRITES,
    created=lambda record: _("Đã thêm dự án “%(name)s”.") % {"name": record.name},
    what=gettext_lazy("dự án"),
    consequence=gettext_lazy("Các mốc tiến độ của dự án cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
    extra=lambda project: {"progress": selectors.progress_of(project)},
    page_rows=selectors.with_progress,
)


class _MilestoneFormView(ChildFormView):
    form_class = MilestoneForm
    template_name = "housing/milestone_form.html"
    parent_context_name = "project"
    can_edit_parent = staticmethod(permissions.can_edit_project)


class MilestoneCreateView(_MilestoneFormView):
    heading = _("Thêm mốc tiến độ")

    def load(self, request: HttpRequest, **kwargs: Any) -> HousingProject:
        return selectors.get_project(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: MilestoneForm) -> Any:
        return services.add_milestone(actor=user_of(self.request), project=self.parent, data=form.service_data())


class MilestoneUpdateView(_MilestoneFormView):
    heading = _("Sửa mốc tiến độ")

    def load(self, request: HttpRequest, **kwargs: Any) -> HousingProject:
        self.row = selectors.get_milestone(user=user_of(request), pk=kwargs["pk"])
        return self.row.project

    def perform(self, form: MilestoneForm) -> Any:
        return services.update_milestone(
            actor=user_of(self.request),
            milestone=selectors.get_milestone(user=user_of(self.request), pk=self.row.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


milestone_delete = child_delete_view(
    load=selectors.get_milestone,
    parent=lambda milestone: milestone.project,
    can_edit_parent=permissions.can_edit_project,
    delete=lambda milestone, **kwargs: services.delete_milestone(milestone=milestone, **kwargs),
    heading=lambda milestone: _("Xóa mốc “%(row)s”?") % {"row": milestone},
    done_message=gettext_lazy("Đã xóa mốc tiến độ."),
)

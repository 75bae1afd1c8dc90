"""Pages of worker housing projects: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from phoihop.accounts.models import User
from phoihop.core.records import (
    ChildFormView,
    RecordCreateView,
    RecordUpdateView,
    confirm_delete,
    delete_view,
    detail_view,
    render_list,
)
from phoihop.core.views import require_permission, user_of
from phoihop.housing import permissions, selectors, services
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.forms import MilestoneForm, ProjectForm
from phoihop.housing.models import HousingProject


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    projects = selectors.list_projects(user=user, params=request.GET)
    context = {
        "filter": ProjectFilter(request.GET, queryset=projects, user=user),
        "can_create": permissions.can_create_project(user),
    }
    return render_list(
        request, template="housing/project_list.html", rows=projects, context=context, page_rows=selectors.with_progress
    )


project_detail = detail_view(
    template="housing/project_detail.html",
    name="project",
    load=selectors.get_project_detail,
    can_edit=permissions.can_edit_project,
    can_delete=permissions.can_delete_project,
    history=selectors.project_history,
    extra=lambda project: {"progress": selectors.progress_of(project)},
)


class ProjectCreateView(RecordCreateView):
    form_class = ProjectForm
    template_name = "housing/project_form.html"
    can_create = staticmethod(permissions.can_create_project)

    def create(self, *, actor: User, form: ProjectForm) -> HousingProject:
        return services.create_project(
            actor=actor, data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )

    def created_message(self, record: HousingProject) -> str:
        return _("Đã thêm dự án “%(name)s”.") % {"name": record.name}


class ProjectUpdateView(RecordUpdateView):
    form_class = ProjectForm
    template_name = "housing/project_form.html"
    context_object_name = "project"
    load = staticmethod(selectors.get_project)
    can_edit = staticmethod(permissions.can_edit_project)

    def update(self, *, actor: User, record: HousingProject, form: ProjectForm) -> HousingProject:
        return services.update_project(
            actor=actor, project=record, data=form.service_data(), expected_version=form.expected_version
        )


project_delete = delete_view(
    load=selectors.get_project,
    can_delete=permissions.can_delete_project,
    delete=lambda row, **kwargs: services.delete_project(project=row, **kwargs),
    what=gettext_lazy("dự án"),
    consequence=gettext_lazy("Các mốc tiến độ của dự án cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
    list_url="housing:project_list",
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


@login_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = selectors.get_milestone(user=user_of(request), pk=pk)
    require_permission(permissions.can_edit_project(user_of(request), milestone.project))
    return confirm_delete(
        request,
        row=milestone,
        delete=lambda **kwargs: services.delete_milestone(milestone=milestone, **kwargs),
        heading=_("Xóa mốc “%(row)s”?") % {"row": milestone},
        consequence=_("Lịch sử thay đổi vẫn được lưu."),
        cancel_url=milestone.project.get_absolute_url(),
        done_url=milestone.project.get_absolute_url(),
        done_message=_("Đã xóa mốc tiến độ."),
    )

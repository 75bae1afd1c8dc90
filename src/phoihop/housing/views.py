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

from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.core.views import ServiceFormView, paginate, require_permission, user_of
from phoihop.housing import permissions, selectors, services
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.forms import MilestoneForm, ProjectForm
from phoihop.housing.models import HousingProject


def _posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _confirm_delete(
    request: HttpRequest,
    *,
    row: Any,
    delete: Any,
    heading: str,
    consequence: str,
    cancel_url: str,
    done_url: str,
    done_message: str,
) -> HttpResponse:
    error = ""
    if request.method == "POST":
        try:
            delete(actor=user_of(request), expected_version=_posted_version(request))
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, done_message)
            return hx_location(done_url) if htmx_partial(request) else HttpResponseRedirect(done_url)
    context = {"object": row, "error": error, "heading": heading, "consequence": consequence, "cancel_url": cancel_url}
    return render(request, "housing/confirm_delete.html", context, status=422 if error else 200)


@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    projects = selectors.list_projects(user=user, params=request.GET)
    page = paginate(request, projects)
    context = {
        "page": page,
        "rows": selectors.with_progress(page),
        "filter": ProjectFilter(request.GET, queryset=projects, user=user),
        "q": request.GET.get("q", ""),
        "can_create": permissions.can_create_project(user),
    }
    template = "housing/project_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    project = selectors.get_project_detail(user=user, pk=pk)
    context = {
        "project": project,
        "progress": selectors.progress_of(project),
        "history": selectors.project_history(project)[:50],
        "can_edit": permissions.can_edit_project(user, project),
        "can_delete": permissions.can_delete_project(user, project),
    }
    return render(request, "housing/project_detail.html", context)


class ProjectCreateView(ServiceFormView):
    form_class = ProjectForm
    template_name = "housing/project_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_create_project(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: ProjectForm) -> Any:
        project = services.create_project(
            actor=user_of(self.request), data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )
        messages.success(self.request, _("Đã thêm dự án “%(name)s”.") % {"name": project.name})
        return project


class ProjectUpdateView(ServiceFormView):
    form_class = ProjectForm
    template_name = "housing/project_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.project = selectors.get_project(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_edit_project(user_of(request), self.project))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request), "instance": self.project}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "project": self.project}

    def perform(self, form: ProjectForm) -> Any:
        project = services.update_project(
            actor=user_of(self.request),
            project=selectors.get_project(user=user_of(self.request), pk=self.project.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return project


@login_required
@require_http_methods(["GET", "POST"])
def project_delete(request: HttpRequest, pk: int) -> HttpResponse:
    project = selectors.get_project(user=user_of(request), pk=pk)
    require_permission(permissions.can_delete_project(user_of(request), project))

    def delete(**kwargs: Any) -> None:
        services.delete_project(project=project, **kwargs)

    return _confirm_delete(
        request,
        row=project,
        delete=delete,
        heading=_("Xóa dự án “%(name)s”?") % {"name": project.name},
        consequence=_("Các mốc tiến độ của dự án cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
        cancel_url=project.get_absolute_url(),
        done_url=reverse("housing:project_list"),
        done_message=_("Đã xóa dự án “%(name)s”.") % {"name": project.name},
    )


class _MilestoneFormView(ServiceFormView):
    form_class = MilestoneForm
    template_name = "housing/milestone_form.html"
    heading = ""

    def load(self, request: HttpRequest, **kwargs: Any) -> HousingProject:  # pragma: no cover - overridden
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.project = self.load(request, **kwargs)
            require_permission(permissions.can_edit_project(user_of(request), self.project))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "project": self.project}
        row = getattr(self, "row", None)
        if row is not None:
            kwargs["instance"] = row
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "project": self.project, "heading": self.heading}

    def success_url_for(self, result: Any) -> str:
        return self.project.get_absolute_url()


class MilestoneCreateView(_MilestoneFormView):
    heading = _("Thêm mốc tiến độ")

    def load(self, request: HttpRequest, **kwargs: Any) -> HousingProject:
        return selectors.get_project(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: MilestoneForm) -> Any:
        return services.add_milestone(actor=user_of(self.request), project=self.project, data=form.service_data())


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

    def delete(**kwargs: Any) -> None:
        services.delete_milestone(milestone=milestone, **kwargs)

    return _confirm_delete(
        request,
        row=milestone,
        delete=delete,
        heading=_("Xóa mốc “%(row)s”?") % {"row": milestone},
        consequence=_("Lịch sử thay đổi vẫn được lưu."),
        cancel_url=milestone.project.get_absolute_url(),
        done_url=milestone.project.get_absolute_url(),
        done_message=_("Đã xóa mốc tiến độ."),
    )

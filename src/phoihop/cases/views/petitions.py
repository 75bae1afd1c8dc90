"""Pages of petitions raised at dialogue conferences."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.cases import permissions, selectors, services
from phoihop.cases.filters import PetitionFilter
from phoihop.cases.forms import FollowUpForm, PetitionForm
from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.core.views import ServiceFormView, apply_validation_error, paginate, require_permission, user_of


@login_required
def petition_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    petitions = selectors.list_petitions(user=user, params=request.GET)
    context = {
        "page": paginate(request, petitions),
        "filter": PetitionFilter(request.GET, queryset=petitions, user=user),
        "can_create": permissions.can_create_petition(user),
    }
    template = "cases/petition_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
def petition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    petition = selectors.get_petition(user=user, pk=pk)
    can_edit = permissions.can_edit_petition(user, petition)
    context = {
        "petition": petition,
        "follow_ups": selectors.petition_follow_ups(petition),
        "history": history_of(petition)[:50],
        "can_edit": can_edit,
        "follow_up_form": FollowUpForm(petition=petition) if can_edit and petition.status != "resolved" else None,
    }
    return render(request, "cases/petition_detail.html", context)


class PetitionCreateView(ServiceFormView):
    form_class = PetitionForm
    template_name = "cases/petition_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_create_petition(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: PetitionForm) -> Any:
        petition = services.create_petition(
            actor=user_of(self.request),
            data=form.service_data(),
            owner_agency=form.cleaned_data.get("owner_agency"),
        )
        messages.success(self.request, _("Đã ghi nhận kiến nghị."))
        return petition


class PetitionUpdateView(ServiceFormView):
    form_class = PetitionForm
    template_name = "cases/petition_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.petition = selectors.get_petition(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_edit_petition(user_of(request), self.petition))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request), "instance": self.petition}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "petition": self.petition}

    def perform(self, form: PetitionForm) -> Any:
        petition = services.update_petition(
            actor=user_of(self.request),
            petition=selectors.get_petition(user=user_of(self.request), pk=self.petition.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return petition


@login_required
@require_POST
def petition_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    petition = selectors.get_petition(user=user, pk=pk)
    require_permission(permissions.can_edit_petition(user, petition))
    form = FollowUpForm(request.POST, petition=petition)
    if form.is_valid():
        try:
            services.add_follow_up(
                actor=user,
                petition=petition,
                occurred_on=form.cleaned_data["occurred_on"],
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except ConflictError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã ghi bước theo dõi kiến nghị."))
            url = petition.get_absolute_url()
            return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)
    return render(request, "cases/petition_follow_up.html", {"petition": petition, "form": form}, status=422)

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.core.views import ServiceFormView, paginate, require_permission, user_of
from phoihop.organizing import permissions, selectors, services
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.forms import FoundingForm
from phoihop.organizing.models import Founding


@login_required
def founding_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    foundings = selectors.list_foundings(user=user, params=request.GET)
    context = {
        "page": paginate(request, foundings),
        "filter": FoundingFilter(request.GET, queryset=foundings, user=user),
        "q": request.GET.get("q", ""),
        "can_create": permissions.can_create_founding(user),
    }
    template = "organizing/founding_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
def founding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    founding = selectors.get_founding(user=user, pk=pk)
    context = {
        "founding": founding,
        "history": history_of(founding)[:50],
        "can_edit": permissions.can_edit_founding(user, founding),
        "can_delete": permissions.can_delete_founding(user, founding),
    }
    return render(request, "organizing/founding_detail.html", context)


class FoundingFormView(ServiceFormView):
    form_class = FoundingForm
    template_name = "organizing/founding_form.html"
    founding: Founding | None = None

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "user": user_of(self.request)}
        if self.founding is not None:
            kwargs["instance"] = self.founding
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        # "Ghi nhận thành lập" from an enterprise's page arrives with the enterprise already chosen.
        if self.founding is None and self.request.GET.get("enterprise"):
            initial["enterprise"] = self.request.GET["enterprise"]
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "founding": self.founding}


class FoundingCreateView(FoundingFormView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_create_founding(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form: FoundingForm) -> Any:
        founding = services.create_founding(
            actor=user_of(self.request),
            data=form.service_data(),
            owner_agency=form.cleaned_data.get("owner_agency"),
        )
        messages.success(self.request, _("Đã ghi nhận thành lập “%(name)s”.") % {"name": founding})
        return founding


class FoundingUpdateView(FoundingFormView):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.founding = selectors.get_founding(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_edit_founding(user_of(request), self.founding))
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form: FoundingForm) -> Any:
        assert self.founding is not None  # noqa: S101  (dispatch loaded it)
        founding = services.update_founding(
            actor=user_of(self.request),
            founding=selectors.get_founding(user=user_of(self.request), pk=self.founding.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return founding


@login_required
@require_http_methods(["GET", "POST"])
def founding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    founding = selectors.get_founding(user=user, pk=pk)
    require_permission(permissions.can_delete_founding(user, founding))
    error = ""
    if request.method == "POST":
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = -1
        try:
            services.delete_founding(actor=user, founding=founding, expected_version=version)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except ConflictError as exc:
            error = exc.message
        else:
            messages.success(request, _("Đã xóa bản ghi “%(name)s”.") % {"name": founding})
            url = reverse("organizing:founding_list")
            return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)
    status = 422 if error else 200
    return render(request, "organizing/founding_delete.html", {"founding": founding, "error": error}, status=status)

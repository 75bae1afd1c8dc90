"""Three small mixins every app's views use, plus the home page and helpers. No generic-view framework."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from django.views.generic import FormView

from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.core.plugins import sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def paginate(request: HttpRequest, queryset: QuerySet[Any], per_page: int = 25) -> Page[Any]:
    paginator = Paginator(queryset, per_page)
    return paginator.get_page(request.GET.get("page"))


class PartialTemplateMixin:
    """Render `template_name#partial_name` for htmx requests, the whole page otherwise."""

    partial_name = "content"
    request: HttpRequest
    template_name: str | None

    def get_template_names(self) -> list[str]:
        template = str(self.template_name)
        if htmx_partial(self.request):
            return [f"{template}#{self.partial_name}"]
        return [template]


def apply_validation_error(form: BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: field errors on their fields, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def redirect_after(request: HttpRequest, url: str) -> HttpResponse:
    """After a write: the next page, as HX-Location for htmx (a whole page, never a fragment) or a plain redirect."""
    return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)


def run_action(request: HttpRequest, url: str, action: Callable[[], Any], success: str) -> HttpResponse:
    """One workflow step from a button (submit, approve, confirm…): `action()` calls the service; its refusal or a
    version conflict is shown as a message on the page at `url`, as is `success`."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except ConflictError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect_after(request, url)


@sensitive_variables("form", "write")
def submit_form(
    request: HttpRequest, form: BaseForm, write: Callable[[dict[str, Any]], Any], *, success: str, url: str
) -> HttpResponse | None:
    """A posted form to one service: `write(cleaned_data)`, then `success` and the page at `url` (`redirect_after`).
    None when the form is not valid or the service refused it — its errors, or the conflict, are on the form for
    the view to show again (422). Form data never reaches an error report from here (personal fields)."""
    if not form.is_valid():
        return None
    try:
        write(form.cleaned_data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return None
    except ConflictError as error:
        form.add_error(None, error.message)
        return None
    messages.success(request, success)
    return redirect_after(request, url)


class ServiceFormView(LoginRequiredMixin, PartialTemplateMixin, FormView[Any]):
    """A form whose valid data goes to one service. Service errors land on the form (status 200 for htmx
    re-render); a version conflict says who changed the record; success redirects (HX-Location for htmx).

    A form that works on a record declares it instead of writing `dispatch`:

        selector = staticmethod(selectors.get_area)        # called as selector(user=…, pk=kwargs[selector_kwarg])
        allowed = staticmethod(permissions.can_keep_plan)  # (user) -> bool; or allowed_on_record: (user, record)
        edits = True                                       # the record is the form's `instance`
        context_name = "area"                              # the template's name for it

    For a signed-in user, before the form is built: the record is read through the scoped selector (out of scope:
    404) and kept on `self.record`, then the predicates are checked (403). An anonymous user goes to the login page
    first, as on every page. `more_context()` adds what else the template shows; `fresh_record()` reads the record
    again inside `perform`, so the service compares the posted version with the row as it is now.

    A record found through another (a report's section) is read by `read_record(user, **url_kwargs)` instead of a
    selector; a record that cannot be changed now (a closed case) names why in `unavailable(record)`, and the user goes
    back to the record's page with that message."""

    partial_name = "form"
    selector: Callable[..., Any] | None = None
    selector_kwarg = "pk"
    allowed: Callable[[User], bool] | None = None
    allowed_on_record: Callable[[User, Any], bool] | None = None
    edits = False
    context_name = ""
    # The record `selector` read (None when the view declares none).
    record: Any = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            user = user_of(request)
            view = type(self)
            self.record = self.read_record(user, **kwargs)
            if view.allowed is not None:
                require_permission(view.allowed(user))
            if view.allowed_on_record is not None:
                require_permission(view.allowed_on_record(user, self.record))
            reason = self.unavailable(self.record)
            if reason:
                messages.error(request, reason)
                return HttpResponseRedirect(self.record.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def read_record(self, user: User, **kwargs: Any) -> Any:
        selector = type(self).selector
        return None if selector is None else selector(user=user, pk=kwargs[self.selector_kwarg])

    def unavailable(self, record: Any) -> str:
        """Why the record cannot be changed now ("" when it can)."""
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        return {**kwargs, "instance": self.record} if self.edits else kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.context_name:
            context[self.context_name] = self.record
        return {**context, **self.more_context()}

    def more_context(self) -> dict[str, Any]:
        """What the template shows beside the form and the record (the record's plan, its history)."""
        return {}

    def fresh_record(self) -> Any:
        selector = type(self).selector
        assert selector is not None  # noqa: S101  (only a view that declares a selector calls it)
        return selector(user=user_of(self.request), pk=self.record.pk)

    def perform(self, form: Any) -> Any:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def success_url_for(self, result: Any) -> str:
        return str(result.get_absolute_url())

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            result = self.perform(form)
        except ValidationError as error:
            apply_validation_error(form, error)
            return self.form_invalid(form)
        except ConflictError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        url = self.success_url_for(result)
        if htmx_partial(self.request):
            return hx_location(url)
        return HttpResponseRedirect(url)

    def form_invalid(self, form: Any) -> HttpResponse:
        response = super().form_invalid(form)
        if not htmx_partial(self.request):
            response.status_code = 422 if self.request.method == "POST" else 200
        return response


def user_of(request: HttpRequest) -> User:
    """The signed-in user, typed. Views call it after login_required has run."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    return user


def require_permission(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Anh/chị không có quyền thực hiện thao tác này."))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The home page: what each installed app puts there (core/plugins.py), in order."""
    return render(request, "core/home.html", {"sections": sections.render("home", user=user_of(request))})

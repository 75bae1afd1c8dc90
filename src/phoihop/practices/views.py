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
from phoihop.practices import permissions, selectors, services
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.forms import AwardForm, PracticeForm
from phoihop.practices.models import GoodPractice


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
    return render(request, "practices/confirm_delete.html", context, status=422 if error else 200)


@login_required
def practice_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    practices = selectors.list_practices(user=user, params=request.GET)
    context = {
        "page": paginate(request, practices),
        "filter": PracticeFilter(request.GET, queryset=practices, user=user),
        "q": request.GET.get("q", ""),
        "can_create": permissions.can_create_practice(user),
    }
    template = "practices/practice_list.html"
    return render(request, f"{template}#results" if htmx_partial(request) else template, context)


@login_required
def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    practice = selectors.get_practice_detail(user=user, pk=pk)
    context = {
        "practice": practice,
        "history": selectors.practice_history(practice)[:50],
        "can_edit": permissions.can_edit_practice(user, practice),
        "can_delete": permissions.can_delete_practice(user, practice),
    }
    return render(request, "practices/practice_detail.html", context)


class PracticeCreateView(ServiceFormView):
    form_class = PracticeForm
    template_name = "practices/practice_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            require_permission(permissions.can_create_practice(user_of(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def perform(self, form: PracticeForm) -> Any:
        practice = services.create_practice(
            actor=user_of(self.request), data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )
        messages.success(self.request, _("Đã thêm mô hình “%(title)s”.") % {"title": practice.title})
        return practice


class PracticeUpdateView(ServiceFormView):
    form_class = PracticeForm
    template_name = "practices/practice_form.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.practice = selectors.get_practice(user=user_of(request), pk=kwargs["pk"])
            require_permission(permissions.can_edit_practice(user_of(request), self.practice))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request), "instance": self.practice}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "practice": self.practice}

    def perform(self, form: PracticeForm) -> Any:
        practice = services.update_practice(
            actor=user_of(self.request),
            practice=selectors.get_practice(user=user_of(self.request), pk=self.practice.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return practice


@login_required
@require_http_methods(["GET", "POST"])
def practice_delete(request: HttpRequest, pk: int) -> HttpResponse:
    practice = selectors.get_practice(user=user_of(request), pk=pk)
    require_permission(permissions.can_delete_practice(user_of(request), practice))

    def delete(**kwargs: Any) -> None:
        services.delete_practice(practice=practice, **kwargs)

    return _confirm_delete(
        request,
        row=practice,
        delete=delete,
        heading=_("Xóa mô hình “%(title)s”?") % {"title": practice.title},
        consequence=_("Các khen thưởng của mô hình cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
        cancel_url=practice.get_absolute_url(),
        done_url=reverse("practices:practice_list"),
        done_message=_("Đã xóa mô hình “%(title)s”.") % {"title": practice.title},
    )


class _AwardFormView(ServiceFormView):
    form_class = AwardForm
    template_name = "practices/award_form.html"
    heading = ""

    def load(self, request: HttpRequest, **kwargs: Any) -> GoodPractice:  # pragma: no cover - overridden
        raise NotImplementedError

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated:
            self.practice = self.load(request, **kwargs)
            require_permission(permissions.can_edit_practice(user_of(request), self.practice))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = {**super().get_form_kwargs(), "practice": self.practice}
        row = getattr(self, "row", None)
        if row is not None:
            kwargs["instance"] = row
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "practice": self.practice, "heading": self.heading}

    def success_url_for(self, result: Any) -> str:
        return self.practice.get_absolute_url()


class AwardCreateView(_AwardFormView):
    heading = _("Thêm khen thưởng")

    def load(self, request: HttpRequest, **kwargs: Any) -> GoodPractice:
        return selectors.get_practice(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: AwardForm) -> Any:
        return services.add_award(actor=user_of(self.request), practice=self.practice, data=form.service_data())


class AwardUpdateView(_AwardFormView):
    heading = _("Sửa khen thưởng")

    def load(self, request: HttpRequest, **kwargs: Any) -> GoodPractice:
        self.row = selectors.get_award(user=user_of(request), pk=kwargs["pk"])
        return self.row.practice

    def perform(self, form: AwardForm) -> Any:
        return services.update_award(
            actor=user_of(self.request),
            award=selectors.get_award(user=user_of(self.request), pk=self.row.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


@login_required
@require_http_methods(["GET", "POST"])
def award_delete(request: HttpRequest, pk: int) -> HttpResponse:
    award = selectors.get_award(user=user_of(request), pk=pk)
    require_permission(permissions.can_edit_practice(user_of(request), award.practice))

    def delete(**kwargs: Any) -> None:
        services.delete_award(award=award, **kwargs)

    return _confirm_delete(
        request,
        row=award,
        delete=delete,
        heading=_("Xóa khen thưởng “%(row)s”?") % {"row": award},
        consequence=_("Lịch sử thay đổi vẫn được lưu."),
        cancel_url=award.practice.get_absolute_url(),
        done_url=award.practice.get_absolute_url(),
        done_message=_("Đã xóa khen thưởng."),
    )

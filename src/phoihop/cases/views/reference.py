"""Pages of the cases' reference data (topic tree, working calendar) and of handler grants."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from phoihop.cases import permissions, selectors, services
from phoihop.cases.forms import ChannelPolicyForm, GrantForm, HolidayForm, TopicForm
from phoihop.cases.models import ChannelPolicy, Holiday
from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.views import ServiceFormView, apply_validation_error, redirect_after, require_permission, user_of


@login_required
def topic_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    require_permission(permissions.can_view_cases(user))
    context = {"topics": selectors.list_topics(user=user), "can_manage": permissions.can_manage_reference(user)}
    return render(request, "cases/topic_list.html", context)


class TopicCreateView(ServiceFormView):
    form_class = TopicForm
    template_name = "cases/topic_form.html"
    allowed = staticmethod(permissions.can_manage_reference)

    def perform(self, form: TopicForm) -> Any:
        return services.create_topic(actor=user_of(self.request), data=form.service_data())

    def success_url_for(self, result: Any) -> str:
        return reverse("cases:topic_list")


class TopicUpdateView(ServiceFormView):
    form_class = TopicForm
    template_name = "cases/topic_form.html"
    selector = staticmethod(selectors.get_topic)
    allowed = staticmethod(permissions.can_manage_reference)
    edits = True
    context_name = "topic"

    def more_context(self) -> dict[str, Any]:
        return {"history": history_of(self.record)[:50]}

    def perform(self, form: TopicForm) -> Any:
        return services.update_topic(
            actor=user_of(self.request),
            topic=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )

    def success_url_for(self, result: Any) -> str:
        return reverse("cases:topic_list")


@login_required
@require_http_methods(["GET", "POST"])
def working_calendar(request: HttpRequest) -> HttpResponse:
    """Response times per channel and the holidays of the deadline clock; the administrator adds holidays here."""
    user = user_of(request)
    require_permission(permissions.can_view_cases(user))
    can_manage = permissions.can_manage_reference(user)
    form = HolidayForm(request.POST or None) if can_manage else None
    if request.method == "POST":
        require_permission(can_manage)
        assert form is not None  # noqa: S101
        if form.is_valid():
            try:
                services.add_holiday(actor=user, date=form.cleaned_data["date"], name=form.cleaned_data["name"])
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Đã thêm ngày nghỉ."))
                return redirect_after(request, reverse("cases:calendar"))
    from django.conf import settings

    context = {
        "policies": selectors.channel_policies(),
        "holidays": selectors.holidays(),
        "form": form,
        "can_manage": can_manage,
        "periods": settings.WORKING_PERIODS,
        "day_hours": selectors.working_calendar().day_hours(),
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "cases/calendar.html", context, status=status)


@login_required
@require_POST
def holiday_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    require_permission(permissions.can_manage_reference(user))
    holiday = get_object_or_404(Holiday, pk=pk)
    services.remove_holiday(actor=user, holiday=holiday)
    messages.success(request, _("Đã bỏ ngày nghỉ %(day)s.") % {"day": holiday.date.strftime("%d/%m/%Y")})
    return redirect_after(request, reverse("cases:calendar"))


@login_required
@require_http_methods(["GET", "POST"])
def policy_update(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    require_permission(permissions.can_manage_reference(user))
    policy = get_object_or_404(ChannelPolicy, pk=pk)
    form = ChannelPolicyForm(request.POST or None, instance=policy)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_channel_policy(
                actor=user,
                channel=policy.channel,
                response_hours=form.cleaned_data["response_hours"],
                expected_version=form.expected_version,
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except ConflictError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã lưu thời hạn trả lời."))
            return redirect_after(request, reverse("cases:calendar"))
    status = 422 if request.method == "POST" else 200
    context = {"policy": policy, "form": form, "history": history_of(policy)[:50]}
    return render(request, "cases/policy_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def grant_list(request: HttpRequest) -> HttpResponse:
    """Who handles the cases of which body (and so sees requesters' personal data); leaders grant and revoke."""
    user = user_of(request)
    require_permission(permissions.can_view_cases(user))
    can_manage = permissions.can_manage_grants(user)
    form = GrantForm(request.POST or None, actor=user) if can_manage else None
    if request.method == "POST":
        require_permission(can_manage)
        assert form is not None  # noqa: S101
        if form.is_valid():
            try:
                services.grant_handler(actor=user, user=form.cleaned_data["user"], agency=form.cleaned_data["agency"])
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Đã giao quyền xử lý vụ việc."))
                return redirect_after(request, reverse("cases:grant_list"))
    context = {
        "grants": selectors.list_grants(user=user, include_revoked=request.GET.get("all") == "1"),
        "form": form,
        "can_manage": can_manage,
        "show_all": request.GET.get("all") == "1",
    }
    status = 422 if request.method == "POST" else 200
    return render(request, "cases/grant_list.html", context, status=status)


@login_required
@require_POST
def grant_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    grant = selectors.get_grant(user=user, pk=pk)
    require_permission(permissions.can_manage_grants(user, grant.agency))
    try:
        services.revoke_handler(actor=user, grant=grant)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã thu hồi quyền xử lý vụ việc của %(user)s.") % {"user": grant.user})
    return redirect_after(request, reverse("cases:grant_list"))

from __future__ import annotations

from typing import Any

import segno
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from phoihop.accounts import mfa, selectors, services
from phoihop.accounts.forms import EnrolForm, LoginForm, SecondFactorForm, TokenForm
from phoihop.core.views import apply_validation_error, user_of


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if mfa.is_enrolled(user):
            # The password is right; the session stays signed out until the code step succeeds.
            mfa.begin_second_step(self.request, user, self.get_success_url())
            return redirect("accounts:login_code")
        return super().form_valid(form)


@sensitive_post_parameters("code")
@never_cache
def login_code(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the authenticator app or a recovery code."""
    pending = mfa.pending_login(request)
    if pending is None:
        messages.info(request, _("Phiên đăng nhập đã hết hạn. Hãy nhập lại tên đăng nhập và mật khẩu."))
        return redirect("accounts:login")
    credentials = {"username": pending.user.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = mfa.verify_code(user=pending.user, code=form.cleaned_data["code"])
        if device is None:
            # Counted by django-axes like a wrong password: five in a row lock the pair (address, user name).
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            form.add_error("code", _("Mã xác thực không đúng hoặc đã được dùng."))
        else:
            mfa.end_second_step(request)
            login(request, pending.user, backend=pending.backend)
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = mfa.recovery_codes_left(pending.user)
                messages.warning(
                    request,
                    _("Bạn vừa dùng một mã khôi phục; còn %(left)d mã. Hãy tạo mã mới ở trang Xác thực hai bước.")
                    % {"left": left},
                )
            target = pending.next_url
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                target = settings.LOGIN_REDIRECT_URL
            return redirect(target or settings.LOGIN_REDIRECT_URL)
    return render(request, "accounts/login_code.html", {"form": form})


def _qr_svg(uri: str) -> str:
    # Drawn here as inline SVG (no script, no external image, no inline style): allowed by the page's CSP.
    return mark_safe(  # noqa: S308 (segno's own markup; the URI is encoded into the path, not echoed)
        segno.make(uri, error="m", micro=False).svg_inline(scale=5, border=4, dark="#000", light="#fff")
    )


@login_required
@sensitive_post_parameters("code")
@never_cache
def second_factor(request: HttpRequest) -> HttpResponse:
    """The user's second factor: enrol (QR code, secret, confirm with a code), then recovery codes shown once;
    once enrolled, how many recovery codes are left, new ones on request, and turning it off where allowed."""
    user = user_of(request)
    enrolled = mfa.is_enrolled(user)
    if enrolled and not request.user.is_verified() and mfa.required_for(user):  # type: ignore[union-attr]
        # Enrolled in another session: this one never passed the code step.
        logout(request)
        messages.info(request, _("Hãy đăng nhập lại bằng mật khẩu và mã xác thực."))
        return redirect("accounts:login")
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if enrolled:
        if action == "regenerate":
            codes = mfa.regenerate_recovery_codes(user=user)
            return render(
                request,
                "accounts/mfa_codes.html",
                {"codes": [mfa.format_code(c) for c in codes], "regenerated": True},
            )
        if action == "disable" and not mfa.required_for(user):
            mfa.remove_second_factor(actor=user, user=user)
            messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("accounts:second_factor")
        return render(
            request,
            "accounts/mfa.html",
            {
                "enrolled": True,
                "codes_left": mfa.recovery_codes_left(user),
                "required": mfa.required_for(user),
            },
        )
    key = mfa.enrolment_key(request)
    form = EnrolForm(request.POST if action == "confirm" else None)
    if action == "confirm" and form.is_valid():
        try:
            device, codes = mfa.confirm_enrolment(user=user, key=key, code=form.cleaned_data["code"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            request.session.pop(mfa.ENROL_KEY, None)
            otp_login(request, device)
            return render(request, "accounts/mfa_codes.html", {"codes": [mfa.format_code(c) for c in codes]})
    uri = mfa.provisioning_uri(user, key)
    return render(
        request,
        "accounts/mfa.html",
        {
            "enrolled": False,
            "form": form,
            "qr": _qr_svg(uri),
            "secret": mfa.secret_for_typing(key),
            "required": mfa.required_for(user),
        },
        status=422 if form.errors else 200,
    )


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_token = services.create_token(actor=user, owner=user, name=form.cleaned_data["name"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            form = TokenForm()
    tokens = selectors.tokens_of(user=user)
    status = 422 if form.errors else 200
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "tokens": tokens, "new_token": new_token, "mfa_enrolled": mfa.is_enrolled(user)},
        status=status,
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    token = selectors.get_token(user=user, pk=pk)
    services.revoke_token(actor=user, token=token)
    messages.success(request, _("Đã thu hồi mã API “%(name)s”.") % {"name": token.name})
    return redirect("accounts:profile")

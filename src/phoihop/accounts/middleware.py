"""Absolute session lifetime, and the second factor required of privileged roles. The idle timeout is the session's
age (SESSION_COOKIE_AGE), renewed by use: a signed-in request marks the session seen at most once a minute
(SESSION_REFRESH_SECONDS), so a request that changes nothing writes nothing to the database and the timeout holds to
within that minute; the lifetime caps a session that is kept alive by constant use."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get("login_at")
            limit = settings.SESSION_ABSOLUTE_HOURS * 3600
            now = timezone.now().timestamp()
            if started is None:
                request.session["login_at"] = now
            elif now - float(started) > limit:
                logout(request)
                return self.get_response(request)
            seen = request.session.get("seen_at")
            if seen is None or now - float(seen) >= settings.SESSION_REFRESH_SECONDS:
                request.session["seen_at"] = now  # modified: saved with a new expiry, the cookie sent again
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """With settings.PHOIHOP_MFA_REQUIRED on, a leader, secretariat member or administrator whose session has not
    passed a second factor reaches only the second-factor page (to enrol, the first time), logout and static files.
    Enrolled users pass the code step before they are logged in at all (accounts.views.login_code), so in practice
    this catches the first sign-in, and sessions opened before the setting or the role changed.
    Programs with an API token are not concerned: the token is checked by the API itself, after this."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.PHOIHOP_MFA_REQUIRED:
            response = self._refusal(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _refusal(self, request: HttpRequest) -> HttpResponse | None:
        from phoihop.accounts.mfa import required_for

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not required_for(user):
            return None
        is_verified = getattr(user, "is_verified", None)
        if is_verified is not None and is_verified():
            return None
        path = request.path_info
        allowed = (reverse("accounts:second_factor"), reverse("accounts:logout"), settings.STATIC_URL or "/static/")
        if path.startswith(allowed):
            return None
        message = _("Tài khoản của bạn cần bật xác thực hai bước trước khi dùng hệ thống.")
        if path.startswith("/api/"):
            return JsonResponse({"message": message, "code": "mfa_required", "fields": {}}, status=403)
        url = reverse("accounts:second_factor")
        if request.headers.get("HX-Request"):
            return HttpResponse(status=204, headers={"HX-Redirect": url})
        return redirect(url)

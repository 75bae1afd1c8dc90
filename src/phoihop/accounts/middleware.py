"""Absolute session lifetime. The idle timeout is the session cookie's age, renewed on each request
(SESSION_SAVE_EVERY_REQUEST); this caps a session that is kept alive by constant use."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils import timezone


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            started = request.session.get("login_at")
            limit = settings.SESSION_ABSOLUTE_HOURS * 3600
            if started is None:
                request.session["login_at"] = timezone.now().timestamp()
            elif timezone.now().timestamp() - float(started) > limit:
                logout(request)
        return self.get_response(request)

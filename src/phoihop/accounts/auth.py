"""API authentication: a personal token `Bearer ph_…` (never subject to CSRF: a browser cannot be made to send
it cross-site), or the browser's session (CSRF checked on every write). The token is tried first, so a program
that sends one is never refused for want of a CSRF cookie it does not have."""

from __future__ import annotations

from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja.security import APIKeyCookie, HttpBearer


class UserBackend(ModelBackend):
    """Django's password backend, reading the signed-in user with their body in the same query: every page names the
    reader's body (the menu bar, the scope of every list), which was one more query per request."""

    def get_user(self, user_id: Any) -> Any:
        from phoihop.accounts.models import User

        user = User._default_manager.select_related("agency").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class SessionAuth(APIKeyCookie):
    """The browser's session. CSRF is checked only for a request that a session actually signs in: a request
    with no signed-in session is simply not ours (the token, listed first, has had its turn), so a program
    without a cookie gets 401, not a CSRF refusal."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        user = request.user
        if not (user.is_authenticated and user.is_active):
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if key is None:
            return None
        user = request.user
        if user.is_authenticated and user.is_active:
            return user
        return None


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from phoihop.accounts.services import user_for_token

        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


def api_login_required(view: Any) -> Any:
    """For the OpenAPI document: closed to anonymous callers, open to a session or a token."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            header = request.headers.get("Authorization", "")
            scheme, _sep, raw = header.partition(" ")
            user = TokenAuth().authenticate(request, raw.strip()) if scheme.lower() == "bearer" else None
            if user is None:
                return JsonResponse(
                    {"message": "Cần đăng nhập hoặc mã API hợp lệ.", "code": "unauthenticated", "fields": {}},
                    status=401,
                )
        return view(request, *args, **kwargs)

    return wrapped

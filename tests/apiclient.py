"""A thin JSON client for /api/v1/, signed in by session or by a personal token, with CSRF enforced as in the
real world: Django's test client skips CSRF unless told, which once hid that every token write was refused."""

from __future__ import annotations

import json
import secrets
import string
from typing import Any

from django.conf import settings
from django.test import Client

API_ROOT = "/api/v1"


class ApiClient:
    """`api.get("/directory/enterprises", q="trang due")`; `api.post(path, {...})`. Paths are relative to /api/v1.

    By token: no cookie at all, as a program sends it. By session: the browser's cookies plus the `X-CSRFToken`
    header that base.html's `hx-headers` sends; `csrf=False` leaves the header out (a forged cross-site write)."""

    def __init__(self, client: Client | None = None, token: str | None = None, *, csrf: bool = True) -> None:
        self.client = Client(enforce_csrf_checks=True)
        self.headers: dict[str, str] = {}
        if token:
            self.headers["Authorization"] = f"Bearer {token}"
        if client is not None:
            # Share the signed-in session's cookies, not the client: its page POSTs stay as the tests wrote them.
            self.client.cookies = client.cookies
            if csrf:
                secret = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
                self.client.cookies[settings.CSRF_COOKIE_NAME] = secret
                self.headers["X-CSRFToken"] = secret

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(API_ROOT + path, params, headers=self.headers)

    def post(self, path: str, data: Any) -> Any:
        return self.client.post(
            API_ROOT + path, json.dumps(data), content_type="application/json", headers=self.headers
        )

    def patch(self, path: str, data: Any) -> Any:
        return self.client.patch(
            API_ROOT + path, json.dumps(data), content_type="application/json", headers=self.headers
        )

    def delete(self, path: str, **params: Any) -> Any:
        query = "&".join(f"{key}={value}" for key, value in params.items())
        return self.client.delete(API_ROOT + path + (f"?{query}" if query else ""), headers=self.headers)

"""A thin JSON client for /api/v1/, signed in by session or by a personal token."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

API_ROOT = "/api/v1"


class ApiClient:
    """`api.get("/directory/enterprises", q="trang due")`; `api.post(path, {...})`. Paths are relative to /api/v1."""

    def __init__(self, client: Client | None = None, token: str | None = None) -> None:
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}

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

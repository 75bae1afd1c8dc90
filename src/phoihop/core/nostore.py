"""`Cache-Control: no-store` on every answer that may hold workers' personal data (docs/privacy.md): the pages of
cases and the data subject's requests under /vu-viec/, the public question page under /hoi-dap/ and the cases API —
whatever the view, its decorators or its status (an edit form sent back with errors repeats what was typed). Set
once here by path, so a new view under these paths cannot forget it; the paths are the setting
PERSONAL_DATA_PATH_PREFIXES."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

DEFAULT_PREFIXES = ("/vu-viec/", "/hoi-dap/", "/api/v1/cases/")


def holds_personal_data(path: str) -> bool:
    prefixes = tuple(getattr(settings, "PERSONAL_DATA_PATH_PREFIXES", DEFAULT_PREFIXES))
    return path.startswith(prefixes)


class NoStorePersonalDataMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if holds_personal_data(request.path):
            # max-age=0, no-cache, no-store, must-revalidate, private — what @never_cache sends.
            add_never_cache_headers(response)
        return response

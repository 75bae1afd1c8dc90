"""A database that cannot be reached answers 503 with Retry-After, not 500: the request wrote nothing (every write is
one transaction, rolled back with the lost connection), and the client may send it again. Raised in a view, the
middleware answers; raised in another middleware, `handler500` does. The answer is built without the database
(no template context, no session) and says so in Vietnamese; the API answers in its JSON error shape.

With CONN_HEALTH_CHECKS on (settings), a connection that died while the server restarted is replaced at the start of
the next request, so service comes back by itself as soon as the database does."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger("phoihop.dbdown")

RETRY_AFTER_SECONDS = 5
UNAVAILABLE = (OperationalError, InterfaceError)


# SQLite reports a malformed query as an OperationalError too: only these mean the database could not be used.
SQLITE_UNAVAILABLE = ("database is locked", "unable to open database", "disk i/o error")


def is_unavailable(error: BaseException | None) -> bool:
    """A lost or refused connection, or a locked SQLite file (not a constraint or a bad query: those stay 500)."""
    if not isinstance(error, UNAVAILABLE):
        return False
    if isinstance(error.__cause__, sqlite3.Error):
        return any(text in str(error).lower() for text in SQLITE_UNAVAILABLE)
    return True


def unavailable_response(request: HttpRequest) -> HttpResponse:
    message = _("Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.")
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse({"message": message, "code": "database_unavailable", "fields": {}}, status=503)
    else:
        page = (
            '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tạm thời gián đoạn</title></head>'
            f"<body><h1>Tạm thời gián đoạn</h1><p>{message}</p></body></html>"
        )
        response = HttpResponse(page, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_unavailable(exception):
            return None
        logger.warning("database unavailable: %s %s", request.method, request.path)
        return unavailable_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`: 503 when the error being handled is a lost database, else the site's 500 page."""
    if is_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request)

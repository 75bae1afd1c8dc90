"""Database routing: reads of the list and report selectors go to the `replica` alias when the settings define one
(DATABASE_REPLICA_URL); every write, every read inside a transaction and every read after a write in the same
request go to the primary (`default`). Without a replica the router decides nothing: every query uses `default`.
The rules are in phoihop/core/replica.py; docs/deployment.md, "A read replica"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS
from django.http import HttpRequest, HttpResponse

from phoihop.core.replica import REPLICA, pin_primary, start_request, wants_replica


class ReplicaRouter:
    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if REPLICA in settings.DATABASES and wants_replica(hints):
            return REPLICA
        return None  # Django's default: the primary, or the database a related instance came from

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        # The cache table's bookkeeping (core/cache.py) is not data the request reads back.
        if model._meta.app_label != "django_cache":
            pin_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the same rows: an enterprise read there may be linked to a record saved on the primary.
        return True

    def allow_migrate(self, db: str, app_label: str, model_name: str | None = None, **hints: Any) -> bool | None:
        return db != REPLICA  # the replica gets its schema from the primary's replication


class ReplicaRequestMiddleware:
    """Each request starts unpinned (a GET or HEAD may read from the replica); any other method reads the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        start_request(safe=request.method in ("GET", "HEAD"))
        return self.get_response(request)

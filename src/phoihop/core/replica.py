"""Reads that may be served by a read replica (the `replica` database alias, set by DATABASE_REPLICA_URL; routed by
config/routers.py). Without a replica every read goes to the primary and nothing here changes anything.

A read goes to the replica only when it asked for it — a queryset marked by `from_replica` (list selectors) or any
read inside `replica_reads()` (the report's inputs, read at once) — and only while the request has written nothing and
no transaction is open: a write, and every read after it in the same request, use the primary, so a user sees what
they have just saved. Requests other than GET and HEAD use the primary from their start (`ReplicaRequestMiddleware`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet

REPLICA = "replica"
HINT = "replica"

_pinned: ContextVar[bool] = ContextVar("phoihop_primary_pinned", default=False)
_reading: ContextVar[bool] = ContextVar("phoihop_replica_reads", default=False)

M = TypeVar("M", bound=Model)


def from_replica(queryset: QuerySet[M]) -> QuerySet[M]:
    """`queryset`, its reads allowed on the replica (its clones keep the mark: filters, slices, counts)."""
    marked = queryset.all()
    marked._hints = {**marked._hints, HINT: True}  # type: ignore[attr-defined]
    return marked


@contextmanager
def replica_reads() -> Iterator[None]:
    """Every read inside the block may be served by the replica (querysets evaluated inside it)."""
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def pin_primary() -> None:
    """From now on in this request (or task), reads use the primary: called by the router on every write."""
    _pinned.set(True)


def start_request(*, safe: bool) -> None:
    """A new request: reads may use the replica again, unless the request is one that writes (not GET or HEAD)."""
    _pinned.set(not safe)


def wants_replica(hints: dict[str, object]) -> bool:
    """Whether a read with these hints should go to the replica, were one configured."""
    if not (hints.get(HINT) or _reading.get()) or _pinned.get():
        return False
    return not connections[DEFAULT_DB_ALIAS].in_atomic_block

"""Rendered lists kept in the shared cache (settings.CACHES: the database table `phoihop_cache`, so every process and
server of a deployment sees the same entries), keyed on what the list shows and checked against the data's
generation.

What is kept: the HTML of a record list's content (the whole `content` block of a page, or the `results` partial
of an htmx swap) and the JSON of an API list page. The key holds the list's kind, the request's query string
(sorted), the reader's scope — body, role, administrator and active flags, the only things the permission
predicates and scoped selectors read from a user (directory/scope.py) — the language, today's date and the code's
version. Two users of the same body and role share an entry; users of different bodies or roles never do.

Freshness: every model of the project has a generation, a random token in the same cache. A list depends on the
generations of its rows' model, every model of the same app (what a row shows beside the record, e.g. a project's
milestones) and every model these point to (enterprise, zone, body, user...). An entry stores the generations it
was rendered under and is used only while they are all unchanged. Any write statement on a tracked table — `save`,
`QuerySet.update`, `delete` (fast or not), `bulk_create`, raw SQL through Django's cursor — marks its model written
(`_track`, a database execute wrapper installed on every connection): inside a transaction the new generations are
set when it commits (`transaction.on_commit`), outside one at the connection's next statement or when the request
ends. Paths that write without Django's cursor (PostgreSQL COPY) call `written(model)` themselves. A request whose
own transaction has written a model the list depends on reads the list without the cache. Generations are set
after the commit and read before the data, so the first list read after a write's generations have changed reads
the committed data; entries never outlive a write except for the time between the commit and the new token.

Never cached: anything holding a CSRF token (a fragment rendered with one is rendered again and not stored) and
the case lists, which hold workers' personal data (they do not use these helpers, and a list of a model with
personal fields — `AUDIT_MASKED_FIELDS` — is refused anyway)."""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.signals import request_finished
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.backends.signals import connection_created
from django.utils import timezone, translation

from phoihop.core.replica import pin_primary

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.http import HttpRequest

log = logging.getLogger(__name__)

# How long an entry is kept at most; its generations decide whether it is still right.
TIMEOUT = 10 * 60
# Rendered in place of the CSRF token while a fragment is rendered for the cache: found in the output, the fragment
# is rendered again with the real token and not stored.
CSRF_MARKER = "phoihop-csrf-token-never-in-the-cache"
_GENERATION = "gen:"
# Bookkeeping written on every API call by token or on every write, shown by no list: a generation for them would
# cost a cache write each time for nothing.
UNTRACKED = frozenset({"accounts.apitoken", "core.auditevent", "core.cacheentry"})

# --- generations --------------------------------------------------------------------------------------------------


@cache
def _tracked_tables() -> dict[str, str]:
    """Table name → model label of every model of the project (through tables of many-to-many fields included)."""
    return {
        model._meta.db_table: model._meta.label_lower
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("phoihop.") and model._meta.label_lower not in UNTRACKED
    }


def _new_token() -> str:
    return secrets.token_hex(8)


def bump(labels: Iterable[str]) -> None:
    """New generations for these models (labels "app.model"): every entry rendered before is stale."""
    wanted = sorted(set(labels))
    if wanted:
        shared_cache.set_many({_GENERATION + label: _new_token() for label in wanted}, timeout=None)


def label_of(model: type[models.Model] | models.Model) -> str:
    return model._meta.label_lower


@dataclass(eq=False)
class _Pending:
    """The models a transaction wrote, given new generations when it commits (one on_commit callback for all)."""

    labels: set[str] = field(default_factory=set)
    done: bool = False

    def __call__(self) -> None:
        self.done = True
        _renew(self.labels)


def _waiting(connection: BaseDatabaseWrapper) -> _Pending | None:
    """This connection's transaction's written models, if still waiting for the commit: not run, and not dropped
    with a rolled-back transaction or savepoint."""
    pending: _Pending | None = connection.__dict__.get("_phoihop_pending")
    if pending is None or pending.done or not connection.in_atomic_block:
        return None
    return pending if any(entry[1] is pending for entry in connection.run_on_commit) else None


def written(model: type[models.Model] | str, using: str = DEFAULT_DB_ALIAS) -> None:
    """Mark a model written on this connection. Called for every write statement (`_track`); a path that writes
    without Django's cursor (COPY) calls it itself."""
    connection = connections[using]
    label = model if isinstance(model, str) else label_of(model)
    if connection.in_atomic_block:
        pending = _waiting(connection)
        if pending is None:
            pending = _Pending()
            connection.__dict__["_phoihop_pending"] = pending
            transaction.on_commit(pending, using=using)
        pending.labels.add(label)
    else:
        # Committed already (autocommit), but the statement's rows may still be read from its cursor (INSERT ...
        # RETURNING): the new generations are set before the connection's next statement, or when the request ends.
        connection.__dict__.setdefault("_phoihop_unbumped", set()).add(label)


def _flush(connection: BaseDatabaseWrapper) -> None:
    unbumped = connection.__dict__.get("_phoihop_unbumped")
    if unbumped and not connection.in_atomic_block and not connection.__dict__.get("_phoihop_flushing"):
        labels = set(unbumped)
        unbumped.clear()
        connection.__dict__["_phoihop_flushing"] = True
        try:
            _renew(labels)
        finally:
            connection.__dict__["_phoihop_flushing"] = False


def _renew(labels: set[str]) -> None:
    """`bump` after a commit. The data is committed whatever happens here: a failure is logged, and an entry then
    lives at most TIMEOUT (before the cache table exists, while migrating, there is no entry at all)."""
    try:
        bump(labels)
    except DatabaseError:
        if _cache_table_exists():
            log.exception("list cache: generations not renewed")
        # else: migrating a new database, nothing is cached yet and there is nothing to say


def _cache_table_exists() -> bool:
    from phoihop.core.models import CacheEntry

    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            return CacheEntry._meta.db_table in connection.introspection.table_names(cursor)
    except DatabaseError:
        return True  # the database itself failed: that is worth the log


def _written_now(connection: BaseDatabaseWrapper) -> set[str]:
    """Models this connection wrote whose new generations are not set yet (its own transaction, or not flushed)."""
    labels = set(connection.__dict__.get("_phoihop_unbumped") or ())
    pending = _waiting(connection)
    if pending is not None:
        labels |= pending.labels
    return labels


_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


def _track(execute: Callable[..., Any], sql: Any, params: Any, many: bool, context: dict[str, Any]) -> Any:
    """Database execute wrapper: after a write statement on a tracked table, mark its model written."""
    connection = context["connection"]
    if connection.__dict__.get("_phoihop_unbumped"):
        _flush(connection)
    result = execute(sql, params, many, context)
    if isinstance(sql, str):
        match = _WRITE.match(sql)
        if match is not None:
            label = _tracked_tables().get(match.group(1))
            if label is not None:
                written(label, using=connection.alias)
    return result


def _install(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if _track not in connection.execute_wrappers:
        connection.execute_wrappers.append(_track)


def _flush_all(**kwargs: Any) -> None:
    for connection in connections.all(initialized_only=True):
        _flush(connection)


def connect_signals() -> None:
    """Called once by CoreConfig.ready()."""
    connection_created.connect(_install, dispatch_uid="phoihop.core.cache.install")
    request_finished.connect(_flush_all, dispatch_uid="phoihop.core.cache.flush")
    for connection in connections.all(initialized_only=True):
        _install(None, connection)


# --- what a list depends on ---------------------------------------------------------------------------------------


@cache
def dependencies(*labels: str) -> tuple[str, ...]:
    """The models whose writes can change a list of these models: every model of their apps, and every model
    those point to (foreign keys, one-to-one, many-to-many and their through tables), transitively."""
    seen: set[str] = set()
    todo = [apps.get_model(label) for label in labels]
    todo += [model for label in labels for model in apps.get_app_config(label.split(".")[0]).get_models()]
    tracked = set(_tracked_tables().values())
    while todo:
        model = todo.pop()
        label = label_of(model)
        if label in seen:
            continue
        seen.add(label)
        for fld in model._meta.get_fields():
            if fld.is_relation and fld.concrete and fld.related_model is not None:
                todo.append(fld.related_model)
                through = getattr(fld.remote_field, "through", None)
                if isinstance(through, type) and issubclass(through, models.Model):
                    todo.append(through)
    return tuple(sorted(seen & tracked))


def code_version() -> str:
    """The deployed code and templates: an entry rendered by other code is never served. Read again on every list
    with DEBUG on (a template edited under runserver shows at once)."""
    return _code_version() if not settings.DEBUG else _code_version.__wrapped__()


@cache
def _code_version() -> str:
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".html"} and "migrations" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def reader_scope(user: Any) -> tuple[Any, ...]:
    """What the permission predicates and scoped selectors read from a user (directory/scope.py, every app's
    permissions.py): the body, the role, the administrator and active flags. Nothing personal."""
    return (user.agency_id, user.role, bool(user.is_superuser), bool(user.is_active))


# --- entries ------------------------------------------------------------------------------------------------------


@dataclass
class Entry:
    """One list's place in the cache: `text` when a valid entry was found, else `store(text)` after rendering."""

    key: str
    generations: tuple[str, ...]
    text: str | None

    def store(self, text: str) -> None:
        if CSRF_MARKER in text:
            log.warning("list cache: %s holds a CSRF token, not stored", self.key)
            return
        shared_cache.set(self.key, (self.generations, text), TIMEOUT)


def lookup(request: HttpRequest, *, kind: str, user: Any, depends_on: Iterable[type[models.Model]]) -> Entry | None:
    """The entry of this list for this request, in one cache read; None when the list must be read without the
    cache (this request's own transaction wrote what it shows)."""
    depends_on = list(depends_on)
    if any(getattr(model, "AUDIT_MASKED_FIELDS", ()) for model in depends_on):
        return None  # a model with personal fields (a case, its people): never in the cache
    labels = dependencies(*sorted({label_of(model) for model in depends_on}))
    if set(labels) & _written_now(connections[DEFAULT_DB_ALIAS]):
        return None
    parts = (
        code_version(),
        kind,
        sorted((name, sorted(values)) for name, values in request.GET.lists()),
        reader_scope(user),
        translation.get_language(),
        timezone.localdate().isoformat(),
    )
    key = "list:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    generation_keys = [_GENERATION + label for label in labels]
    found = shared_cache.get_many([*generation_keys, key])
    missing = [name for name in generation_keys if name not in found]
    if missing:  # first use, or culled: a new token (never seen before, so no old entry can match it)
        for name in missing:
            shared_cache.add(name, _new_token(), timeout=None)
        found.update(shared_cache.get_many(missing))
    generations = tuple(str(found.get(name)) for name in generation_keys)
    stored = found.get(key)
    text = stored[1] if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == generations else None
    if text is None:
        # Rendered to be kept: read from the primary, never from a replica that may not have the latest writes yet
        # (an entry kept under the new generations must not hold rows from before them).
        pin_primary()
    return Entry(key=key, generations=generations, text=text)

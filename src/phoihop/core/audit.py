"""The audit trail: one AuditEvent per change, written in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.db import models

from phoihop.core.models import AuditAction, AuditEvent, chain_hash
from phoihop.core.vnformat import format_date, format_datetime

if TYPE_CHECKING:
    from phoihop.accounts.models import User

MASK = "••••••"
Snapshot = dict[str, str]


def object_type_of(obj: models.Model | type[models.Model]) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def _display(instance: models.Model, field: models.Field[Any, Any]) -> str:
    # A model may word a field itself (a stored filter, a registry key) where its raw value means nothing to people.
    custom = getattr(instance, "audit_display", None)
    if callable(custom):
        text = custom(field.name)
        if text is not None:
            return str(text)
    if field.many_to_many:
        if instance.pk is None:
            return ""
        return ", ".join(sorted(str(item) for item in getattr(instance, field.name).all()))
    value = getattr(instance, field.name)
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dt.datetime):
        return format_datetime(value)
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value)


def audited_fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    """Every editable concrete or many-to-many field, less bookkeeping columns."""
    skip = {"id", "version", "created_at", "updated_at", "search_text", "password", "last_login"}
    return [
        f
        for f in model._meta.get_fields()
        if isinstance(f, models.Field) and (f.concrete or f.many_to_many) and f.name not in skip and not f.auto_created
    ]


def snapshot(instance: models.Model) -> Snapshot:
    masked: Iterable[str] = getattr(instance, "AUDIT_MASKED_FIELDS", ())
    result: Snapshot = {}
    for field in audited_fields(type(instance)):
        text = _display(instance, field)
        result[field.name] = MASK if (field.name in masked and text) else text
    return result


def field_values(instance: models.Model) -> dict[str, Any]:
    """The audited fields' own values, to tell which fields changed: display text cannot (two different masked
    values both read MASK; two agencies may share a name). Never stored."""
    values: dict[str, Any] = {}
    for field in audited_fields(type(instance)):
        if field.many_to_many:
            values[field.name] = sorted(item.pk for item in getattr(instance, field.name).all()) if instance.pk else []
        else:
            values[field.name] = getattr(instance, field.attname)
    return values


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    return [name for name in after if before.get(name) != after[name]]


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> dict[str, list[str]]:
    names = list(before) + [name for name in after if name not in before]
    return {
        name: [before.get(name, ""), after.get(name, "")]
        for name in names
        if before.get(name, "") != after.get(name, "")
    }


def record_event(
    *,
    actor: User | None,
    action: AuditAction | str,
    obj: models.Model,
    changes: Mapping[str, list[str]] | None = None,
    note: str = "",
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        actor_name=(actor.get_full_name() or actor.get_username()) if actor else "hệ thống",
        agency_id=getattr(actor, "agency_id", None),
        action=action,
        object_type=object_type_of(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes=dict(changes or {}),
        note=note,
    )
    held = _held.get()
    if held is not None:
        held.append(event)
    else:
        event.save()
    return event


_held: ContextVar[list[AuditEvent] | None] = ContextVar("held_audit_events", default=None)


@contextmanager
def held_events() -> Iterator[list[AuditEvent]]:
    """Events recorded inside the block are written when it ends (none if it raises), in order. For a service that
    makes one change in several steps and describes it in one event (`add_to_event`): a written event is never
    changed afterwards. A nested block leaves the writing to the outer one."""
    if _held.get() is not None:
        yield cast(list[AuditEvent], _held.get())
        return
    events: list[AuditEvent] = []
    token = _held.set(events)
    try:
        yield events
    finally:
        _held.reset(token)
    for event in events:
        event.save()


def add_to_event(
    *, actor: User | None, action: AuditAction | str, obj: models.Model, changes: Mapping[str, list[str]]
) -> AuditEvent:
    """Add `changes` to the event held for `obj` in this `held_events` block, or record a new one."""
    for event in reversed(_held.get() or []):
        if (event.object_type, event.object_id) == (object_type_of(obj), str(obj.pk)):
            event.changes = {**event.changes, **changes}
            return event
    return record_event(actor=actor, action=action, obj=obj, changes=changes)


def history_of(obj: models.Model) -> models.QuerySet[AuditEvent]:
    """The object's history, newest first, with field labels resolved by the template tag `audit_changes`."""
    return AuditEvent.objects.filter(object_type=object_type_of(obj), object_id=str(obj.pk)).select_related(
        "actor", "agency"
    )


def last_change(obj: models.Model) -> AuditEvent | None:
    return history_of(obj).first()


# --- Database guards: the audit table is append-only, a revoked API token stays revoked ----------------------------
# Installed by migration core 0002 (and again after `flush`, which empties the audit table on purpose). Kept here so
# that `verify_audit` can tell whether they are still in place: on SQLite, a migration that rebuilds one of these
# tables drops its triggers with it and must install them again.

_SQLITE_AUDIT_GUARDS = {
    "core_auditevent_no_update": (
        "CREATE TRIGGER IF NOT EXISTS core_auditevent_no_update BEFORE UPDATE ON core_auditevent "
        "BEGIN SELECT RAISE(ABORT, 'core_auditevent is append-only: UPDATE refused'); END"
    ),
    "core_auditevent_no_delete": (
        "CREATE TRIGGER IF NOT EXISTS core_auditevent_no_delete BEFORE DELETE ON core_auditevent "
        "BEGIN SELECT RAISE(ABORT, 'core_auditevent is append-only: DELETE refused'); END"
    ),
}
_SQLITE_TOKEN_GUARDS = {
    "accounts_apitoken_stays_revoked": (
        "CREATE TRIGGER IF NOT EXISTS accounts_apitoken_stays_revoked BEFORE UPDATE OF revoked_at ON accounts_apitoken "
        "WHEN OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS NULL OR NEW.revoked_at <> OLD.revoked_at) "
        "BEGIN SELECT RAISE(ABORT, 'a revoked API token stays revoked'); END"
    ),
}
_PG_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION phoihop_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'core_auditevent is append-only: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END $$""",
    """CREATE OR REPLACE FUNCTION phoihop_token_stays_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at THEN
            RAISE EXCEPTION 'a revoked API token stays revoked' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$""",
]
_PG_AUDIT_GUARDS = {
    "core_auditevent_no_change": (
        "core_auditevent",
        "CREATE TRIGGER core_auditevent_no_change BEFORE UPDATE OR DELETE ON core_auditevent "
        "FOR EACH ROW EXECUTE FUNCTION phoihop_audit_append_only()",
    ),
    "core_auditevent_no_truncate": (
        "core_auditevent",
        "CREATE TRIGGER core_auditevent_no_truncate BEFORE TRUNCATE ON core_auditevent "
        "FOR EACH STATEMENT EXECUTE FUNCTION phoihop_audit_append_only()",
    ),
}
_PG_TOKEN_GUARDS = {
    "accounts_apitoken_stays_revoked": (
        "accounts_apitoken",
        "CREATE TRIGGER accounts_apitoken_stays_revoked BEFORE UPDATE ON accounts_apitoken "
        "FOR EACH ROW EXECUTE FUNCTION phoihop_token_stays_revoked()",
    ),
}


def guard_names(vendor: str) -> list[str]:
    if vendor == "sqlite":
        return [*_SQLITE_AUDIT_GUARDS, *_SQLITE_TOKEN_GUARDS]
    if vendor == "postgresql":
        return [*_PG_AUDIT_GUARDS, *_PG_TOKEN_GUARDS]
    return []


def install_guards(connection: Any, *, tokens: bool = True) -> None:
    """Create the triggers (idempotent). Other database engines get none: only SQLite and PostgreSQL are supported."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for sql in [*_SQLITE_AUDIT_GUARDS.values(), *(_SQLITE_TOKEN_GUARDS.values() if tokens else [])]:
                cursor.execute(sql)
        elif connection.vendor == "postgresql":
            for sql in _PG_FUNCTIONS:
                cursor.execute(sql)
            guards = {**_PG_AUDIT_GUARDS, **(_PG_TOKEN_GUARDS if tokens else {})}
            for name, (table, sql) in guards.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(sql)


def remove_audit_guards(connection: Any) -> None:
    """Only for emptying the whole database (`flush`); `install_guards` puts them back."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in _SQLITE_AUDIT_GUARDS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        elif connection.vendor == "postgresql":
            for name, (table, _sql) in _PG_AUDIT_GUARDS.items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")


def missing_guards(connection: Any) -> list[str]:
    expected = guard_names(connection.vendor)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        elif connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'")
        else:
            return []
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in expected if name not in present]


@dataclass
class ChainCheck:
    checked: int
    head: str
    broken_at: AuditEvent | None = None
    expected: str = ""


def verify_chain(*, using: str = "default") -> ChainCheck:
    """Walk the trail in the order it was written; stop at the first event whose hash does not follow."""
    previous = ""
    checked = 0
    for event in AuditEvent.objects.using(using).order_by("pk").iterator(chunk_size=2000):
        expected = chain_hash(previous, event.chained_fields())
        if event.chain_hash != expected:
            return ChainCheck(checked=checked, head=previous, broken_at=event, expected=expected)
        previous = event.chain_hash
        checked += 1
    return ChainCheck(checked=checked, head=previous)

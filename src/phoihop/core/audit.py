"""The audit trail: one AuditEvent per change, written in the caller's transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.db import models

from phoihop.core.models import AuditAction, AuditEvent
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
    return AuditEvent.objects.create(
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


def history_of(obj: models.Model) -> models.QuerySet[AuditEvent]:
    """The object's history, newest first, with field labels resolved by the template tag `audit_changes`."""
    return AuditEvent.objects.filter(object_type=object_type_of(obj), object_id=str(obj.pk)).select_related(
        "actor", "agency"
    )


def last_change(obj: models.Model) -> AuditEvent | None:
    return history_of(obj).first()

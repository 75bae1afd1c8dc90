"""Template filters for Vietnamese formatting and the audit history."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.http import QueryDict

from phoihop.core import vnformat
from phoihop.core.models import AuditEvent

register = template.Library()


@register.filter
def vn_number(value: Any, decimals: Any = None) -> str:
    if value is None or value == "":
        return ""
    return vnformat.format_number(value, None if decimals is None else int(decimals))


@register.filter
def vn_date(value: dt.date | None) -> str:
    return vnformat.format_date(value) if value else ""


@register.filter
def vn_datetime(value: dt.datetime | None) -> str:
    return vnformat.format_datetime(value) if value else ""


_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _readable(text: Any) -> str:
    """Events written before the history formatted times stored them as Python prints them
    ("2026-12-06 03:44:28.734117+00:00"); show those as every other time is shown."""
    text = "" if text is None else str(text)
    try:
        if _ISO_DATETIME.fullmatch(text):
            return vnformat.format_datetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
        if _ISO_DATE.fullmatch(text):
            return vnformat.format_date(dt.date.fromisoformat(text))
    except ValueError:
        return text
    return text


@register.simple_tag
def audit_changes(event: AuditEvent) -> list[tuple[str, str, str]]:
    """(field label, old, new) for each changed field, labels in Vietnamese."""
    try:
        model = apps.get_model(event.object_type)
    except (LookupError, ValueError):
        model = None
    rows = []
    # In the model's field order: PostgreSQL's jsonb keeps keys in its own order, not the order they were written in.
    position = {f.name: i for i, f in enumerate(model._meta.get_fields())} if model is not None else {}
    changes = sorted((event.changes or {}).items(), key=lambda item: position.get(item[0], len(position)))
    for name, pair in changes:
        label = name
        if model is not None:
            with contextlib.suppress(FieldDoesNotExist):
                label = str(model._meta.get_field(name).verbose_name)
        old, new = [*pair, "", ""][:2] if isinstance(pair, list) else ("", str(pair))
        rows.append((label[:1].upper() + label[1:], _readable(old), _readable(new)))
    return rows


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters replaced (for sort links and paging)."""
    request = context["request"]
    query: QueryDict = request.GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.simple_tag(takes_context=True)
def sort_url(context: dict[str, Any], key: str) -> str:
    """Query string that sorts by `key`, or by `-key` when already sorted by `key`; paging restarts."""
    request = context["request"]
    current = request.GET.get("sort", "")
    query: QueryDict = request.GET.copy()
    query.pop("page", None)
    query["sort"] = f"-{key}" if current == key else key
    return query.urlencode()


@register.simple_tag(takes_context=True)
def sort_mark(context: dict[str, Any], key: str) -> str:
    current = context["request"].GET.get("sort", "")
    return " ▲" if current == key else (" ▼" if current == f"-{key}" else "")

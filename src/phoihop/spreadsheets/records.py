"""What the record apps' importable kinds share (foundings, inspections, good practices, housing projects): the row a
check plans to write, the preview of what an existing record would change, and the writing of every planned row
through the app's own create/update service. Each app keeps what is its own: its columns, how a row is read and
checked, which record it matches, and its services."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from phoihop.spreadsheets.registry import Checked

Record = TypeVar("Record", bound=models.Model)


@dataclass
class Planned(Generic[Record]):
    """One row the check accepted: the record it updates (None: a new one), the service's data, and the body a new
    record is filed under (None: the user's own)."""

    row: int
    found: Record | None
    data: dict[str, Any]
    owner: Any


def differences(
    record: models.Model,
    data: Mapping[str, Any],
    *,
    headers: Mapping[str, str],
    shown: Callable[[str, Any], str],
    many: Iterable[str] = (),
) -> dict[str, tuple[str, str]]:
    """{header: (old, new)} for each value of `data` the record holds otherwise, as the preview shows them; the
    `many` keys are many-to-many fields, compared as sets of records."""
    many = set(many)
    fields = {}
    for key, value in data.items():
        if key in many:
            old = list(getattr(record, key).all())
            if {row.pk for row in old} != {row.pk for row in value}:
                fields[headers[key]] = (shown(key, old), shown(key, value))
        elif getattr(record, key) != value:
            fields[headers[key]] = (shown(key, getattr(record, key)), shown(key, value))
    return fields


def write_planned(checked: Checked, write: Callable[[Planned[Any]], None]) -> int:
    """Write every planned row (inside the layer's one transaction); a row the service refuses fails the whole file,
    named by its row."""
    for item in checked.state:
        try:
            write(item)
        except ValidationError as error:
            raise ValidationError(
                _("Dòng %(n)s: %(reason)s") % {"n": item.row, "reason": " ".join(error.messages)}, code="import_row"
            ) from error
    return len(checked.state)

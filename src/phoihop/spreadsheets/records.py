"""What the record apps' importable kinds share (foundings, inspections, good practices, housing projects): the row a
check plans to write, how a row is matched with a recorded one and planned (`RecordRows.plan(...).row(...)`: new,
unchanged, a change for the preview, or a problem), the preview of what an existing record would change, and the
writing of every planned row through the app's own create/update service. Each app keeps what is its own: its columns,
how a row is read and checked, which record it matches, and its services (declared in one `RecordRows`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from phoihop.core.records import RecordWrites
from phoihop.spreadsheets.registry import Change, Checked, Column
from phoihop.spreadsheets.services import rehearse

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


@dataclass(frozen=True, kw_only=True)
class RecordRows(Generic[Record]):
    """How an app's kind writes and compares its records: its `columns` (the preview's headers, how each value is
    shown — `Column.shown` — and, from the columns naming several records, the many-to-many keys, compared as sets),
    the edit predicate, the app's write services (`writes`, a core.records.RecordWrites), what a change row is
    called in the preview, and the refusal when the record belongs to another body (“… %(owner)s …”).
    `changes_only`: an update sends only what differs (a list left as it was is not checked again nor written)."""

    columns: tuple[Column, ...]
    can_edit: Callable[[Any, Record], bool]
    writes: RecordWrites
    not_yours: str
    changes_only: bool = False
    described: Callable[[Record], str] = str

    @cached_property
    def headers(self) -> dict[str, str]:
        return {column.key: column.header for column in self.columns}

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(column.key for column in self.columns)

    def shown(self, key: str, value: Any) -> str:
        return self.columns[self.keys.index(key)].shown(value)

    def differences(self, record: Record, data: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
        many = [column.key for column in self.columns if column.ref is not None and column.ref.many]
        return differences(record, data, headers=self.headers, shown=self.shown, many=many)

    def write(self, user: Any, item: Planned[Record]) -> None:
        if item.found is None:
            self.writes.create(user, item.data, item.owner)
        else:
            self.writes.update(user, item.found, item.data, item.found.version)  # type: ignore[attr-defined]

    def apply(self, user: Any, checked: Checked) -> int:
        return write_planned(checked, partial(self.write, user))

    def plan(self, user: Any, checked: Checked) -> RowPlan[Record]:
        return RowPlan(self, user, checked)


class RowPlan(Generic[Record]):
    """One check's plan: each accepted row is matched with the records of its natural key and becomes a new record, an
    unchanged one, a change shown in the preview, or a problem; `finish` rehearses every planned write through the
    services (so each of their rules is reported by row) and hands the plan to `apply`."""

    def __init__(self, rows: RecordRows[Record], user: Any, checked: Checked) -> None:
        self.rows, self.user, self.checked = rows, user, checked
        self.seen: dict[Any, int] = {}
        self.planned: list[Planned[Record]] = []

    def repeated(self, number: int, key: Any, column: str, message: str) -> bool:
        """True (and a problem: `message` with %(n)s, the first row) when an earlier row of the file has this key."""
        if key in self.seen:
            self.checked.problem(number, column, message % {"n": self.seen[key]})
            return True
        self.seen[key] = number
        return False

    def row(
        self,
        number: int,
        data: dict[str, Any],
        matches: list[Record],
        *,
        owner: Any,
        column: str = "",
        ambiguous: str = "",
    ) -> None:
        """Plan one row: no match is a new record filed under `owner` (None: the user's body); several matches are a
        problem on `column` (`ambiguous`, with %(n)s); one match is compared, and changed when the user may edit it."""
        checked = self.checked
        if len(matches) > 1:
            checked.problem(number, column, ambiguous % {"n": len(matches)})
            return
        if not matches:
            checked.new += 1
            self.planned.append(Planned(number, None, data, owner))
            return
        found = matches[0]
        fields = self.rows.differences(found, data)
        if not fields:
            checked.unchanged += 1
            return
        if not self.rows.can_edit(self.user, found):
            checked.problem(number, "", self.rows.not_yours % {"owner": found.owner_agency.short_code})  # type: ignore[attr-defined]
            return
        if self.rows.changes_only:
            data = {name: value for name, value in data.items() if self.rows.headers[name] in fields}
        checked.changes.append(Change(number, self.rows.described(found), fields))
        self.planned.append(Planned(number, found, data, None))

    def finish(self) -> Checked:
        rehearse(
            self.checked,
            [(item.row, partial(self.rows.write, self.user, item)) for item in self.planned],
            columns=self.rows.keys,
        )
        self.checked.state = self.planned
        return self.checked

"""What the record apps' importable kinds share (foundings, inspections, good practices, housing projects): the row a
check plans to write, how a row is matched with a recorded one and planned (`RecordRows.plan(...).row(...)`: new,
unchanged, a change for the preview, or a problem), the preview of what an existing record would change, and the
writing of every planned row through the app's own create/update service. Each app keeps what is its own: its columns,
its natural key, its services and any rule of its own (declared in one `RecordRows`); a kind whose rows are matched by
their natural key alone takes `RecordRows.check` whole, others read and plan their rows themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any, Generic, TypeVar

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from phoihop.core.records import RecordWrites
from phoihop.core.text import clean_text
from phoihop.spreadsheets.columns import Resolved, row_data
from phoihop.spreadsheets.registry import Change, Checked, Column, Row
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
    `changes_only`: an update sends only what differs (a list left as it was is not checked again nor written).

    For `check` (a kind whose rows are matched by their natural key): `natural_key`, the columns a recorded record is
    recognised by (texts compared without case or extra spaces; "owner_agency" is the row's body, else the user's);
    `records(user)`, those the user may read; `needs`, the columns a row must hold before it is matched (an empty one
    has its own problem already); `repeated` (“… %(n)s”, the earlier row) and `ambiguous` (“… %(n)s”, how many
    recorded records share the key), reported on the `key_column`; `owner_missing`, the problem of a row without a body
    from a user who has none; `refuse(values, found)`, a rule of the app's own: a (column, message) problem or None."""

    columns: tuple[Column, ...]
    can_edit: Callable[[Any, Record], bool]
    writes: RecordWrites
    not_yours: str
    changes_only: bool = False
    described: Callable[[Record], str] = str
    natural_key: tuple[str, ...] = ()
    records: Callable[[Any], QuerySet[Record]] | None = None
    needs: tuple[str, ...] = ()
    key_column: str = ""
    repeated: str = ""
    ambiguous: str = ""
    owner_missing: str = ""
    refuse: Callable[[dict[str, Any], Record | None], tuple[str, str] | None] | None = None

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

    def check(self, user: Any, rows: list[Row]) -> Checked:
        """A file's rows matched by their natural key with the records the user may read (one query for the whole
        file, narrowed by the key's dates, numbers and records), each planned as new, unchanged or changed."""
        checked = Checked()
        plan = self.plan(user, checked)
        cells = Resolved(user, rows, self.columns, checked)
        default_owner = None if user.is_admin else user.agency
        keyed: list[tuple[int, dict[str, Any], tuple[Any, ...]]] = []
        for row in rows:
            values, known = cells.row(row)
            owner = values.get("owner_agency") or default_owner
            if self.owner_missing and not row.values.get("owner_agency") and default_owner is None:
                checked.problem(row.number, "owner_agency", self.owner_missing)
            if known and all(values.get(name) for name in self.needs) and (owner or not self.owner_missing):
                key = tuple(
                    _key_part(owner if name == "owner_agency" else values.get(name)) for name in self.natural_key
                )
                keyed.append((row.number, values, key))
        existing: dict[tuple[Any, ...], list[Record]] = {}
        for record in self._candidates(user, [key for _number, _values, key in keyed]):
            key = tuple(_key_part(record.serializable_value(name)) for name in self.natural_key)
            existing.setdefault(key, []).append(record)
        for number, values, key in keyed:
            if plan.repeated(number, key, self.key_column, self.repeated):
                continue
            matches = existing.get(key, [])
            refused = self.refuse(values, matches[0] if len(matches) == 1 else None) if self.refuse else None
            if refused is not None:
                checked.problem(number, *refused)
                continue
            data = row_data(values, self.columns, skip=("owner_agency",))
            owner = values.get("owner_agency")
            plan.row(number, data, matches, owner=owner, column=self.key_column, ambiguous=self.ambiguous)
        return plan.finish()

    def _candidates(self, user: Any, keys: list[tuple[Any, ...]]) -> QuerySet[Record]:
        """The recorded records that may share a key of the file: those the user reads, narrowed by each key part
        that is not a text (texts are compared folded, in Python)."""
        if self.records is None or not self.natural_key:
            raise ImproperlyConfigured("RecordRows.check needs the kind's natural_key and records")
        narrowed = {
            f"{name}__in": {key[index] for key in keys}
            for index, name in enumerate(self.natural_key)
            if not any(isinstance(key[index], str) for key in keys)
        }
        many = [column.key for column in self.columns if column.ref is not None and column.ref.many]
        return self.records(user).filter(**narrowed).prefetch_related(*many)


def _key_part(value: Any) -> Any:
    """A natural key's part as rows and records are compared: a record by its id, a text folded."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, str):
        return clean_text(value).casefold()
    return value


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

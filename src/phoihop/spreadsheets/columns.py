"""Columns that know what their cells name, and what a record kind builds from its columns.

A column whose cells name records — an enterprise by tax code, a body by short code, a document by its number and
symbol — or a choice value by its label carries a `Reference`: how a whole file's names are found at once (one query
per column), how a record is named in a cell (the export and the import's preview) and the problem for a name that
is not found. The references themselves are declared by the apps that own the records (`planning/sheets.py` for
the directory's and the document register's, since this layer imports no domain app); `choice` is this layer's, for a
field's own choices.

From its columns a kind gets its export (`column_rows`: every column's cell read from the list's records) and, through
`Resolved`, its check's look-ups: every reference cell of the file resolved before the rows are checked, each name not
found a problem on its cell, the rows handed to the app with records and choice values in place of the names."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import models

from phoihop.core.text import clean_text, nfc
from phoihop.spreadsheets.registry import CellValue, Checked, Column, Row

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from phoihop.accounts.models import User


def _strip(name: str) -> str:
    return name.strip()


@dataclass(frozen=True, kw_only=True)
class Reference:
    """How a column's cells name records.

    `find(user, names)` → {name: record} for the names of the whole file that exist (one query; a name left out is
    not found; a list of records: a name several records hold); `name(record)` → the name a cell holds; `clean`
    turns a typed name into the one looked up (`normalize_tax_code`…). `missing` is the problem for a name not found,
    with %(name)s; `ambiguous` for a name several records hold, with %(name)s and %(n)s. A `many` column holds
    several names separated by ";" (`commas`: "," too); its missing names make one problem, joined by ", ", or one
    each (`each`); its names are written sorted by name, or by `order` (a key function of the record)."""

    find: Callable[[User, set[str]], Mapping[str, Any]]
    name: Callable[[Any], str]
    missing: str | Promise = ""
    ambiguous: str | Promise = ""
    clean: Callable[[str], str] = _strip
    many: bool = False
    commas: bool = False
    each: bool = False
    order: Callable[[Any], Any] | None = None

    def names(self, value: CellValue) -> list[str]:
        """The names a parsed cell holds, cleaned (none for an empty cell)."""
        if value is None or value == "":
            return []
        text = str(value)
        if not self.many:
            name = self.clean(text)
            return [name] if name else []
        if self.commas:
            text = text.replace(",", ";")
        return [self.clean(part) for part in text.split(";") if part.strip()]

    def cell(self, value: Any) -> CellValue:
        """A record (a list or related manager of records, for `many`) as a cell holds it."""
        if value is None:
            return None
        if not self.many:
            return self.name(value)
        records = value.all() if hasattr(value, "all") else value
        if self.order is not None:
            return "; ".join(self.name(record) for record in sorted(records, key=self.order))
        return "; ".join(sorted(self.name(record) for record in records))


def choice(key: str, header: str, choices: type[models.Choices], **options: Any) -> Column:
    """A column of one of a field's choices: the cell holds the Vietnamese label, the record the value."""
    by_label = {str(label): value for value, label in choices.choices}
    labels = {value: label for label, value in by_label.items()}
    return Column(
        key,
        header,
        type="choice",
        choices=lambda user: list(by_label),
        ref=Reference(find=lambda user, names: by_label, name=lambda value: labels.get(value, value)),
        **options,
    )


def column_rows(
    columns: Iterable[Column],
    select: Callable[..., models.QuerySet[Any]],
    *,
    related: tuple[str, ...] = (),
    chunk: int = 500,
) -> Callable[[User, Mapping[str, Any]], Iterator[dict[str, CellValue]]]:
    """A kind's `export_rows`: the records of the list's selector (`select(user=…, params=…)`, its filter and order,
    every page), each column's cell read by the column (`Column.reader`). `related`: the many-to-many fields to
    prefetch."""
    columns = tuple(columns)

    def export_rows(user: User, params: Mapping[str, Any]) -> Iterator[dict[str, CellValue]]:
        readers = [(column.key, column.reader()) for column in columns]
        records = select(user=user, params=params)
        if related:
            records = records.prefetch_related(*related)
        for record in records.iterator(chunk):
            yield {key: read(record) for key, read in readers}

    return export_rows


# A text column longer than this holds prose whose lines are kept (notes, a summary); a shorter one a name or a title.
ONE_LINE_MAX = 1000


def row_data(values: Mapping[str, Any], columns: Iterable[Column], *, skip: Iterable[str] = ()) -> dict[str, Any]:
    """A resolved row's values as the app's service takes them, one per column (`skip`: those the app sets itself,
    such as the owner). A text cell is cleaned: a name or a title (`max_length` up to ONE_LINE_MAX) on one line, its
    runs of spaces collapsed; a longer text NFC and trimmed, its lines kept. Any other cell — a date, a number, a
    record or records, a choice's value — is handed on as it is; an empty cell as the column's `default`."""
    skipped = set(skip)
    data: dict[str, Any] = {}
    for column in columns:
        if column.key in skipped:
            continue
        value = values.get(column.key)
        if value in (None, "") and column.default is not None:
            value = column.default
        if column.type == "text" and column.ref is None:
            text = str(value or "")
            value = clean_text(text) if (column.max_length or 0) <= ONE_LINE_MAX else nfc(text).strip()
        data[column.key] = value
    return data


class Resolved:
    """The reference columns of a file's rows, resolved in bulk for a kind's `check`: one `find` per column for every
    name the file holds, made at once. `row(row)` records the problems of the row's reference cells (in column
    order, when the app asks, so that its own rules can come before) and hands back the row's values with each
    reference cell replaced: a record (None when empty or not found), a list of records for a `many` column, a
    choice's value for its label."""

    def __init__(self, user: User, rows: Iterable[Row], columns: Iterable[Column], checked: Checked) -> None:
        self.columns = [column for column in columns if column.ref is not None]
        self.checked = checked
        self.names: dict[int, dict[str, list[str]]] = {}
        wanted: dict[str, set[str]] = {column.key: set() for column in self.columns}
        for row in rows:
            names = self.names[row.number] = {}
            for column in self.columns:
                assert column.ref is not None  # noqa: S101 - kept above
                names[column.key] = column.ref.names(row.values.get(column.key))
                wanted[column.key].update(names[column.key])
        self.found: dict[str, Mapping[str, Any]] = {}
        for column in self.columns:
            assert column.ref is not None  # noqa: S101 - kept above
            self.found[column.key] = column.ref.find(user, wanted[column.key]) if wanted[column.key] else {}

    def records(self, key: str) -> list[Any]:
        """Every record the file's cells of column `key` name (to look up what already exists for them)."""
        return list(self.found[key].values())

    def row(self, row: Row) -> tuple[dict[str, Any], bool]:
        """The row's values with its references resolved, and whether every name it holds was found."""
        values: dict[str, Any] = dict(row.values)
        known = True
        for column in self.columns:
            ref = column.ref
            assert ref is not None  # noqa: S101 - kept in __init__
            names = self.names[row.number][column.key]
            found = self.found[column.key]
            missing = [name for name in names if name not in found]
            if missing:
                known = False
                for text in missing if ref.each else [", ".join(missing)]:
                    self.checked.problem(row.number, column.key, str(ref.missing) % {"name": text})
            if ref.many:
                values[column.key] = list(dict.fromkeys(found[name] for name in names if name in found))
            else:
                values[column.key] = found.get(names[0]) if names else None
                if isinstance(values[column.key], list):
                    known, several = False, values[column.key]
                    message = str(ref.ambiguous) % {"name": names[0], "n": len(several)}
                    self.checked.problem(row.number, column.key, message)
                    values[column.key] = None
        return values, known

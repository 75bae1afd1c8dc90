"""The spreadsheet declarations: which record kinds can be downloaded as a template, imported and exported.

An app declares each of its kinds once, in its own `sheets.py`, and registers it from its `plugins.py`
(`spreadsheets.register(kind)`), exactly as menu entries are registered: this layer never imports a record app.
A declaration says
- the columns, in order: the Vietnamese header officers read, the key (the hidden second row of every template and
  export: how a file is recognised as this kind's), the type of the cell, whether it is required, its length limit
  and, for a choice, where the allowed values come from (`choices(user)` → the labels a cell may hold);
- how rows are read for an export (`export_rows(user, params)`: dicts by column key, in the list page's filter;
  `spreadsheets.columns.column_rows` builds it from the columns, each of which knows how its cell is read);
- how a whole file of parsed rows is checked against the database (`check(user, rows)` → a `Checked` with every
  problem by row and column, how many rows are new, which existing rows (by natural key) would change) and written
  (`apply(user, checked)`), through the app's services and permission rules; a kind for very large files may check
  them chunk by chunk instead (`check_chunks(user, chunks)`). A kind without `check` and `apply` is
  export-only: it has no template and no import (a list whose records are written only on their own pages).

The layer does what is the same for every kind: the file's safety, reading with python-calamine, types, required
cells, lengths and choices, the one transaction, the import log (`ImportBatch`) and its one audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

# Offered to the kinds declared through `providers`, which receive this module (see Registry) and import no layer.
from phoihop.spreadsheets.bulk import insert_all  # noqa: F401

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.spreadsheets.columns import Reference

CellType = Literal["text", "int", "decimal", "date", "choice"]
CellValue = str | int | Decimal | dt.date | None


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    type: CellType = "text"
    required: bool = False
    max_length: int | None = None
    # For a choice: the labels a cell may hold, as the user may use them (zones by name, bodies by short code...).
    choices: Callable[[User], list[str]] | None = None
    help: str = ""
    # Number format for int/decimal/date cells in templates and exports.
    num_format: str = ""
    width: int = 18
    # How an export reads the cell from a record: an attribute path ("enterprise.tax_code") or a function of the
    # record; by default the attribute named like the column (written by `ref` when the column has one).
    read: str | Callable[[Any], CellValue] | None = None
    # How the import's preview shows a value of the service's data; by default as the cell would hold it.
    show: Callable[[Any], str] | None = None
    # For cells that name records or choice values (an enterprise by tax code, a body by short code, a choice by
    # its label): how a whole file's names are found at once, and the problem for a name not found
    # (spreadsheets.columns).
    ref: Reference | None = None
    # What an empty cell hands the service (`spreadsheets.columns.row_data`): a choice's value, say, where the
    # template's help says what an empty cell means.
    default: Any = None

    def reader(self) -> Callable[[Any], CellValue]:
        """How an export reads the column's cell from a record (chosen once per export, not once per cell)."""
        if callable(self.read):
            return self.read
        names = (self.read or self.key).split(".")
        named = self.ref.cell if self.ref is not None and self.read is None else None

        def read(record: Any) -> CellValue:
            value = record
            for name in names:
                value = None if value is None else getattr(value, name)
            return value if named is None else named(value)

        return read

    def shown(self, value: Any) -> str:
        """A value of the service's data as the preview shows it: as the cell holds it, dates as dd/mm/yyyy."""
        if value is None:
            return ""
        if self.show is not None:
            return self.show(value)
        if self.ref is not None:
            return str(self.ref.cell(value) or "")
        if isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}"
        return str(value)


@dataclass
class Row:
    """One parsed data row: `number` is the sheet's row number officers see (1-based, header = 1, keys = 2)."""

    number: int
    values: dict[str, CellValue]


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # a column key, or "" for the whole row
    message: str


@dataclass
class Change:
    """An existing row (found by its natural key) that the file would change: what it is and {header: (old, new)}."""

    row: int
    label: str
    fields: dict[str, tuple[str, str]]


@dataclass
class Checked:
    problems: list[Problem] = field(default_factory=list)
    new: int = 0
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    # Whatever the kind's `apply` needs (resolved references, instances to insert); the layer does not look inside.
    state: Any = None

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(Problem(row, column, message))


def no_import(user: User) -> bool:
    return False


@dataclass(frozen=True, kw_only=True)
class SheetKind:
    key: str  # "<app>.<kind>", also the API's ?kind= and the template file's name
    label: str  # what it is, in Vietnamese (sheet title, page heading)
    columns: tuple[Column, ...]
    natural_key: tuple[str, ...] = ()
    can_import: Callable[[User], bool] = no_import
    can_export: Callable[[User], bool]
    export_rows: Callable[[User, Mapping[str, Any]], Iterable[Mapping[str, CellValue]]]
    # Both, or neither: an export-only kind.
    check: Callable[[User, list[Row]], Checked] | None = None
    apply: Callable[[User, Checked], int] | None = None
    # Optional, for kinds imported by the 100.000 rows: the same check fed the file a chunk of parsed rows at a time
    # (each chunk dropped once checked, see reader.CHUNK_ROWS), so that the whole file's rows are never held at once;
    # when given, the layer calls it instead of `check`.
    check_chunks: Callable[[User, Iterable[list[Row]]], Checked] | None = None
    list_url_name: str = ""
    instructions: tuple[str, ...] = ()

    @property
    def export_only(self) -> bool:
        return self.check is None or self.apply is None

    @property
    def sheet_name(self) -> str:
        return "Dữ liệu"

    @property
    def file_stem(self) -> str:
        return self.key.replace(".", "-")

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


PROVIDER_PREFIX = "spreadsheets:"


@dataclass
class Registry:
    """Kinds registered directly (`spreadsheets.register(kind)`, from apps above this layer) and kinds offered as a
    `core.plugins.providers` entry named "spreadsheets:<key>" whose function takes this module and returns the kind
    (from the directory, which imports nothing above core and accounts)."""

    kinds: dict[str, SheetKind] = field(default_factory=dict)

    def register(self, kind: SheetKind) -> None:
        self.kinds[kind.key] = kind  # ready() may run twice in tests: the last declaration wins

    def _all(self) -> dict[str, SheetKind]:
        import sys

        from phoihop.core.plugins import providers

        for name, declare in providers.functions.items():
            key = name.removeprefix(PROVIDER_PREFIX)
            if name.startswith(PROVIDER_PREFIX) and key not in self.kinds:
                self.kinds[key] = declare(sys.modules[__name__])
        return self.kinds

    def get(self, key: str) -> SheetKind | None:
        return self._all().get(key)

    def __iter__(self) -> Any:
        return iter(sorted(self._all().values(), key=lambda kind: kind.key))


spreadsheets = Registry()

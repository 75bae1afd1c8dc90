"""Inserting a kind's new rows in bulk, for its `apply` (in the import's one transaction): PostgreSQL's COPY through
psycopg (one statement for the whole file, the values sent as text rows), elsewhere batches of one INSERT statement.

`insert_all` takes model instances; `insert_rows` takes plain tuples of values (what a large file's check keeps: a
tuple costs a fraction of an instance, and needs no per-field preparation by Django). Either way the values must be
complete and already checked (the kind's `check` did what the app's create service does): nothing here validates.
The primary keys are not read back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from itertools import islice
from typing import Any, TypeVar, cast

from django.db import connections, models, router

from phoihop.core.cache import written

M = TypeVar("M", bound=models.Model)

BATCH_SIZE = 2000
# Below this many rows COPY's set-up does not pay for itself: bulk_create's INSERT is as fast.
COPY_FROM_ROWS = 500
# Field types whose Python values the database drivers take as they are (psycopg and sqlite3, with the adapters
# Django registers): every other field's values go through the field's own preparation.
PLAIN_FIELDS = (
    models.IntegerField,
    models.BooleanField,
    models.CharField,
    models.TextField,
    models.DecimalField,
    models.ForeignKey,
)


def insert_all(model: type[M], instances: Sequence[M], *, batch_size: int = BATCH_SIZE) -> int:
    if not instances:
        return 0
    alias = router.db_for_write(model)
    connection = connections[alias]
    if connection.vendor != "postgresql" or len(instances) < COPY_FROM_ROWS:
        model._default_manager.using(alias).bulk_create(instances, batch_size=batch_size)
        return len(instances)
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for instance in instances:
            copy.write_row([field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields])
    written(model, using=alias)  # COPY bypasses Django's cursor: the cached lists of this model are stale on commit
    return len(instances)


def insert_rows(
    model: type[models.Model],
    names: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    batch_size: int = BATCH_SIZE,
    written: Callable[[int], None] | None = None,
) -> int:
    """Insert `rows`, each a tuple of values in the order of the field names `names` (a foreign key by its primary
    key; automatic timestamps given like any value). `written(n)` is told after each batch."""
    alias = router.db_for_write(model)
    connection = connections[alias]
    fields = [cast("models.Field[Any, Any]", model._meta.get_field(name)) for name in names]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(str(field.column)) for field in fields)
    count = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            write_row = copy.write_row
            for row in rows:
                write_row(row)
                count += 1
                if written is not None and count % batch_size == 0:
                    written(count)
        return count
    # The few fields whose values need the field's preparation (a datetime on SQLite...), chosen once.
    prepared = [(index, _preparer(field, connection)) for index, field in enumerate(fields) if not _plain(field)]
    # The dates, decimals and booleans as the driver would send them (sqlite3's adapters, Django's for the first two):
    # adapted a column at a time here rather than by a Python call from the driver for each value.
    adapted = [index for index, field in enumerate(fields) if isinstance(field, SQLITE_ADAPTED)]
    adapted = [index for index in adapted if index not in {index for index, _prepare in prepared}]
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608 - names from the model, quoted
    iterator = iter(rows)
    with connection.cursor() as cursor, _page_cache(cursor, connection):
        while batch := list(islice(iterator, batch_size)):
            if prepared:
                batch = [_prepared(row, prepared) for row in batch]
            if adapted and connection.vendor == "sqlite":
                batch = _adapted(batch, adapted)
            cursor.executemany(sql, batch)
            count += len(batch)
            if written is not None:
                written(count)
    return count


# Fields whose values sqlite3 would adapt through a Python call per value: a date (isoformat), a decimal (str), a
# boolean (an int subclass: looked up among the adapters, then sent as its integer).
SQLITE_ADAPTED = (models.DateField, models.DecimalField, models.BooleanField)
# SQLite's page cache while a large insert runs, in KiB (PRAGMA cache_size takes a negative number of KiB): the new
# rows and their indexes stay in memory until the commit instead of spilling to the write-ahead log in the middle of
# the transaction. Only the memory the connection may use changes (not what is written, nor when it is durable); the
# connection's own setting comes back at the end of the insert.
SQLITE_CACHE_KIB = 128 * 1024


@contextmanager
def _page_cache(cursor: Any, connection: Any) -> Iterator[None]:
    if connection.vendor != "sqlite":
        yield
        return
    cursor.execute("PRAGMA cache_size")
    (before,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {-SQLITE_CACHE_KIB:d}")
    try:
        yield
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(before):d}")


def _sqlite_value(value: Any) -> Any:
    """What sqlite3 (with the adapters Django registers) sends for a value: the same text or integer."""
    kind = value.__class__
    if kind is dt.date:
        return value.isoformat()
    if kind is Decimal:
        return str(value)
    if kind is bool:
        return int(value)
    return value


def _adapted(batch: Sequence[Sequence[Any]], indexes: list[int]) -> list[Sequence[Any]]:
    """The batch with the values of the columns at `indexes` adapted, a column at a time (the other columns are not
    looked at)."""
    columns: list[Sequence[Any]] = list(zip(*batch, strict=True))
    for index in indexes:
        columns[index] = list(map(_sqlite_value, columns[index]))
    return list(zip(*columns, strict=True))


def _plain(field: Any) -> bool:
    if isinstance(field, models.DateField):
        return not isinstance(field, models.DateTimeField)
    return isinstance(field, PLAIN_FIELDS)


def _preparer(field: Any, connection: Any) -> Callable[[Any], Any]:
    """The field's preparation of a value, done once for a value repeated row after row (the import's timestamp)."""
    last: list[Any] = [object(), None]

    def prepare(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, field.get_db_prep_save(value, connection)
        return last[1]

    return prepare


def _prepared(row: Sequence[Any], prepared: list[tuple[int, Callable[[Any], Any]]]) -> list[Any]:
    values = list(row)
    for index, prepare in prepared:
        values[index] = prepare(values[index])
    return values

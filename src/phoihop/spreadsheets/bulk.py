"""Inserting a kind's new rows in bulk, for its `apply` (in the import's one transaction): PostgreSQL's COPY through
psycopg (one statement for the whole file, the values sent as text rows), elsewhere `bulk_create` in batches.

The instances must be complete and already checked (the kind's `check` did what the app's create service does):
nothing here validates. Automatic timestamps are filled as `save()` would; the primary keys are not read back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db import connections, models, router

from phoihop.core.cache import written

M = TypeVar("M", bound=models.Model)

BATCH_SIZE = 2000
# Below this many rows COPY's set-up does not pay for itself: bulk_create's INSERT is as fast.
COPY_FROM_ROWS = 500


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

"""The shared cache's backend (settings.CACHES): Django's database cache, whose writes on PostgreSQL do not wait for
the disk.

Each cache write is its own transaction; with PostgreSQL's default `synchronous_commit = on` its COMMIT waits for the
write-ahead log to reach the disk — 2 to 5 ms on this kind of machine, paid by the request that stores a list. A
cache entry is disposable: after a crash of the database server the entries written in its last fraction of a second
may be missing (never half-written: the transaction is still atomic), and a missing entry or generation is simply
read and rendered again (core/cache.py gives a missing generation a new token, so no old entry can match it). So the
cache's own transactions commit with `SET LOCAL synchronous_commit TO OFF`, which changes nothing but when the COMMIT
returns and applies to that transaction only. A cache write made inside a transaction of the request's own (a
service's write) is left as it is: the setting would reach the request's data."""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    def _base_set(self, mode: str, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT) -> bool:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor != "postgresql" or connection.in_atomic_block:
            return super()._base_set(mode, key, value, timeout)  # type: ignore[misc]  # private in django-stubs
        with transaction.atomic(using=db):
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
            return super()._base_set(mode, key, value, timeout)  # type: ignore[misc]  # private in django-stubs

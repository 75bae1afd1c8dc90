"""The shared cache's backend: on PostgreSQL its own writes commit without waiting for the disk (an entry is
disposable), and a cache write inside a transaction of the request's own never changes how that transaction
commits. The entries are stored and read back as with Django's database cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db(transaction=True)

ASYNC_COMMIT = "SET LOCAL synchronous_commit TO OFF"


def test_a_cache_write_of_its_own_commits_without_waiting_for_the_disk_on_postgresql() -> None:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        cache.set("list:example", ("gen", "<table>…</table>"), 60)
        assert cache.add("gen:example", "token", timeout=None) is True
    statements = [query["sql"] for query in ctx.captured_queries]
    assert statements.count(ASYNC_COMMIT) == (2 if connection.vendor == "postgresql" else 0)
    assert cache.get("list:example") == ("gen", "<table>…</table>")
    assert cache.get("gen:example") == "token"


def test_a_cache_write_inside_the_requests_own_transaction_leaves_its_commit_alone() -> None:
    cache.clear()
    with transaction.atomic(), CaptureQueriesContext(connection) as ctx:
        cache.set("list:inside", "rows", 60)
    assert ASYNC_COMMIT not in [query["sql"] for query in ctx.captured_queries]
    assert cache.get("list:inside") == "rows"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "on"  # the session's setting is untouched after the cache's own writes

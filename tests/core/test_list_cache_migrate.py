"""Renewing the list cache's generations after a write must not fail the write. When the cache table is missing — a
new database being migrated, before core's migration creates it — that is expected and says nothing; when the table
is there and renewing still fails, the failure is logged."""

from __future__ import annotations

import logging

import pytest
from django.db import DatabaseError

from phoihop.core import cache
from phoihop.core.models import CacheEntry

pytestmark = pytest.mark.django_db


def _failing_bump(labels: object) -> None:
    raise DatabaseError("no such table: phoihop_cache")


def test_the_cache_table_is_found_on_a_migrated_database() -> None:
    assert cache._cache_table_exists() is True


def test_a_failed_renewal_is_logged_when_the_table_exists(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(cache, "bump", _failing_bump)
    with caplog.at_level(logging.ERROR):
        cache._renew({"directory.enterprise"})
    assert "generations not renewed" in caplog.text


def test_a_failed_renewal_says_nothing_while_the_table_is_not_created_yet(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(cache, "bump", _failing_bump)
    monkeypatch.setattr(CacheEntry._meta, "db_table", "phoihop_cache_not_created_yet")
    assert cache._cache_table_exists() is False
    with caplog.at_level(logging.DEBUG):
        cache._renew({"directory.enterprise"})
    assert caplog.records == []

"""`phoihop purge_imports`: kept uploaded files (waiting for a confirmation, kept for the error workbook, of a job that
never ended) older than PHOIHOP_IMPORT_KEEP_DAYS are deleted; recent ones and the log of imported files stay."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone

from phoihop.spreadsheets.models import ImportBatch

pytestmark = pytest.mark.django_db


def batch(officer: Any, status: str, *, days_old: int, content: bytes | None = b"PK...") -> ImportBatch:
    kept = ImportBatch.objects.create(
        kind="directory.enterprise", sha256="0" * 64, status=status, actor=officer, content=content
    )
    ImportBatch.objects.filter(pk=kept.pk).update(created_at=timezone.now() - dt.timedelta(days=days_old))
    return kept


def test_only_old_kept_files_are_deleted(officer: Any, settings: Any) -> None:
    settings.PHOIHOP_IMPORT_KEEP_DAYS = 7
    old = [
        batch(officer, ImportBatch.Status.PENDING, days_old=8),
        batch(officer, ImportBatch.Status.INVALID, days_old=30),
        batch(officer, ImportBatch.Status.RUNNING, days_old=9),
        batch(officer, ImportBatch.Status.QUEUED, days_old=9),
    ]
    recent = [
        batch(officer, ImportBatch.Status.PENDING, days_old=6),
        batch(officer, ImportBatch.Status.INVALID, days_old=0),
        batch(officer, ImportBatch.Status.QUEUED, days_old=1),
    ]
    imported = batch(officer, ImportBatch.Status.DONE, days_old=400, content=None)
    out = StringIO()
    call_command("purge_imports", stdout=out)
    assert "Đã xóa 4 tệp Excel tải lên đã giữ quá hạn." in out.getvalue()
    remaining = set(ImportBatch.objects.values_list("pk", flat=True))
    assert remaining == {kept.pk for kept in recent} | {imported.pk}
    assert not remaining & {kept.pk for kept in old}


def test_the_age_can_be_given_on_the_command_line(officer: Any) -> None:
    batch(officer, ImportBatch.Status.PENDING, days_old=2)
    kept = batch(officer, ImportBatch.Status.PENDING, days_old=0)
    call_command("purge_imports", "--days", "1", stdout=StringIO())
    assert list(ImportBatch.objects.values_list("pk", flat=True)) == [kept.pk]

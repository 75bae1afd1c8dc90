"""A background import whose worker is killed (SIGKILL) in the middle of its write leaves no row of the file and no
audit event; its batch stays "running" with nothing written, and once stalled the page says the import stopped and
nothing was written. The job runs in a real child process against a real database file (SQLite) or the test database
(PostgreSQL), as in test_killed_import.py."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from tests.spreadsheets.helpers import ROOT, kill_when_written


def _until_the_child_session_is_gone() -> None:
    """PostgreSQL ends the killed child's session when it notices the closed socket; the test database is dropped at
    the end of the run, which needs no other session on it."""
    query = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    for _ in range(50):
        with connection.cursor() as cursor:
            cursor.execute(query)
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.2)


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_job_leaves_no_partial_rows(tmp_path: Path, client_for) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    if connection.vendor == "sqlite":
        database = tmp_path / "dung.sqlite3"
        env.update(DATABASE_URL=f"sqlite:///{database}", KILLED_IMPORT_MIGRATE="1")
        kill_when_written("tests.spreadsheets.killed_import_job_child", env)
        with sqlite3.connect(database) as db:  # opening it rolls the unfinished transaction back
            enterprises = db.execute("SELECT COUNT(*) FROM directory_enterprise").fetchone()[0]
            statuses = [row[0] for row in db.execute("SELECT status FROM spreadsheets_importbatch")]
            events = db.execute(
                "SELECT COUNT(*) FROM core_auditevent WHERE object_type = 'spreadsheets.importbatch'"
            ).fetchone()[0]
        assert enterprises == 0
        assert statuses == ["running"]
        assert events == 0
        return
    settings = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    kill_when_written("tests.spreadsheets.killed_import_job_child", env)
    _until_the_child_session_is_gone()
    assert Enterprise.objects.filter(name__startswith="Công ty thử").count() == 0
    assert not AuditEvent.objects.filter(object_type="spreadsheets.importbatch").exists()
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.RUNNING
    assert batch.rows_written == 0
    # An hour later the job is seen as stalled: the page stops polling and says nothing was written.
    ImportBatch.objects.filter(pk=batch.pk).update(progressed_at=timezone.now() - dt.timedelta(hours=1))
    assert batch.actor is not None
    page = client_for(batch.actor).get(f"/excel/directory.enterprise/nhap/{batch.pk}/tien-do/").content.decode()
    assert "đã dừng giữa chừng" in page
    assert "chưa ghi dòng nào" in page
    assert "hx-get" not in page

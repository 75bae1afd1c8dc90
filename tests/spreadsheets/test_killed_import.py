"""An import whose process is killed (SIGKILL) in the middle of its write leaves no row of the file, no import log and
no audit event: the rows are written in one transaction, and the database drops a transaction its process never
ended. The import runs in a real child process against a real database file (SQLite) or the test database
(PostgreSQL); the parent waits until the rows are inserted, kills the child, and counts."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from django.db import connection

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from tests.spreadsheets.helpers import ROOT, kill_when_written


@pytest.mark.django_db(transaction=True)
def test_a_killed_import_leaves_no_partial_rows(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    if connection.vendor == "sqlite":
        database = tmp_path / "dung.sqlite3"
        env.update(DATABASE_URL=f"sqlite:///{database}", KILLED_IMPORT_MIGRATE="1")
        kill_when_written("tests.spreadsheets.killed_import_child", env)
        with sqlite3.connect(database) as db:  # opening it rolls the unfinished transaction back
            counts = [
                db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608
                for table in ("directory_enterprise", "spreadsheets_importbatch")
            ]
            users = db.execute("SELECT COUNT(*) FROM accounts_user WHERE username = 'dung'").fetchone()[0]
        assert users == 1  # the child's committed set-up is there…
        assert counts == [0, 0]  # …and nothing of the import
    else:
        settings = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
        kill_when_written("tests.spreadsheets.killed_import_child", env)
        assert Enterprise.objects.filter(name__startswith="Công ty thử").count() == 0
        assert ImportBatch.objects.count() == 0
        assert not AuditEvent.objects.filter(object_type="spreadsheets.importbatch").exists()

"""`phoihop worker`: runs background tasks (report rendering, imports) from the database queue.

A thin, stable name over django-tasks-db's `db_worker`, so deployment scripts do not depend on the backend's own
command name; every option of `db_worker` is accepted. One thing is added: the worker outlives a database restart.
`db_worker`'s loop ends the process on the first error that is not a locked SQLite file, so a PostgreSQL restart (or
a failover) would stop every background job until someone restarts the worker, and the task it was running would stay
"running" for ever. Here the loop waits for the database (1, 2, 4… up to 10 s between tries), puts back in the queue
the task the database was lost under — each of our tasks starts again from the beginning without harm: a report is
drawn again, an import whose batch already left the queue does nothing — and goes on. A task put back
`MAX_ATTEMPTS` times is marked failed instead."""

from __future__ import annotations

import logging
import time

from django.db import DatabaseError, connections
from django.db.utils import InterfaceError, OperationalError
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("phoihop.worker")

# The errors of a database that went away (restart, failover, network): psycopg and sqlite3 raise these.
DATABASE_GONE = (OperationalError, InterfaceError)
MAX_ATTEMPTS = 3  # claims of one task before it is given up
MAX_WAIT_S = 10.0


class Worker(db_worker.Worker):
    """`db_worker`'s loop, kept alive across the database going away and coming back."""

    def run(self) -> None:
        wait = 1.0
        while True:
            try:
                super().run()
                return
            except DATABASE_GONE as exc:
                if not self.running:
                    raise
                # The error's class only: its text may quote a statement, and the log holds no data.
                logger.warning(
                    "Worker %s lost the database (%s); trying again in %.0f s", self.worker_id, type(exc).__name__, wait
                )
            self.startup_delay = False
            self.reconnect()
            time.sleep(wait)
            try:
                self.requeue_interrupted()
            except DATABASE_GONE:
                wait = min(wait * 2, MAX_WAIT_S)
                continue
            wait = 1.0

    def reconnect(self) -> None:
        """Drop the broken connections: the next query opens a new one."""
        connections.close_all()

    def requeue_interrupted(self) -> list[DBTaskResult]:
        """The tasks this worker had claimed and not finished when the database went away: back to the queue, or
        failed after `MAX_ATTEMPTS` claims. Returns the tasks put back."""
        put_back = []
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, backend_name=self.backend_name)
        for result in running:
            if not result.worker_ids or result.worker_ids[-1] != self.worker_id:
                continue  # another worker's, still running
            if len(result.worker_ids) >= MAX_ATTEMPTS:
                logger.error("Task %s lost the database %s times; marked failed", result.id, len(result.worker_ids))
                result.set_failed(DatabaseError(f"the database went away {len(result.worker_ids)} times"))
                continue
            DBTaskResult.objects.filter(pk=result.pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            logger.warning("Task %s was running when the database went away; queued again", result.id)
            put_back.append(result)
        return put_back


class Command(DbWorkerCommand):
    help = "Chạy tác vụ nền (kết xuất báo cáo, nhập dữ liệu). / Run background tasks from the database queue."

    def handle(self, *args: object, **options: object) -> None:
        # db_worker's handle builds its Worker by the module's name: it builds this one while the command runs.
        original = db_worker.Worker
        db_worker.Worker = Worker  # type: ignore[misc]
        try:
            super().handle(*args, **options)  # type: ignore[arg-type]
        finally:
            db_worker.Worker = original  # type: ignore[misc]

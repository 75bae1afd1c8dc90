"""`phoihop worker` outlives the database going away: a PostgreSQL restart while it waits for work or while it runs a
task. The database errors are raised where psycopg raises them when the server restarts (the queue poll, the task's
own queries, the bookkeeping of a failed task); the worker waits, puts the interrupted task back in the queue, runs it
again and finishes it — and gives a task up, marked failed, after three claims. The real restart under load is
`python -m bench.layout` (docs/deployment.md)."""

from __future__ import annotations

import logging
import signal
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.management import call_command
from django.db.utils import OperationalError
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from phoihop.core.management.commands import worker as worker_command

pytestmark = pytest.mark.django_db

RUNS: list[str] = []
LOST_FOR: dict[str, int] = {}  # how many more runs of a task meet a lost database


def lost() -> OperationalError:
    return OperationalError("terminating connection due to administrator command")


@task()
def draw(name: str) -> str:
    RUNS.append(name)
    if LOST_FOR.get(name, 0) > 0:
        LOST_FOR[name] -= 1
        raise lost()
    return f"drawn {name}"


@pytest.fixture(autouse=True)
def database_queue(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    RUNS.clear()
    LOST_FOR.clear()
    waits: list[float] = []
    monkeypatch.setattr(worker_command, "time", SimpleNamespace(sleep=waits.append))
    # The test's own connection holds its transaction: "reconnecting" here would drop it, and it never broke; the
    # loop's check for stale connections would close it too (a connection inside a transaction looks stale).
    monkeypatch.setattr(worker_command.Worker, "reconnect", lambda self: None)
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # A task that met a lost database cannot record its failure on the same, broken connection.
    original = DBTaskResult.set_failed

    def set_failed(self: DBTaskResult, exc: BaseException) -> None:
        if isinstance(exc, OperationalError):
            raise lost()
        original(self, exc)

    monkeypatch.setattr(DBTaskResult, "set_failed", set_failed)
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield waits
    for number, handler in handlers.items():
        signal.signal(number, handler)


def work() -> None:
    call_command("worker", "--batch", "--interval", "0", "--worker-id", "w1", "--verbosity", "0")


def test_a_task_interrupted_by_a_restart_runs_again_and_finishes(
    database_queue: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    LOST_FOR["bao-cao"] = 1
    result = draw.enqueue("bao-cao")
    with caplog.at_level(logging.WARNING, logger="phoihop.worker"):
        work()
    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == TaskResultStatus.SUCCESSFUL
    assert stored.return_value == "drawn bao-cao"
    assert RUNS == ["bao-cao", "bao-cao"]
    assert stored.worker_ids == ["w1", "w1"]
    assert database_queue == [1.0]
    assert "lost the database (OperationalError)" in caplog.text
    assert "queued again" in caplog.text
    assert "administrator command" not in caplog.text  # the error's class, not its text


def test_the_queue_poll_failing_waits_longer_each_time_then_goes_on(
    database_queue: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = draw.enqueue("danh-sach")
    polls = {"failing": 3}
    original = DBTaskResultQuerySet.get_locked

    def get_locked(self: DBTaskResultQuerySet) -> DBTaskResult | None:
        if polls["failing"]:
            polls["failing"] -= 1
            raise lost()
        return original(self)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)
    down = {"tries": 2}  # the server still refuses the first two reconnections
    requeue = worker_command.Worker.requeue_interrupted

    def requeue_while_down(self: worker_command.Worker) -> list[DBTaskResult]:
        if down["tries"]:
            down["tries"] -= 1
            raise lost()
        return requeue(self)

    monkeypatch.setattr(worker_command.Worker, "requeue_interrupted", requeue_while_down)
    work()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
    assert RUNS == ["danh-sach"]
    # Three lost polls: a wait of 1 s, then 2 s and 4 s while the server still refuses; then the task runs.
    assert database_queue == [1.0, 2.0, 4.0]


def test_a_task_that_keeps_losing_the_database_is_given_up_after_three_claims(
    caplog: pytest.LogCaptureFixture,
) -> None:
    LOST_FOR["mai-mai"] = 99
    result = draw.enqueue("mai-mai")
    with caplog.at_level(logging.WARNING, logger="phoihop.worker"):
        work()
    stored = DBTaskResult.objects.get(pk=result.id)
    assert stored.status == TaskResultStatus.FAILED
    assert RUNS == ["mai-mai"] * 3
    assert "marked failed" in caplog.text


def test_another_workers_running_task_is_left_alone() -> None:
    mine, theirs = draw.enqueue("cua-toi"), draw.enqueue("cua-nguoi-khac")
    DBTaskResult.objects.filter(pk=mine.id).update(status=TaskResultStatus.RUNNING, worker_ids=["w1"])
    DBTaskResult.objects.filter(pk=theirs.id).update(status=TaskResultStatus.RUNNING, worker_ids=["w2"])
    worker = worker_command.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w1",
        excluded_queue_names=[],
    )
    assert [str(result.pk) for result in worker.requeue_interrupted()] == [mine.id]
    assert DBTaskResult.objects.get(pk=mine.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=theirs.id).status == TaskResultStatus.RUNNING

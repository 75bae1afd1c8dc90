"""Importing a large file in the background (django-tasks): the worker runs `services.import_file` on the queued
batch's file. The batch carries the phase and the rows read, checked and written that the upload page polls, and at
the end the outcome the page and the API show. The rows are written in one transaction: a worker that dies leaves
nothing written (the batch stays "running" until it is seen as stalled)."""

from __future__ import annotations

import logging
from typing import cast

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.reader import Progress
from phoihop.spreadsheets.registry import spreadsheets

logger = logging.getLogger(__name__)

# The batch's status after its job, by the outcome's status.
FINAL = {
    "imported": ImportBatch.Status.DONE,
    "invalid": ImportBatch.Status.INVALID,
    "confirm": ImportBatch.Status.PENDING,
}


def _progress(batch_id: int) -> Progress:
    def update(phase: str, *, read: int | None = None, checked: int | None = None, written: int | None = None) -> None:
        # Progress is bookkeeping of a running job, not a change anyone makes: no audit event.
        fields: dict[str, object] = {"phase": phase[:200], "progressed_at": timezone.now()}
        for name, value in (("rows_read", read), ("rows_checked", checked), ("rows_written", written)):
            if value is not None:
                fields[name] = value
        ImportBatch.objects.filter(pk=batch_id).update(**fields)

    return update


def run_import_job(batch_id: int) -> None:
    from phoihop.accounts.models import User
    from phoihop.spreadsheets.services import ImportOutcome, import_file

    batch = ImportBatch.objects.select_related("actor").filter(pk=batch_id, status=ImportBatch.Status.QUEUED).first()
    if batch is None:  # already taken, or purged
        return
    kind = spreadsheets.get(batch.kind)
    taken = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.QUEUED).update(
        status=ImportBatch.Status.RUNNING, phase=_("Bắt đầu"), progressed_at=timezone.now()
    )
    if not taken:  # another worker took it between the two statements
        return
    batch.status = ImportBatch.Status.RUNNING
    try:
        if kind is None or batch.actor is None:
            raise LookupError(batch.kind)
        outcome = import_file(
            actor=cast(User, batch.actor),
            kind=kind,
            content=bytes(batch.content or b""),
            filename=batch.filename,
            confirm=batch.confirmed,
            job=batch,
            progress=_progress(batch_id),
        )
    except Exception:
        # The traceback goes to the log (file name and kind, never a cell); the officer gets a sentence. The write's
        # transaction was rolled back: nothing of the file is in the database.
        logger.exception("Import job %s (%s) failed", batch_id, batch.kind)
        outcome = ImportOutcome(
            status="failed",
            code="job_failed",
            message=_(
                "Không nhập được tệp do lỗi hệ thống; chưa ghi dòng nào. "
                "Anh/chị hãy thử lại hoặc báo quản trị hệ thống."
            ),
        )
    _finish(batch_id, outcome)


@transaction.atomic
def _finish(batch_id: int, outcome: object) -> None:
    from phoihop.spreadsheets.services import ImportOutcome

    assert isinstance(outcome, ImportOutcome)  # noqa: S101
    status = FINAL.get(outcome.status, ImportBatch.Status.FAILED)
    fields: dict[str, object] = {
        "status": status,
        "result": outcome.as_result(),
        "phase": str(status.label),
        "finished_at": timezone.now(),
        "progressed_at": timezone.now(),
    }
    if status in (ImportBatch.Status.INVALID, ImportBatch.Status.PENDING):
        fields["rows_read"] = fields["rows_checked"] = outcome.rows
        fields["row_count"] = outcome.rows
    if status == ImportBatch.Status.FAILED:
        fields["content"] = None  # nothing to confirm or mark: the file is not kept
    ImportBatch.objects.filter(pk=batch_id).update(**fields)


@task()
def run_import(batch_id: int) -> None:
    run_import_job(batch_id)

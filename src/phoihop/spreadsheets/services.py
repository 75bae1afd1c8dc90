"""Importing a file: check everything, then write everything in one transaction, or nothing.

`import_file` is the one entry point for the upload page and the API:
1. the file's safety and template (reader.check_container, reader.read_rows) — a FileRefused is answered as such;
2. the same file (SHA-256) already imported for this kind → nothing is written, `already` says when;
3. every cell parsed by its column, then the kind's own `check` against the database (references, natural keys,
   permissions per row): every problem of the whole file is returned at once, and then nothing is written;
4. a file that would change existing rows is not applied until confirmed: the result carries the preview (and, for
   the upload page, a pending batch holding the file until the officer confirms);
5. otherwise the kind's `apply` writes every row in one transaction (through the app's services or their bulk path),
   with one ImportBatch and one audit event ("create" on the batch, the row count in `changes` and `note`).

A file of more than `PHOIHOP_IMPORT_BACKGROUND_ROWS` rows is not imported in the request: `queue_import` keeps it in
a queued ImportBatch and the worker runs the same `import_file` on it (`tasks.run_import_job`), which reports its
progress on the batch and leaves its outcome there for the page and the API to show."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import io
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.audit import held_events, record_event
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction
from phoihop.core.vnformat import format_datetime
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.reader import FIRST_DATA_ROW, FileRefused, Progress, Reading, check_container, open_sheet
from phoihop.spreadsheets.registry import Change, Checked, Problem, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@dataclass
class ImportOutcome:
    status: str  # "imported" | "invalid" | "refused" | "already" | "confirm"
    message: str
    code: str = ""
    problems: list[Problem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: int = 0
    batch: ImportBatch | None = None

    def as_result(self) -> dict[str, Any]:
        """What a background job keeps on its batch for the result area (`from_batch` reads it back)."""
        return {
            "status": self.status,
            "message": self.message,
            "code": self.code,
            "messages": self.messages[:RESULT_MESSAGES],
            "more": max(0, len(self.messages) - RESULT_MESSAGES),
            "changes": [asdict(change) for change in self.changes[:RESULT_MESSAGES]],
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rows": self.rows,
        }

    @classmethod
    def from_batch(cls, batch: ImportBatch) -> ImportOutcome:
        result = dict(batch.result or {})
        if not result and batch.status == ImportBatch.Status.DONE:
            # Written and committed, but the worker stopped before it could leave its result: the log says enough.
            result = {
                "status": "imported",
                "message": _("Đã nhập %(rows)s dòng: %(new)s bản ghi mới, %(changed)s bản ghi cập nhật.")
                % {"rows": batch.row_count, "new": batch.created, "changed": batch.updated},
                "rows": batch.row_count,
                "created": batch.created,
                "updated": batch.updated,
            }
        messages = list(result.get("messages", []))
        if result.get("more"):
            messages.append(_("… và %(n)s lỗi khác (xem đủ trong tệp Excel đánh dấu các lỗi).") % {"n": result["more"]})
        return cls(
            status=str(result.get("status", "")),
            message=str(result.get("message", "")),
            code=str(result.get("code", "")),
            messages=messages,
            changes=[
                Change(c["row"], c["label"], {k: (v[0], v[1]) for k, v in c["fields"].items()})
                for c in result.get("changes", [])
            ],
            created=int(result.get("created", 0)),
            updated=int(result.get("updated", 0)),
            unchanged=int(result.get("unchanged", 0)),
            rows=int(result.get("rows", 0)),
            batch=batch,
        )


# A background job keeps at most this many problem texts and changes for its result area (the error workbook has all).
RESULT_MESSAGES = 1000


def problem_text(kind: SheetKind, problem: Problem) -> str:
    if problem.column:
        header = kind.column(problem.column).header
        return _("Trang tính %(sheet)s, dòng %(row)s, cột %(column)s: %(message)s") % {
            "sheet": kind.sheet_name,
            "row": problem.row,
            "column": header,
            "message": problem.message,
        }
    return _("Trang tính %(sheet)s, dòng %(row)s: %(message)s") % {
        "sheet": kind.sheet_name,
        "row": problem.row,
        "message": problem.message,
    }


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def previous_import(kind: SheetKind, digest: str) -> ImportBatch | None:
    return (
        ImportBatch.objects.filter(kind=kind.key, sha256=digest, status=ImportBatch.Status.DONE)
        .order_by("-created_at")
        .first()
    )


@dataclass
class _Read:
    rows: int  # data rows read
    problems: list[Problem]  # of the cells, then of the kind's check
    checked: Checked


def _read_and_check(kind: SheetKind, actor: User, content: bytes, report: Progress) -> _Read:
    """Every cell parsed by its column, then the kind's check; FileRefused for a file that cannot be read. A kind
    with `check_chunks` gets the rows a chunk at a time as they are parsed (the progress follows each chunk)."""
    if kind.check is None and kind.check_chunks is None:  # export-only: its pages answer 404 before this
        raise PermissionDenied
    reading = open_sheet(content, kind, user=actor)
    if kind.check_chunks is not None:
        checked = kind.check_chunks(actor, _chunks_reported(reading, report))
    else:
        rows = [row for chunk in reading.chunks(report) for row in chunk]
        report(_("Đang kiểm tra dữ liệu với cơ sở dữ liệu"), read=len(rows))
        assert kind.check is not None  # noqa: S101 - one of the two, above
        checked = kind.check(actor, rows) if rows else Checked()
    return _Read(reading.rows, reading.problems + checked.problems, checked)


def _chunks_reported(reading: Reading, report: Progress) -> Iterator[list[Row]]:
    for chunk in reading.chunks():
        report(_("Đang đọc và kiểm tra từng dòng"), read=reading.rows, checked=reading.rows - len(chunk))
        yield chunk
    report(_("Đang kiểm tra dữ liệu với cơ sở dữ liệu"), read=reading.rows, checked=reading.rows)


# How many imports of this process are running inside `_objects_set_aside`, and whether it froze the objects itself.
_set_aside = {"imports": 0, "frozen": False}
_set_aside_lock = threading.Lock()


@contextmanager
def _objects_set_aside() -> Iterator[None]:
    """While a file is read, checked and written, the objects already alive (the application's modules, models,
    caches) are left out of the garbage collector's full collections (`gc.freeze`): a large file's rows come and go by
    the hundred thousand and set off a full collection every few chunks, each walking all those objects again (a sixth
    of a 100.000-row import's time). Nothing is lost: every object goes back at the end of the last import running,
    and a cycle among them is collected by the next full collection, as before. A process that froze its objects
    itself (a server before it forks) is left as it is."""
    with _set_aside_lock:
        if _set_aside["imports"] == 0 and gc.get_freeze_count() == 0:
            gc.freeze()
            _set_aside["frozen"] = True
        _set_aside["imports"] += 1
    try:
        yield
    finally:
        with _set_aside_lock:
            _set_aside["imports"] -= 1
            if _set_aside["imports"] == 0 and _set_aside["frozen"]:
                gc.unfreeze()
                _set_aside["frozen"] = False


@_objects_set_aside()
def import_file(
    *,
    actor: User,
    kind: SheetKind,
    content: bytes,
    filename: str = "",
    confirm: bool = False,
    keep_pending: bool = False,
    job: ImportBatch | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """See the module's docstring. `confirm=True` applies updates of existing rows; `keep_pending=True` stores a file
    that needs confirmation in a pending batch (the upload page's confirm step). `job`: the queued batch a background
    job runs, which becomes the import's batch (kept pending or invalid, or done); `progress(phase, read=, checked=,
    written=)` is told how far the import is."""
    report = progress or _no_progress
    if kind.export_only or not kind.can_import(actor):
        raise PermissionDenied
    try:
        check_container(content, filename)
    except FileRefused as refused:
        return ImportOutcome(status="refused", message=refused.message, code=refused.code)
    digest = sha256_of(content)
    earlier = previous_import(kind, digest)
    if earlier is not None:
        return ImportOutcome(
            status="already",
            code="already_imported",
            message=_("Tệp này đã được nhập lúc %(when)s (%(rows)s dòng); không ghi thêm gì.")
            % {"when": format_datetime(earlier.created_at), "rows": earlier.row_count},
            batch=earlier,
        )
    try:
        report(_("Đang đọc tệp"))
        read = _read_and_check(kind, actor, content, report)
    except FileRefused as refused:
        return ImportOutcome(status="refused", message=refused.message, code=refused.code)
    if not read.rows and not read.problems:
        return ImportOutcome(status="refused", code="empty", message=_("Tệp không có dòng dữ liệu nào (từ dòng 3)."))
    checked = read.checked
    report(_("Đã kiểm tra"), read=read.rows, checked=read.rows)
    problems = sorted(read.problems, key=lambda p: (p.row, _column_order(kind, p.column)))
    if problems:
        texts = [problem_text(kind, problem) for problem in problems]
        kept = None
        if job is not None:
            kept = job
        elif keep_pending:
            kept = _keep(ImportBatch.Status.INVALID, actor, kind, content, digest, filename, read.rows)
        return ImportOutcome(
            status="invalid",
            code="invalid_rows",
            message=_("Tệp có %(n)s lỗi; chưa ghi dòng nào. Sửa các lỗi dưới đây rồi tải lên lại.")
            % {"n": len(problems)},
            problems=problems,
            messages=texts,
            rows=read.rows,
            batch=kept,
        )
    outcome = ImportOutcome(
        status="",
        message="",
        changes=checked.changes,
        created=checked.new,
        updated=len(checked.changes),
        unchanged=checked.unchanged,
        rows=read.rows,
    )
    if checked.changes and not confirm:
        outcome.status = "confirm"
        outcome.code = "needs_confirmation"
        outcome.message = _(
            "Tệp sẽ thêm %(new)s bản ghi mới và sửa %(changed)s bản ghi đã có; xem các thay đổi rồi xác nhận."
        ) % {"new": checked.new, "changed": len(checked.changes)}
        if job is not None:
            outcome.batch = job
        elif keep_pending:
            outcome.batch = _keep(ImportBatch.Status.PENDING, actor, kind, content, digest, filename, read.rows)
        return outcome
    try:
        report(
            _("Đang ghi %(n)s dòng (một giao dịch: xong hết hoặc không ghi gì)") % {"n": read.rows},
            read=read.rows,
            checked=read.rows,
        )
        with transaction.atomic():
            batch = _write(actor, kind, checked, digest=digest, filename=filename, rows=read.rows, job=job)
    except (ValidationError, ConflictError) as error:
        # The data moved between the check and the write (another officer saved first): nothing is kept.
        text = error.message if isinstance(error, ConflictError) else " ".join(error.messages)
        return ImportOutcome(
            status="invalid",
            code="invalid_rows",
            message=_("Không ghi được tệp; chưa ghi dòng nào: %(reason)s") % {"reason": text},
            messages=[text],
            rows=read.rows,
        )
    outcome.status = "imported"
    outcome.batch = batch
    outcome.message = _(
        "Đã nhập %(rows)s dòng: %(new)s bản ghi mới, %(changed)s bản ghi cập nhật, %(same)s không đổi."
    ) % {"rows": read.rows, "new": checked.new, "changed": len(checked.changes), "same": checked.unchanged}
    return outcome


def _keep(
    status: str, actor: User, kind: SheetKind, content: bytes, digest: str, filename: str, rows: int
) -> ImportBatch:
    """A file kept with its content: waiting for its preview to be confirmed, or refused (for the error workbook)."""
    return ImportBatch.objects.create(
        kind=kind.key,
        sha256=digest,
        filename=filename[:255],
        status=status,
        actor=actor,
        agency_id=actor.agency_id,
        row_count=rows,
        content=content,
    )


def _write(
    actor: User,
    kind: SheetKind,
    checked: Checked,
    *,
    digest: str,
    filename: str,
    rows: int,
    job: ImportBatch | None = None,
) -> ImportBatch:
    """The kind's rows, the import log and its one audit event, in the caller's transaction. A background job's
    batch becomes the log (done, its file dropped) in the same transaction."""
    if kind.apply is None:  # export-only: refused above
        raise PermissionDenied
    kind.apply(actor, checked)
    if job is not None:
        batch = job
        batch.status = ImportBatch.Status.DONE
        batch.row_count = rows
        batch.created = checked.new
        batch.updated = len(checked.changes)
        batch.content = None
        batch.rows_read = batch.rows_checked = batch.rows_written = rows
        batch.save(
            update_fields=[
                "status",
                "row_count",
                "created",
                "updated",
                "content",
                "rows_read",
                "rows_checked",
                "rows_written",
            ]
        )
    else:
        batch = ImportBatch.objects.create(
            kind=kind.key,
            sha256=digest,
            filename=filename[:255],
            actor=actor,
            agency_id=actor.agency_id,
            row_count=rows,
            created=checked.new,
            updated=len(checked.changes),
        )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=batch,
        changes={
            "Số dòng": ["", str(rows)],
            "Bản ghi mới": ["", str(checked.new)],
            "Bản ghi cập nhật": ["", str(len(checked.changes))],
        },
        note=_("Nhập Excel “%(label)s” từ tệp %(file)s: %(rows)s dòng.")
        % {"label": kind.label, "file": filename or digest[:12], "rows": rows},
    )
    return batch


def confirm_pending(*, actor: User, kind: SheetKind, batch: ImportBatch) -> ImportOutcome:
    """Apply a file whose preview the officer has confirmed: it is checked again (the data may have moved). A large
    file goes back to the queue, confirmed: the outcome is "queued" with the batch the page follows."""
    if batch.actor_id != actor.pk or batch.status != ImportBatch.Status.PENDING or batch.kind != kind.key:
        raise PermissionDenied
    if batch.row_count > background_rows():
        requeue(batch=batch, confirm=True)
        return ImportOutcome(status="queued", message=_("Đã xếp tệp vào hàng đợi nhập."), batch=batch)
    content = bytes(batch.content or b"")
    outcome = import_file(actor=actor, kind=kind, content=content, filename=batch.filename, confirm=True)
    if outcome.status in ("imported", "already"):
        batch.delete()
    return outcome


def _no_progress(phase: str, **counts: int) -> None:
    pass


# --- large files: the background job ------------------------------------------------------------------------------


def background_rows() -> int:
    """Files with more data rows than this are imported by the worker, with a progress bar."""
    return int(settings.PHOIHOP_IMPORT_BACKGROUND_ROWS)


DIMENSION = re.compile(rb'<dimension ref="[A-Z]+\d+:?[A-Z]*(\d*)"')


def estimated_rows(content: bytes, kind: SheetKind) -> int:
    """The data sheet's number of rows from the dimension its writer declares (read from the first bytes of the sheet,
    without reading the sheet); 0 when the file does not say (it is then imported in the request, as before)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
        names = re.findall(rb'<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"', workbook)
        wanted = next((rid for name, rid in names if name.decode() == kind.sheet_name), None)
        if wanted is None:
            return 0
        target = re.search(
            rb'<Relationship [^>]*Id="' + re.escape(wanted) + rb'"[^>]*Target="([^"]+)"', rels
        ) or re.search(rb'<Relationship [^>]*Target="([^"]+)"[^>]*Id="' + re.escape(wanted) + rb'"', rels)
        if target is None:
            return 0
        path = target[1].decode().lstrip("/")
        path = path if path.startswith("xl/") else f"xl/{path}"
        with archive.open(path) as sheet:
            head = sheet.read(4096)
        found = DIMENSION.search(head)
        if found is None or not found[1]:
            return 0
        return max(0, int(found[1]) - FIRST_DATA_ROW + 1)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, UnicodeDecodeError):
        return 0


def needs_background(content: bytes, kind: SheetKind) -> bool:
    return estimated_rows(content, kind) > background_rows()


@transaction.atomic
def queue_import(
    *, actor: User, kind: SheetKind, content: bytes, filename: str = "", confirm: bool = False
) -> ImportBatch:
    """Keep a large file in a queued batch and hand it to the worker; the page and the API follow the batch. Nothing
    is checked or written here beyond the permission: the job does everything `import_file` does."""
    from phoihop.spreadsheets.tasks import run_import

    if kind.export_only or not kind.can_import(actor):
        raise PermissionDenied
    batch = ImportBatch.objects.create(
        kind=kind.key,
        sha256=sha256_of(content),
        filename=filename[:255],
        status=ImportBatch.Status.QUEUED,
        actor=actor,
        agency_id=actor.agency_id,
        row_count=estimated_rows(content, kind),
        content=content,
        confirmed=confirm,
        phase=str(ImportBatch.Status.QUEUED.label),
    )
    # Enqueued in this transaction: with the database queue the worker sees the task when the batch exists.
    run_import.enqueue(batch.pk)
    batch.refresh_from_db()
    return batch


@transaction.atomic
def requeue(*, batch: ImportBatch, confirm: bool) -> ImportBatch:
    from phoihop.spreadsheets.tasks import run_import

    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.QUEUED,
        confirmed=confirm,
        phase=str(ImportBatch.Status.QUEUED.label),
        rows_read=0,
        rows_checked=0,
        rows_written=0,
        result=None,
        finished_at=None,
    )
    run_import.enqueue(batch.pk)
    batch.refresh_from_db()
    return batch


def purge_kept_files(*, older_than: dt.timedelta | None = None) -> int:
    """Delete the files kept for a confirmation, an error workbook or a job that never ended, once older than
    `PHOIHOP_IMPORT_KEEP_DAYS` (7 days): the batches that only held them go; the import log (done) stays."""
    age = older_than if older_than is not None else dt.timedelta(days=int(settings.PHOIHOP_IMPORT_KEEP_DAYS))
    cutoff = timezone.now() - age
    kept = ImportBatch.objects.filter(created_at__lt=cutoff).exclude(status=ImportBatch.Status.DONE)
    deleted, _by_model = kept.delete()
    return deleted


def problems_of(*, actor: User, kind: SheetKind, content: bytes) -> list[Problem]:
    """Every problem of a kept file, checked again now (for the error workbook)."""
    try:
        return _read_and_check(kind, actor, content, _no_progress).problems
    except FileRefused:
        return []


def _column_order(kind: SheetKind, key: str) -> int:
    keys = [column.key for column in kind.columns]
    return keys.index(key) if key in keys else -1


class _Rehearsed(Exception):
    """Ends a rehearsal: everything it wrote is rolled back."""


def rehearse(
    checked: Checked,
    writes: Iterable[tuple[int, Callable[[], object]]],
    *,
    columns: Iterable[str],
    fields: Mapping[str, str] | None = None,
) -> None:
    """For a kind's `check`: run each row's write (`(row number, the app's service call)`) in one transaction that is
    rolled back, each row in its own savepoint, so that every rule the app's services keep is reported by row before
    anything is written. A refusal lands on the column its error names (`fields` maps a model field to a column key
    where they differ), otherwise on the whole row. The rehearsal's audit events are held and never written."""
    keys = set(columns)
    names = dict(fields or {})
    try:
        with transaction.atomic(), held_events():
            for number, write in writes:
                try:
                    with transaction.atomic():
                        write()
                except ValidationError as error:
                    for column, message in _refusals(error, keys, names):
                        checked.problem(number, column, message)
                except PermissionDenied:
                    checked.problem(number, "", _("anh/chị không có quyền ghi dòng này"))
                except ConflictError as error:
                    checked.problem(number, "", error.message)
            raise _Rehearsed
    except _Rehearsed:
        pass


def _refusals(error: ValidationError, keys: set[str], names: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            yield "", message
        return
    for field_name, errors in error.error_dict.items():
        column = names.get(field_name, field_name)
        for message in ValidationError(errors).messages:
            yield (column if column in keys else ""), message

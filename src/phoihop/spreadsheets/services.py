"""Importing a file: check everything, then write everything in one transaction, or nothing.

`import_file` is the one entry point for the upload page and the API:
1. the file's safety and template (reader.check_container, reader.read_rows) — a FileRefused is answered as such;
2. the same file (SHA-256) already imported for this kind → nothing is written, `already` says when;
3. every cell parsed by its column, then the kind's own `check` against the database (references, natural keys,
   permissions per row): every problem of the whole file is returned at once, and then nothing is written;
4. a file that would change existing rows is not applied until confirmed: the result carries the preview (and, for
   the upload page, a pending batch holding the file until the officer confirms);
5. otherwise the kind's `apply` writes every row in one transaction (through the app's services or their bulk path),
   with one ImportBatch and one audit event ("create" on the batch, the row count in `changes` and `note`)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.audit import held_events, record_event
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction
from phoihop.core.vnformat import format_datetime
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.reader import FileRefused, check_container, read_rows
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


def _check(kind: SheetKind, actor: User, rows: list[Row]) -> Checked:
    if kind.check is None:  # an export-only kind: nothing is imported (its pages answer 404 before this)
        raise PermissionDenied
    return kind.check(actor, rows)


def import_file(
    *,
    actor: User,
    kind: SheetKind,
    content: bytes,
    filename: str = "",
    confirm: bool = False,
    keep_pending: bool = False,
) -> ImportOutcome:
    """See the module's docstring. `confirm=True` applies updates of existing rows; `keep_pending=True` stores a file
    that needs confirmation in a pending batch (the upload page's confirm step)."""
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
        read = read_rows(content, kind, user=actor)
    except FileRefused as refused:
        return ImportOutcome(status="refused", message=refused.message, code=refused.code)
    if not read.rows and not read.problems:
        return ImportOutcome(status="refused", code="empty", message=_("Tệp không có dòng dữ liệu nào (từ dòng 3)."))
    checked = _check(kind, actor, list(read.rows))
    problems = sorted(read.problems + checked.problems, key=lambda p: (p.row, _column_order(kind, p.column)))
    if problems:
        texts = [problem_text(kind, problem) for problem in problems]
        kept = None
        if keep_pending:
            kept = _keep(ImportBatch.Status.INVALID, actor, kind, content, digest, filename, len(read.rows))
        return ImportOutcome(
            status="invalid",
            code="invalid_rows",
            message=_("Tệp có %(n)s lỗi; chưa ghi dòng nào. Sửa các lỗi dưới đây rồi tải lên lại.")
            % {"n": len(problems)},
            problems=problems,
            messages=texts,
            rows=len(read.rows),
            batch=kept,
        )
    outcome = ImportOutcome(
        status="",
        message="",
        changes=checked.changes,
        created=checked.new,
        updated=len(checked.changes),
        unchanged=checked.unchanged,
        rows=len(read.rows),
    )
    if checked.changes and not confirm:
        outcome.status = "confirm"
        outcome.code = "needs_confirmation"
        outcome.message = _(
            "Tệp sẽ thêm %(new)s bản ghi mới và sửa %(changed)s bản ghi đã có; xem các thay đổi rồi xác nhận."
        ) % {"new": checked.new, "changed": len(checked.changes)}
        if keep_pending:
            outcome.batch = _keep(ImportBatch.Status.PENDING, actor, kind, content, digest, filename, len(read.rows))
        return outcome
    try:
        with transaction.atomic():
            batch = _write(actor, kind, checked, digest=digest, filename=filename, rows=len(read.rows))
    except (ValidationError, ConflictError) as error:
        # The data moved between the check and the write (another officer saved first): nothing is kept.
        text = error.message if isinstance(error, ConflictError) else " ".join(error.messages)
        return ImportOutcome(
            status="invalid",
            code="invalid_rows",
            message=_("Không ghi được tệp; chưa ghi dòng nào: %(reason)s") % {"reason": text},
            messages=[text],
            rows=len(read.rows),
        )
    outcome.status = "imported"
    outcome.batch = batch
    outcome.message = _(
        "Đã nhập %(rows)s dòng: %(new)s bản ghi mới, %(changed)s bản ghi cập nhật, %(same)s không đổi."
    ) % {"rows": len(read.rows), "new": checked.new, "changed": len(checked.changes), "same": checked.unchanged}
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


def _write(actor: User, kind: SheetKind, checked: Checked, *, digest: str, filename: str, rows: int) -> ImportBatch:
    """The kind's rows, the import log and its one audit event, in the caller's transaction."""
    if kind.apply is None:  # export-only: refused above
        raise PermissionDenied
    kind.apply(actor, checked)
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
    """Apply a file whose preview the officer has confirmed: it is checked again (the data may have moved)."""
    if batch.actor_id != actor.pk or batch.status != ImportBatch.Status.PENDING or batch.kind != kind.key:
        raise PermissionDenied
    content = bytes(batch.content or b"")
    outcome = import_file(actor=actor, kind=kind, content=content, filename=batch.filename, confirm=True)
    if outcome.status in ("imported", "already"):
        batch.delete()
    return outcome


def problems_of(*, actor: User, kind: SheetKind, content: bytes) -> list[Problem]:
    """Every problem of a kept file, checked again now (for the error workbook)."""
    try:
        read = read_rows(content, kind, user=actor)
    except FileRefused:
        return []
    return read.problems + _check(kind, actor, list(read.rows)).problems


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

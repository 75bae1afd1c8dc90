"""The Excel layer in the API (/api/v1/spreadsheets/): the declared kinds, a kind's template, the export of a list
(the list's own filter parameters), and the import of a file.

POST /imports?kind=<kind>[&confirm=true] with the file as multipart field `file`:
- 200 {"status": "imported", ...counts} — written, one ImportBatch and one audit event;
- 200 {"status": "already_imported"} — the same file (SHA-256) was imported before; nothing written;
- 200 {"status": "needs_confirmation", "changes": [...]} — the file would change existing rows; nothing written
  until it is sent again with `confirm=true`;
- 422 {"message", "code", "fields": {"rows": ["Trang tính …, dòng N, cột …: …", …]}} — every problem at once, nothing
  written; `code` is `invalid_rows`, or for the file as a whole `not_xlsx`, `too_large`, `zip_bomb`, `macros`,
  `external_links`, `wrong_template`, `too_many_rows`, `unreadable`, `empty`;
- 202 {"status": "queued", "batch", "status_url"} — a file of more than PHOIHOP_IMPORT_BACKGROUND_ROWS rows is
  imported by the worker; GET /imports/{batch} answers its progress (rows read, checked, written), then the same
  outcome as above (`fields.rows` for the problems of a refused file)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from phoihop.core.api import ERROR_RESPONSES, api_user
from phoihop.core.views import require_permission
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.reader import limit
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.spreadsheets.services import ImportOutcome, import_file, needs_background, queue_import
from phoihop.spreadsheets.views import kind_or_404, xlsx_response
from phoihop.spreadsheets.workbook import write_workbook

router = Router(tags=["Nhập, xuất Excel"])


class KindOut(Schema):
    key: str
    label: str
    columns: list[dict[str, Any]]


class ChangeOut(Schema):
    row: int
    label: str
    fields: dict[str, list[str]]


class ImportOut(Schema):
    status: str
    message: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    batch: int | None = None
    changes: list[ChangeOut] = []


class JobOut(Schema):
    status: str
    batch: int
    status_url: str
    phase: str = ""
    percent: int = 0
    rows: int = 0
    rows_read: int = 0
    rows_checked: int = 0
    rows_written: int = 0
    message: str = ""
    code: str = ""
    problems: list[str] = []
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changes: list[ChangeOut] = []


@router.get("/kinds", response=list[KindOut], summary="Các loại dữ liệu nhập, xuất được bằng Excel")
def kinds(request: HttpRequest) -> Any:
    user = api_user(request)
    return [
        {
            "key": kind.key,
            "label": kind.label,
            "columns": [
                {"key": c.key, "header": c.header, "type": c.type, "required": c.required} for c in kind.columns
            ],
        }
        for kind in spreadsheets
        if kind.can_export(user) or kind.can_import(user)
    ]


@router.get("/templates/{kind}", summary="Mẫu Excel của một loại dữ liệu", response={200: None, **ERROR_RESPONSES})
def template(request: HttpRequest, kind: str) -> Any:
    user = api_user(request)
    sheet = kind_or_404(kind, imports=True)
    require_permission(sheet.can_export(user) or sheet.can_import(user))
    return xlsx_response(write_workbook(sheet, user=user, template=True), f"mau-{sheet.file_stem}.xlsx")


@router.get(
    "/exports/{kind}",
    summary="Xuất Excel (các tham số lọc như danh sách tương ứng)",
    response={200: None, **ERROR_RESPONSES},
)
def export(request: HttpRequest, kind: str) -> Any:
    user = api_user(request)
    sheet = kind_or_404(kind)
    require_permission(sheet.can_export(user))
    params = request.GET.copy()
    params.pop("page", None)
    content = write_workbook(sheet, user=user, rows=sheet.export_rows(user, params))
    return xlsx_response(content, f"{sheet.file_stem}.xlsx", no_store=True)


def _job_out(request: HttpRequest, batch: ImportBatch) -> dict[str, Any]:
    url = request.build_absolute_uri(reverse("api:spreadsheets_import_job", kwargs={"batch_id": batch.pk}))
    out: dict[str, Any] = {
        "status": "stalled" if batch.is_stalled else batch.status,
        "batch": batch.pk,
        "status_url": url,
        "phase": batch.phase,
        "percent": batch.percent,
        "rows": batch.row_count,
        "rows_read": batch.rows_read,
        "rows_checked": batch.rows_checked,
        "rows_written": batch.rows_written,
    }
    if (batch.result is not None or batch.status == ImportBatch.Status.DONE) and not batch.is_running:
        outcome = ImportOutcome.from_batch(batch)
        status = {"already": "already_imported", "confirm": "needs_confirmation"}.get(outcome.status, outcome.status)
        imported = outcome.status == "imported"
        out.update(
            status=status,
            message=outcome.message,
            code=outcome.code,
            problems=outcome.messages if outcome.status == "invalid" else [],
            created=outcome.created if imported else 0,
            updated=outcome.updated if imported else 0,
            unchanged=outcome.unchanged if imported else 0,
            changes=[
                {"row": c.row, "label": c.label, "fields": {k: list(v) for k, v in c.fields.items()}}
                for c in outcome.changes
            ]
            if outcome.status == "confirm"
            else [],
        )
    return out


@router.get(
    "/imports/{batch_id}",
    response={200: JobOut, **ERROR_RESPONSES},
    url_name="spreadsheets_import_job",
    summary="Tiến độ và kết quả một lần nhập tệp lớn",
)
def import_job(request: HttpRequest, batch_id: int) -> Any:
    user = api_user(request)
    batch = get_object_or_404(ImportBatch, pk=batch_id, actor=user)
    sheet = kind_or_404(batch.kind, imports=True)
    require_permission(sheet.can_import(user))
    return _job_out(request, batch)


@router.post("/imports", response={200: ImportOut, 202: JobOut, **ERROR_RESPONSES}, summary="Nhập một tệp Excel")
def import_(request: HttpRequest, kind: str, confirm: bool = False, file: UploadedFile = File(...)) -> Any:  # noqa: B008
    user = api_user(request)
    sheet = kind_or_404(kind, imports=True)
    require_permission(sheet.can_import(user))
    if file.size and file.size > limit("SPREADSHEET_MAX_BYTES", 20 * 1024 * 1024):
        raise ValidationError("Tệp quá lớn.", code="too_large")
    content = file.read()
    if needs_background(content, sheet):
        batch = queue_import(actor=user, kind=sheet, content=content, filename=file.name or "", confirm=confirm)
        return Status(202, _job_out(request, batch))
    outcome = import_file(actor=user, kind=sheet, content=content, filename=file.name or "", confirm=confirm)
    if outcome.status == "invalid":
        raise ValidationError({"rows": [ValidationError(text, code="invalid_rows") for text in outcome.messages]})
    if outcome.status == "refused":
        raise ValidationError(outcome.message, code=outcome.code)
    status = {"already": "already_imported", "confirm": "needs_confirmation"}.get(outcome.status, outcome.status)
    return {
        "status": status,
        "message": outcome.message,
        "rows": outcome.rows,
        "created": outcome.created if outcome.status == "imported" else 0,
        "updated": outcome.updated if outcome.status == "imported" else 0,
        "unchanged": outcome.unchanged if outcome.status == "imported" else 0,
        "batch": outcome.batch.pk if outcome.batch is not None and outcome.status == "imported" else None,
        "changes": [
            {"row": c.row, "label": c.label, "fields": {k: list(v) for k, v in c.fields.items()}}
            for c in outcome.changes
        ]
        if outcome.status == "confirm"
        else [],
    }

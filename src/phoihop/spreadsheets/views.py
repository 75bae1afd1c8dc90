"""Pages of the Excel layer: a kind's template, the export of a list page's current filter, and the upload page
(htmx: the result — every problem, the preview of changes or the success — replaces the form's result area). A large
file is imported by the worker: the result area shows its progress bar, polled every second, until the same result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from phoihop.core.views import require_permission, user_of
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.reader import limit
from phoihop.spreadsheets.registry import SheetKind, spreadsheets
from phoihop.spreadsheets.services import (
    ImportOutcome,
    confirm_pending,
    import_file,
    needs_background,
    problem_text,
    problems_of,
    queue_import,
)
from phoihop.spreadsheets.workbook import XLSX_CONTENT_TYPE, error_workbook, write_workbook

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def kind_or_404(key: str, *, imports: bool = False) -> SheetKind:
    """`imports=True`: the template and import pages, which an export-only kind does not have."""
    kind = spreadsheets.get(key)
    if kind is None or (imports and kind.export_only):
        raise Http404
    return kind


def xlsx_response(content: bytes, filename: str, *, no_store: bool = False) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if no_store:
        # An export is what the user may read now (personal data included, for a case handler): no cache keeps it.
        add_never_cache_headers(response)
    return response


@login_required
@require_GET
def template_download(request: HttpRequest, kind: str) -> HttpResponse:
    sheet = kind_or_404(kind, imports=True)
    user = user_of(request)
    require_permission(sheet.can_export(user) or sheet.can_import(user))
    return xlsx_response(write_workbook(sheet, user=user, template=True), f"mau-{sheet.file_stem}.xlsx")


@login_required
@require_GET
def export(request: HttpRequest, kind: str) -> HttpResponse:
    """What the list page shows with its current filter (the same query string), every row, not one page."""
    sheet = kind_or_404(kind)
    user = user_of(request)
    require_permission(sheet.can_export(user))
    params = request.GET.copy()
    params.pop("page", None)
    content = write_workbook(sheet, user=user, rows=sheet.export_rows(user, params))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return xlsx_response(content, f"{sheet.file_stem}-{stamp}.xlsx", no_store=True)


def _list_url(sheet: SheetKind) -> str:
    try:
        return reverse(sheet.list_url_name) if sheet.list_url_name else ""
    except NoReverseMatch:
        return ""


def _page(sheet: SheetKind) -> dict[str, object]:
    return {
        "kind": sheet,
        "list_url": _list_url(sheet),
        "max_mb": round(limit("SPREADSHEET_MAX_BYTES", 20 * 1024 * 1024) / 1048576),
        "max_rows": limit("SPREADSHEET_MAX_ROWS", 200_000),
    }


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, kind: str) -> HttpResponse:
    sheet = kind_or_404(kind, imports=True)
    user = user_of(request)
    require_permission(sheet.can_import(user))
    context = _page(sheet)
    if request.method == "GET":
        return render(request, "spreadsheets/upload.html", context)
    uploaded = request.FILES.get("file")
    if uploaded is None:
        outcome_context = {"refused": "Hãy chọn một tệp Excel .xlsx để tải lên."}
        return render(
            request, "spreadsheets/upload.html#result", {**context, **outcome_context}, status=_status(request, 422)
        )
    if uploaded.size and uploaded.size > limit("SPREADSHEET_MAX_BYTES", 20 * 1024 * 1024):
        # Refused on its size alone, without reading it.
        outcome = ImportOutcome(
            status="refused", code="too_large", message=f"Tệp quá lớn; tối đa {context['max_mb']} MB."
        )
    else:
        content = uploaded.read()
        if needs_background(content, sheet):
            batch = queue_import(actor=user, kind=sheet, content=content, filename=uploaded.name or "")
            return _job(request, context, batch)
        outcome = import_file(actor=user, kind=sheet, content=content, filename=uploaded.name or "", keep_pending=True)
    return _result(request, context, outcome)


@login_required
@require_GET
def job(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """A large file's import: its progress while the worker runs it, then its result (what the page polls)."""
    sheet = kind_or_404(kind, imports=True)
    user = user_of(request)
    require_permission(sheet.can_import(user))
    batch = get_object_or_404(ImportBatch, pk=pk, actor=user, kind=sheet.key)
    return _job(request, _page(sheet), batch)


def _job(request: HttpRequest, context: dict[str, object], batch: ImportBatch) -> HttpResponse:
    if batch.is_running or batch.is_stalled or (batch.result is None and batch.status != ImportBatch.Status.DONE):
        template = (
            "spreadsheets/upload.html#result" if request.headers.get("HX-Request") else "spreadsheets/upload.html"
        )
        return render(request, template, {**context, "job": batch}, status=202 if batch.is_running else 200)
    return _result(request, context, ImportOutcome.from_batch(batch))


def _kept(request: HttpRequest, kind: str, pk: int, status: str) -> tuple[SheetKind, User, ImportBatch]:
    """A file the signed-in officer uploaded and the system kept (pending its confirmation, or refused)."""
    sheet = kind_or_404(kind, imports=True)
    user = user_of(request)
    require_permission(sheet.can_import(user))
    return sheet, user, get_object_or_404(ImportBatch, pk=pk, actor=user, status=status, kind=sheet.key)


@login_required
@require_POST
def confirm(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    sheet, user, batch = _kept(request, kind, pk, ImportBatch.Status.PENDING)
    outcome = confirm_pending(actor=user, kind=sheet, batch=batch)
    context = _page(sheet)
    if outcome.status == "queued" and outcome.batch is not None:
        return _job(request, context, outcome.batch)
    return _result(request, context, outcome)


@login_required
@require_GET
def errors(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """The officer's refused file back with its problem cells filled red and a column of messages."""
    sheet, user, batch = _kept(request, kind, pk, ImportBatch.Status.INVALID)
    content = bytes(batch.content or b"")
    problems = problems_of(actor=user, kind=sheet, content=content)
    workbook = error_workbook(sheet, content, problems, lambda problem: problem_text(sheet, problem))
    return xlsx_response(workbook, f"loi-{sheet.file_stem}.xlsx")


def _status(request: HttpRequest, status: int) -> int:
    # htmx swaps only 2xx answers; a plain form post gets the real status.
    return 200 if request.headers.get("HX-Request") else status


def _result(request: HttpRequest, context: dict[str, object], outcome: ImportOutcome) -> HttpResponse:
    status = 200 if outcome.status in ("imported", "already", "confirm") else 422
    template = "spreadsheets/upload.html#result" if request.headers.get("HX-Request") else "spreadsheets/upload.html"
    return render(request, template, {**context, "outcome": outcome}, status=_status(request, status))

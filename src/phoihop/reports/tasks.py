"""Rendering a report in the background (django-tasks): build the data, draw the document, convert it if asked, and
store the file in the storage backend. The job row carries the phase and percentage the page polls."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from phoihop.reports.choices import JobStatus, RenderFormat
from phoihop.reports.models import RenderJob

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from phoihop.reports.models import Report

Progress = Callable[[str, int], None]


def _progress(job_id: int) -> Progress:
    def update(phase: str, percent: int) -> None:
        # Progress is bookkeeping of a running job, not a change anyone makes: no audit event, no version.
        RenderJob.objects.filter(pk=job_id).update(phase=phase, percent=percent, status=JobStatus.RUNNING)

    return update


def render_bytes(report: Report, fmt: str, *, progress: Progress | None = None) -> bytes:
    """The report in one format. Raises PdfError or SpecError (Vietnamese message) when it cannot."""
    from phoihop.reports.builders import build_report_data
    from phoihop.reports.pdf import convert_to_pdf
    from phoihop.reports.rendering import render_docx, render_html

    # Word and PDF print no figure's source rows: only the HTML document lists them.
    data = build_report_data(report, progress=progress, with_provenance=fmt == RenderFormat.HTML)
    if progress:
        progress("Đang dựng văn bản", 60)
    if fmt == RenderFormat.HTML:
        return render_html(data)
    docx = render_docx(data)
    if fmt == RenderFormat.PDF:
        if progress:
            progress("Đang chuyển sang PDF bằng LibreOffice", 75)
        return convert_to_pdf(docx)
    return docx


def filename_for(report: Report, fmt: str) -> str:
    state = "chinh-thuc" if report.is_final else "du-thao"
    return f"bao-cao-lien-tich-{report.plan.year}-{state}.{fmt}"


def run_render_job(job_id: int) -> None:
    job = RenderJob.objects.select_related("report", "report__plan").get(pk=job_id)
    update = _progress(job_id)
    update("Bắt đầu", 5)
    try:
        content = render_bytes(job.report, job.format, progress=update)
        update("Đang lưu tệp", 90)
        name = filename_for(job.report, job.format)
        # The whole file is in memory before it reaches the storage: no half-written file is ever visible.
        job.file.save(name, ContentFile(content), save=False)
    except Exception as exc:
        # The traceback goes to the log (reports hold aggregates only, no personal data); the user gets a sentence.
        logger.exception("Render job %s (%s) failed", job_id, job.format)
        message = getattr(exc, "message", "") or (
            "Không xuất được báo cáo do lỗi hệ thống; anh/chị hãy thử lại hoặc báo quản trị hệ thống."
        )
        RenderJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, phase="Lỗi", message=message, finished_at=timezone.now()
        )
        return
    RenderJob.objects.filter(pk=job_id).update(
        status=JobStatus.DONE,
        phase="Hoàn thành",
        percent=100,
        file=job.file.name,
        filename=name,
        message="",
        finished_at=timezone.now(),
    )


@task()
def render_report_job(job_id: int) -> None:
    run_render_job(job_id)

"""The workflow (confirm, sign off, freeze, reopen) and the rendering jobs."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.audit import record_event
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction
from phoihop.core.services import update_record
from phoihop.core.text import nfc
from phoihop.reports import permissions
from phoihop.reports.choices import JobStatus, RenderFormat, ReportStatus
from phoihop.reports.models import RenderJob, Report, ReportIssuer
from phoihop.reports.services.common import require

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@transaction.atomic
def confirm_part(*, actor: User, issuer: ReportIssuer, expected_version: int) -> ReportIssuer:
    """The body confirms its part; when every body has, the report waits for the leaders' sign-off."""
    issuer = ReportIssuer.objects.select_related("report", "agency").get(pk=issuer.pk)
    require(permissions.can_confirm(actor, issuer))
    if issuer.is_confirmed:
        raise ValidationError(_("%(body)s đã xác nhận phần của mình.") % {"body": issuer.agency.name}, code="already")
    issuer = update_record(
        actor=actor,
        instance=issuer,
        data={"confirmed_by": actor, "confirmed_at": timezone.now()},
        expected_version=expected_version,
    )
    report = issuer.report
    if not report.issuers.filter(confirmed_at__isnull=True).exists():
        update_record(
            actor=actor, instance=report, data={"status": ReportStatus.CONFIRMED}, expected_version=report.version
        )
    return issuer


@transaction.atomic
def withdraw_confirmation(*, actor: User, issuer: ReportIssuer, expected_version: int) -> ReportIssuer:
    issuer = ReportIssuer.objects.select_related("report", "agency").get(pk=issuer.pk)
    require(permissions.can_confirm(actor, issuer))
    if not issuer.is_confirmed:
        raise ValidationError(_("%(body)s chưa xác nhận.") % {"body": issuer.agency.name}, code="not_confirmed")
    return update_record(
        actor=actor,
        instance=issuer,
        data={"confirmed_by": None, "confirmed_at": None},
        expected_version=expected_version,
    )


@transaction.atomic
def sign_off(*, actor: User, issuer: ReportIssuer, expected_version: int) -> ReportIssuer:
    """A leader signs off the body's part after the checker finds no error; the last sign-off makes it final."""
    from phoihop.reports.checker import check_report

    issuer = ReportIssuer.objects.select_related("report", "agency").get(pk=issuer.pk)
    require(permissions.can_sign_off(actor, issuer))
    if issuer.is_signed_off:
        raise ValidationError(_("%(body)s đã ký duyệt.") % {"body": issuer.agency.name}, code="already")
    report = issuer.report
    errors = [finding for finding in check_report(report) if finding.is_error]
    if errors:
        raise ValidationError(
            _("Còn %(n)s lỗi cần sửa trước khi ký: %(first)s")
            % {"n": len(errors), "first": " ".join(f"{f.where}: {f.message}" for f in errors[:3])},
            code="checker_errors",
        )
    issuer = update_record(
        actor=actor,
        instance=issuer,
        data={"signed_off_by": actor, "signed_off_at": timezone.now()},
        expected_version=expected_version,
    )
    if not report.issuers.filter(signed_off_at__isnull=True).exists():
        _finalise(actor=actor, report=report)
    return issuer


def _finalise(*, actor: User, report: Report) -> Report:
    """Freeze the numbers: the computed data goes into the snapshot; the report is final. Only the last sign-off
    calls it, inside sign_off's transaction and after its permission check and checker: it is not a door of its
    own. By the data policy the
    snapshot counts approved reported values only (the checker has already refused a report using others)."""
    from phoihop.reports.builders import build_report_data

    report = Report.objects.get(pk=report.pk)
    data = build_report_data(report, approved_only=True)
    data = dataclasses.replace(data, status=ReportStatus.FINAL, draft=False)
    return update_record(
        actor=actor,
        instance=report,
        data={"status": ReportStatus.FINAL, "snapshot": data.to_json(), "finalised_at": timezone.now()},
        expected_version=report.version,
        note=_("Báo cáo đã được các cơ quan ký duyệt; số liệu được chốt."),
    )


@transaction.atomic
def reopen(*, actor: User, report: Report, expected_version: int, reason: str = "") -> Report:
    """Back to draft before every leader has signed: confirmations and sign-offs are cleared."""
    require(permissions.can_reopen(actor, report))
    for issuer in report.issuers.all():
        if issuer.is_confirmed or issuer.is_signed_off:
            update_record(
                actor=actor,
                instance=issuer,
                data={"confirmed_by": None, "confirmed_at": None, "signed_off_by": None, "signed_off_at": None},
                expected_version=issuer.version,
            )
    return update_record(
        actor=actor,
        instance=report,
        data={"status": ReportStatus.DRAFT},
        expected_version=expected_version,
        note=nfc(reason).strip(),
    )


# --- Rendering --------------------------------------------------------------------------------------------------


@transaction.atomic
def request_render(*, actor: User, report: Report, format: str) -> RenderJob:
    """Queue a rendering of the report; the page follows the job's progress. A PDF needs LibreOffice on the server:
    without it the request is refused at once with a message saying so."""
    from phoihop.reports.pdf import pdf_available
    from phoihop.reports.tasks import render_report_job

    require(permissions.can_render(actor, report))
    if format not in RenderFormat.values:
        raise field_error("format", _("Định dạng “%(f)s” không có (docx, pdf, html).") % {"f": format}, "bad_format")
    if format == RenderFormat.PDF and not pdf_available():
        raise field_error(
            "format",
            _(
                "Máy chủ chưa cài LibreOffice (lệnh soffice) nên chưa xuất được bản PDF. Anh/chị hãy tải bản Word "
                "(.docx) hoặc đề nghị quản trị hệ thống cài gói libreoffice-writer-nogui."
            ),
            "soffice_missing",
        )
    job = RenderJob(report=report, format=format, requested_by=actor, phase=str(JobStatus.QUEUED.label))
    job.full_clean()
    job.save()
    record_event(actor=actor, action=AuditAction.CREATE, obj=job, note=_("Yêu cầu xuất báo cáo."))
    # Enqueued in this transaction: with the database queue the worker sees the task when the job row exists.
    render_report_job.enqueue(job.pk)
    job.refresh_from_db()
    return job

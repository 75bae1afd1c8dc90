"""One step of an approval workflow (core.services.move_status), as labour reports and period approvals take it: the
step moves the status and the version once, with one audit event; a status the step does not leave is refused by
name; a stale version, or a record another leader moved after it was read, is a conflict that writes nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy

from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.core.services import Transition, move_status
from phoihop.workforce.choices import ReportStatus
from phoihop.workforce.models import LabourReport
from tests.workforce.factories import LabourReportFactory

pytestmark = pytest.mark.django_db

RETURN = Transition(
    frozenset({ReportStatus.SUBMITTED}),
    ReportStatus.RETURNED,
    AuditAction.RETURN,
    gettext_lazy("Chỉ trả lại được báo cáo đã gửi; báo cáo đang ở trạng thái “%(status)s”."),
    keeps_reason=True,
)


def _move(report: LabourReport, actor, **options):  # type: ignore[no-untyped-def]
    options.setdefault("expected_version", report.version)
    return move_status(
        actor=actor,
        record=report,
        step=RETURN,
        labels=ReportStatus,
        reason="Thiếu số lao động nữ",
        reason_field="return_reason",
        **options,
    )


def test_a_step_moves_the_status_once_with_its_reason_and_one_event(officer) -> None:  # type: ignore[no-untyped-def]
    report = LabourReportFactory(status=ReportStatus.SUBMITTED)
    moved = _move(report, officer)
    stored = LabourReport.objects.get(pk=report.pk)
    assert (stored.status, stored.version, stored.return_reason) == ("returned", 2, "Thiếu số lao động nữ")
    assert moved.version == 2
    event = AuditEvent.objects.get(object_id=str(report.pk), action=AuditAction.RETURN)
    assert event.changes == {
        "status": ["Đã gửi duyệt", "Bị trả lại"],
        "return_reason": ["", "Thiếu số lao động nữ"],
    }
    assert event.note == "Thiếu số lao động nữ"


def test_a_status_the_step_does_not_leave_is_refused_by_its_name(officer) -> None:  # type: ignore[no-untyped-def]
    report = LabourReportFactory(status=ReportStatus.DRAFT)
    with pytest.raises(ValidationError) as refused:
        _move(report, officer)
    assert refused.value.code == "invalid_transition"
    assert refused.value.messages == ["Chỉ trả lại được báo cáo đã gửi; báo cáo đang ở trạng thái “Đang nhập”."]
    assert LabourReport.objects.get(pk=report.pk).version == 1
    assert not AuditEvent.objects.filter(action=AuditAction.RETURN).exists()


def test_a_stale_version_or_a_record_moved_meanwhile_is_a_conflict(officer) -> None:  # type: ignore[no-untyped-def]
    report = LabourReportFactory(status=ReportStatus.SUBMITTED)
    with pytest.raises(ConflictError):
        _move(report, officer, expected_version=report.version + 1)
    # Another leader approves it between our read and our write: the guarded UPDATE finds no row.
    LabourReport.objects.filter(pk=report.pk).update(status=ReportStatus.APPROVED, version=F("version") + 1)
    with pytest.raises(ConflictError):
        _move(report, officer)
    stored = LabourReport.objects.get(pk=report.pk)
    assert (stored.status, stored.version, stored.return_reason) == ("approved", 2, "")
    assert not AuditEvent.objects.filter(action=AuditAction.RETURN).exists()

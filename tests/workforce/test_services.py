"""Labour report services: every rule with its code, one audit event per change, the conflict on a stale version,
the approval workflow and the warnings it drives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.workforce import services
from phoihop.workforce.choices import ReportStatus, WarningStatus
from phoihop.workforce.models import LabourReport, Warning
from tests.directory.factories import EnterpriseFactory
from tests.workforce.factories import region_one
from tests.workforce.helpers import report_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(agency):  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(owner_agency=agency, name="Công ty TNHH Điện tử Hải Long Vina")
    region_one(enterprise.zone)
    return enterprise


@pytest.fixture
def leader(agency, make_user):  # type: ignore[no-untyped-def]
    return make_user(Role.LEADER, agency, username="leader")


def _codes(error: ValidationError) -> set[str]:
    return (
        {e.code for errors in error.error_dict.values() for e in errors}
        if hasattr(error, "error_dict")
        else {e.code for e in error.error_list}
    )


def test_create_records_one_event_and_computes_the_period_end(officer, enterprise) -> None:  # type: ignore[no-untyped-def]
    report = services.create_report(actor=officer, data=report_data(enterprise))
    assert report.period_end == dt.date(2023, 3, 31)
    assert report.owner_agency == officer.agency
    assert report.status == ReportStatus.DRAFT
    assert AuditEvent.objects.filter(object_id=str(report.pk), action=AuditAction.CREATE).count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"women": 900}, "women", "women_exceed"),
        ({"union_members": 801}, "union_members", "members_exceed"),
        ({"other_province": 700, "foreign_workers": 101}, "other_province", "migrants_exceed"),
        ({"lowest_wage": -1}, "lowest_wage", "negative"),
        ({"meal_value": 22}, "meal_value", "meal_not_dong"),
        ({"period_start": dt.date(2023, 3, 15)}, "period_start", "period_misaligned"),
        ({"report_type": "semiannual", "period_start": dt.date(2023, 3, 1)}, "period_start", "period_misaligned"),
        ({"overtime_avg_hours": 30, "overtime_max_hours": 20}, "overtime_avg_hours", "overtime_avg_exceeds_max"),
        (
            {"has_collective_agreement": False, "agreement_expires_on": dt.date(2024, 1, 1)},
            "agreement_expires_on",
            "expiry_without_agreement",
        ),
    ],
)
def test_rules_refuse_with_a_vietnamese_message(officer, enterprise, changes, field, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        services.create_report(actor=officer, data=report_data(enterprise, **changes))
    assert field in caught.value.error_dict
    assert code in _codes(caught.value)
    assert LabourReport.objects.count() == 0
    assert not AuditEvent.objects.filter(object_type="workforce.labourreport").exists()


def test_a_second_report_for_the_same_enterprise_type_and_period_is_a_clear_conflict(officer, enterprise) -> None:  # type: ignore[no-untyped-def]
    services.create_report(actor=officer, data=report_data(enterprise))
    with pytest.raises(ValidationError) as caught:
        services.create_report(actor=officer, data=report_data(enterprise, headcount=900))
    assert _codes(caught.value) == {"duplicate_report"}
    assert "đã có báo cáo" in caught.value.messages[0]
    # Another type for the same month is a different report.
    services.create_report(
        actor=officer, data=report_data(enterprise, report_type="annual", period_start=dt.date(2023, 1, 1))
    )
    assert LabourReport.objects.count() == 2


def test_update_with_a_stale_version_is_a_conflict(officer, enterprise) -> None:  # type: ignore[no-untyped-def]
    report = services.create_report(actor=officer, data=report_data(enterprise))
    services.update_report(actor=officer, report=report, data={"headcount": 810}, expected_version=1)
    with pytest.raises(ConflictError):
        services.update_report(actor=officer, report=report, data={"headcount": 820}, expected_version=1)
    assert LabourReport.objects.get().headcount == 810


def test_workflow_submit_approve_return_and_locks(officer, leader, enterprise) -> None:  # type: ignore[no-untyped-def]
    report = services.create_report(actor=officer, data=report_data(enterprise))
    with pytest.raises(ValidationError) as caught:
        services.approve_report(actor=leader, report=report, expected_version=report.version)
    assert _codes(caught.value) == {"invalid_transition"}
    report = services.submit_report(actor=officer, report=report, expected_version=report.version)
    with pytest.raises(PermissionDenied):  # an officer does not approve
        services.approve_report(actor=officer, report=report, expected_version=report.version)
    report = services.approve_report(actor=leader, report=report, expected_version=report.version)
    assert report.status == ReportStatus.APPROVED
    with pytest.raises(ValidationError) as caught:
        services.update_report(actor=officer, report=report, data={"headcount": 1}, expected_version=report.version)
    assert _codes(caught.value) == {"not_editable"}
    with pytest.raises(ValidationError) as caught:
        services.return_report(actor=leader, report=report, expected_version=report.version, reason=" ")
    assert _codes(caught.value) == {"reason_required"}
    report = services.return_report(actor=leader, report=report, expected_version=report.version, reason="Sai số nữ")
    assert report.status == ReportStatus.RETURNED
    actions = list(
        AuditEvent.objects.filter(object_id=str(report.pk), object_type="workforce.labourreport")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [AuditAction.CREATE, AuditAction.SUBMIT, AuditAction.APPROVE, AuditAction.RETURN]


def test_another_body_cannot_write(other_agency, make_user, officer, enterprise) -> None:  # type: ignore[no-untyped-def]
    report = services.create_report(actor=officer, data=report_data(enterprise))
    stranger = make_user(Role.LEADER, other_agency, username="stranger")
    with pytest.raises(PermissionDenied):
        services.update_report(actor=stranger, report=report, data={"headcount": 1}, expected_version=1)
    with pytest.raises(PermissionDenied):
        services.submit_report(actor=stranger, report=report, expected_version=1)
    assert LabourReport.objects.get().headcount == 800


def test_lowest_wage_below_the_minimum_in_force_opens_and_a_later_report_closes(officer, leader, enterprise) -> None:  # type: ignore[no-untyped-def]
    # March 2023, region I: NĐ 38/2022 applies, 4.680.000đ.
    low = services.create_report(actor=officer, data=report_data(enterprise, lowest_wage=4_500_000))
    low = services.submit_report(actor=officer, report=low, expected_version=low.version)
    services.approve_report(actor=leader, report=low, expected_version=low.version)
    warning = Warning.objects.get(rule__code="wage_below_minimum")
    assert warning.status == WarningStatus.OPEN
    assert "thấp hơn mức tối thiểu vùng I 4.680.000đ/tháng (Nghị định số 38/2022/NĐ-CP)" in warning.summary
    assert [row.labour_report_id for row in warning.evidence.all()] == [low.pk]
    fixed = services.create_report(
        actor=officer, data=report_data(enterprise, period_start=dt.date(2023, 4, 1), lowest_wage=4_700_000)
    )
    fixed = services.submit_report(actor=officer, report=fixed, expected_version=fixed.version)
    services.approve_report(actor=leader, report=fixed, expected_version=fixed.version)
    warning.refresh_from_db()
    assert warning.status == WarningStatus.CLOSED
    assert [event.action for event in warning.events.all()] == ["opened", "closed"]


def test_the_amount_in_force_follows_the_period(officer, leader, enterprise) -> None:  # type: ignore[no-untyped-def]
    # 4.700.000đ is above NĐ 38/2022's 4.680.000đ but below NĐ 74/2024's 4.960.000đ (from 01/7/2024).
    for start in (dt.date(2024, 6, 1), dt.date(2024, 7, 1)):
        report = services.create_report(
            actor=officer, data=report_data(enterprise, period_start=start, lowest_wage=4_700_000)
        )
        report = services.submit_report(actor=officer, report=report, expected_version=report.version)
        services.approve_report(actor=leader, report=report, expected_version=report.version)
        holding = Warning.objects.filter(rule__code="wage_below_minimum", status="open").exists()
        assert holding == (start.month == 7)

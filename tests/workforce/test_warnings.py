"""The early-warning rules, each from its own records, and the work on a warning by a named body."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.workforce.choices import ReportStatus, ReportType
from phoihop.workforce.models import Warning, WarningRule
from phoihop.workforce.services import acknowledge_warning, add_warning_note, evaluate_warnings, update_rule
from tests.directory.factories import EnterpriseFactory
from tests.workforce.factories import IncidentFactory, LabourReportFactory, region_one

pytestmark = pytest.mark.django_db

# Statements per evaluation (eight rules): reading the facts and each rule's live warnings, then per rule that changed
# something its bulk writes and one audit event (PostgreSQL also takes the audit chain's lock once per event).
QUERIES = {"sqlite": (58, 22, 60), "postgresql": (64, 22, 66)}


def _approved(enterprise, **fields):  # type: ignore[no-untyped-def]
    return LabourReportFactory(
        enterprise=enterprise, owner_agency=enterprise.owner_agency, status=ReportStatus.APPROVED, **fields
    )


def _open(enterprise) -> set[str]:  # type: ignore[no-untyped-def]
    return set(
        Warning.objects.filter(enterprise=enterprise).exclude(status="closed").values_list("rule__code", flat=True)
    )


def test_each_rule_holds_from_the_latest_approved_report() -> None:
    enterprise = EnterpriseFactory()
    region_one(enterprise.zone)
    _approved(
        enterprise,
        headcount=300,
        lowest_wage=4_000_000,
        si_arrears_months=3,
        overtime_max_hours=52,
        overtime_avg_hours=20,
        has_collective_agreement=False,
        last_workers_conference=dt.date(2021, 12, 1),
    )
    evaluate_warnings()
    assert _open(enterprise) == {"wage_below_minimum", "si_arrears", "overtime_cap", "agreement", "no_conference"}


def test_a_draft_report_raises_nothing_and_thresholds_are_data(officer) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory()
    LabourReportFactory(enterprise=enterprise, si_arrears_months=5)  # a draft
    evaluate_warnings()
    assert _open(enterprise) == set()
    _approved(enterprise, period_start=dt.date(2023, 4, 1), period_end=dt.date(2023, 4, 30), si_arrears_months=2)
    evaluate_warnings()
    assert _open(enterprise) == set()
    secretariat = type(officer).objects.create(username="tk", role=Role.SECRETARIAT, agency=officer.agency)
    rule = WarningRule.objects.get(code="si_arrears")
    update_rule(actor=secretariat, rule=rule, data={"params": {"months": 2}}, expected_version=rule.version)
    assert _open(enterprise) == {"si_arrears"}
    with pytest.raises(PermissionDenied):
        update_rule(actor=officer, rule=rule, data={"is_active": False}, expected_version=rule.version + 1)


def test_headcount_falling_by_more_than_a_fifth_between_reports() -> None:
    enterprise = EnterpriseFactory()
    _approved(
        enterprise,
        report_type=ReportType.SEMIANNUAL,
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 6, 30),
        headcount=1000,
        women=10,
    )
    _approved(
        enterprise,
        report_type=ReportType.SEMIANNUAL,
        period_start=dt.date(2023, 7, 1),
        period_end=dt.date(2023, 12, 31),
        headcount=790,
        women=10,
    )
    evaluate_warnings()
    warning = Warning.objects.get(enterprise=enterprise, rule__code="headcount_drop")
    assert "giảm 21%" in warning.summary
    assert warning.evidence.count() == 2


def test_two_incidents_in_six_months() -> None:
    enterprise = EnterpriseFactory()
    IncidentFactory(enterprise=enterprise, started_on=dt.date(2023, 1, 10))
    evaluate_warnings()
    assert "repeated_incidents" not in _open(enterprise)
    IncidentFactory(enterprise=enterprise, started_on=dt.date(2023, 6, 20))
    evaluate_warnings()
    assert "repeated_incidents" in _open(enterprise)


def test_a_body_takes_a_warning_up_and_only_it_works_it(officer, other_agency, make_user) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory()
    _approved(enterprise, si_arrears_months=6)
    evaluate_warnings()
    warning = Warning.objects.get(rule__code="si_arrears")
    warning = acknowledge_warning(actor=officer, warning=warning, expected_version=warning.version, note="Đã liên hệ")
    assert warning.handling_agency == officer.agency
    add_warning_note(actor=officer, warning=warning, text="Làm việc với BHXH thành phố")
    other = make_user(Role.OFFICER, other_agency)
    with pytest.raises(PermissionDenied):
        add_warning_note(actor=other, warning=warning, text="…")
    assert [e.action for e in warning.events.all()] == ["opened", "acknowledged", "note"]


def test_the_command_evaluates_everything() -> None:
    enterprise = EnterpriseFactory()
    _approved(enterprise, si_arrears_months=6)
    out = StringIO()
    call_command("evaluate_warnings", stdout=out)
    assert "Cảnh báo mới:" in out.getvalue()
    assert "si_arrears" in _open(enterprise)


def _troubled(n: int) -> list:  # type: ignore[type-arg]
    """n enterprises whose latest approved report trips five rules and which had two incidents in six months."""
    zone = region_one().zone
    enterprises = []
    for _number in range(n):
        enterprise = EnterpriseFactory(zone=zone)
        _approved(
            enterprise,
            lowest_wage=4_000_000,
            si_arrears_months=4,
            overtime_max_hours=52,
            has_collective_agreement=False,
            last_workers_conference=None,
        )
        IncidentFactory(enterprise=enterprise, started_on=dt.date(2023, 1, 10))
        IncidentFactory(enterprise=enterprise, started_on=dt.date(2023, 5, 4))
        enterprises.append(enterprise)
    return enterprises


@pytest.mark.parametrize("n", [1, 10])
def test_evaluation_makes_the_same_number_of_queries_for_1_and_10_enterprises(n, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    """Opening, keeping, updating and closing warnings costs a fixed number of statements per rule, whatever the
    number of enterprises and reports: the rules read their facts once and write in bulk."""
    opening, unchanged, closing = QUERIES[connection.vendor]
    enterprises = _troubled(n)
    with django_assert_num_queries(opening):
        result = evaluate_warnings()
    assert (result.opened, result.closed, result.changed) == (6 * n, 0, 0)
    with django_assert_num_queries(unchanged):
        assert evaluate_warnings().opened == 0
    for enterprise in enterprises:  # corrected reports, and a third incident that changes the evidence
        _approved(enterprise, period_start=dt.date(2023, 4, 1), period_end=dt.date(2023, 4, 30), overtime_max_hours=10)
        IncidentFactory(enterprise=enterprise, started_on=dt.date(2023, 6, 1))
    with django_assert_num_queries(closing):
        result = evaluate_warnings()
    assert (result.opened, result.closed, result.changed) == (0, 5 * n, n)
    warning = Warning.objects.filter(enterprise=enterprises[0], rule__code="si_arrears").get()
    assert warning.status == "closed"
    assert [event.action for event in warning.events.order_by("pk")] == ["opened", "closed"]
    assert warning.evidence.get().labour_report is not None


def test_the_attention_page_by_zone_and_body_and_the_enterprise_page_section(  # type: ignore[no-untyped-def]
    agency, other_agency, officer, client_for
) -> None:
    """ "Doanh nghiệp cần chú ý" per zone and per body, and the warning on the enterprise's own page."""
    ours = EnterpriseFactory(owner_agency=agency, name="Công ty TNHH Cơ khí Bạch Đằng")
    theirs = EnterpriseFactory(owner_agency=other_agency, name="Công ty CP Thực phẩm Hải Hà")
    for enterprise in (ours, theirs):
        _approved(enterprise, si_arrears_months=6)
    evaluate_warnings()
    client = client_for(officer)
    url = reverse("workforce:warning_list")
    everything = client.get(url).content.decode()
    assert ours.name in everything
    assert theirs.name in everything
    by_zone = client.get(url, {"zone": ours.zone_id}).content.decode()
    assert ours.name in by_zone
    assert theirs.name not in by_zone
    by_body = client.get(url, {"body": other_agency.pk}).content.decode()
    assert theirs.name in by_body
    assert ours.name not in by_body
    page = client.get(theirs.get_absolute_url()).content.decode()
    assert "nợ bảo hiểm xã hội 6 tháng" in page

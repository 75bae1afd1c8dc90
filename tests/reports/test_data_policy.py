"""The data policy: a draft may count a reported value whose period is not approved, marked in the preview and
listed by the checker as an error that refuses the leaders' sign-off; the frozen report counts approved values only
and a value returned and changed afterwards leaves the signed .docx as it was (the issue's 1.060 → 1.160)."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from phoihop.indicators import services as indicator_services
from phoihop.indicators.models import ReportedValue
from phoihop.indicators.periods import Period
from phoihop.reports import services
from phoihop.reports.builders import build_report_data
from phoihop.reports.checker import check_report
from phoihop.reports.choices import ReportStatus
from phoihop.reports.models import Report, ReportFigure
from phoihop.reports.rendering import render_docx, render_html
from tests.reports.conftest import demo_report, demo_user
from tests.reports.test_metamorphic import sign_everything

pytestmark = pytest.mark.usefixtures("demo")

DECEMBER = Period.month(2023, 12)


def december_value() -> ReportedValue:
    """The December new members behind {{DV_MOI}} (13.297/21.500): 1.060 of them."""
    target = ReportFigure.objects.get(report=demo_report(), name="DV_MOI").target
    return ReportedValue.objects.select_related("agency", "plan").get(
        plan=target.plan, indicator=target.indicator, period_start=DECEMBER.start, value=Decimal(1060)
    )


def return_and_edit(value: ReportedValue, new: int = 1160) -> None:
    """The leader returns the body's December data, the officer changes the value (unlocked again)."""
    indicator_services.return_period(
        actor=demo_user("ldldtp.lanhdao"),
        plan=value.plan,
        agency=value.agency,
        period=DECEMBER,
        reason="Kiểm tra lại số đoàn viên mới tháng 12",
    )
    value.refresh_from_db()
    indicator_services.update_value(
        actor=demo_user("ldldtp.canbo"), reported_value=value, data={"value": str(new)}, expected_version=value.version
    )


def unapproved_message(value: ReportedValue) -> str:
    return f"Số liệu tháng 12/2023 của {value.agency.name} chưa được phê duyệt"


def test_the_demo_values_are_all_approved_and_nothing_is_marked(db: None) -> None:
    data = build_report_data(demo_report())
    assert [key for key, figure in data.figures.items() if figure.unapproved] == []
    assert "chưa duyệt" not in render_html(data).decode()


def test_a_draft_shows_a_returned_value_marks_it_and_the_checker_lists_it(db: None, client: Client) -> None:
    value = december_value()
    return_and_edit(value)
    report = demo_report()
    data = build_report_data(report)
    figure = data.figures["DV_MOI"]
    assert figure.text.startswith("13.397/21.500")  # the draft counts what the body now reports
    assert figure.unapproved == (f"tháng 12/2023 của {value.agency.name}",)
    (row,) = [row for row in figure.provenance if not row.approved]
    assert row.value == "1.160"
    html = render_html(data).decode()
    assert 'report-figure-unapproved" href="#so-lieu-DV_MOI"' in html
    assert "chưa duyệt</sup>" in html
    assert f"Chưa phê duyệt: số liệu tháng 12/2023 của {value.agency.name}." in html
    findings = [f for f in check_report(report, data) if f.code == "unapproved_value"]
    assert len(findings) == 1
    (finding,) = findings
    assert finding.is_error
    assert finding.message.startswith(unapproved_message(value))
    assert "{{DV_MOI}}" in finding.message
    assert finding.url == value.get_absolute_url()
    assert "Liên đoàn Lao động thành phố" in finding.where
    # The preview page the officers read marks it too.
    client.force_login(demo_user("bdvtu.thuky"))
    page = client.get(f"/bao-cao/{report.pk}/xem-truoc/").content.decode()
    assert "chưa duyệt</sup>" in page


def test_the_leaders_may_not_sign_on_an_unapproved_value(db: None) -> None:
    value = december_value()
    return_and_edit(value)
    report = demo_report()
    for code, short in (("bdvtu", "BDVTU"), ("bqlkkt", "BQLKKT"), ("ldldtp", "LĐLĐTP")):
        issuer = report.issuers.get(agency__short_code=short)
        services.confirm_part(actor=demo_user(f"{code}.canbo"), issuer=issuer, expected_version=issuer.version)
    issuer = report.issuers.get(agency__short_code="BDVTU")
    with pytest.raises(ValidationError) as exc:
        services.sign_off(actor=demo_user("bdvtu.lanhdao"), issuer=issuer, expected_version=issuer.version)
    assert exc.value.code == "checker_errors"
    assert unapproved_message(value) in exc.value.messages[0]
    issuer.refresh_from_db()
    assert not issuer.is_signed_off


def test_once_approved_again_the_leaders_sign_and_the_report_counts_the_new_value(db: None) -> None:
    value = december_value()
    return_and_edit(value)
    indicator_services.submit_period(
        actor=demo_user("ldldtp.canbo"), plan=value.plan, agency=value.agency, period=DECEMBER
    )
    indicator_services.approve_period(
        actor=demo_user("ldldtp.lanhdao"), plan=value.plan, agency=value.agency, period=DECEMBER
    )
    report = sign_everything(demo_report())
    assert report.status == ReportStatus.FINAL
    assert build_report_data(report).figures["DV_MOI"].text.startswith("13.397/21.500")


def test_the_frozen_build_counts_approved_values_only(db: None) -> None:
    value = december_value()
    return_and_edit(value)
    data = build_report_data(demo_report(), approved_only=True)
    # The whole returned month of the body is left out: 13.297 - 1.060.
    assert data.figures["DV_MOI"].text.startswith("12.237/21.500")
    assert data.figures["DV_MOI"].unapproved == ()


def docx_parts(document: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(document)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_value_returned_after_signing_leaves_the_signed_document_as_it_was(db: None) -> None:
    report = sign_everything(demo_report())
    assert report.status == ReportStatus.FINAL
    before = render_docx(build_report_data(report))
    value = december_value()
    return_and_edit(value)
    report = Report.objects.get(pk=report.pk)
    after = render_docx(build_report_data(report))
    first, second = docx_parts(before), docx_parts(after)
    assert first.keys() == second.keys()
    # Everything but the document properties (where a generated timestamp lives) is byte for byte the same.
    assert {name: part for name, part in first.items() if name != "docProps/core.xml"} == {
        name: part for name, part in second.items() if name != "docProps/core.xml"
    }
    assert "13.297/21.500" in build_report_data(report).figures["DV_MOI"].text
    assert check_report(report) == []
    # The live figures moved; the signed report did not.
    draft_like = build_report_data(Report(pk=report.pk, plan=report.plan, status=ReportStatus.DRAFT))
    assert draft_like.figures["DV_MOI"].text.startswith("13.397/21.500")

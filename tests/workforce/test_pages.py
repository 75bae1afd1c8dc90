"""The workforce pages as an officer and a leader use them: forms that save through the services (422 with the
Vietnamese message when refused), the approval buttons, the warning worked by a body, the enterprise page's section,
and a survey created from its one-line-per-question form."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.workforce.models import Incident, LabourReport, Survey, Warning
from tests.directory.factories import EnterpriseFactory
from tests.workforce.factories import IncidentFactory, LabourReportFactory, region_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(agency):  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(owner_agency=agency, name="Công ty TNHH Dệt may Minh Phát Hải Phòng")
    region_one(enterprise.zone)
    return enterprise


def _form(enterprise, **changes):  # type: ignore[no-untyped-def]
    data = {
        "enterprise": enterprise.tax_code,
        "report_type": "monthly",
        "period_start": "2023-03-01",
        "headcount": "640",
        "women": "520",
        "lowest_wage": "4500000",
        "meal_value": "20000",
        "si_arrears_months": "0",
        "wage_delay_days": "0",
        "last_workers_conference": "2023-02-01",
        "has_collective_agreement": "on",
    }
    data.update(changes)
    return data


def test_file_approve_and_see_the_warning_through_the_pages(agency, officer, make_user, enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    assert client.get(reverse("workforce:report_create")).status_code == 200
    refused = client.post(reverse("workforce:report_create"), _form(enterprise, women="700"))
    assert refused.status_code == 422
    assert "không được lớn hơn tổng số lao động" in refused.content.decode()
    saved = client.post(reverse("workforce:report_create"), _form(enterprise))
    assert saved.status_code == 302
    report = LabourReport.objects.get()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "4.680.000đ/tháng" in page
    assert "thấp hơn mức tối thiểu" in page
    client.post(reverse("workforce:report_transition", args=[report.pk, "submit"]), {"version": report.version})
    leader = client_for(make_user(Role.LEADER, agency))
    report.refresh_from_db()
    leader.post(reverse("workforce:report_transition", args=[report.pk, "approve"]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "approved"
    listing = client.get(reverse("workforce:warning_list")).content.decode()
    assert "Lương thấp nhất dưới mức lương tối thiểu vùng" in listing
    section = client.get(reverse("directory:enterprise_detail", args=[enterprise.pk])).content.decode()
    assert "Tình hình lao động và cảnh báo sớm" in section
    assert "Lương thấp nhất dưới mức lương tối thiểu vùng" in section
    warning = Warning.objects.get()
    client.post(reverse("workforce:warning_action", args=[warning.pk, "tiep-nhan"]), {"version": warning.version})
    warning.refresh_from_db()
    assert warning.handling_agency == agency
    assert warning.status == "acknowledged"
    assert "Đã tiếp nhận" in client.get(warning.get_absolute_url()).content.decode()


def test_search_on_the_list_ignores_diacritics(officer, enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    client.post(reverse("workforce:report_create"), _form(enterprise))
    assert "Minh Phát" in client.get(reverse("workforce:report_list"), {"q": "minh phat"}).content.decode()
    assert "Minh Phát" not in client.get(reverse("workforce:report_list"), {"q": "hoa thinh"}).content.decode()


def test_an_incident_with_a_step_and_support_through_the_pages(officer, enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    saved = client.post(
        reverse("workforce:incident_create"),
        {
            "enterprise": enterprise.tax_code,
            "kind": "absconding",
            "started_on": "2023-09-05",
            "workers_involved": "330",
            "cause_topic": "employer_gone",
            "outcome": "ongoing",
        },
    )
    assert saved.status_code == 302, saved.content.decode()[:2000]
    incident = Incident.objects.get()
    step = client.post(
        reverse("workforce:step_create", args=[incident.pk]), {"date": "2023-09-06", "description": "Họp liên ngành"}
    )
    assert step.status_code == 302
    support = client.post(
        reverse("workforce:support_create", args=[incident.pk]),
        {"kind": "money", "given_on": "2023-09-20", "people": "330", "amount": "165000000"},
    )
    assert support.status_code == 302
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Họp liên ngành" in page
    assert "165.000.000đ" in page


def test_a_survey_from_its_form(officer, enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    bad = client.post(
        reverse("workforce:survey_create"),
        {
            "title": "Khảo sát",
            "opens_on": "2023-06-01",
            "closes_on": "2023-06-30",
            "enterprises": enterprise.tax_code,
            "questions": "sai mẫu",
        },
    )
    assert bad.status_code == 422
    assert "chưa đúng mẫu" in bad.content.decode()
    saved = client.post(
        reverse("workforce:survey_create"),
        {
            "title": "Khảo sát bữa ăn giữa ca",
            "opens_on": "2023-06-01",
            "closes_on": "2023-06-30",
            "enterprises": enterprise.tax_code,
            "questions": "mot | Anh/chị có hài lòng? | Có; Không\nthang | Mức gắn bó\nngan | Ý kiến khác",
        },
    )
    assert saved.status_code == 302
    survey = Survey.objects.get()
    assert [q.kind for q in survey.questions.all()] == ["single", "scale", "text"]
    page = client.get(survey.get_absolute_url()).content.decode()
    assert survey.public_path() in page
    assert "Chưa có phiếu trả lời" in page


@pytest.mark.parametrize(
    ("factory", "url_name", "list_name", "done"),
    [
        ("report", "workforce:report_delete", "workforce:report_list", "Đã xóa báo cáo."),
        ("incident", "workforce:incident_delete", "workforce:incident_list", "Đã xóa vụ việc."),
    ],
)
def test_a_leader_deletes_a_report_or_an_incident_and_reads_its_own_message(  # type: ignore[no-untyped-def]
    factory, url_name, list_name, done, agency, enterprise, make_user, client_for
) -> None:
    make = LabourReportFactory if factory == "report" else IncidentFactory
    record = make(owner_agency=agency, enterprise=enterprise)
    client = client_for(make_user(Role.LEADER, agency, username="lanhdao.xoa"))
    response = client.post(reverse(url_name, args=[record.pk]), {"version": record.version}, follow=True)
    assert response.redirect_chain[-1][0] == reverse(list_name)
    assert done in response.content.decode()
    assert not type(record).objects.filter(pk=record.pk).exists()

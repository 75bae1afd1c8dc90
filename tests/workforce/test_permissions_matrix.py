"""Who may do what with the workforce records: every role × own/other body, through the pages and the API. Every body
reads everything; only the owner body writes (a readable record the user may not change is a 403, and nothing
changes); anonymous visitors reach only the public survey page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.workforce.choices import ReportStatus
from phoihop.workforce.models import Incident, IncidentStep, IncidentSupport, LabourReport, Survey, Warning
from phoihop.workforce.services import create_survey, evaluate_warnings
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.workforce.factories import IncidentFactory, LabourReportFactory
from tests.workforce.helpers import report_payload

pytestmark = pytest.mark.django_db

ROLES = [Role.VIEWER, Role.OFFICER, Role.LEADER, Role.SECRETARIAT]
WRITERS = {Role.OFFICER, Role.LEADER}


@pytest.fixture
def records(agency, other_agency):  # type: ignore[no-untyped-def]
    """One submitted report and one incident of each body."""
    made = {}
    for body, owner in (("own", agency), ("other", other_agency)):
        enterprise = EnterpriseFactory(owner_agency=owner)
        made[body] = {
            "report": LabourReportFactory(enterprise=enterprise, owner_agency=owner, status=ReportStatus.SUBMITTED),
            "incident": IncidentFactory(enterprise=enterprise, owner_agency=owner),
        }
    return made


def _events() -> int:
    return AuditEvent.objects.count()


@pytest.mark.parametrize("role", ROLES)
def test_every_member_reads_every_body(role, agency, make_user, records, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user(role, agency)
    client, api = client_for(user), api_for(user)
    for url in ("workforce:report_list", "workforce:incident_list", "workforce:warning_list", "workforce:survey_list"):
        assert client.get(reverse(url)).status_code == 200
    for body in ("own", "other"):
        report, incident = records[body]["report"], records[body]["incident"]
        assert client.get(report.get_absolute_url()).status_code == 200
        assert client.get(incident.get_absolute_url()).status_code == 200
        assert api.get(f"/workforce/labour-reports/{report.pk}").status_code == 200
        assert api.get(f"/workforce/incidents/{incident.pk}").status_code == 200
    assert api.get("/workforce/labour-reports").json()["count"] == 2


@pytest.mark.parametrize("role", ROLES)
def test_writes_to_another_bodys_records_are_refused_and_change_nothing(
    role, agency, make_user, records, client_for, api_for
) -> None:  # type: ignore[no-untyped-def]
    user = make_user(role, agency)
    client, api = client_for(user), api_for(user)
    report, incident = records["other"]["report"], records["other"]["incident"]
    step = IncidentStep.objects.create(incident=incident, date=dt.date(2023, 6, 1), description="Họp")
    support = IncidentSupport.objects.create(incident=incident, kind="money", given_on=dt.date(2023, 6, 2), people=4)
    before = _events()
    assert (
        api.patch(f"/workforce/labour-reports/{report.pk}", {"version": report.version, "headcount": 1}).status_code
        == 403
    )
    for action in ("submit", "approve", "return"):
        answer = api.post(f"/workforce/labour-reports/{report.pk}/{action}", {"version": report.version, "reason": "x"})
        assert answer.status_code == 403, action
    assert api.delete(f"/workforce/labour-reports/{report.pk}", version=report.version).status_code == 403
    assert api.patch(f"/workforce/incidents/{incident.pk}", {"version": 1, "workers_involved": 1}).status_code == 403
    assert (
        api.post(
            f"/workforce/incidents/{incident.pk}/supports", {"kind": "money", "given_on": "2023-06-01", "people": 3}
        ).status_code
        == 403
    )
    assert client.get(reverse("workforce:report_update", args=[report.pk])).status_code == 403
    assert (
        client.post(reverse("workforce:report_transition", args=[report.pk, "approve"]), {"version": 1}).status_code
        == 403
    )
    assert client.post(reverse("workforce:incident_update", args=[incident.pk]), {"version": 1}).status_code == 403
    assert api.patch(f"/workforce/incident-steps/{step.pk}", {"version": 1, "description": "x"}).status_code == 403
    assert api.delete(f"/workforce/incident-steps/{step.pk}", version=1).status_code == 403
    assert api.patch(f"/workforce/incident-supports/{support.pk}", {"version": 1, "people": 9}).status_code == 403
    assert api.delete(f"/workforce/incident-supports/{support.pk}", version=1).status_code == 403
    for name, row in (("step_update", step), ("step_delete", step), ("support_update", support)):
        assert client.post(reverse(f"workforce:{name}", args=[row.pk]), {"version": 1}).status_code == 403, name
    assert client.post(reverse("workforce:support_delete", args=[support.pk]), {"version": 1}).status_code == 403
    assert (IncidentStep.objects.get().description, IncidentSupport.objects.get().people) == ("Họp", 4)
    report.refresh_from_db()
    assert (report.status, report.headcount, report.version) == (ReportStatus.SUBMITTED, 500, 1)
    assert Incident.objects.get(pk=incident.pk).workers_involved == 120
    assert _events() == before


@pytest.mark.parametrize("kind", ["party", "state", "union"])
def test_a_warning_is_read_by_each_of_the_three_bodies_and_worked_by_the_one_that_takes_it_up(  # type: ignore[no-untyped-def]
    kind, other_agency, make_user, client_for, api_for
) -> None:
    enterprise = EnterpriseFactory(owner_agency=other_agency)
    LabourReportFactory(
        enterprise=enterprise, owner_agency=other_agency, status=ReportStatus.APPROVED, si_arrears_months=5
    )
    evaluate_warnings()
    warning = Warning.objects.get(rule__code="si_arrears")
    body = AgencyFactory(kind=kind)
    for role in (Role.VIEWER, Role.OFFICER):
        user = make_user(role, body)
        client, api = client_for(user), api_for(user)
        assert enterprise.name in client.get(reverse("workforce:warning_list")).content.decode()
        assert "nợ bảo hiểm xã hội 5 tháng" in client.get(warning.get_absolute_url()).content.decode()
        assert api.get(f"/workforce/warnings/{warning.pk}").json()["summary"] == warning.summary
        assert any(row["id"] == warning.pk for row in api.get("/workforce/warnings").json()["items"])
    taken = api.post(f"/workforce/warnings/{warning.pk}/acknowledge", {"version": warning.version})
    assert taken.status_code == 200, taken.content
    assert Warning.objects.get().handling_agency == body


@pytest.mark.parametrize("role", ROLES)
def test_own_body_writes_by_role(role, agency, make_user, records, api_for) -> None:  # type: ignore[no-untyped-def]
    user = make_user(role, agency)
    api = api_for(user)
    enterprise = records["own"]["report"].enterprise
    created = api.post("/workforce/labour-reports", report_payload(enterprise.pk, period_start="2023-04-01"))
    assert created.status_code == (201 if role in WRITERS else 403)
    report = records["own"]["report"]
    approved = api.post(f"/workforce/labour-reports/{report.pk}/approve", {"version": report.version})
    assert approved.status_code == (200 if role == Role.LEADER else 403)
    report.refresh_from_db()
    assert (report.status == ReportStatus.APPROVED) == (role == Role.LEADER)


def test_anonymous_reaches_only_the_public_survey(agency, officer, records) -> None:  # type: ignore[no-untyped-def]
    enterprise = records["own"]["report"].enterprise
    survey = create_survey(
        actor=officer,
        data={
            "title": "Đời sống công nhân",
            "opens_on": dt.date(2020, 1, 1),
            "closes_on": dt.date(2099, 1, 1),
            "enterprises": [enterprise],
        },
        questions=[{"kind": "scale", "text": "Mức hài lòng"}],
    )
    anonymous = Client(enforce_csrf_checks=True)
    report, incident = records["own"]["report"], records["own"]["incident"]
    step = IncidentStep.objects.create(incident=incident, date=dt.date(2023, 6, 1), description="Họp")
    support = IncidentSupport.objects.create(incident=incident, kind="money", given_on=dt.date(2023, 6, 2), people=4)
    for url in (
        reverse("workforce:report_list"),
        report.get_absolute_url(),
        incident.get_absolute_url(),
        reverse("workforce:warning_list"),
        survey.get_absolute_url(),
        reverse("workforce:report_create"),
        reverse("workforce:step_create", args=[incident.pk]),
        reverse("workforce:step_update", args=[step.pk]),
        reverse("workforce:support_delete", args=[support.pk]),
    ):
        answer = anonymous.get(url)
        assert answer.status_code == 302, url
        assert "/tai-khoan/dang-nhap/" in answer["Location"], url
    for path in (
        "/labour-reports",
        f"/labour-reports/{report.pk}",
        "/incidents",
        "/warnings",
        f"/surveys/{survey.pk}/results",
    ):
        assert anonymous.get(f"/api/v1/workforce{path}").status_code == 401, path
    for path in (f"/incident-steps/{step.pk}", f"/incident-supports/{support.pk}"):
        answer = anonymous.patch(f"/api/v1/workforce{path}", '{"version": 1}', content_type="application/json")
        assert answer.status_code in (401, 403), path
        assert anonymous.delete(f"/api/v1/workforce{path}?version=1").status_code in (401, 403), path
    assert anonymous.get(survey.public_path()).status_code == 200
    assert Survey.objects.count() == 1
    assert LabourReport.objects.count() == 2
    assert (IncidentStep.objects.count(), IncidentSupport.objects.get().people) == (1, 4)

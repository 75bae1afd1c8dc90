"""The list pages' query counts do not grow with the data: the same count at 1× and 10× rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.workforce.choices import ReportStatus
from phoihop.workforce.models import SurveyResponse
from phoihop.workforce.services import create_survey, evaluate_warnings
from tests.directory.factories import EnterpriseFactory
from tests.workforce.factories import IncidentFactory, LabourReportFactory

pytestmark = pytest.mark.django_db

PAGES = ["workforce:report_list", "workforce:incident_list", "workforce:warning_list", "workforce:survey_list"]


def _add(n: int, agency: Any, officer: Any) -> None:
    for number in range(n):
        enterprise = EnterpriseFactory(owner_agency=agency)
        LabourReportFactory(
            enterprise=enterprise,
            owner_agency=agency,
            status=ReportStatus.APPROVED,
            si_arrears_months=4,
            last_workers_conference=None,
        )
        IncidentFactory(enterprise=enterprise, owner_agency=agency)
        survey = create_survey(
            actor=officer,
            data={
                "title": f"Khảo sát {number}",
                "opens_on": dt.date(2023, 1, 1),
                "closes_on": dt.date(2023, 12, 31),
                "enterprises": [enterprise],
            },
            questions=[{"kind": "scale", "text": "Mức hài lòng"}],
        )
        SurveyResponse.objects.create(survey=survey, enterprise=enterprise, answered_on=dt.date(2023, 5, 1))
    evaluate_warnings()


def _counts(client: Any) -> dict[str, int]:
    counts = {}
    for name in PAGES:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        counts[name] = len(captured.captured_queries)
    return counts


def test_list_pages_make_the_same_number_of_queries_at_1x_and_10x(agency, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    _add(1, agency, officer)
    once = _counts(client)
    _add(9, agency, officer)
    tenfold = _counts(client)
    assert tenfold == once
    assert max(once.values()) <= 14


def test_api_lists_make_the_same_number_of_queries_at_1x_and_10x(agency, officer, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    paths = ["/workforce/labour-reports", "/workforce/incidents", "/workforce/warnings", "/workforce/surveys"]

    def counts() -> list[int]:
        found = []
        for path in paths:
            with CaptureQueriesContext(connection) as captured:
                assert api.get(path).status_code == 200
            found.append(len(captured.captured_queries))
        return found

    _add(1, agency, officer)
    once = counts()
    _add(9, agency, officer)
    assert counts() == once


def test_the_incident_page_makes_the_same_number_of_queries_for_1_and_10_steps_and_supports(  # type: ignore[no-untyped-def]
    agency, officer, client_for
) -> None:
    from phoihop.workforce.models import IncidentStep, IncidentSupport

    client = client_for(officer)
    incident = IncidentFactory(enterprise=EnterpriseFactory(owner_agency=agency), owner_agency=agency)

    def add(n: int) -> int:
        for number in range(n):
            IncidentStep.objects.create(incident=incident, date=dt.date(2023, 5, 5), description=f"Bước {number}")
            IncidentSupport.objects.create(incident=incident, kind="money", given_on=dt.date(2023, 5, 6), people=3)
        with CaptureQueriesContext(connection) as captured:
            page = client.get(incident.get_absolute_url()).content.decode()
        assert page.count(">Sửa</a>") == IncidentStep.objects.count() * 2 + 1  # each row, and the incident
        return len(captured.captured_queries)

    once = add(1)
    assert add(9) == once

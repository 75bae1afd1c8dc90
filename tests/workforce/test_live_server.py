"""The issue's first "Done when", over real HTTP with nothing but tokens: an officer files a labour report whose
lowest wage is below the regional minimum for its period, a leader approves it, a warning appears with that report
as evidence; a corrected report closes it, and the warning's history shows both."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.accounts.services import create_token
from phoihop.directory.choices import AgencyKind
from tests.accounts.factories import UserFactory
from tests.core.test_api_live_server import Http
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.workforce.factories import region_one
from tests.workforce.helpers import report_payload

ROOT = "/api/v1/workforce"


def _token(user: Any) -> dict[str, str]:
    _row, raw = create_token(actor=user, owner=user, name="báo cáo tình hình lao động")
    return {"Authorization": f"Bearer {raw}"}


@pytest.mark.django_db(transaction=True)
def test_a_report_below_the_minimum_opens_a_warning_and_a_corrected_report_closes_it(live_server: Any) -> None:
    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION)
    officer = UserFactory(username="canbo.ldld", role=Role.OFFICER, agency=union)
    leader = UserFactory(username="lanhdao.ldld", role=Role.LEADER, agency=union)
    enterprise = EnterpriseFactory(owner_agency=union, name="Công ty TNHH Dệt may Minh Phát Hải Phòng")
    region_one(enterprise.zone)  # region I: 4.680.000đ from 01/7/2022 (NĐ 38/2022)
    http = Http(live_server.url)
    as_officer, as_leader = _token(officer), _token(leader)

    def file_and_approve(**changes: Any) -> dict[str, Any]:
        created = http.api("POST", f"{ROOT}/labour-reports", report_payload(enterprise.pk, **changes), as_officer)
        assert created.status == 201, created.text
        report = created.json()
        submitted = http.api("POST", f"{ROOT}/labour-reports/{report['id']}/submit", {"version": 1}, as_officer)
        assert submitted.status == 200, submitted.text
        refused = http.api("POST", f"{ROOT}/labour-reports/{report['id']}/approve", {"version": 2}, as_officer)
        assert refused.status == 403
        approved = http.api("POST", f"{ROOT}/labour-reports/{report['id']}/approve", {"version": 2}, as_leader)
        assert approved.status == 200, approved.text
        assert approved.json()["status"] == "approved"
        return report

    low = file_and_approve(period_start="2023-03-01", lowest_wage=4_500_000)
    warnings = http.api("GET", f"{ROOT}/warnings?enterprise={enterprise.pk}", headers=as_officer).json()["items"]
    assert [(w["rule"], w["status"]) for w in warnings] == [("wage_below_minimum", "open")]
    warning = warnings[0]
    assert [row["labour_report_id"] for row in warning["evidence"]] == [low["id"]]
    assert "4.500.000đ" in warning["summary"]
    assert "4.680.000đ" in warning["summary"]

    # A second report for the same month is a clear refusal, not a duplicate.
    again = http.api("POST", f"{ROOT}/labour-reports", report_payload(enterprise.pk), as_officer)
    assert again.status == 422
    assert again.json()["code"] == "duplicate_report"

    fixed = file_and_approve(period_start="2023-04-01", lowest_wage=4_700_000)
    detail = http.api("GET", f"{ROOT}/warnings/{warning['id']}", headers=as_officer).json()
    assert detail["status"] == "closed"
    assert [event["action"] for event in detail["events"]] == ["opened", "closed"]
    assert "4.680.000đ" in detail["events"][0]["text"]
    assert http.api("GET", f"{ROOT}/warnings?enterprise={enterprise.pk}", headers=as_officer).json()["count"] == 0
    closed = http.api("GET", f"{ROOT}/warnings?enterprise={enterprise.pk}&status=closed", headers=as_officer)
    assert [w["id"] for w in closed.json()["items"]] == [warning["id"]]
    assert fixed["id"] != low["id"]

"""The workforce API: a browser session needs the CSRF header, a token does not; bad input is a 422 in the one
error shape with nothing saved; a stale version is a 409; out-of-reach ids are named."""

from __future__ import annotations

import pytest

from phoihop.workforce.models import Incident, IncidentSupport, LabourReport
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory
from tests.workforce.helpers import report_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def enterprise(agency):  # type: ignore[no-untyped-def]
    return EnterpriseFactory(owner_agency=agency, name="Công ty TNHH Điện tử Hải Long Vina")


def test_a_session_write_without_the_csrf_header_is_refused(officer, enterprise, client_for) -> None:  # type: ignore[no-untyped-def]
    forged = ApiClient(client_for(officer), csrf=False).post("/workforce/labour-reports", report_payload(enterprise.pk))
    assert forged.status_code == 403
    assert forged.json()["code"] == "csrf_failed"
    assert not LabourReport.objects.exists()
    created = ApiClient(client_for(officer)).post("/workforce/labour-reports", report_payload(enterprise.pk))
    assert created.status_code == 201


def test_bad_input_is_a_422_with_a_vietnamese_message_and_nothing_saved(officer, enterprise, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    answer = api.post("/workforce/labour-reports", report_payload(enterprise.pk, women=900))
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "women_exceed"
    assert "không được lớn hơn tổng số lao động" in body["message"]
    assert api.post("/workforce/labour-reports", report_payload(enterprise.pk, lowest_wage=-5)).status_code == 422
    assert api.post("/workforce/labour-reports", report_payload(enterprise.pk, colour="đỏ")).status_code == 422
    unknown = api.post("/workforce/labour-reports", report_payload(999_999))
    assert unknown.status_code == 422
    assert unknown.json()["code"] == "unknown_enterprise"
    assert not LabourReport.objects.exists()


def test_a_stale_version_is_a_409_and_search_ignores_diacritics(officer, enterprise, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    report = api.post("/workforce/labour-reports", report_payload(enterprise.pk)).json()
    assert api.patch(f"/workforce/labour-reports/{report['id']}", {"version": 1, "headcount": 900}).status_code == 200
    stale = api.patch(f"/workforce/labour-reports/{report['id']}", {"version": 1, "headcount": 950})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert LabourReport.objects.get().headcount == 900
    assert api.get("/workforce/labour-reports", q="hai long").json()["count"] == 1
    assert api.get("/workforce/labour-reports", q="minh phat").json()["count"] == 0
    missing = api.get("/workforce/labour-reports/999999")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_null_for_a_required_field_in_a_patch_is_a_422(officer, enterprise, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    report = api.post("/workforce/labour-reports", report_payload(enterprise.pk)).json()
    refused = api.patch(f"/workforce/labour-reports/{report['id']}", {"version": 1, "headcount": None})
    assert refused.status_code == 422
    assert refused.json()["code"] == "null_not_allowed"
    assert LabourReport.objects.get().version == 1


def test_an_incident_with_support_counts_people_not_names(officer, enterprise, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    created = api.post(
        "/workforce/incidents",
        {
            "enterprise_id": enterprise.pk,
            "kind": "absconding",
            "started_on": "2023-08-14",
            "workers_involved": 230,
            "cause_topic": "employer_gone",
            "handled_by_ids": [officer.agency_id],
        },
    )
    assert created.status_code == 201, created.content
    incident = created.json()
    support = api.post(
        f"/workforce/incidents/{incident['id']}/supports",
        {
            "kind": "money",
            "given_on": "2023-08-20",
            "people": 230,
            "amount": 230_000_000,
            "given_by_id": officer.agency_id,
        },
    )
    assert support.status_code == 201
    step = api.post(
        f"/workforce/incidents/{incident['id']}/steps", {"date": "2023-08-15", "description": "Họp liên ngành"}
    )
    assert step.status_code == 201
    detail = api.get(f"/workforce/incidents/{incident['id']}").json()
    assert detail["supports"][0]["people"] == 230
    assert detail["handled_by_ids"] == [officer.agency_id]
    assert IncidentSupport.objects.get().incident == Incident.objects.get()
    bad = api.post(
        "/workforce/incidents",
        {
            "enterprise_id": enterprise.pk,
            "kind": "stoppage",
            "started_on": "2023-08-14",
            "ended_on": "2023-08-01",
            "workers_involved": 5,
            "cause_topic": "wages",
        },
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "ends_before_start"


def test_the_minimum_wage_table_carries_its_citations(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    rows = api_for(officer, token=True).get("/workforce/minimum-wages").json()
    amounts = {(row["decree"], row["region"]): row["monthly_amount"] for row in rows}
    assert amounts[("38/2022/NĐ-CP", "1")] == 4_680_000
    assert amounts[("74/2024/NĐ-CP", "4")] == 3_450_000
    assert amounts[("293/2025/NĐ-CP", "1")] == 5_310_000
    assert all(row["citation"].startswith("Nghị định số") for row in rows)
    assert {row["check_status"] for row in rows} == {"unverified"}

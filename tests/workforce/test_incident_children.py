"""Steps taken and support given on an incident are edited and deleted like any record: only the owner body writes,
an edit on an older version is a conflict with a Vietnamese message, and every write leaves an audit event. Through
the API (session with the CSRF header, token) and through the pages (CSRF checked as a browser sends it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.workforce.models import IncidentStep, IncidentSupport
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory
from tests.workforce.factories import IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(agency):  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(owner_agency=agency)
    incident = IncidentFactory(enterprise=enterprise, owner_agency=agency, kind="absconding")
    IncidentStep.objects.create(incident=incident, date=dt.date(2023, 5, 5), description="Họp liên ngành")
    IncidentSupport.objects.create(incident=incident, kind="money", given_on=dt.date(2023, 5, 10), people=120)
    return incident


def _events(model: type, action: str) -> int:
    return AuditEvent.objects.filter(object_type__endswith=model.__name__.lower(), action=action).count()


def test_api_edits_and_deletes_a_step_with_a_version(officer, incident, client_for) -> None:  # type: ignore[no-untyped-def]
    api = ApiClient(client_for(officer))  # the browser's way: session cookie and the CSRF header
    step = incident.steps.get()
    edited = api.patch(f"/workforce/incident-steps/{step.pk}", {"version": 1, "description": "Họp với chủ đầu tư"})
    assert edited.status_code == 200, edited.content
    assert edited.json()["description"] == "Họp với chủ đầu tư"
    stale = api.patch(f"/workforce/incident-steps/{step.pk}", {"version": 1, "description": "Bản cũ"})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    assert "chưa được lưu" in stale.json()["message"]
    assert IncidentStep.objects.get().description == "Họp với chủ đầu tư"
    assert api.delete(f"/workforce/incident-steps/{step.pk}", version=1).status_code == 409
    assert api.delete(f"/workforce/incident-steps/{step.pk}", version=2).status_code == 204
    assert not IncidentStep.objects.exists()
    assert _events(IncidentStep, "update") == 1
    assert _events(IncidentStep, "delete") == 1
    forged = ApiClient(client_for(officer), csrf=False).patch(
        f"/workforce/incident-supports/{incident.supports.get().pk}", {"version": 1, "people": 1}
    )
    assert forged.status_code == 403
    assert forged.json()["code"] == "csrf_failed"


def test_api_edits_support_checks_counts_and_refuses_other_bodies(  # type: ignore[no-untyped-def]
    officer, incident, other_agency, make_user, api_for
) -> None:
    api = api_for(officer, token=True)
    support = incident.supports.get()
    negative = api.patch(f"/workforce/incident-supports/{support.pk}", {"version": 1, "amount": -5})
    assert negative.status_code == 422
    edited = api.patch(
        f"/workforce/incident-supports/{support.pk}",
        {"version": 1, "people": 130, "amount": 130_000_000, "given_by_id": officer.agency_id},
    )
    assert edited.status_code == 200, edited.content
    assert (edited.json()["people"], edited.json()["given_by_id"]) == (130, officer.agency_id)
    other = api_for(make_user(Role.OFFICER, other_agency), token=True)
    assert other.get(f"/workforce/incidents/{incident.pk}").json()["supports"][0]["people"] == 130
    refused = other.patch(f"/workforce/incident-supports/{support.pk}", {"version": 2, "people": 1})
    assert refused.status_code == 403
    assert other.delete(f"/workforce/incident-supports/{support.pk}", version=2).status_code == 403
    assert other.delete(f"/workforce/incident-steps/{incident.steps.get().pk}", version=1).status_code == 403
    assert IncidentSupport.objects.get().people == 130
    assert api.delete(f"/workforce/incident-supports/{support.pk}", version=2).status_code == 204
    assert api.patch("/workforce/incident-supports/999999", {"version": 1}).status_code == 404


def _browser(user: Any, client_for: Any) -> tuple[Client, str]:
    """A client that checks CSRF as for a real browser, signed in as `user`, with the token a form would carry."""
    client = Client(enforce_csrf_checks=True)
    client.cookies = client_for(user).cookies
    client.get(reverse("workforce:incident_list"))
    return client, client.cookies[settings.CSRF_COOKIE_NAME].value


def test_pages_edit_and_delete_a_step_and_a_support(officer, incident, client_for) -> None:  # type: ignore[no-untyped-def]
    client, token = _browser(officer, client_for)
    step, support = incident.steps.get(), incident.supports.get()
    page = client.get(incident.get_absolute_url()).content.decode()
    assert reverse("workforce:step_update", args=[step.pk]) in page
    assert reverse("workforce:support_delete", args=[support.pk]) in page
    form = client.get(reverse("workforce:step_update", args=[step.pk]))
    assert "Sửa bước xử lý" in form.content.decode()
    url = reverse("workforce:step_update", args=[step.pk])
    data = {"date": "2023-05-06", "description": "Làm việc với chủ đầu tư", "version": 1}
    assert client.post(url, data).status_code == 403  # no CSRF token: refused
    saved = client.post(url, {**data, "csrfmiddlewaretoken": token}, follow=True)
    assert saved.redirect_chain[-1][0] == incident.get_absolute_url()
    assert "Làm việc với chủ đầu tư" in saved.content.decode()
    stale = client.post(url, {**data, "description": "Bản cũ", "csrfmiddlewaretoken": token})
    assert stale.status_code in (409, 422)
    assert "Bản cũ" not in IncidentStep.objects.get().description
    assert "chưa được lưu" in stale.content.decode()
    url = reverse("workforce:support_update", args=[support.pk])
    support_data = {"kind": "money", "given_on": "2023-05-10", "people": "-3", "version": 1}
    refused = client.post(url, {**support_data, "csrfmiddlewaretoken": token})
    assert "lớn hơn hoặc bằng" in refused.content.decode()  # Vietnamese, beside the field
    support_data["people"] = "125"
    client.post(url, {**support_data, "csrfmiddlewaretoken": token})
    assert IncidentSupport.objects.get().people == 125
    delete_url = reverse("workforce:support_delete", args=[support.pk])
    assert "Xóa hỗ trợ" in client.get(delete_url).content.decode()
    gone = client.post(delete_url, {"version": 2, "csrfmiddlewaretoken": token}, follow=True)
    assert "Đã xóa." in gone.content.decode()
    assert not IncidentSupport.objects.exists()
    assert _events(IncidentSupport, "delete") == 1


def test_other_bodies_see_the_rows_but_get_no_edit_pages(incident, other_agency, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    client, token = _browser(make_user(Role.OFFICER, other_agency), client_for)
    step = incident.steps.get()
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Họp liên ngành" in page
    assert reverse("workforce:step_update", args=[step.pk]) not in page
    assert client.get(reverse("workforce:step_update", args=[step.pk])).status_code == 403
    deleted = client.post(
        reverse("workforce:step_delete", args=[step.pk]), {"version": 1, "csrfmiddlewaretoken": token}
    )
    assert deleted.status_code == 403
    assert IncidentStep.objects.exists()

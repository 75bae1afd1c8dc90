"""The steps taken on an incident and the support given to its workers can be corrected and removed — by the owner
body only, against the version the editor saw, with the history kept — in the pages and the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.workforce.models import IncidentStep, IncidentSupport
from tests.workforce.factories import IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(agency):  # type: ignore[no-untyped-def]
    return IncidentFactory(owner_agency=agency)


@pytest.fixture
def step(incident, officer):  # type: ignore[no-untyped-def]
    from phoihop.workforce import services

    return services.add_step(
        actor=officer, incident=incident, data={"date": "2023-05-05", "description": "Họp đối thoại"}
    )


@pytest.fixture
def support(incident, officer, agency):  # type: ignore[no-untyped-def]
    from phoihop.workforce import services

    return services.add_support(
        actor=officer,
        incident=incident,
        data={"kind": "money", "given_on": "2023-05-10", "people": 120, "amount": 60_000_000, "given_by": agency},
    )


def test_the_api_corrects_a_step_and_a_stale_version_is_a_conflict(officer, step, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer)  # a browser session: CSRF enforced, the header sent
    changed = api.patch(f"/workforce/steps/{step.pk}", {"version": step.version, "description": "Họp đối thoại lần 2"})
    assert changed.status_code == 200, changed.content
    assert changed.json()["description"] == "Họp đối thoại lần 2"
    assert changed.json()["version"] == step.version + 1
    stale = api.patch(f"/workforce/steps/{step.pk}", {"version": step.version, "description": "Ghi đè"})
    assert stale.status_code == 409
    assert IncidentStep.objects.get().description == "Họp đối thoại lần 2"
    empty = api.patch(f"/workforce/steps/{step.pk}", {"version": step.version + 1, "date": None})
    assert empty.status_code == 422
    assert empty.json()["code"] == "null_not_allowed"
    assert AuditEvent.objects.filter(object_type="workforce.incidentstep", action="update").count() == 1


def test_the_api_corrects_and_removes_a_support_row(officer, support, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    negative = api.patch(f"/workforce/supports/{support.pk}", {"version": support.version, "people": -3})
    assert negative.status_code == 422
    changed = api.patch(f"/workforce/supports/{support.pk}", {"version": support.version, "people": 118})
    assert changed.status_code == 200, changed.content
    assert changed.json()["people"] == 118
    assert IncidentSupport.objects.get().people == 118
    gone = api.delete(f"/workforce/supports/{support.pk}", version=support.version + 1)
    assert gone.status_code == 204
    assert not IncidentSupport.objects.exists()
    actions = set(AuditEvent.objects.filter(object_type="workforce.incidentsupport").values_list("action", flat=True))
    assert actions == {"create", "update", "delete"}


def test_another_body_reads_but_cannot_change_or_remove(step, support, other_agency, make_user, api_for) -> None:  # type: ignore[no-untyped-def]
    stranger = api_for(make_user(Role.OFFICER, other_agency))
    assert (
        stranger.patch(f"/workforce/steps/{step.pk}", {"version": step.version, "description": "x"}).status_code == 403
    )
    assert stranger.delete(f"/workforce/supports/{support.pk}", version=support.version).status_code == 403
    assert IncidentStep.objects.get().description == "Họp đối thoại"
    assert IncidentSupport.objects.exists()


def test_the_incident_page_offers_edit_and_delete_to_the_owner_only(
    incident, step, support, officer, other_agency, make_user, client_for
) -> None:  # type: ignore[no-untyped-def]
    own = client_for(officer).get(incident.get_absolute_url()).content.decode()
    assert reverse("workforce:step_update", args=[step.pk]) in own
    assert reverse("workforce:support_delete", args=[support.pk]) in own
    stranger = client_for(make_user(Role.OFFICER, other_agency))
    other = stranger.get(incident.get_absolute_url()).content.decode()
    assert "Họp đối thoại" in other
    assert reverse("workforce:step_update", args=[step.pk]) not in other
    assert stranger.get(reverse("workforce:step_update", args=[step.pk])).status_code == 403


def test_editing_a_step_in_the_form_returns_to_the_incident_and_a_stale_form_says_who_changed_it(
    incident, step, officer, client_for
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    url = reverse("workforce:step_update", args=[step.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert "Họp đối thoại" in form.content.decode()
    saved = client.post(
        url, {"date": "2023-05-06", "description": "Họp đối thoại, thống nhất lịch trả lương", "version": step.version}
    )
    assert saved.status_code == 302
    assert saved.url == incident.get_absolute_url()
    step.refresh_from_db()
    assert step.description == "Họp đối thoại, thống nhất lịch trả lương"
    stale = client.post(url, {"date": "2023-05-07", "description": "Bản cũ", "version": step.version - 1})
    assert stale.status_code == 422
    assert "Thay đổi của anh/chị chưa được lưu" in stale.content.decode()
    step.refresh_from_db()
    assert step.description == "Họp đối thoại, thống nhất lịch trả lương"


def test_deleting_a_support_row_asks_first_then_returns_to_the_incident(incident, support, officer, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    url = reverse("workforce:support_delete", args=[support.pk])
    ask = client.get(url)
    assert "Xóa hỗ trợ ngày 10/5/2023?" in ask.content.decode()
    assert IncidentSupport.objects.exists()
    done = client.post(url, {"version": support.version})
    assert done.status_code == 302
    assert done.url == incident.get_absolute_url()
    assert not IncidentSupport.objects.exists()

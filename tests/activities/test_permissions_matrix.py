"""Who may do what with activities: every role × own/other body × list/view/create/edit/delete, through the pages
and the API, with the exact status of each cell and nothing changed when refused.

The rules (phoihop/activities/permissions.py): the programme is joint, so every role reads every body's activities;
officers and leaders write their own body's (their agency and the units under it); leaders delete them. A write to
another body's activity is refused with a 403 and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.activities.models import Activity
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory, ParticipantFactory
from tests.activities.helpers import activity_form_data, activity_payload

ROLES = [Role.VIEWER, Role.OFFICER, Role.LEADER, Role.SECRETARIAT, Role.ADMIN]
BODIES = ["own", "other"]
WRITERS = {Role.OFFICER, Role.LEADER}


def may_read(role: Role, body: str) -> bool:
    """The shared view: every role reads both bodies' records."""
    return True


def may_create(role: Role) -> bool:
    return role == Role.ADMIN or role in WRITERS


def may_edit(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role in WRITERS and body == "own")


def may_delete(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role == Role.LEADER and body == "own")


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


@dataclass
class World:
    user: User
    own: Agency
    other: Agency
    own_activity: Activity
    other_activity: Activity

    def activity(self, body: str) -> Activity:
        return self.own_activity if body == "own" else self.other_activity

    def agency(self, body: str) -> Agency:
        return self.own if body == "own" else self.other


@pytest.fixture
def world(request: pytest.FixtureRequest, make_user, federation: Agency, authority: Agency) -> World:  # type: ignore[no-untyped-def]
    role = request.getfixturevalue("role")
    own = ActivityFactory(owner_agency=federation, title="Chợ Tết Công đoàn 2023")
    other = ActivityFactory(owner_agency=authority, title="Hội nghị kết nối đào tạo lao động chất lượng cao")
    ParticipantFactory(activity=own)
    ParticipantFactory(activity=other)
    return World(make_user(role, federation), federation, authority, own, other)


@pytest.mark.parametrize("role", ROLES)
def test_list_shows_only_what_the_role_reads(role: Role, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(world.user).get(reverse("activities:activity_list")).content.decode()
    assert "Chợ Tết Công đoàn 2023" in html
    assert ("Hội nghị kết nối đào tạo" in html) is may_read(role, "other")
    assert (reverse("activities:activity_create") in html) is may_create(role)

    api = api_for(world.user).get("/activities/activities")
    assert api.status_code == 200
    expected = {world.own_activity.pk} | ({world.other_activity.pk} if may_read(role, "other") else set())
    assert {item["id"] for item in api.json()["items"]} == expected


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_detail(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    activity = world.activity(body)
    response = client_for(world.user).get(activity.get_absolute_url())
    api = api_for(world.user).get(f"/activities/activities/{activity.pk}")
    if not may_read(role, body):
        assert response.status_code == 404
        assert api.status_code == 404
        assert activity.title not in response.content.decode()
        return
    html = response.content.decode()
    assert response.status_code == 200
    assert activity.title in html
    assert (reverse("activities:activity_update", args=[activity.pk]) in html) is may_edit(role, body)
    assert (reverse("activities:activity_delete", args=[activity.pk]) in html) is may_delete(role, body)
    assert api.status_code == 200
    assert api.json()["participants"][0]["unit"] == "persons"


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_create_page(role: Role, body: str, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    """ "other" posts another body as the organising body: only the administrator may file under any body."""
    client: Client = client_for(world.user)
    url = reverse("activities:activity_create")
    before, events = Activity.objects.count(), changes()
    assert client.get(url).status_code == (200 if may_create(role) else 403)

    response = client.post(url, activity_form_data(owner_agency=world.agency(body).pk))
    if not may_create(role):
        assert response.status_code == 403
        assert Activity.objects.count() == before
        assert changes() == events
        return
    created = Activity.objects.get(title="Tuyên truyền Bộ luật Lao động tại KCN Tràng Duệ")
    assert response.status_code == 302
    expected_owner = world.agency(body) if role == Role.ADMIN else world.own
    assert created.owner_agency == expected_owner
    assert changes() == events + 1


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_create_api(role: Role, body: str, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    before, events = Activity.objects.count(), changes()
    response = api_for(world.user).post(
        "/activities/activities", activity_payload(owner_agency_id=world.agency(body).pk)
    )
    if not may_create(role):
        expected = 403
    elif role != Role.ADMIN and body == "other":
        expected = 422
    else:
        expected = 201
    assert response.status_code == expected, response.content
    if expected == 201:
        assert response.json()["owner_agency"]["id"] == world.agency(body).pk
        assert response.json()["participants"] == [
            {"group": "workers", "count": 350, "unit": "persons", "qualifier": "exact", "note": ""}
        ]
        assert changes() == events + 1
    else:
        assert response.json()["code"] == ("forbidden" if expected == 403 else "foreign_agency")
        assert Activity.objects.count() == before
        assert changes() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_page(role: Role, body: str, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    activity = world.activity(body)
    client: Client = client_for(world.user)
    url = reverse("activities:activity_update", args=[activity.pk])
    events = changes()
    expected = 200 if may_edit(role, body) else (403 if may_read(role, body) else 404)
    assert client.get(url).status_code == expected

    response = client.post(url, activity_form_data(activity, title="Tên đã sửa"))
    activity.refresh_from_db()
    if may_edit(role, body):
        assert response.status_code == 302
        assert activity.title == "Tên đã sửa"
        assert activity.version == 2
        assert changes() == events + 1
    else:
        assert response.status_code == expected
        assert activity.title != "Tên đã sửa"
        assert activity.version == 1
        assert changes() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_api(role: Role, body: str, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    activity = world.activity(body)
    events = changes()
    response = api_for(world.user).patch(
        f"/activities/activities/{activity.pk}", {"version": activity.version, "title": "Tên đã sửa"}
    )
    activity.refresh_from_db()
    if may_edit(role, body):
        assert response.status_code == 200
        assert response.json()["version"] == 2
        assert changes() == events + 1
    else:
        assert response.status_code == (403 if may_read(role, body) else 404)
        assert activity.title != "Tên đã sửa"
        assert changes() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_delete_page_and_api(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    activity = world.activity(body)
    url = reverse("activities:activity_delete", args=[activity.pk])
    events = changes()
    refused = 403 if may_read(role, body) else 404
    client: Client = client_for(world.user)
    assert client.get(url).status_code == (200 if may_delete(role, body) else refused)

    if may_delete(role, body):
        response = client.post(url, {"version": activity.version})
        assert response.status_code == 302
        assert not Activity.objects.filter(pk=activity.pk).exists()
        assert changes() == events + 1
        return
    assert client.post(url, {"version": activity.version}).status_code == refused
    api = api_for(world.user).delete(f"/activities/activities/{activity.pk}", version=activity.version)
    assert api.status_code == refused
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert changes() == events


@pytest.mark.parametrize("role", [Role.LEADER, Role.ADMIN])
def test_delete_api(role: Role, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    activity = world.own_activity
    response = api_for(world.user).delete(f"/activities/activities/{activity.pk}", version=activity.version)
    assert response.status_code == 204
    assert not Activity.objects.filter(pk=activity.pk).exists()


def test_anonymous_callers_are_sent_to_login_and_the_api_answers_401(federation: Agency, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    for url in (
        reverse("activities:activity_list"),
        reverse("activities:activity_create"),
        activity.get_absolute_url(),
        reverse("activities:activity_update", args=[activity.pk]),
        reverse("activities:participant_row"),
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    assert anonymous_api.get("/activities/activities").status_code == 401
    assert anonymous_api.post("/activities/activities", activity_payload()).status_code == 401
    assert Activity.objects.count() == 1

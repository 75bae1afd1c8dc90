"""Who may do what with foundings: every role × own/other body × list/view/create/edit/delete, pages and API, with
nothing changed when refused. Every role reads every body's foundings (the shared view of the programme); a write
to another body's record is a 403."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency, Enterprise
from phoihop.organizing.models import Founding
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.organizing.factories import FoundingFactory
from tests.organizing.helpers import founding_form_data, founding_payload

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
    own_founding: Founding
    other_founding: Founding
    maple: Enterprise

    def founding(self, body: str) -> Founding:
        return self.own_founding if body == "own" else self.other_founding

    def agency(self, body: str) -> Agency:
        return self.own if body == "own" else self.other


@pytest.fixture
def world(request: pytest.FixtureRequest, make_user, federation: Agency, maple: Enterprise) -> World:  # type: ignore[no-untyped-def]
    other = AgencyFactory(short_code="LĐLĐQ", name="Liên đoàn Lao động quận Hải An", kind=AgencyKind.UNION)
    own_founding = FoundingFactory(owner_agency=federation, enterprise=EnterpriseFactory(name="Công ty TNHH Của Mình"))
    other_founding = FoundingFactory(owner_agency=other, enterprise=EnterpriseFactory(name="Công ty TNHH Của Bạn"))
    return World(
        make_user(request.getfixturevalue("role"), federation), federation, other, own_founding, other_founding, maple
    )


@pytest.mark.parametrize("role", ROLES)
def test_list(role: Role, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(world.user).get(reverse("organizing:founding_list")).content.decode()
    assert "Công ty TNHH Của Mình" in html
    assert ("Công ty TNHH Của Bạn" in html) is may_read(role, "other")
    assert (reverse("organizing:founding_create") in html) is may_create(role)
    items = api_for(world.user).get("/organizing/foundings").json()["items"]
    expected = {world.own_founding.pk} | ({world.other_founding.pk} if may_read(role, "other") else set())
    assert {item["id"] for item in items} == expected


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_detail(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    founding = world.founding(body)
    response = client_for(world.user).get(founding.get_absolute_url())
    api = api_for(world.user).get(f"/organizing/foundings/{founding.pk}")
    if not may_read(role, body):
        assert (response.status_code, api.status_code) == (404, 404)
        return
    html = response.content.decode()
    assert founding.enterprise.name in html
    assert (reverse("organizing:founding_update", args=[founding.pk]) in html) is may_edit(role, body)
    assert (reverse("organizing:founding_delete", args=[founding.pk]) in html) is may_delete(role, body)
    assert api.json()["display_name"] == str(founding)


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_create_page_and_api(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(world.user)
    url = reverse("organizing:founding_create")
    events = changes()
    assert client.get(url).status_code == (200 if may_create(role) else 403)
    response = client.post(url, founding_form_data(owner_agency=world.agency(body).pk))
    if not may_create(role):
        assert response.status_code == 403
        api = api_for(world.user).post("/organizing/foundings", founding_payload(world.maple.pk))
        assert api.status_code == 403
        assert not Founding.objects.filter(enterprise=world.maple).exists()
        assert changes() == events
        return
    created = Founding.objects.get(enterprise=world.maple)
    assert response.status_code == 302
    assert created.owner_agency == (world.agency(body) if role == Role.ADMIN else world.own)
    assert changes() == events + 1

    created.delete()
    api = api_for(world.user).post(
        "/organizing/foundings", founding_payload(world.maple.pk, owner_agency_id=world.agency(body).pk)
    )
    if role != Role.ADMIN and body == "other":
        assert api.status_code == 422
        assert api.json()["code"] == "foreign_agency"
    else:
        assert api.status_code == 201, api.content
        assert api.json()["owner_agency"]["id"] == world.agency(body).pk


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_edit_page_and_api(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    founding = world.founding(body)
    url = reverse("organizing:founding_update", args=[founding.pk])
    refused = 403 if may_read(role, body) else 404
    events = changes()
    client: Client = client_for(world.user)
    assert client.get(url).status_code == (200 if may_edit(role, body) else refused)
    response = client.post(url, founding_form_data(founding, members_at_founding="99"))
    founding.refresh_from_db()
    if may_edit(role, body):
        assert response.status_code == 302
        assert founding.members_at_founding == 99
        api = api_for(world.user).patch(
            f"/organizing/foundings/{founding.pk}", {"version": founding.version, "members_at_founding": 100}
        )
        assert api.status_code == 200
        assert api.json()["version"] == 3
        assert changes() == events + 2
    else:
        assert response.status_code == refused
        api = api_for(world.user).patch(
            f"/organizing/foundings/{founding.pk}", {"version": 1, "members_at_founding": 1}
        )
        assert api.status_code == refused
        founding.refresh_from_db()
        assert founding.members_at_founding == 45
        assert changes() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_delete_page_and_api(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    founding = world.founding(body)
    url = reverse("organizing:founding_delete", args=[founding.pk])
    refused = 403 if may_read(role, body) else 404
    client: Client = client_for(world.user)
    assert client.get(url).status_code == (200 if may_delete(role, body) else refused)
    if may_delete(role, body):
        assert api_for(world.user).delete(f"/organizing/foundings/{founding.pk}", version=1).status_code == 204
        assert not Founding.objects.filter(pk=founding.pk).exists()
        return
    assert client.post(url, {"version": 1}).status_code == refused
    assert api_for(world.user).delete(f"/organizing/foundings/{founding.pk}", version=1).status_code == refused
    assert Founding.objects.filter(pk=founding.pk).exists()

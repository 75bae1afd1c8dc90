"""Who may do what in the directory: every role × own/other body × list/view/create/edit/delete, through the pages
and through the API, with the exact status of each cell and nothing changed when refused.

The rules (phoihop/directory/permissions.py): the directory is shared reference data, readable by every signed-in
user. An enterprise is edited by the officers, leaders and secretariat of the body that registered it and by the
administrator; it is deleted by that body's leaders and the administrator. Agencies and zones are kept by the
administrator alone (they have no owner body, so "own/other" does not change their cells). Anonymous callers are
sent to the login page; the API answers them 401."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.services import create_agency, create_zone, update_agency, update_zone
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.directory.helpers import enterprise_form_data, enterprise_payload, zone_form_data

ROLES = [Role.VIEWER, Role.OFFICER, Role.LEADER, Role.SECRETARIAT, Role.ADMIN]
BODIES = ["own", "other"]
EDITOR_ROLES = {Role.OFFICER, Role.LEADER, Role.SECRETARIAT}


def may_create_enterprise(role: Role) -> bool:
    return role == Role.ADMIN or role in EDITOR_ROLES


def may_edit_enterprise(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role in EDITOR_ROLES and body == "own")


def may_delete_enterprise(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role == Role.LEADER and body == "own")


@dataclass
class World:
    user: User
    own: Agency
    other: Agency
    own_enterprise: Enterprise
    other_enterprise: Enterprise
    zone: Zone

    def agency(self, body: str) -> Agency:
        return self.own if body == "own" else self.other

    def enterprise(self, body: str) -> Enterprise:
        return self.own_enterprise if body == "own" else self.other_enterprise


def build_world(role: Role, make_user, agency: Agency, other_agency: Agency) -> World:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    # The administrator belongs to no body; "own" is then simply the first body.
    user = make_user(role, agency)
    return World(
        user=user,
        own=agency,
        other=other_agency,
        own_enterprise=EnterpriseFactory(name="Công ty TNHH Của Mình", owner_agency=agency, zone=zone),
        other_enterprise=EnterpriseFactory(name="Công ty TNHH Của Bạn", owner_agency=other_agency, zone=zone),
        zone=zone,
    )


@pytest.fixture
def world(request: pytest.FixtureRequest, make_user, agency: Agency, other_agency: Agency) -> World:  # type: ignore[no-untyped-def]
    return build_world(request.getfixturevalue("role"), make_user, agency, other_agency)


def audit_count() -> int:
    """Changes recorded in the audit trail (signing in is recorded too, and is not a change)."""
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


# --- enterprises: list and view ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_enterprise_list_shows_every_body_and_the_add_button_only_to_writers(
    role: Role, world: World, client_for, api_for
) -> None:  # type: ignore[no-untyped-def]
    response = client_for(world.user).get(reverse("directory:enterprise_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Công ty TNHH Của Mình" in html
    assert "Công ty TNHH Của Bạn" in html
    assert (reverse("directory:enterprise_create") in html) is may_create_enterprise(role)

    api = api_for(world.user).get("/directory/enterprises")
    assert api.status_code == 200
    assert api.json()["count"] == 2
    assert {item["id"] for item in api.json()["items"]} == {world.own_enterprise.pk, world.other_enterprise.pk}


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_detail_is_readable_and_shows_only_the_allowed_buttons(
    role: Role, body: str, world: World, client_for, api_for
) -> None:  # type: ignore[no-untyped-def]
    enterprise = world.enterprise(body)
    response = client_for(world.user).get(enterprise.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert enterprise.name in html
    assert (reverse("directory:enterprise_update", args=[enterprise.pk]) in html) is may_edit_enterprise(role, body)
    assert (reverse("directory:enterprise_delete", args=[enterprise.pk]) in html) is may_delete_enterprise(role, body)

    api = api_for(world.user).get(f"/directory/enterprises/{enterprise.pk}")
    assert api.status_code == 200
    assert api.json()["name"] == enterprise.name


# --- enterprises: create -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_create_page(role: Role, body: str, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    """ "other" posts another body as owner_agency: only the administrator may file a record under another body; for
    everyone else the field does not exist and the record is filed under their own body."""
    client: Client = client_for(world.user)
    url = reverse("directory:enterprise_create")
    before, events = Enterprise.objects.count(), audit_count()

    assert client.get(url).status_code == (200 if may_create_enterprise(role) else 403)
    response = client.post(url, enterprise_form_data(owner_agency=world.agency(body).pk))

    if not may_create_enterprise(role):
        assert response.status_code == 403
        assert Enterprise.objects.count() == before
        assert audit_count() == events
        return
    created = Enterprise.objects.get(tax_code="0201234567")
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    expected_owner = world.agency(body) if role == Role.ADMIN else world.own
    assert created.owner_agency == expected_owner
    assert Enterprise.objects.count() == before + 1
    assert audit_count() == events + 1


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_create_api(role: Role, body: str, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    before, events = Enterprise.objects.count(), audit_count()
    response = api_for(world.user).post(
        "/directory/enterprises", enterprise_payload(owner_agency_id=world.agency(body).pk)
    )

    if not may_create_enterprise(role):
        expected = 403
    elif role != Role.ADMIN and body == "other":
        expected = 422  # a forged owner body is refused, never honoured
    else:
        expected = 201
    assert response.status_code == expected, response.content
    if expected == 201:
        assert response.json()["owner_agency_id"] == world.agency(body).pk
        assert Enterprise.objects.count() == before + 1
        assert audit_count() == events + 1
    else:
        assert response.json()["code"] == ("forbidden" if expected == 403 else "foreign_agency")
        assert Enterprise.objects.count() == before
        assert audit_count() == events


# --- enterprises: edit -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_edit_page(role: Role, body: str, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = world.enterprise(body)
    client: Client = client_for(world.user)
    url = reverse("directory:enterprise_update", args=[enterprise.pk])
    events = audit_count()
    allowed = may_edit_enterprise(role, body)

    assert client.get(url).status_code == (200 if allowed else 403)
    response = client.post(url, enterprise_form_data(enterprise, name="Tên đã sửa"))

    enterprise.refresh_from_db()
    if allowed:
        assert response.status_code == 302
        assert enterprise.name == "Tên đã sửa"
        assert enterprise.version == 2
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert enterprise.name != "Tên đã sửa"
        assert enterprise.version == 1
        assert audit_count() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_edit_api(role: Role, body: str, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = world.enterprise(body)
    events = audit_count()
    response = api_for(world.user).patch(
        f"/directory/enterprises/{enterprise.pk}", {"version": enterprise.version, "name": "Tên đã sửa"}
    )

    enterprise.refresh_from_db()
    if may_edit_enterprise(role, body):
        assert response.status_code == 200
        assert response.json()["version"] == 2
        assert enterprise.name == "Tên đã sửa"
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert response.json()["code"] == "forbidden"
        assert enterprise.name != "Tên đã sửa"
        assert enterprise.version == 1
        assert audit_count() == events


# --- enterprises: delete -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_delete_page(role: Role, body: str, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = world.enterprise(body)
    client: Client = client_for(world.user)
    url = reverse("directory:enterprise_delete", args=[enterprise.pk])
    events = audit_count()
    allowed = may_delete_enterprise(role, body)

    assert client.get(url).status_code == (200 if allowed else 403)
    response = client.post(url, {"version": enterprise.version})

    if allowed:
        assert response.status_code == 302
        assert response["Location"] == reverse("directory:enterprise_list")
        assert not Enterprise.objects.filter(pk=enterprise.pk).exists()
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert Enterprise.objects.filter(pk=enterprise.pk).exists()
        assert audit_count() == events


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_enterprise_delete_api(role: Role, body: str, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    enterprise = world.enterprise(body)
    events = audit_count()
    response = api_for(world.user).delete(f"/directory/enterprises/{enterprise.pk}", version=enterprise.version)

    if may_delete_enterprise(role, body):
        assert response.status_code == 204
        assert not Enterprise.objects.filter(pk=enterprise.pk).exists()
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert Enterprise.objects.filter(pk=enterprise.pk).exists()
        assert audit_count() == events


# --- zones: read by all, kept by the administrator ----------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_zones_are_readable_by_everyone(role: Role, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(world.user)
    api: ApiClient = api_for(world.user)
    is_admin = role == Role.ADMIN

    listing = client.get(reverse("directory:zone_list"))
    assert listing.status_code == 200
    assert "KCN Tràng Duệ" in listing.content.decode()
    assert (reverse("directory:zone_create") in listing.content.decode()) is is_admin

    detail = client.get(world.zone.get_absolute_url())
    assert detail.status_code == 200
    assert "Công ty TNHH Của Bạn" in detail.content.decode()
    assert (reverse("directory:zone_update", args=[world.zone.pk]) in detail.content.decode()) is is_admin

    assert api.get("/directory/zones").status_code == 200
    assert [z["name"] for z in api.get("/directory/zones").json()] == ["KCN Tràng Duệ"]
    assert api.get(f"/directory/zones/{world.zone.pk}").json()["name"] == "KCN Tràng Duệ"


@pytest.mark.parametrize("role", ROLES)
def test_zone_create_page_is_for_the_administrator(role: Role, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(world.user)
    url = reverse("directory:zone_create")
    before, events = Zone.objects.count(), audit_count()

    assert client.get(url).status_code == (200 if role == Role.ADMIN else 403)
    response = client.post(url, zone_form_data(name="KCN Nam Tràng Cát"))

    if role == Role.ADMIN:
        assert response.status_code == 302
        assert Zone.objects.filter(name="KCN Nam Tràng Cát").exists()
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert Zone.objects.count() == before
        assert audit_count() == events


@pytest.mark.parametrize("role", ROLES)
def test_zone_edit_page_is_for_the_administrator(role: Role, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(world.user)
    url = reverse("directory:zone_update", args=[world.zone.pk])
    events = audit_count()

    assert client.get(url).status_code == (200 if role == Role.ADMIN else 403)
    response = client.post(url, zone_form_data(world.zone, district="Hải An"))

    world.zone.refresh_from_db()
    if role == Role.ADMIN:
        assert response.status_code == 302
        assert world.zone.district == "Hải An"
        assert audit_count() == events + 1
    else:
        assert response.status_code == 403
        assert world.zone.district == "An Dương"
        assert world.zone.version == 1
        assert audit_count() == events


@pytest.mark.parametrize("role", ROLES)
def test_zones_and_agencies_cannot_be_written_through_the_api(role: Role, world: World, api_for) -> None:  # type: ignore[no-untyped-def]
    """The API reads zones and agencies; it has no endpoint that creates, changes or deletes them."""
    api: ApiClient = api_for(world.user)
    for path in (f"/directory/zones/{world.zone.pk}", f"/directory/agencies/{world.own.pk}"):
        assert api.patch(path, {"version": 1, "name": "Đổi tên"}).status_code == 405
        assert api.delete(path, version=1).status_code == 405
    assert api.post("/directory/zones", {"name": "KCN Mới", "kind": "industrial_park"}).status_code == 405
    assert api.post("/directory/agencies", {"name": "Cơ quan mới", "short_code": "MOI"}).status_code == 405
    zone = Zone.objects.get()
    assert (zone.name, zone.version) == ("KCN Tràng Duệ", 1)
    assert not Agency.objects.filter(short_code="MOI").exists()


@pytest.mark.parametrize("role", ROLES)
def test_zone_services_refuse_everyone_but_the_administrator(role: Role, world: World) -> None:
    data = {"name": "KCN Nam Tràng Cát", "kind": "industrial_park"}
    if role == Role.ADMIN:
        zone = create_zone(actor=world.user, data=data)
        update_zone(actor=world.user, zone=zone, data={"district": "Hải An"}, expected_version=1)
        assert Zone.objects.get(pk=zone.pk).district == "Hải An"
        return
    with pytest.raises(PermissionDenied):
        create_zone(actor=world.user, data=data)
    with pytest.raises(PermissionDenied):
        update_zone(actor=world.user, zone=world.zone, data={"district": "Hải An"}, expected_version=1)
    assert not Zone.objects.filter(name="KCN Nam Tràng Cát").exists()
    assert Zone.objects.get(pk=world.zone.pk).district == "An Dương"


# --- agencies: read by all, kept by the administrator ------------------------------------------------------------


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_agencies_are_readable_by_everyone(role: Role, body: str, world: World, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    client: Client = client_for(world.user)
    target = world.agency(body)

    listing = client.get(reverse("directory:agency_list"))
    assert listing.status_code == 200
    assert world.own.name in listing.content.decode()
    assert world.other.name in listing.content.decode()
    detail = client.get(target.get_absolute_url())
    assert detail.status_code == 200
    assert target.name in detail.content.decode()

    api: ApiClient = api_for(world.user)
    assert {a["short_code"] for a in api.get("/directory/agencies").json()} >= {world.own.short_code, "LĐLĐTP"}
    assert api.get(f"/directory/agencies/{target.pk}").json()["short_code"] == target.short_code


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("role", ROLES)
def test_agencies_are_created_edited_and_deleted_only_by_the_administrator(
    role: Role, body: str, world: World, client_for
) -> None:  # type: ignore[no-untyped-def]
    """Agencies are kept in the administration site (/quan-tri/); everyone else is turned away from it."""
    client: Client = client_for(world.user)
    target = world.agency(body)
    add_url = reverse("admin:directory_agency_add")
    change_url = reverse("admin:directory_agency_change", args=[target.pk])
    delete_url = reverse("admin:directory_agency_delete", args=[target.pk])
    if role == Role.ADMIN:
        assert client.get(add_url).status_code == 200
        assert client.get(change_url).status_code == 200
        assert client.get(delete_url).status_code == 403, "agencies are deactivated, never deleted"
        return
    before = Agency.objects.count()
    for url in (add_url, change_url, delete_url):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    client.post(delete_url, {"post": "yes"})
    client.post(change_url, {"name": "Đổi tên", "short_code": target.short_code, "kind": "state"})
    target.refresh_from_db()
    assert Agency.objects.count() == before
    assert target.name != "Đổi tên"
    with pytest.raises(PermissionDenied):
        create_agency(actor=world.user, data={"name": "Cơ quan mới", "short_code": "MOI", "kind": "state"})
    with pytest.raises(PermissionDenied):
        update_agency(actor=world.user, agency=target, data={"name": "Đổi tên"}, expected_version=target.version)
    assert not Agency.objects.filter(short_code="MOI").exists()


# --- anonymous callers and users who lost their access ----------------------------------------------------------

PAGE_URLS = [
    ("directory:enterprise_list", False),
    ("directory:enterprise_create", False),
    ("directory:enterprise_detail", True),
    ("directory:enterprise_update", True),
    ("directory:enterprise_delete", True),
    ("directory:zone_list", False),
    ("directory:zone_create", False),
    ("directory:agency_list", False),
    ("core:home", False),
]


@pytest.mark.parametrize(("name", "needs_pk"), PAGE_URLS)
def test_anonymous_pages_redirect_to_login(name: str, needs_pk: bool, agency: Agency) -> None:
    enterprise = EnterpriseFactory(owner_agency=agency)
    url = reverse(name, args=[enterprise.pk] if needs_pk else [])
    login = reverse("accounts:login")
    client = Client()

    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next={url}"

    events = audit_count()
    response = client.post(url, enterprise_form_data(enterprise, name="Ẩn danh sửa"))
    assert response.status_code == 302
    assert response["Location"].startswith(login)
    enterprise.refresh_from_db()
    assert enterprise.name != "Ẩn danh sửa"
    assert enterprise.version == 1
    assert Enterprise.objects.count() == 1
    assert audit_count() == events


@pytest.mark.parametrize("name", ["directory:zone_detail", "directory:zone_update", "directory:agency_detail"])
def test_anonymous_reference_pages_redirect_to_login(name: str, agency: Agency) -> None:
    zone = ZoneFactory()
    url = reverse(name, args=[agency.pk if "agency" in name else zone.pk])
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:login')}?next={url}"


def test_anonymous_api_answers_401_and_changes_nothing(agency: Agency, anonymous_api: ApiClient) -> None:
    enterprise = EnterpriseFactory(owner_agency=agency)
    zone = enterprise.zone
    assert zone is not None
    reads = [
        "/directory/enterprises",
        f"/directory/enterprises/{enterprise.pk}",
        "/directory/zones",
        f"/directory/zones/{zone.pk}",
        "/directory/agencies",
        f"/directory/agencies/{agency.pk}",
    ]
    for path in reads:
        response = anonymous_api.get(path)
        assert response.status_code == 401, path
        assert response.json()["code"] == "unauthenticated"
        assert "items" not in response.json()
    writes = [
        anonymous_api.post("/directory/enterprises", enterprise_payload()),
        anonymous_api.patch(f"/directory/enterprises/{enterprise.pk}", {"version": 1, "name": "Ẩn danh"}),
        anonymous_api.delete(f"/directory/enterprises/{enterprise.pk}", version=1),
    ]
    assert [r.status_code for r in writes] == [401, 401, 401]
    assert writes[0].json()["message"] == "Cần đăng nhập hoặc mã API hợp lệ."
    enterprise.refresh_from_db()
    assert Enterprise.objects.count() == 1
    assert enterprise.version == 1
    assert not AuditEvent.objects.exists()


def test_a_deactivated_user_loses_the_pages_and_the_api_at_once(officer: User, client_for, token_for) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(name="Công ty TNHH Bí Mật", owner_agency=officer.agency)
    client: Client = client_for(officer)
    token = token_for(officer)
    assert client.get(reverse("directory:enterprise_list")).status_code == 200

    User.objects.filter(pk=officer.pk).update(is_active=False)

    page = client.get(reverse("directory:enterprise_list"))
    assert page.status_code == 302
    assert "Công ty TNHH Bí Mật" not in page.content.decode()
    assert ApiClient(client).get("/directory/enterprises").status_code == 401
    assert ApiClient(token=token).get("/directory/enterprises").status_code == 401


def test_only_the_administrator_sees_the_owner_body_field(officer: User, admin_user: User, client_for) -> None:  # type: ignore[no-untyped-def]
    url = reverse("directory:enterprise_create")
    assert 'name="owner_agency"' not in client_for(officer).get(url).content.decode()
    assert 'name="owner_agency"' in client_for(admin_user).get(url).content.decode()

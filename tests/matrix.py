"""The permission matrix every record app keeps (activities, organizing, oversight, practices, housing): role ×
own/other body × action, through the pages and through the API, with the exact status of each cell and nothing
changed when refused.

The rules (RECORDS.md, each app's permissions.py): a body's records are those of its agency and the units under it.
The programme is joint: every signed-in member of the bodies reads every body's records (the owner body is shown on
each row); officers and leaders write their body's; leaders delete them; the administrator may do anything. A record
the user reads but may not change is a 403 — now that every record is readable, that is every refused write across
bodies — and nothing is changed.

Each app's test module describes its record with a `RecordCase` (and its child rows with `ChildCase`s) and subclasses
`RecordMatrix` as a `Test…` class: the parametrised tests are written once, here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.apiclient import ApiClient

ROLES = [Role.VIEWER, Role.OFFICER, Role.LEADER, Role.SECRETARIAT, Role.ADMIN]
BODIES = ["own", "other"]
WRITERS = {Role.OFFICER, Role.LEADER}


def reads(role: Role, body: str) -> bool:
    """Every role reads both bodies' records: the shared view of the programme."""
    return True


def may_create(role: Role) -> bool:
    return role == Role.ADMIN or role in WRITERS


def may_edit(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role in WRITERS and body == "own")


def may_delete(role: Role, body: str) -> bool:
    return role == Role.ADMIN or (role == Role.LEADER and body == "own")


def refused_status(role: Role, body: str) -> int:
    """Readable but not allowed is a 403 (an out-of-reach record would be a 404; with the shared view there is none)."""
    return 403 if reads(role, body) else 404


def audit_count() -> int:
    """Changes recorded in the audit trail (signing in is recorded too, and is not a change)."""
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


@dataclass
class RecordCase:
    """How to exercise one record kind: its URLs, how to make one, what a browser and an API client send."""

    model: type[models.Model]
    list_url: str
    create_url: str
    update_url: Callable[[Any], str]
    delete_url: Callable[[Any], str]
    api_path: str  # e.g. "/oversight/inspections"
    make: Callable[[Agency, str], Any]  # (owner body, title) -> a stored record
    form_data: Callable[[Any], dict[str, Any]]  # a record's form as the browser submits it (None: a new record)
    api_payload: Callable[[], dict[str, Any]]  # a valid body for POST
    title_of: Callable[[Any], str]
    title_field: str  # the field the edit tests change
    new_title: str = "Tên đã được sửa lại"
    api_owner: Callable[[dict[str, Any]], int] = lambda body: body["owner_agency_id"]  # the owner id in an answer


def record_urls(app: str, name: str) -> dict[str, Any]:
    """The list, create, update and delete URLs of a record kind whose pages core/records.RecordPages declares."""
    return {
        "list_url": reverse(f"{app}:{name}_list"),
        "create_url": reverse(f"{app}:{name}_create"),
        "update_url": lambda obj: reverse(f"{app}:{name}_update", args=[obj.pk]),
        "delete_url": lambda obj: reverse(f"{app}:{name}_delete", args=[obj.pk]),
    }


@dataclass
class World:
    user: User
    own: Agency
    other: Agency
    own_record: Any
    other_record: Any

    def agency(self, body: str) -> Agency:
        return self.own if body == "own" else self.other

    def record(self, body: str) -> Any:
        return self.own_record if body == "own" else self.other_record


def build_world(case: RecordCase, role: Role, make_user: Any, own: Agency, other: Agency) -> World:
    # The administrator belongs to no body; "own" is then simply the first body.
    return World(
        user=make_user(role, own),
        own=own,
        other=other,
        own_record=case.make(own, "Bản ghi của đơn vị mình"),
        other_record=case.make(other, "Bản ghi của đơn vị bạn"),
    )


def _reload(case: RecordCase, record: Any) -> Any:
    return case.model._default_manager.filter(pk=record.pk).first()


# --- list and detail ----------------------------------------------------------------------------------------------


def check_list(case: RecordCase, role: Role, world: World, client: Client, api: ApiClient) -> None:
    response = client.get(case.list_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert case.title_of(world.own_record) in html
    assert (case.title_of(world.other_record) in html) is reads(role, "other")
    assert (case.create_url in html) is may_create(role)

    listing = api.get(case.api_path)
    assert listing.status_code == 200
    ids = {item["id"] for item in listing.json()["items"]}
    expected = {world.own_record.pk} | ({world.other_record.pk} if reads(role, "other") else set())
    assert ids == expected


def check_detail(case: RecordCase, role: Role, body: str, world: World, client: Client, api: ApiClient) -> None:
    record = world.record(body)
    response = client.get(record.get_absolute_url())
    from_api = api.get(f"{case.api_path}/{record.pk}")
    if not reads(role, body):
        assert response.status_code == 404
        assert from_api.status_code == 404
        assert from_api.json()["code"] == "not_found"
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert case.title_of(record) in html
    assert (case.update_url(record) in html) is may_edit(role, body)
    assert (case.delete_url(record) in html) is may_delete(role, body)
    assert "Lịch sử thay đổi" in html
    assert from_api.status_code == 200
    assert from_api.json()["id"] == record.pk


# --- create -------------------------------------------------------------------------------------------------------


def check_create_page(case: RecordCase, role: Role, body: str, world: World, client: Client) -> None:
    """ "other" posts another body as owner: only the administrator may file a record under another body; for
    everyone else the field does not exist and the record is filed under their own body."""
    before, events = case.model._default_manager.count(), audit_count()
    assert client.get(case.create_url).status_code == (200 if may_create(role) else 403)
    response = client.post(case.create_url, {**case.form_data(None), "owner_agency": world.agency(body).pk})
    if not may_create(role):
        assert response.status_code == 403
        assert case.model._default_manager.count() == before
        assert audit_count() == events
        return
    assert response.status_code == 302, response.content.decode()[:3000]
    created = case.model._default_manager.order_by("-pk").first()
    assert response["Location"] == created.get_absolute_url()
    assert created.owner_agency == (world.agency(body) if role == Role.ADMIN else world.own)
    assert case.model._default_manager.count() == before + 1
    assert audit_count() == events + 1


def check_create_api(case: RecordCase, role: Role, body: str, world: World, api: ApiClient) -> None:
    before, events = case.model._default_manager.count(), audit_count()
    response = api.post(case.api_path, {**case.api_payload(), "owner_agency_id": world.agency(body).pk})
    if not may_create(role):
        expected = 403
    elif role != Role.ADMIN and body == "other":
        expected = 422  # a forged owner body is refused, never honoured
    else:
        expected = 201
    assert response.status_code == expected, response.content
    if expected == 201:
        assert case.api_owner(response.json()) == world.agency(body).pk
        assert case.model._default_manager.count() == before + 1
        assert audit_count() == events + 1
    else:
        assert response.json()["code"] == ("forbidden" if expected == 403 else "foreign_agency"), response.json()
        assert case.model._default_manager.count() == before
        assert audit_count() == events


# --- edit ---------------------------------------------------------------------------------------------------------


def check_edit_page(case: RecordCase, role: Role, body: str, world: World, client: Client) -> None:
    record = world.record(body)
    url = case.update_url(record)
    events = audit_count()
    allowed = may_edit(role, body)
    refused = refused_status(role, body)
    assert client.get(url).status_code == (200 if allowed else refused)
    response = client.post(url, {**case.form_data(record), case.title_field: case.new_title})
    stored = _reload(case, record)
    if allowed:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert case.title_of(stored) == case.new_title
        assert stored.version == 2
        assert audit_count() == events + 1
    else:
        assert response.status_code == refused
        assert case.title_of(stored) != case.new_title
        assert stored.version == 1
        assert audit_count() == events


def check_edit_api(case: RecordCase, role: Role, body: str, world: World, api: ApiClient) -> None:
    record = world.record(body)
    events = audit_count()
    response = api.patch(f"{case.api_path}/{record.pk}", {"version": record.version, case.title_field: case.new_title})
    stored = _reload(case, record)
    if may_edit(role, body):
        assert response.status_code == 200, response.content
        assert response.json()["version"] == 2
        assert case.title_of(stored) == case.new_title
        assert audit_count() == events + 1
    else:
        assert response.status_code == refused_status(role, body)
        assert case.title_of(stored) != case.new_title
        assert stored.version == 1
        assert audit_count() == events


# --- delete -------------------------------------------------------------------------------------------------------


def check_delete_page(case: RecordCase, role: Role, body: str, world: World, client: Client) -> None:
    record = world.record(body)
    url = case.delete_url(record)
    events = audit_count()
    allowed = may_delete(role, body)
    refused = refused_status(role, body)
    assert client.get(url).status_code == (200 if allowed else refused)
    response = client.post(url, {"version": record.version})
    if allowed:
        assert response.status_code == 302
        assert response["Location"] == case.list_url
        assert _reload(case, record) is None
        assert audit_count() == events + 1
    else:
        assert response.status_code == refused
        assert _reload(case, record) is not None
        assert audit_count() == events


def check_delete_api(case: RecordCase, role: Role, body: str, world: World, api: ApiClient) -> None:
    record = world.record(body)
    events = audit_count()
    response = api.delete(f"{case.api_path}/{record.pk}", version=record.version)
    if may_delete(role, body):
        assert response.status_code == 204
        assert _reload(case, record) is None
        assert audit_count() == events + 1
    else:
        assert response.status_code == refused_status(role, body)
        assert _reload(case, record) is not None
        assert audit_count() == events


# --- rows that belong to a record (findings, follow-up actions, awards, milestones) -------------------------------


@dataclass
class ChildCase:
    """A row kept inside a record: changed by whoever may edit the record."""

    model: type[models.Model]
    create_url: Callable[[Any], str]  # parent -> page
    api_create_path: Callable[[Any], str]  # parent -> API path
    form_data: Callable[[Any], dict[str, Any]]  # parent -> form data
    api_payload: Callable[[Any], dict[str, Any]]  # parent -> API body


def check_child_create(child: ChildCase, role: Role, body: str, world: World, client: Client, api: ApiClient) -> None:
    parent = world.record(body)
    before, events = child.model._default_manager.count(), audit_count()
    allowed = may_edit(role, body)
    refused = refused_status(role, body)
    assert client.get(child.create_url(parent)).status_code == (200 if allowed else refused)
    page = client.post(child.create_url(parent), child.form_data(parent))
    from_api = api.post(child.api_create_path(parent), child.api_payload(parent))
    if allowed:
        assert page.status_code == 302, page.content.decode()[:3000]
        assert page["Location"] == parent.get_absolute_url()
        assert from_api.status_code == 201, from_api.content
        assert child.model._default_manager.count() == before + 2
        assert audit_count() == events + 2
    else:
        assert page.status_code == refused
        assert from_api.status_code == refused
        assert child.model._default_manager.count() == before
        assert audit_count() == events


# --- the tests, written once ----------------------------------------------------------------------------------------

role_and_body = [pytest.mark.parametrize("body", BODIES), pytest.mark.parametrize("role", ROLES)]


def _each_cell(test: Callable[..., None]) -> Callable[..., None]:
    for mark in role_and_body:
        test = mark(test)
    return test


class RecordMatrix:
    """Subclass as `class TestFoundingMatrix(RecordMatrix): case = CASE`; override the `world` fixture when the
    record needs bodies of a particular kind."""

    case: ClassVar[RecordCase]

    @pytest.fixture
    def world(self, request: pytest.FixtureRequest, make_user: Any, agency: Agency, other_agency: Agency) -> World:
        return build_world(self.case, request.getfixturevalue("role"), make_user, agency, other_agency)

    @pytest.mark.parametrize("role", ROLES)
    def test_list(self, role: Role, world: World, client_for: Any, api_for: Any) -> None:
        check_list(self.case, role, world, client_for(world.user), api_for(world.user))

    @_each_cell
    def test_detail(self, role: Role, body: str, world: World, client_for: Any, api_for: Any) -> None:
        check_detail(self.case, role, body, world, client_for(world.user), api_for(world.user))

    @_each_cell
    def test_create_page(self, role: Role, body: str, world: World, client_for: Any) -> None:
        check_create_page(self.case, role, body, world, client_for(world.user))

    @_each_cell
    def test_create_api(self, role: Role, body: str, world: World, api_for: Any) -> None:
        check_create_api(self.case, role, body, world, api_for(world.user))

    @_each_cell
    def test_edit_page(self, role: Role, body: str, world: World, client_for: Any) -> None:
        check_edit_page(self.case, role, body, world, client_for(world.user))

    @_each_cell
    def test_edit_api(self, role: Role, body: str, world: World, api_for: Any) -> None:
        check_edit_api(self.case, role, body, world, api_for(world.user))

    @_each_cell
    def test_delete_page(self, role: Role, body: str, world: World, client_for: Any) -> None:
        check_delete_page(self.case, role, body, world, client_for(world.user))

    @_each_cell
    def test_delete_api(self, role: Role, body: str, world: World, api_for: Any) -> None:
        check_delete_api(self.case, role, body, world, api_for(world.user))


class RecordWithChildrenMatrix(RecordMatrix):
    """The same, for a record whose child rows (`children`) are changed by whoever may edit the record."""

    children: ClassVar[tuple[ChildCase, ...]]

    @_each_cell
    def test_child_rows_follow_the_record(
        self, role: Role, body: str, world: World, client_for: Any, api_for: Any
    ) -> None:
        for child in self.children:
            check_child_create(child, role, body, world, client_for(world.user), api_for(world.user))

"""Who may do what with inspections: every role × own/other body × list/view/create/edit/delete, through the pages
and the API (tests/oversight/record_matrix.py states the rules), and the same for their findings and follow-ups."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.models import Agency
from phoihop.oversight.models import Finding, FollowUpAction, Inspection
from tests.oversight import record_matrix as m
from tests.oversight.factories import InspectionFactory
from tests.oversight.helpers import (
    finding_form_data,
    finding_payload,
    follow_up_form_data,
    follow_up_payload,
    inspection_form_data,
    inspection_payload,
    visited_enterprise,
)


def _make(owner: Agency, title: str) -> Inspection:
    return InspectionFactory(owner_agency=owner, title=title, enterprises=[visited_enterprise()])


CASE = m.RecordCase(
    model=Inspection,
    list_url=reverse("oversight:inspection_list"),
    create_url=reverse("oversight:inspection_create"),
    update_url=lambda obj: reverse("oversight:inspection_update", args=[obj.pk]),
    delete_url=lambda obj: reverse("oversight:inspection_delete", args=[obj.pk]),
    api_path="/oversight/inspections",
    make=_make,
    form_data=inspection_form_data,
    api_payload=inspection_payload,
    title_of=lambda obj: obj.title,
    title_field="title",
)

FINDINGS = m.ChildCase(
    model=Finding,
    create_url=lambda parent: reverse("oversight:finding_create", args=[parent.pk]),
    api_create_path=lambda parent: f"/oversight/inspections/{parent.pk}/findings",
    form_data=finding_form_data,
    api_payload=finding_payload,
)

FOLLOW_UPS = m.ChildCase(
    model=FollowUpAction,
    create_url=lambda parent: reverse("oversight:follow_up_create", args=[parent.pk]),
    api_create_path=lambda parent: f"/oversight/inspections/{parent.pk}/follow-ups",
    form_data=follow_up_form_data,
    api_payload=follow_up_payload,
)


@pytest.fixture
def world(request: pytest.FixtureRequest, make_user: Any, agency: Agency, other_agency: Agency) -> m.World:
    return m.build_world(CASE, request.getfixturevalue("role"), make_user, agency, other_agency)


@pytest.mark.parametrize("role", m.ROLES)
def test_list(role: Role, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_list(CASE, role, world, client_for(world.user), api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_detail(role: Role, body: str, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_detail(CASE, role, body, world, client_for(world.user), api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_create_page(role: Role, body: str, world: m.World, client_for: Any) -> None:
    m.check_create_page(CASE, role, body, world, client_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_create_api(role: Role, body: str, world: m.World, api_for: Any) -> None:
    m.check_create_api(CASE, role, body, world, api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_edit_page(role: Role, body: str, world: m.World, client_for: Any) -> None:
    m.check_edit_page(CASE, role, body, world, client_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_edit_api(role: Role, body: str, world: m.World, api_for: Any) -> None:
    m.check_edit_api(CASE, role, body, world, api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_delete_page(role: Role, body: str, world: m.World, client_for: Any) -> None:
    m.check_delete_page(CASE, role, body, world, client_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_delete_api(role: Role, body: str, world: m.World, api_for: Any) -> None:
    m.check_delete_api(CASE, role, body, world, api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_findings_follow_the_inspection(role: Role, body: str, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_child_create(FINDINGS, role, body, world, client_for(world.user), api_for(world.user))


@pytest.mark.parametrize("body", m.BODIES)
@pytest.mark.parametrize("role", m.ROLES)
def test_follow_ups_follow_the_inspection(role: Role, body: str, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_child_create(FOLLOW_UPS, role, body, world, client_for(world.user), api_for(world.user))

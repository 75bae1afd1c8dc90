"""Who may do what with housing projects: every role × own/other body × list/view/create/edit/delete, through
the pages and the API (tests/oversight/record_matrix.py states the rules), and the same for their milestones."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.models import Agency
from phoihop.housing.models import HousingProject, Milestone
from tests.housing.factories import ProjectFactory
from tests.housing.helpers import milestone_form_data, milestone_payload, project_form_data, project_payload
from tests.oversight import record_matrix as m


def _make(owner: Agency, title: str) -> HousingProject:
    return ProjectFactory(owner_agency=owner, name=title)


CASE = m.RecordCase(
    model=HousingProject,
    list_url=reverse("housing:project_list"),
    create_url=reverse("housing:project_create"),
    update_url=lambda obj: reverse("housing:project_update", args=[obj.pk]),
    delete_url=lambda obj: reverse("housing:project_delete", args=[obj.pk]),
    api_path="/housing/projects",
    make=_make,
    form_data=project_form_data,
    api_payload=project_payload,
    title_of=lambda obj: obj.name,
    title_field="name",
)

MILESTONES = m.ChildCase(
    model=Milestone,
    create_url=lambda parent: reverse("housing:milestone_create", args=[parent.pk]),
    api_create_path=lambda parent: f"/housing/projects/{parent.pk}/milestones",
    form_data=milestone_form_data,
    api_payload=milestone_payload,
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
def test_milestones_follow_the_project(role: Role, body: str, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_child_create(MILESTONES, role, body, world, client_for(world.user), api_for(world.user))

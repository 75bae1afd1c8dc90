"""Who may do what with "Dân vận khéo" models: every role × own/other body × list/view/create/edit/delete,
through the pages and the API (tests/oversight/record_matrix.py states the rules), and the same for their awards."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.models import Agency
from phoihop.practices.models import Award, GoodPractice
from tests.oversight import record_matrix as m
from tests.practices.factories import PracticeFactory
from tests.practices.helpers import award_form_data, award_payload, practice_form_data, practice_payload


def _make(owner: Agency, title: str) -> GoodPractice:
    return PracticeFactory(owner_agency=owner, title=title)


CASE = m.RecordCase(
    model=GoodPractice,
    list_url=reverse("practices:practice_list"),
    create_url=reverse("practices:practice_create"),
    update_url=lambda obj: reverse("practices:practice_update", args=[obj.pk]),
    delete_url=lambda obj: reverse("practices:practice_delete", args=[obj.pk]),
    api_path="/practices/practices",
    make=_make,
    form_data=practice_form_data,
    api_payload=practice_payload,
    title_of=lambda obj: obj.title,
    title_field="title",
)

AWARDS = m.ChildCase(
    model=Award,
    create_url=lambda parent: reverse("practices:award_create", args=[parent.pk]),
    api_create_path=lambda parent: f"/practices/practices/{parent.pk}/awards",
    form_data=award_form_data,
    api_payload=award_payload,
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
def test_awards_follow_the_model(role: Role, body: str, world: m.World, client_for: Any, api_for: Any) -> None:
    m.check_child_create(AWARDS, role, body, world, client_for(world.user), api_for(world.user))

"""Writes as a real request makes them: with autocommit on, not inside the transaction a normal Django test wraps
around everything. A service that locks rows (`select_for_update`) must open its own transaction, or PostgreSQL
refuses the lock and the user gets a 500; these tests catch a decorator that ends up on the wrong function."""

from __future__ import annotations

import json

import pytest

from phoihop.cases.models import Case
from tests.cases.conftest import World
from tests.cases.test_views_api import case_form

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_case_edit_through_the_api_is_saved(world: World, bearer) -> None:  # type: ignore[no-untyped-def]
    client = bearer(world.users["handler"])
    path = f"/api/v1/cases/cases/{world.case.pk}"
    edited = client.patch(path, json.dumps({"version": 1, "channel": "app"}), content_type="application/json")
    assert edited.status_code == 200, edited.content
    assert Case.objects.get(pk=world.case.pk).channel == "app"
    moved = client.post(
        f"{path}/transition", json.dumps({"version": 2, "to_status": "closed"}), content_type="application/json"
    )
    assert moved.status_code == 200, moved.content
    assert Case.objects.get(pk=world.case.pk).closed_at is not None


def test_a_case_edit_through_the_page_is_saved(world: World, login) -> None:  # type: ignore[no-untyped-def]
    client = login(world.users["handler"])
    response = client.post(f"/vu-viec/{world.case.pk}/sua/", case_form(world, version=1, channel="letter"))
    assert response.status_code == 302
    case = Case.objects.get(pk=world.case.pk)
    assert (case.channel, case.version) == ("letter", 2)

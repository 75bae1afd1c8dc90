"""Who may do what with activities: every role × own/other body × list/view/create/edit/delete, through the pages
and the API (tests/matrix.py states the rules), with what an activity's answer carries besides."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.activities.models import Activity
from phoihop.directory.models import Agency
from tests import matrix as m
from tests.activities.factories import ActivityFactory, ParticipantFactory
from tests.activities.helpers import activity_form_data, activity_payload


def _make(owner: Agency, title: str) -> Activity:
    activity = ActivityFactory(owner_agency=owner, title=title)
    ParticipantFactory(activity=activity)
    return activity


CASE = m.RecordCase(
    model=Activity,
    **m.record_urls("activities", "activity"),
    api_path="/activities/activities",
    make=_make,
    form_data=lambda obj: activity_form_data(obj),
    api_payload=activity_payload,
    title_of=lambda obj: obj.title,
    title_field="title",
    api_owner=lambda body: body["owner_agency"]["id"],
)


class TestActivityMatrix(m.RecordMatrix):
    case = CASE

    @pytest.fixture
    def world(self, request: pytest.FixtureRequest, make_user: Any, federation: Agency, authority: Agency) -> m.World:
        return m.build_world(CASE, request.getfixturevalue("role"), make_user, federation, authority)


def test_the_answer_carries_participants(federation: Agency, make_user: Any, api_for: Any) -> None:
    api = api_for(make_user(Role.OFFICER, federation))
    stored = _make(federation, "Chợ Tết Công đoàn 2023")
    assert api.get(f"/activities/activities/{stored.pk}").json()["participants"][0]["unit"] == "persons"
    created = api.post("/activities/activities", activity_payload())
    assert created.status_code == 201, created.content
    assert created.json()["participants"] == [
        {"group": "workers", "count": 350, "unit": "persons", "qualifier": "exact", "note": ""}
    ]


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

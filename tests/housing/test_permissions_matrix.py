"""Who may do what with housing projects: every role × own/other body × list/view/create/edit/delete, through
the pages and the API (tests/matrix.py states the rules), and the same for their milestones."""

from __future__ import annotations

from django.urls import reverse

from phoihop.directory.models import Agency
from phoihop.housing.models import HousingProject, Milestone
from tests import matrix as m
from tests.housing.factories import ProjectFactory
from tests.housing.helpers import milestone_form_data, milestone_payload, project_form_data, project_payload


def _make(owner: Agency, title: str) -> HousingProject:
    return ProjectFactory(owner_agency=owner, name=title)


CASE = m.RecordCase(
    model=HousingProject,
    **m.record_urls("housing", "project"),
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


class TestProjectMatrix(m.RecordWithChildrenMatrix):
    case = CASE
    children = (MILESTONES,)

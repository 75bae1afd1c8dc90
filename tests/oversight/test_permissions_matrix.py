"""Who may do what with inspections: every role × own/other body × list/view/create/edit/delete, through the pages
and the API (tests/matrix.py states the rules), and the same for their findings and follow-ups."""

from __future__ import annotations

from django.urls import reverse

from phoihop.directory.models import Agency
from phoihop.oversight.models import Finding, FollowUpAction, Inspection
from tests import matrix as m
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
    **m.record_urls("oversight", "inspection"),
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


class TestInspectionMatrix(m.RecordWithChildrenMatrix):
    case = CASE
    children = (FINDINGS, FOLLOW_UPS)

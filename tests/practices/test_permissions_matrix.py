"""Who may do what with "Dân vận khéo" models: every role × own/other body × list/view/create/edit/delete,
through the pages and the API (tests/matrix.py states the rules), and the same for their awards."""

from __future__ import annotations

from django.urls import reverse

from phoihop.directory.models import Agency
from phoihop.practices.models import Award, GoodPractice
from tests import matrix as m
from tests.practices.factories import PracticeFactory
from tests.practices.helpers import award_form_data, award_payload, practice_form_data, practice_payload


def _make(owner: Agency, title: str) -> GoodPractice:
    return PracticeFactory(owner_agency=owner, title=title)


CASE = m.RecordCase(
    model=GoodPractice,
    **m.record_urls("practices", "practice"),
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


class TestPracticeMatrix(m.RecordWithChildrenMatrix):
    case = CASE
    children = (AWARDS,)

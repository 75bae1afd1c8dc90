"""Who may do what with foundings: every role × own/other body × list/view/create/edit/delete, through the pages and
the API (tests/matrix.py states the rules). Both bodies are unions, so either may found a grassroots union."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency, Enterprise
from phoihop.organizing.models import Founding
from tests import matrix as m
from tests.directory.factories import AgencyFactory
from tests.organizing.factories import FoundingFactory
from tests.organizing.helpers import founding_form_data, founding_payload

CASE = m.RecordCase(
    model=Founding,
    **m.record_urls("organizing", "founding"),
    api_path="/organizing/foundings",
    make=lambda owner, title: FoundingFactory(owner_agency=owner, name=title),
    form_data=lambda obj: founding_form_data(obj),
    api_payload=lambda: founding_payload(Enterprise.objects.get(tax_code="0299000013").pk),
    title_of=lambda obj: obj.name,
    title_field="name",
    api_owner=lambda body: body["owner_agency"]["id"],
)


class TestFoundingMatrix(m.RecordMatrix):
    case = CASE

    @pytest.fixture
    def world(self, request: pytest.FixtureRequest, make_user: Any, federation: Agency, maple: Enterprise) -> m.World:
        other = AgencyFactory(short_code="LĐLĐQ", name="Liên đoàn Lao động quận Hải An", kind=AgencyKind.UNION)
        return m.build_world(CASE, request.getfixturevalue("role"), make_user, federation, other)

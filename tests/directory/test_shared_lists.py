"""Every programme list shows every body's records with the owner body on each row, and its "Đơn vị" choice narrows
the list to the user's own body (activities, foundings, models, housing projects; inspections have their own test in
tests/oversight/test_shared_view.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.directory.choices import AgencyKind
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.housing.factories import ProjectFactory
from tests.organizing.factories import FoundingFactory
from tests.practices.factories import PracticeFactory

pytestmark = pytest.mark.django_db


def _activity(owner: Agency, title: str) -> None:
    ActivityFactory(owner_agency=owner, title=title)


def _founding(owner: Agency, title: str) -> None:
    FoundingFactory(owner_agency=owner, enterprise=EnterpriseFactory(name=title))


def _practice(owner: Agency, title: str) -> None:
    PracticeFactory(owner_agency=owner, title=title)


def _project(owner: Agency, title: str) -> None:
    ProjectFactory(owner_agency=owner, name=title)


LISTS: list[tuple[str, Callable[[Agency, str], None]]] = [
    ("activities:activity_list", _activity),
    ("organizing:founding_list", _founding),
    ("practices:practice_list", _practice),
    ("housing:project_list", _project),
]


@pytest.mark.parametrize(("url_name", "make"), LISTS, ids=[name for name, _ in LISTS])
def test_a_list_shows_every_body_and_narrows_to_mine(
    url_name: str, make: Callable[[Agency, str], None], make_user: Any, client_for: Any
) -> None:
    federation = AgencyFactory(
        short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION
    )
    authority = AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")
    make(federation, "Bản ghi của Liên đoàn")
    make(authority, "Bản ghi của Ban Quản lý")
    client = client_for(make_user(Role.OFFICER, federation))
    url = reverse(url_name)

    every = client.get(url).content.decode()
    assert "Bản ghi của Liên đoàn" in every
    assert "Bản ghi của Ban Quản lý" in every
    assert '<span title="Ban Quản lý Khu kinh tế Hải Phòng">BQLKKT</span>' in every
    assert '<option value="mine">Đơn vị của tôi</option>' in every

    mine = client.get(url, {"scope": "mine"}).content.decode()
    assert "Bản ghi của Liên đoàn" in mine
    assert "Bản ghi của Ban Quản lý" not in mine

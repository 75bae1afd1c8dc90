"""Every list page's filters fuzzed through the Django test client: whatever a query string holds — years far out of
range, dates from year 1 to 9999, numbers beyond 64 bits, floats, text — the page answers 200 or a 4xx, never a 500
(the test client raises the view's exception, so a 500 fails with its traceback). The filter names are read from
the apps' FilterSets, so a new filter is fuzzed without touching this file."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import django_filters
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phoihop.accounts.choices import Role
from tests.activities.factories import ActivityFactory
from tests.cases.conftest import World
from tests.cases.factories import PetitionFactory
from tests.directory.factories import EnterpriseFactory, ZoneFactory

APPS = ("activities", "cases", "directory", "housing", "indicators", "organizing", "oversight", "planning", "practices")
# The list pages, and the filters the views read themselves beside their FilterSet.
LIST_PAGES = (
    "/hoat-dong/",
    "/vu-viec/",
    "/vu-viec/kien-nghi/",
    "/vu-viec/chu-de/",
    "/vu-viec/tong-hop/",
    "/danh-muc/doanh-nghiep/",
    "/danh-muc/khu/",
    "/danh-muc/co-quan/",
    "/nha-o-cong-nhan/",
    "/chi-tieu/",
    "/so-lieu/",
    "/thanh-lap-to-chuc/",
    "/kiem-tra-giam-sat/",
    "/kiem-tra-giam-sat/viec-qua-han/",
    "/ke-hoach/",
    "/van-ban/",
    "/dan-van-kheo/",
    "/bao-cao/",
)
VIEW_PARAMS = ("q", "page", "sort", "scope", "year", "agency", "plan", "indicator", "enterprise", "kind", "all")


def filter_names() -> list[str]:
    names: set[str] = set(VIEW_PARAMS)
    for app in APPS:
        try:
            module = importlib.import_module(f"phoihop.{app}.filters")
        except ImportError:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, django_filters.FilterSet):
                names.update(value.base_filters)
    return sorted(names)


NAMES = filter_names()

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 1, 1899, 1900, 2100, 2101, 2**31, 2**63 - 1, 2**63, 2**64, 10**30]),
).map(str)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
values = st.one_of(
    numbers,
    dates.map(dt.date.isoformat),
    dates.map(lambda day: day.strftime("%d/%m/%Y")),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["", "last", "1e400", "-0", "true", "on", "mine", "all", "2023-Q1", "2023-13-45", "9999-12-31"]),
    st.text(max_size=30),
)
queries = st.dictionaries(st.sampled_from(NAMES), values, min_size=1, max_size=5)


@pytest.fixture
def fuzz_world(world: World) -> World:
    zone = ZoneFactory(name="KCN Tràng Duệ")
    enterprise = EnterpriseFactory(name="Công ty TNHH Thử nghiệm", zone=zone)
    ActivityFactory(owner_agency=world.ldldtp, zone=zone, enterprises=[enterprise])
    PetitionFactory(owner_agency=world.ldldtp)
    return world


@pytest.mark.parametrize("url", LIST_PAGES)
def test_a_list_page_never_answers_500_whatever_its_filters(fuzz_world: World, login, url: str) -> None:  # type: ignore[no-untyped-def]
    # The secretariat reads every list; the handler of the case reads the cases' lists with personal data.
    user = fuzz_world.users["handler" if url.startswith("/vu-viec/") else "secretariat"]
    assert user.role in (Role.OFFICER, Role.SECRETARIAT)
    client = login(user)
    assert client.get(url).status_code == 200, url

    @settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(query=queries)
    def probe(query: dict[str, Any]) -> None:
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)

    probe()

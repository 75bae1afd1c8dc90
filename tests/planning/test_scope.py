"""A body is its agency and every unit under it, computed in one query whatever the depth."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.directory.selectors import agency_scope_ids, agency_scopes
from phoihop.indicators.periods import Period, periods_between
from tests.directory.factories import AgencyFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def test_scope_reaches_every_level_in_one_query(bodies: Bodies, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    grassroots = AgencyFactory(short_code="CĐCS1", parent=bodies.cdkkt)
    with django_assert_num_queries(1):
        scope = agency_scope_ids(bodies.ldldtp)
    assert scope == {bodies.ldldtp.pk, bodies.cdkkt.pk, grassroots.pk}
    assert agency_scope_ids(bodies.cdkkt.pk) == {bodies.cdkkt.pk, grassroots.pk}
    assert agency_scope_ids(bodies.bqlkkt) == {bodies.bqlkkt.pk}
    assert agency_scope_ids(None) == frozenset()
    with django_assert_num_queries(1):
        scopes = agency_scopes()
    assert scopes[bodies.dukkt.pk] == {bodies.dukkt.pk}


def test_periods_read_and_print_the_vietnamese_way() -> None:
    assert Period.parse("2023-03").label == "Tháng 3/2023"
    assert Period.parse("2023-01").label == "Tháng 01/2023"
    assert Period.parse("2023-q2").label == "Quý II/2023"
    assert Period.parse("2023").label == "Năm 2023"
    assert Period.parse("2024-02").end.day == 29
    assert Period.parse("2023-Q4").key == "2023-Q4"
    months = periods_between(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "month")
    assert len(months) == 12
    assert months[0].overlaps(Period.parse("2023-Q1"))
    assert not months[3].overlaps(Period.parse("2023-Q1"))

"""A body is its agency and every unit under it, computed in one query whatever the depth."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.accounts.choices import Role
from phoihop.directory.scope import can_own, home_scope, read_scope
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


@pytest.mark.parametrize("role", [Role.OFFICER, Role.LEADER, Role.SECRETARIAT, Role.VIEWER, Role.ADMIN])
def test_every_member_reads_every_body_and_writes_only_their_own(role: Role, bodies: Bodies) -> None:
    """The shared view: reads span every body (None); writes stay with the user's body; the home page still puts
    the user's own body first, except for those whose work spans every body."""
    user = bodies.user(role, bodies.ldldtp)
    assert read_scope(user) is None
    assert can_own(user, bodies.bqlkkt.pk) is (role == Role.ADMIN)
    if role in {Role.OFFICER, Role.LEADER}:
        assert can_own(user, bodies.cdkkt.pk)
        assert home_scope(user) == {bodies.ldldtp.pk, bodies.cdkkt.pk}
    else:
        assert home_scope(user) is None


def test_a_user_of_no_body_reads_nothing(bodies: Bodies) -> None:
    stranger = bodies.user(Role.OFFICER, bodies.ldldtp)
    stranger.agency = None
    assert read_scope(stranger) == frozenset()


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

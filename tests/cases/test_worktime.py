"""The deadline clock counts working hours: Mon-Fri 07:30-11:30 and 13:30-17:00 (Asia/Ho_Chi_Minh), no holidays."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.cases.worktime import (
    WorkingCalendar,
    add_working_hours,
    make_calendar,
    working_hours_between,
    working_hours_left,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
CALENDAR = make_calendar(periods=["07:30-11:30", "13:30-17:00"], weekdays=[0, 1, 2, 3, 4])


def at(day: int, hour: int, minute: int = 0, month: int = 3, year: int = 2023) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=HCM)


def test_a_working_day_has_seven_and_a_half_hours() -> None:
    assert CALENDAR.day_hours() == Decimal("7.5")


def test_friday_half_past_four_with_eight_hours_ends_monday_evening() -> None:
    # Friday 17/3/2023 16:30: half an hour on Friday, 4 h Monday morning, 3.5 h Monday afternoon.
    assert add_working_hours(at(17, 16, 30), 8, CALENDAR) == at(20, 17, 0)


def test_friday_half_past_four_with_one_hour_ends_monday_morning() -> None:
    assert add_working_hours(at(17, 16, 30), 1, CALENDAR) == at(20, 8, 0)


def test_lunch_break_does_not_count() -> None:
    # Tuesday 11:00 + 1 h: 30 min before lunch, 30 min after it.
    assert add_working_hours(at(14, 11, 0), 1, CALENDAR) == at(14, 14, 0)
    assert working_hours_between(at(14, 11, 0), at(14, 14, 0), CALENDAR) == Decimal(1)


def test_received_during_lunch_counts_from_half_past_one() -> None:
    assert add_working_hours(at(14, 12, 15), 2, CALENDAR) == at(14, 15, 30)


def test_received_at_night_or_weekend_counts_from_next_working_morning() -> None:
    assert add_working_hours(at(14, 22, 0), 1, CALENDAR) == at(15, 8, 30)
    assert add_working_hours(at(18, 10, 0), 1, CALENDAR) == at(20, 8, 30)  # Saturday


def test_exact_end_of_period_is_the_deadline() -> None:
    assert add_working_hours(at(14, 7, 30), 4, CALENDAR) == at(14, 11, 30)


def test_holidays_are_skipped() -> None:
    calendar = make_calendar(
        periods=["07:30-11:30", "13:30-17:00"], weekdays=range(5), holidays=[dt.date(2023, 9, 1), dt.date(2023, 9, 4)]
    )
    # Thursday 31/8/2023 16:00 + 8 h: 1 h Thursday, then Friday 1/9 and Monday 4/9 are holidays.
    assert add_working_hours(at(31, 16, 0, month=8), 8, calendar) == at(5, 16, 30, month=9)


def test_counting_between_moments() -> None:
    assert working_hours_between(at(17, 16, 30), at(20, 17, 0), CALENDAR) == Decimal(8)
    assert working_hours_between(at(18, 8, 0), at(19, 17, 0), CALENDAR) == Decimal(0)  # weekend
    assert working_hours_between(at(20, 9, 0), at(20, 8, 0), CALENDAR) == Decimal(0)  # end before start


def test_hours_left_turn_negative_after_the_deadline() -> None:
    assert working_hours_left(at(14, 8, 0), at(14, 10, 0), CALENDAR) == Decimal(2)
    assert working_hours_left(at(14, 14, 30), at(14, 10, 0), CALENDAR) == Decimal("-2.5")


def test_fractional_hours_and_utc_input() -> None:
    start = dt.datetime(2023, 3, 14, 2, 0, tzinfo=dt.UTC)  # 09:00 in Hai Phong
    assert add_working_hours(start, Decimal("0.5"), CALENDAR) == at(14, 9, 30)


def test_naive_moments_and_bad_calendars_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        add_working_hours(dt.datetime(2023, 3, 14, 9, 0), 1, CALENDAR)
    with pytest.raises(ValueError, match="negative"):
        add_working_hours(at(14, 9), -1, CALENDAR)
    with pytest.raises(ValueError, match="at least one"):
        WorkingCalendar(periods=())
    with pytest.raises(ValueError, match="in order"):
        make_calendar(periods=["13:30-17:00", "07:30-11:30"], weekdays=range(5))


moments = st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2024, 12, 31)).map(
    lambda value: value.replace(second=0, microsecond=0, tzinfo=HCM)
)


@given(start=moments, minutes=st.integers(min_value=1, max_value=60 * 200))
def test_adding_then_counting_gives_back_the_hours(start: dt.datetime, minutes: int) -> None:
    hours = Decimal(minutes) / 60
    due = add_working_hours(start, hours, CALENDAR)
    assert working_hours_between(start, due, CALENDAR) == hours
    assert due.weekday() < 5
    assert dt.time(7, 30) < due.time() <= dt.time(11, 30) or dt.time(13, 30) < due.time() <= dt.time(17, 0)

"""The deadline clock: working hours on a working calendar. Pure functions, no database.

A working day is a weekday that is not a public holiday; its working hours are the periods of the calendar (by
default 07:30-11:30 and 13:30-17:00, Asia/Ho_Chi_Minh). A deadline of N working hours from a moment is the moment
when N hours of working time have passed; time outside the periods (nights, lunch, weekends, holidays) does not
count. A request received on Friday at 16:30 with 8 working hours left has 0.5 h on Friday and the rest on Monday."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

Hours = int | float | Decimal
MAX_DAYS = 366 * 20  # a guard against a calendar with no working time at all


@dataclass(frozen=True)
class WorkingCalendar:
    periods: tuple[tuple[dt.time, dt.time], ...]
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Ho_Chi_Minh"))

    def __post_init__(self) -> None:
        if not self.periods or not self.weekdays:
            raise ValueError("a working calendar needs at least one working period and one working weekday")
        previous_end: dt.time | None = None
        for start, end in self.periods:
            if not start < end:
                raise ValueError(f"working period {start}-{end} ends before it starts")
            if previous_end is not None and start < previous_end:
                raise ValueError("working periods must be in order and must not overlap")
            previous_end = end

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def day_hours(self) -> Decimal:
        return sum((_hours(_span(start, end)) for start, end in self.periods), Decimal(0))

    def periods_on(self, day: dt.date) -> Iterator[tuple[dt.datetime, dt.datetime]]:
        if not self.is_working_day(day):
            return
        for start, end in self.periods:
            yield dt.datetime.combine(day, start, tzinfo=self.tz), dt.datetime.combine(day, end, tzinfo=self.tz)


def parse_periods(items: Iterable[str]) -> tuple[tuple[dt.time, dt.time], ...]:
    """["07:30-11:30", "13:30-17:00"] -> ((07:30, 11:30), (13:30, 17:00))."""
    periods = []
    for item in items:
        start, _sep, end = item.strip().partition("-")
        periods.append((dt.time.fromisoformat(start.strip()), dt.time.fromisoformat(end.strip())))
    return tuple(periods)


def make_calendar(
    *,
    periods: Sequence[str],
    weekdays: Iterable[int],
    holidays: Iterable[dt.date] = (),
    time_zone: str = "Asia/Ho_Chi_Minh",
) -> WorkingCalendar:
    return WorkingCalendar(
        periods=parse_periods(periods),
        weekdays=frozenset(weekdays),
        holidays=frozenset(holidays),
        tz=ZoneInfo(time_zone),
    )


def _span(start: dt.time, end: dt.time) -> dt.timedelta:
    day = dt.date(2000, 1, 3)
    return dt.datetime.combine(day, end) - dt.datetime.combine(day, start)


def _hours(delta: dt.timedelta) -> Decimal:
    return Decimal(delta // dt.timedelta(microseconds=1)) / Decimal(3_600_000_000)


def _local(moment: dt.datetime, calendar: WorkingCalendar) -> dt.datetime:
    if moment.tzinfo is None:
        raise ValueError("the deadline clock works on aware datetimes only")
    return moment.astimezone(calendar.tz)


def add_working_hours(start: dt.datetime, hours: Hours, calendar: WorkingCalendar) -> dt.datetime:
    """The moment `hours` working hours after `start`. A start outside working time counts from the next working
    period; the result is the end of the working time used, so it always falls inside (or at the end of) a period."""
    if hours < 0:
        raise ValueError("hours must not be negative")
    remaining = dt.timedelta(seconds=float(Decimal(str(hours)) * 3600))
    moment = _local(start, calendar)
    if not remaining:
        return moment
    day = moment.date()
    for _ in range(MAX_DAYS):
        for period_start, period_end in calendar.periods_on(day):
            segment_start = max(moment, period_start)
            if segment_start >= period_end:
                continue
            available = period_end - segment_start
            if remaining <= available:
                return segment_start + remaining
            remaining -= available
        day += dt.timedelta(days=1)
    raise ValueError("no working time found within twenty years")


def working_hours_between(start: dt.datetime, end: dt.datetime, calendar: WorkingCalendar) -> Decimal:
    """Working hours from `start` to `end` (zero when end is not after start)."""
    first, last = _local(start, calendar), _local(end, calendar)
    if last <= first:
        return Decimal(0)
    total = dt.timedelta()
    day = first.date()
    while day <= last.date():
        for period_start, period_end in calendar.periods_on(day):
            overlap = min(last, period_end) - max(first, period_start)
            if overlap > dt.timedelta():
                total += overlap
        day += dt.timedelta(days=1)
    return _hours(total)


def working_hours_left(now: dt.datetime, due: dt.datetime, calendar: WorkingCalendar) -> Decimal:
    """Positive while time is left, negative (working hours overdue) after the deadline."""
    if due >= now:
        return working_hours_between(now, due, calendar)
    return -working_hours_between(due, now, calendar)

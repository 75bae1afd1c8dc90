"""Reporting periods: a month, a quarter or a year, written "2023-03", "2023-Q1", "2023" in data and
"Tháng 3/2023", "Quý I/2023", "Năm 2023" on screen."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.vnformat import format_month
from phoihop.indicators.choices import PeriodType

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class Period:
    start: dt.date
    end: dt.date
    type: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        last = calendar.monthrange(year, month)[1]
        return cls(dt.date(year, month, 1), dt.date(year, month, last), PeriodType.MONTH)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        first_month = 3 * (quarter - 1) + 1
        last = calendar.monthrange(year, first_month + 2)[1]
        return cls(dt.date(year, first_month, 1), dt.date(year, first_month + 2, last), PeriodType.QUARTER)

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), PeriodType.YEAR)

    @classmethod
    def of(cls, period_type: str, start: dt.date) -> Period:
        if period_type == PeriodType.MONTH:
            return cls.month(start.year, start.month)
        if period_type == PeriodType.QUARTER:
            return cls.quarter(start.year, (start.month - 1) // 3 + 1)
        return cls.year(start.year)

    @classmethod
    def parse(cls, key: str) -> Period:
        """ "2023-03" | "2023-Q1" | "2023"; anything else is a ValidationError naming the accepted forms."""
        text = (key or "").strip()
        try:
            if match := _MONTH.match(text):
                month = int(match.group(2))
                if 1 <= month <= 12:
                    return cls.month(int(match.group(1)), month)
            elif match := _QUARTER.match(text):
                return cls.quarter(int(match.group(1)), int(match.group(2)))
            elif match := _YEAR.match(text):
                return cls.year(int(match.group(1)))
        except ValueError:
            pass
        raise field_error(
            "period",
            _("Kỳ “%(key)s” không hợp lệ: ghi tháng dạng 2023-03, quý dạng 2023-Q1 hoặc năm dạng 2023.")
            % {"key": text},
            "invalid_period",
        )

    @property
    def key(self) -> str:
        if self.type == PeriodType.MONTH:
            return f"{self.start.year}-{self.start.month:02d}"
        if self.type == PeriodType.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)

    @property
    def label(self) -> str:
        if self.type == PeriodType.MONTH:
            return format_month(self.start)
        if self.type == PeriodType.QUARTER:
            return f"Quý {ROMAN[(self.start.month - 1) // 3 + 1]}/{self.start.year}"
        return f"Năm {self.start.year}"

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def __str__(self) -> str:
        return self.label


def periods_between(start: dt.date, end: dt.date, period_type: str) -> list[Period]:
    """Every period of the type that lies wholly between start and end (the choices on entry forms)."""
    result: list[Period] = []
    current = Period.of(period_type, start)
    while current.start <= end:
        if current.start >= start and current.end <= end:
            result.append(current)
        current = Period.of(period_type, current.end + dt.timedelta(days=1))
    return result

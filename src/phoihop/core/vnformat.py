"""Vietnamese number, percentage and date formatting, as the seed report writes them.

Thousands are separated by "." and decimals by ","; "%" follows the number without a space; dates in running
text pad the day to two digits and the month only when it is 01 or 02 (NĐ 30/2020, Phụ lục I)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

Number = int | float | Decimal


class Rounding(StrEnum):
    """How a ratio is cut to its printed digits. Half-up is the default; the 2023 draft truncated."""

    HALF_UP = "half_up"
    TRUNCATE = "truncate"

    @property
    def decimal_mode(self) -> str:
        return ROUND_HALF_UP if self is Rounding.HALF_UP else ROUND_DOWN

    @property
    def label(self) -> str:
        return "làm tròn" if self is Rounding.HALF_UP else "cắt bỏ phần thập phân thừa"


def _to_decimal(value: Number) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        # repr() keeps the shortest exact-looking form: 42.08 stays 42.08, not 42.0799999...
        return Decimal(repr(value))
    return Decimal(value)


def quantize(value: Number, decimals: int, rounding: Rounding = Rounding.HALF_UP) -> Decimal:
    exponent = Decimal(1).scaleb(-decimals)
    return _to_decimal(value).quantize(exponent, rounding=rounding.decimal_mode)


def format_number(
    value: Number,
    decimals: int | None = None,
    *,
    pad: int = 0,
    rounding: Rounding = Rounding.HALF_UP,
) -> str:
    """13297 -> "13.297"; 42.08 -> "42,08"; 9 with pad=2 -> "09".

    `decimals=None` prints what the value has (trailing zeros dropped); an int prints no decimals."""
    if decimals is None and not pad:  # a whole number: no decimal arithmetic (a report formats thousands of them)
        if type(value) is int:
            return f"{value:,}".replace(",", ".")
        if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
            return f"{int(value):,}".replace(",", ".")
    try:
        number = _to_decimal(value)
    except (InvalidOperation, ValueError, TypeError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    if decimals is not None:
        number = quantize(number, decimals, rounding)
    elif number == number.to_integral_value():
        number = number.to_integral_value()
    else:
        # Drop trailing zeros by hand: normalize() would also round to the context's 28 significant digits.
        number = Decimal(format(number, "f").rstrip("0"))
    sign = "-" if number < 0 else ""
    text = format(number.copy_abs(), "f")  # copy_abs(), not abs(): abs() rounds to the context precision
    whole, _, fraction = text.partition(".")
    if pad and not fraction:
        whole = whole.zfill(pad)
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = ".".join(groups)
    if fraction:
        result += "," + fraction
    return sign + result


def format_count(value: int, *, pad: int = 2) -> str:
    """Small counts zero-padded as the report writes them: 5 -> "05", 22 -> "22", 1500 -> "1.500"."""
    return format_number(value, pad=pad)


def ratio_percent(
    actual: Number, target: Number, *, decimals: int = 1, rounding: Rounding = Rounding.HALF_UP
) -> Decimal:
    """actual/target × 100, cut to `decimals` by the explicit rounding rule. 315/190 -> 165.8 (half-up), 165.7
    (truncate). Raises ZeroDivisionError for a zero target: a ratio against nothing has no meaning."""
    actual_d, target_d = _to_decimal(actual), _to_decimal(target)
    if target_d == 0:
        raise ZeroDivisionError("target is zero")
    return quantize(actual_d * 100 / target_d, decimals, rounding)


def format_percent(
    value: Number,
    decimals: int | None = 1,
    *,
    rounding: Rounding = Rounding.HALF_UP,
    strip_zero: bool = True,
) -> str:
    """61.84 -> "61,8%"; 100 -> "100%" (a whole percentage drops ",0" unless strip_zero=False)."""
    number = _to_decimal(value) if decimals is None else quantize(value, decimals, rounding)
    if strip_zero and number == number.to_integral_value():
        return format_number(number.to_integral_value()) + "%"
    return format_number(number, decimals) + "%"


def format_ratio_percent(
    actual: Number, target: Number, *, decimals: int = 1, rounding: Rounding = Rounding.HALF_UP
) -> str:
    return format_percent(ratio_percent(actual, target, decimals=decimals, rounding=rounding), decimals)


def format_fraction(actual: Number, target: Number, *, pad: int = 0) -> str:
    """13297, 21500 -> "13.297/21.500"; 9, 9 with pad=2 -> "09/09"."""
    return f"{format_number(actual, pad=pad)}/{format_number(target, pad=pad)}"


def format_money(value: Number) -> str:
    """20000 -> "20.000đ"."""
    return f"{format_number(value)}đ"


def format_money_range(low: Number, high: Number) -> str:
    """20000, 25000 -> "20.000đ - 25.000đ" (one value when both ends are equal)."""
    if _to_decimal(low) == _to_decimal(high):
        return format_money(low)
    return f"{format_money(low)} - {format_money(high)}"


def _month(month: int) -> str:
    return f"{month:02d}" if month <= 2 else str(month)


def format_date(value: dt.date) -> str:
    """date(2023, 1, 4) -> "04/01/2023"; date(2020, 5, 4) -> "04/5/2020"."""
    return f"{value.day:02d}/{_month(value.month)}/{value.year}"


def format_date_phrase(value: dt.date) -> str:
    """ "ngày 04/01/2023", as documents are cited in running text."""
    return f"ngày {format_date(value)}"


def format_month(value: dt.date, *, capitalised: bool = True) -> str:
    """ "Tháng 01/2024", "Tháng 3/2023"."""
    word = "Tháng" if capitalised else "tháng"
    return f"{word} {_month(value.month)}/{value.year}"


def format_issue_line(place: str, value: dt.date) -> str:
    """ "Hải Phòng, ngày 05 tháng 01 năm 2024": the place-and-date line under the motto."""
    return f"{place}, ngày {value.day:02d} tháng {_month(value.month)} năm {value.year}"


def format_datetime(value: dt.datetime) -> str:
    """A moment shown to a user in local time: "14:05 ngày 04/01/2023"."""
    from django.utils import timezone

    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{local:%H:%M} ngày {format_date(local.date())}"

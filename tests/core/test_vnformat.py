"""Vietnamese numbers, percentages and dates, checked against the way the 2023 draft joint report writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.vnformat import (
    Rounding,
    format_count,
    format_date,
    format_date_phrase,
    format_fraction,
    format_issue_line,
    format_money,
    format_money_range,
    format_month,
    format_number,
    format_percent,
    format_ratio_percent,
    ratio_percent,
)


def parse_vn(text: str) -> Decimal:
    """What a reader does with a Vietnamese number: "." groups thousands, "," marks the decimals."""
    return Decimal(text.replace(".", "").replace(",", "."))


# --- the seed's own examples -----------------------------------------------------------------------------------


def test_thousands_are_grouped_with_a_dot() -> None:
    assert format_number(13297) == "13.297"
    assert format_number(21500) == "21.500"
    assert format_number(4456) == "4.456"
    assert format_number(175) == "175"
    assert format_number(1234567) == "1.234.567"


def test_decimals_use_a_comma() -> None:
    assert format_number(42.08) == "42,08"
    assert format_number(Decimal("42.08")) == "42,08"
    assert format_number(Decimal("3.14")) == "3,14"
    assert format_number(Decimal("3.140")) == "3,14", "trailing zeros are dropped when no precision is asked"
    assert format_number(Decimal("3.1"), 2) == "3,10", "an explicit precision is kept"


def test_percent_follows_the_number_without_a_space() -> None:
    assert format_percent(Decimal("61.84")) == "61,8%"
    assert format_ratio_percent(13297, 21500) == "61,8%"


def test_fraction_of_actual_over_target() -> None:
    assert format_fraction(13297, 21500) == "13.297/21.500"
    assert format_fraction(22, 22) == "22/22"


def test_small_counts_are_padded_only_when_asked() -> None:
    assert format_fraction(9, 9, pad=2) == "09/09"
    assert format_fraction(9, 9) == "9/9"
    assert format_count(3) == "03"
    assert format_count(22) == "22"
    assert format_count(1500) == "1.500", "padding never breaks the thousands grouping"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 1, 4), "ngày 04/01/2023"),
        (dt.date(2023, 11, 13), "ngày 13/11/2023"),
        (dt.date(2020, 5, 4), "ngày 04/5/2020"),
        (dt.date(2009, 11, 10), "ngày 10/11/2009"),
        (dt.date(2024, 2, 1), "ngày 01/02/2024"),
    ],
)
def test_document_dates_pad_the_day_and_only_january_and_february(day: dt.date, expected: str) -> None:
    assert format_date_phrase(day) == expected
    assert format_date(day) == expected.removeprefix("ngày ")


def test_month_headings() -> None:
    assert format_month(dt.date(2024, 1, 15)) == "Tháng 01/2024"
    assert format_month(dt.date(2023, 3, 1)) == "Tháng 3/2023"
    assert format_month(dt.date(2023, 5, 1), capitalised=False) == "tháng 5/2023"


def test_issue_line_under_the_motto() -> None:
    assert format_issue_line("Hải Phòng", dt.date(2024, 1, 5)) == "Hải Phòng, ngày 05 tháng 01 năm 2024"
    assert format_issue_line("Hải Phòng", dt.date(2023, 12, 25)) == "Hải Phòng, ngày 25 tháng 12 năm 2023"


def test_rounding_rule_is_explicit_315_over_190() -> None:
    assert ratio_percent(315, 190) == Decimal("165.8")
    assert ratio_percent(315, 190, rounding=Rounding.TRUNCATE) == Decimal("165.7")
    assert format_ratio_percent(315, 190) == "165,8%"
    assert format_ratio_percent(315, 190, rounding=Rounding.HALF_UP) == "165,8%"
    assert format_ratio_percent(315, 190, rounding=Rounding.TRUNCATE) == "165,7%", "the 2023 draft truncated"


def test_a_whole_percentage_has_no_decimals() -> None:
    assert format_ratio_percent(22, 22) == "100%"
    assert format_percent(100) == "100%"
    assert format_percent(100, strip_zero=False) == "100,0%"


def test_half_up_rounds_a_five_upwards() -> None:
    assert format_percent(Decimal("12.25")) == "12,3%"
    assert format_percent(Decimal("12.25"), rounding=Rounding.TRUNCATE) == "12,2%"
    assert format_ratio_percent(1, 8) == "12,5%"
    assert format_ratio_percent(1, 3) == "33,3%"
    assert format_ratio_percent(2, 3) == "66,7%"
    assert format_ratio_percent(2, 3, rounding=Rounding.TRUNCATE) == "66,6%"


def test_ratio_against_nothing_is_refused() -> None:
    with pytest.raises(ZeroDivisionError):
        ratio_percent(5, 0)


def test_money() -> None:
    assert format_money(20000) == "20.000đ"
    assert format_money_range(20000, 25000) == "20.000đ - 25.000đ"
    assert format_money_range(20000, 20000) == "20.000đ"


def test_negative_numbers_keep_their_sign() -> None:
    assert format_number(-1234.5) == "-1.234,5"
    assert format_number(-0.0) == "0"


def test_rounding_labels_are_vietnamese() -> None:
    assert Rounding.HALF_UP.label == "làm tròn"
    assert Rounding.TRUNCATE.label == "cắt bỏ phần thập phân thừa"


def test_template_filters_print_the_same() -> None:
    html = Template(
        "{% load vn %}{{ n|vn_number }} {{ d|vn_number:2 }} {{ day|vn_date }} "
        "[{{ none|vn_number }}] [{{ none|vn_date }}]"
    ).render(Context({"n": 13297, "d": Decimal("42.08"), "day": dt.date(2020, 5, 4), "none": None}))
    assert html == "13.297 42,08 04/5/2020 [] []"


def test_template_datetime_is_shown_in_hai_phong_time() -> None:
    moment = dt.datetime(2023, 1, 4, 1, 5, tzinfo=dt.UTC)  # 08:05 in Hai Phong (UTC+7)
    html = Template("{% load vn %}{{ t|vn_datetime }}").render(Context({"t": moment}))
    assert html == "08:05 ngày 04/01/2023"


# --- properties --------------------------------------------------------------------------------------------------

realistic_decimals = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=6, allow_nan=False, allow_infinity=False
)


@given(st.integers(min_value=-(10**40), max_value=10**40))
def test_integers_round_trip(value: int) -> None:
    text = format_number(value)
    assert "," not in text
    assert parse_vn(text) == value


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(value: Decimal) -> None:
    text = format_number(value)
    assert parse_vn(text) == value


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False))
def test_floats_round_trip_to_their_shortest_form(value: float) -> None:
    assert parse_vn(format_number(value)) == Decimal(repr(value))


@given(realistic_decimals, st.integers(min_value=0, max_value=4))
def test_fixed_decimals_print_exactly_that_many_digits(value: Decimal, decimals: int) -> None:
    text = format_number(value, decimals)
    _whole, _sep, fraction = text.partition(",")
    assert len(fraction) == decimals
    assert abs(parse_vn(text) - value) <= Decimal(1).scaleb(-decimals) / 2


@given(
    st.integers(min_value=0, max_value=10**7),
    st.integers(min_value=1, max_value=10**7),
    st.integers(min_value=0, max_value=3),
)
def test_truncation_never_exceeds_half_up(actual: int, target: int, decimals: int) -> None:
    half_up = ratio_percent(actual, target, decimals=decimals)
    truncated = ratio_percent(actual, target, decimals=decimals, rounding=Rounding.TRUNCATE)
    step = Decimal(1).scaleb(-decimals)
    assert truncated <= half_up <= truncated + step
    assert truncated <= Decimal(actual) * 100 / Decimal(target)


@given(st.integers(min_value=-(10**30), max_value=10**30), st.integers(min_value=-3, max_value=3))
def test_whole_numbers_print_the_same_through_the_fast_path(number: int, exponent: int) -> None:
    """A whole number (an int, or a Decimal with or without trailing zeros) skips the decimal arithmetic; what it
    prints is what the general path prints: groups of three joined by dots, no decimals."""
    grouped = f"{abs(number):,}".replace(",", ".")
    expected = ("-" if number < 0 else "") + grouped
    assert format_number(number) == expected
    assert format_number(Decimal(number)) == expected
    as_decimal = Decimal(number).scaleb(exponent)
    if as_decimal == as_decimal.to_integral_value():
        assert format_number(as_decimal) == format_number(as_decimal, pad=1)  # pad=1 takes the general path
    assert format_number(Decimal(f"{number}.000")) == expected

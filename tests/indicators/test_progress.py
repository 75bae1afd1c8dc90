"""Computed progress: actual, target, ratio with an explicit rounding rule, projection, provenance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.vnformat import Rounding
from phoihop.indicators import selectors, services
from phoihop.indicators.choices import Measure, UnitKind
from phoihop.indicators.models import Indicator, ReportedValue, Target
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory, TargetFactory
from tests.planning.factories import PlanFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

MONTHLY = [520, 610, 1180, 1350, 1720, 1240, 1090, 1160, 1030, 1250, 1087, 1060]  # 13.297 in all


def enter(plan: Plan, indicator: Indicator, agency, values: list[int]) -> list[ReportedValue]:  # type: ignore[no-untyped-def]
    return [
        ReportedValueFactory(plan=plan, indicator=indicator, agency=agency, period=Period.month(plan.year, m), value=v)
        for m, v in enumerate(values, start=1)
    ]


def line_of(plan: Plan, target: Target, **kwargs):  # type: ignore[no-untyped-def]
    progress = selectors.plan_progress(plan=plan, **kwargs)
    return next(line for line in progress.lines if line.target_id == target.pk)


def test_new_members_13297_of_21500(plan: Plan, bodies: Bodies, members: Indicator, members_target: Target) -> None:
    enter(plan, members, bodies.cdkkt, MONTHLY)
    line = line_of(plan, members_target, as_of=dt.date(2024, 1, 15))
    assert line.actual == 13297
    assert line.fraction_text == "13.297/21.500"
    assert line.ratio_text == "61,8%"
    assert line.behind  # 13.297 by year end against 21.500
    assert line.projection_text == "13.297"


@pytest.mark.parametrize(("rounding", "text"), [(Rounding.HALF_UP, "165,8%"), (Rounding.TRUNCATE, "165,7%")])
def test_introduced_315_of_190_under_each_rounding(plan: Plan, bodies: Bodies, rounding: Rounding, text: str) -> None:
    indicator = IndicatorFactory(code="GTD", name="Đoàn viên được giới thiệu cho Đảng")
    target = TargetFactory(indicator=indicator, plan=plan, agency=bodies.cdkkt, value=Decimal(190))
    enter(plan, indicator, bodies.cdkkt, [12, 15, 24, 28, 41, 30, 22, 25, 27, 33, 31, 27])
    line = line_of(plan, target, rounding=rounding)
    assert line.fraction_text == "315/190"
    assert line.ratio_text == text
    assert line.percent_text(Rounding.HALF_UP) == "165,8%"
    assert line.percent_text(Rounding.TRUNCATE) == "165,7%"


def test_the_indicator_keeps_its_own_rounding_rule(plan: Plan, bodies: Bodies) -> None:
    indicator = IndicatorFactory(code="GTD", rounding="truncate")
    target = TargetFactory(indicator=indicator, plan=plan, agency=bodies.cdkkt, value=Decimal(190))
    ReportedValueFactory(plan=plan, indicator=indicator, agency=bodies.cdkkt, value=315)
    assert line_of(plan, target).ratio_text == "165,7%"


def test_provenance_is_exactly_the_rows_that_sum_to_the_figure(
    plan: Plan, bodies: Bodies, members: Indicator, members_target: Target
) -> None:
    counted = enter(plan, members, bodies.cdkkt, MONTHLY)
    # Rows that must not count: another body, another indicator, another plan.
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.bqlkkt, value=999)
    ReportedValueFactory(plan=plan, indicator=IndicatorFactory(), agency=bodies.cdkkt, value=999)
    other_plan = PlanFactory(year=2024)
    ReportedValueFactory(plan=other_plan, indicator=members, agency=bodies.cdkkt, value=999)
    _target, line = selectors.target_progress(user=bodies.user(Role.SECRETARIAT, bodies.bdvtu), pk=members_target.pk)
    assert {row.object_id for row in line.provenance} == {value.pk for value in counted}
    assert sum(row.value for row in line.provenance) == line.actual == 13297
    assert line.provenance[2].label == "Tháng 3/2023"
    assert line.provenance[0].status == "Đang nhập"


def test_a_body_figure_includes_its_units(plan: Plan, bodies: Bodies) -> None:
    indicator = IndicatorFactory(code="GTD")
    target = TargetFactory(indicator=indicator, plan=plan, agency=bodies.ldldtp, value=None)
    enter(plan, indicator, bodies.ldldtp, [3308])
    enter(plan, indicator, bodies.cdkkt, [315])
    line = line_of(plan, target, with_provenance=True)
    assert line.fraction_text == "3.623"  # no plan figure: the actual alone
    assert line.ratio is None
    assert line.provenance_total == 3623


def test_latest_value_and_range(plan: Plan, bodies: Bodies) -> None:
    meal = IndicatorFactory(code="BAGC", unit="đồng/suất", unit_kind=UnitKind.VND, measure=Measure.RANGE_OF_VALUES)
    meal_line = TargetFactory(indicator=meal, plan=plan, agency=bodies.ldldtp, value=None)
    for quarter, amount in enumerate([20000, 22000, 23000, 25000], start=1):
        ReportedValueFactory(
            plan=plan, indicator=meal, agency=bodies.ldldtp, period=Period.quarter(2023, quarter), value=amount
        )
    stock = IndicatorFactory(code="DVHC", measure=Measure.LATEST_VALUE)
    stock_line = TargetFactory(indicator=stock, plan=plan, agency=bodies.ldldtp, value=Decimal(50000))
    enter(plan, stock, bodies.ldldtp, [40000, 41000, 43000])
    enter(plan, stock, bodies.cdkkt, [9000, 9500])
    progress = selectors.plan_progress(plan=plan, with_provenance=True)
    meal_progress = next(line for line in progress.lines if line.target_id == meal_line.pk)
    assert meal_progress.actual_text == "20.000đ - 25.000đ"
    assert meal_progress.projection is None
    assert min(r.value for r in meal_progress.provenance) == meal_progress.low
    assert max(r.value for r in meal_progress.provenance) == meal_progress.high
    stock_progress = next(line for line in progress.lines if line.target_id == stock_line.pk)
    assert stock_progress.actual == 43000 + 9500  # each body's latest figure
    assert stock_progress.provenance_total == stock_progress.actual
    assert stock_progress.projection is None  # a stock does not grow with time


def test_composite_sums_its_components(plan: Plan, bodies: Bodies, secretariat) -> None:  # type: ignore[no-untyped-def]
    introduced = IndicatorFactory(code="A")
    admitted = IndicatorFactory(code="B")
    both = services.create_indicator(
        actor=secretariat,
        data={"code": "AB", "name": "Tổng", "unit": "người", "unit_kind": "persons", "measure": "sum_of_indicators"},
        components=[introduced, admitted],
    )
    target = TargetFactory(indicator=both, plan=plan, agency=bodies.cdkkt, value=Decimal(100))
    enter(plan, introduced, bodies.cdkkt, [10, 20])
    enter(plan, admitted, bodies.cdkkt, [5])
    _target, line = selectors.target_progress(user=secretariat, pk=target.pk)
    assert line.actual == 35
    assert {row.indicator_code for row in line.provenance} == {"A", "B"}
    assert line.provenance_total == 35


def test_projection_flags_a_line_behind_pace(bodies: Bodies) -> None:
    plan = PlanFactory(year=2023)
    indicator = IndicatorFactory()
    slow = TargetFactory(indicator=indicator, plan=plan, agency=bodies.cdkkt, value=Decimal(1200))
    enter(plan, indicator, bodies.cdkkt, [100, 100, 100, 100, 100, 100])
    mid_year = dt.date(2023, 6, 30)
    line = line_of(plan, slow, as_of=mid_year)
    # 600 in 181 of 365 days: on pace for about 1.210, ahead of 1.200.
    assert line.projection_text == "1.210"
    assert not line.behind
    fast = TargetFactory(indicator=IndicatorFactory(), plan=plan, agency=bodies.cdkkt, value=Decimal(2000))
    assert line_of(plan, fast, as_of=mid_year).actual == 0
    ReportedValueFactory(plan=plan, indicator=fast.indicator, agency=bodies.cdkkt, value=700)
    behind = line_of(plan, fast, as_of=mid_year)
    assert behind.behind
    assert behind.projection is not None
    assert behind.projection < 2000


def test_before_the_period_there_is_no_projection(plan: Plan, members_target: Target) -> None:
    line = line_of(plan, members_target, as_of=dt.date(2022, 12, 1))
    assert line.projection is None
    assert not line.behind


def test_plan_progress_runs_in_a_fixed_number_of_queries(
    django_assert_max_num_queries, plan: Plan, bodies: Bodies, members: Indicator, members_target: Target
) -> None:
    enter(plan, members, bodies.cdkkt, MONTHLY)
    with django_assert_max_num_queries(8):
        selectors.plan_progress(plan=plan, with_provenance=True)
    for indicator_number in range(9):
        indicator = IndicatorFactory()
        TargetFactory(indicator=indicator, plan=plan, agency=bodies.cdkkt, value=Decimal(100 + indicator_number))
        enter(plan, indicator, bodies.cdkkt, MONTHLY)
    with django_assert_max_num_queries(8):
        progress = selectors.plan_progress(plan=plan, with_provenance=True)
    assert len(progress.lines) == 10

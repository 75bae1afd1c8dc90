"""The programme's charts of indicators (core/charts.py is the chart layer): a chart is a declaration (`ChartSpec`)
filled by one selector. The page gets the spec as JSON
through `json_script`, js/charts.js draws it with the vendored Chart.js, and the same numbers make the data table
and the text summary, so a chart never says something its table does not. A new figure needs a selector that
returns a `ChartSpec` and one line in a template."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone

from phoihop.core.charts import ChartSpec, Series, blocks, percent, share_text
from phoihop.core.vnformat import format_number
from phoihop.indicators.progress import elapsed_share

if TYPE_CHECKING:
    from phoihop.indicators.progress import IndicatorProgress
    from phoihop.planning.models import Plan


def indicator_chart(*, line: IndicatorProgress, plan: Plan, as_of: dt.date | None = None) -> ChartSpec | None:
    """Actual against the plan figure, the expected-by-now line (the elapsed share of the period) and the
    straight-line projection to the period's end ("dự báo")."""
    if line.actual is None or not line.target:
        return None
    share = elapsed_share(plan, as_of or timezone.localdate())
    expected = line.target * share if share is not None else None
    projection = line.projection
    labels = ["Thực hiện", "Cần đạt đến nay", "Dự báo cả kỳ", "Kế hoạch"]
    values = [line.actual, expected, projection, line.target]
    summary = f"Đạt {percent(line.actual, line.target)} kế hoạch"
    if projection is not None:
        summary += f"; theo đà hiện nay cả năm đạt khoảng {percent(projection, line.target, '1')}"
    table = [
        [label, format_number(value.quantize(Decimal(1))) if value is not None else "—"]
        for label, value in zip(labels, values, strict=True)
    ]
    return ChartSpec(
        key=f"target-{line.target_id}",
        title=f"{line.name}: thực hiện so với kế hoạch",
        labels=labels,
        series=[Series(label=line.unit or "Giá trị", values=[float(v) if v is not None else None for v in values])],
        summary=summary + ".",
        unit=line.unit,
        table=table,
    )


def monthly_chart(*, line: IndicatorProgress) -> ChartSpec | None:
    """The rows the figure is made of, summed by month as bars, with the cumulative total as a line."""
    months: dict[tuple[int, int], Decimal] = {}
    for row in line.provenance:
        if row.date is None:
            continue
        key = (row.date.year, row.date.month)
        months[key] = months.get(key, Decimal(0)) + row.value
    if not months:
        return None
    labels = [f"{month:02d}/{year}" for year, month in sorted(months)]
    monthly = [months[key] for key in sorted(months)]
    cumulative: list[Decimal] = []
    for value in monthly:
        cumulative.append((cumulative[-1] if cumulative else Decimal(0)) + value)
    peak = max(range(len(monthly)), key=lambda i: monthly[i])
    summary = f"Lũy kế {format_number(cumulative[-1].quantize(Decimal(1)))} sau {len(labels)} tháng; "
    summary += f"tháng cao nhất {labels[peak]} ({format_number(monthly[peak].quantize(Decimal(1)))})."
    return ChartSpec(
        key=f"monthly-{line.target_id}",
        title=f"{line.name}: theo tháng và lũy kế",
        labels=labels,
        series=[
            Series(label="Trong tháng", values=[float(v) for v in monthly]),
            Series(label="Lũy kế", values=[float(v) for v in cumulative], kind="line"),
        ],
        summary=summary,
        unit=line.unit,
        table=[
            [label, f"{format_number(m.quantize(Decimal(1)))}; lũy kế {format_number(c.quantize(Decimal(1)))}"]
            for label, m, c in zip(labels, monthly, cumulative, strict=True)
        ],
    )


__all__ = ["ChartSpec", "Series", "blocks", "indicator_chart", "monthly_chart", "share_text"]

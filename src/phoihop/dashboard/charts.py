"""The chart layer: a chart is a declaration (`ChartSpec`) filled by one selector. The page gets the spec as JSON
through `json_script`, js/charts.js draws it with the vendored Chart.js, and the same numbers make the data table
and the text summary, so a chart never says something its table does not. A new figure needs a selector that
returns a `ChartSpec` and one line in a template."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from phoihop.core.vnformat import format_number
from phoihop.indicators.progress import elapsed_share

if TYPE_CHECKING:
    from phoihop.indicators.progress import IndicatorProgress
    from phoihop.planning.models import Plan


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float | None]
    kind: str = "bar"  # "bar" or "line"
    dashed: bool = False


@dataclass(frozen=True)
class ChartSpec:
    key: str
    title: str
    labels: list[str]
    series: list[Series]
    summary: str
    unit: str = ""
    table: list[list[str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def data_id(self) -> str:
        return f"chart-{self.key}-data"


def blocks(charts: list[ChartSpec | None]) -> list[tuple[ChartSpec, dict[str, Any], str]]:
    """What a section's template hands to `dashboard/_chart.html` for each chart it has: the spec, its JSON, the id."""
    return [(chart, chart.as_json(), chart.data_id) for chart in charts if chart is not None]


def _percent(part: Decimal, whole: Decimal, places: str = "0.1") -> str:
    return format_number((part * 100 / whole).quantize(Decimal(places))) + "%"


def share_text(part: int, whole: int) -> str:
    """A count's share of a whole as the pages print it ("33,3%"); "—" when there is no whole."""
    return _percent(Decimal(part), Decimal(whole)) if whole else "—"


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
    summary = f"Đạt {_percent(line.actual, line.target)} kế hoạch"
    if projection is not None:
        summary += f"; theo đà hiện nay cả năm đạt khoảng {_percent(projection, line.target, '1')}"
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

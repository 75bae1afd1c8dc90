"""The chart layer, for pages and documents alike: a chart is a declaration (`ChartSpec`) filled by one selector.
A page gets the spec as JSON through `json_script` and js/charts.js draws it with the vendored Chart.js; a document
gets it as a PNG from core/chartimage.py (matplotlib); the same numbers make the data table and the text summary, so
a chart never says something its table does not. A new figure needs a selector that returns a `ChartSpec` and one
line in a template."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from phoihop.core.vnformat import format_number


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


def percent(part: Decimal, whole: Decimal, places: str = "0.1") -> str:
    return format_number((part * 100 / whole).quantize(Decimal(places))) + "%"


def share_text(part: int, whole: int) -> str:
    """A count's share of a whole as the pages print it ("33,3%"); "—" when there is no whole."""
    return percent(Decimal(part), Decimal(whole)) if whole else "—"

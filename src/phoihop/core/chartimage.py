"""A chart as a PNG image for documents (the report's annex), drawn with matplotlib from the same `ChartSpec` the
pages draw with Chart.js: bars (grouped when there are several bar series), lines, the unit on the value axis,
Vietnamese number formatting and labels. Print resolution (200 dpi) at the width the page gives it; DejaVu Sans,
which matplotlib carries, has every Vietnamese letter, so no system font is needed and nothing is fetched.

The title is not drawn in the image: the document writes it as text above (searchable, read by screen readers), with
the table of the same numbers below. The same spec gives the same bytes (no timestamps in the file)."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from phoihop.core.vnformat import format_number

if TYPE_CHECKING:
    from phoihop.core.charts import ChartSpec

DPI = 200
MM_PER_INCH = 25.4
# The programme's colours (as on the pages, js/charts.js), dark enough to tell apart in grey print.
COLOURS = ("#0a58ca", "#198754", "#b02a37", "#6f42c1", "#997404", "#495057")
FONT = "DejaVu Sans"


def _number(value: float, _position: object = None) -> str:
    if value == int(value):
        return format_number(int(value))
    return format_number(round(value, 1))


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width=width, break_long_words=False)) or label


def chart_png(spec: ChartSpec, *, width_mm: float = 160, height_mm: float | None = None) -> bytes:
    """The chart as PNG bytes. Horizontal bars when the labels are long (areas, indicators), vertical otherwise."""
    bars = [series for series in spec.series if series.kind == "bar"]
    lines = [series for series in spec.series if series.kind == "line"]
    longest = max((len(label) for label in spec.labels), default=0)
    horizontal = longest > 14 and not lines
    count = len(spec.labels)
    if height_mm is None:
        height_mm = max(60.0, min(200.0, 12.0 * count * max(1, len(bars)) ** 0.5 + 30)) if horizontal else 80.0
    figure = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH), dpi=DPI)
    axes = figure.add_subplot()
    positions = list(range(count))
    group = 0.8
    step = group / max(1, len(bars))
    for index, series in enumerate(bars):
        offset = -group / 2 + step * (index + 0.5)
        where = [p + offset for p in positions]
        values = [value or 0.0 for value in series.values]
        colour = COLOURS[index % len(COLOURS)]
        drawn = (
            axes.barh(where, values, height=step, label=series.label, color=colour)
            if horizontal
            else axes.bar(where, values, width=step, label=series.label, color=colour)
        )
        if len(bars) == 1:
            axes.bar_label(drawn, labels=[_number(v) for v in values], padding=2, fontsize=7, fontfamily=FONT)
    for index, series in enumerate(lines):
        colour = COLOURS[(len(bars) + index) % len(COLOURS)]
        points = [(p, v) for p, v in zip(positions, series.values, strict=True) if v is not None]
        axes.plot(
            [p for p, _v in points],
            [v for _p, v in points],
            marker="o",
            markersize=3,
            linestyle="--" if series.dashed else "-",
            color=colour,
            label=series.label,
        )
    value_axis = axes.xaxis if horizontal else axes.yaxis
    label_axis = axes.yaxis if horizontal else axes.xaxis
    value_axis.set_major_formatter(FuncFormatter(_number))
    every_value = [v for series in spec.series for v in series.values if v is not None]
    if all(float(v).is_integer() for v in every_value):
        value_axis.set_major_locator(MaxNLocator(integer=True))
    label_axis.set_ticks(positions)
    label_axis.set_ticklabels([_wrap(label, 28 if horizontal else 12) for label in spec.labels])
    if horizontal:
        axes.invert_yaxis()  # the first label on top, as in the table
        axes.set_xlabel(spec.unit, fontfamily=FONT, fontsize=8)
    else:
        axes.set_ylabel(spec.unit, fontfamily=FONT, fontsize=8)
    for label in [*axes.get_xticklabels(), *axes.get_yticklabels()]:
        label.set_fontfamily(FONT)
        label.set_fontsize(7)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="x" if horizontal else "y", color="#dee2e6", linewidth=0.5)
    axes.set_axisbelow(True)
    if len(spec.series) > 1:
        axes.legend(prop={"family": FONT, "size": 7}, frameon=False, loc="best")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()

"""Case statistics as pictures, from the same counts the aggregate page prints (no personal data): cases by topic and
by channel as sorted bars, by month with the share answered within the deadline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from phoihop.core.charts import ChartSpec, Series, blocks, share_text
from phoihop.core.vnformat import format_number

if TYPE_CHECKING:
    from phoihop.cases.selectors import CaseAggregates, CountRow, MonthCount


def count_bars(key: str, title: str, rows: list[tuple[str, int]], total: int) -> ChartSpec:
    """Case counts as bars, most first; the largest with its share is the chart's text."""
    rows = sorted(rows, key=lambda row: (-row[1], row[0]))
    top = rows[0]
    return ChartSpec(
        key=key,
        title=title,
        labels=[label for label, _count in rows],
        series=[Series(label="Số vụ việc", values=[float(count) for _label, count in rows])],
        summary=f"Nhiều nhất: {top[0]} ({top[1]}/{total} vụ việc, {share_text(top[1], total)}).",
        unit="vụ việc",
        table=[[label, format_number(count)] for label, count in rows],
    )


def topic_chart(result: CaseAggregates) -> ChartSpec | None:
    if not result.by_topic:
        return None
    rows = [(row.path, row.count) for row in result.by_topic]
    return count_bars("cases-by-topic", "Vụ việc theo chủ đề", rows, result.total)


def channel_chart(rows: tuple[CountRow, ...], total: int) -> ChartSpec | None:
    if not rows:
        return None
    return count_bars(
        "cases-by-channel", "Vụ việc theo kênh tiếp nhận", [(row.label, row.count) for row in rows], total
    )


def month_chart(months: list[MonthCount]) -> ChartSpec | None:
    if not months:
        return None
    received = sum(month.received for month in months)
    answered = sum(month.answered for month in months)
    in_time = sum(month.answered_in_time for month in months)
    labels = [f"{month.month.month:02d}/{month.month.year}" for month in months]
    return ChartSpec(
        key="cases-by-month",
        title="Vụ việc theo tháng tiếp nhận và trả lời đúng hạn",
        labels=labels,
        series=[
            Series(label="Tiếp nhận", values=[float(month.received) for month in months]),
            Series(label="Trả lời đúng hạn", values=[float(month.answered_in_time) for month in months]),
        ],
        summary=(
            f"Tiếp nhận {format_number(received)} vụ việc; đã trả lời {format_number(answered)}, "
            f"trong đó đúng hạn {format_number(in_time)} ({share_text(in_time, answered)} số đã trả lời)."
        ),
        unit="vụ việc",
        table=[
            [label, f"{month.received} tiếp nhận; {month.answered} đã trả lời; {month.answered_in_time} đúng hạn"]
            for label, month in zip(labels, months, strict=True)
        ],
    )


def case_section(*, user: Any, result: CaseAggregates, filters: dict[str, Any]) -> dict[str, Any] | None:
    from phoihop.cases.selectors import case_months

    charts = blocks(
        [
            topic_chart(result),
            channel_chart(result.by_channel, result.total),
            month_chart(case_months(user=user, **filters)),
        ]
    )
    if not charts:
        return None
    return {
        "charts": charts,
        "scripts": "dashboard/_chart_scripts.html",
    }

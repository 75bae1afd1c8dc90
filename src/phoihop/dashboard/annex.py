"""The charts of the joint report's "Phụ lục số liệu" (offered to the report builder as the provider
"reports:annex_charts"; the reports app does not import this one): the indicator lines the report prints, as shares
of their plan figures; the plan's items by standing per area; the period's worker cases by topic. The same
`ChartSpec` as the pages; core/chartimage.py draws them for the .docx and the PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from phoihop.cases.choices import RequesterKind
from phoihop.cases.selectors import case_aggregates
from phoihop.core.charts import ChartSpec, Series
from phoihop.dashboard.casecharts import count_bars
from phoihop.dashboard.plancharts import plan_charts

if TYPE_CHECKING:
    from phoihop.indicators.progress import PlanProgress
    from phoihop.planning.models import Plan


def indicator_shares(progress: PlanProgress) -> ChartSpec | None:
    """Each indicator line with a plan figure, as the share of it reached, in the report's order."""
    lines = [line for line in progress.lines if line.ratio is not None and line.target]
    if not lines:
        return None
    labels = [f"{line.name} ({line.agency_name})" if line.agency_name else line.name for line in lines]
    shares = [float(line.ratio * 100) if line.ratio is not None else 0.0 for line in lines]
    reached = sum(1 for line in lines if line.ratio is not None and line.ratio >= 1)
    lowest = min(lines, key=lambda line: line.ratio or Decimal(0))
    return ChartSpec(
        key="annex-indicators",
        title="Tỷ lệ thực hiện các chỉ tiêu so với kế hoạch",
        labels=labels,
        series=[Series(label="% kế hoạch", values=list(shares))],
        summary=(
            f"{reached}/{len(lines)} chỉ tiêu đạt hoặc vượt kế hoạch; thấp nhất: {labels[lines.index(lowest)]} "
            f"({lowest.fraction_text}, {lowest.ratio_text})."
        ),
        unit="% kế hoạch",
        table=[[label, f"{line.fraction_text} ({line.ratio_text})"] for label, line in zip(labels, lines, strict=True)],
    )


def report_annex(*, plan: Plan, progress: PlanProgress, as_of: dt.date, reader: Any) -> list[ChartSpec]:
    charts: list[ChartSpec] = []
    shares = indicator_shares(progress)
    if shares is not None:
        charts.append(shares)
    items = plan_charts(plan=plan, today=as_of + dt.timedelta(days=1))
    if items is not None:
        charts.append(items.by_area)
    cases = case_aggregates(
        user=reader, start=plan.period_start, end=plan.period_end, requester_kind=RequesterKind.WORKER
    )
    if cases.total:
        rows = [(row.path, row.count) for row in cases.by_topic]
        charts.append(count_bars("annex-cases", "Vụ việc tư vấn, hỗ trợ người lao động theo chủ đề", rows, cases.total))
    return charts

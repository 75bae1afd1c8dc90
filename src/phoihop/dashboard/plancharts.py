"""A plan's items by where they stand — done, in progress, late, carried over to the next plan — per area and per
lead body, as grouped bars with their table and a one-line summary. One query whatever the number of items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from phoihop.core.charts import ChartSpec, Series, blocks
from phoihop.core.vnformat import format_number
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import PlanItem

if TYPE_CHECKING:
    from phoihop.planning.models import Plan

STANDINGS = (
    ("done", "Hoàn thành"),
    ("in_progress", "Đang thực hiện"),
    ("late", "Chậm, quá hạn"),
    ("carried", "Chuyển năm sau"),
)


def standing(*, status: str, due: dt.date | None, carried: bool, today: dt.date) -> str:
    """Where one item stands: carried over wins (it went on in the next plan), then done, then late (not done, or
    past its deadline), else in progress (not started counts here until its deadline)."""
    if carried:
        return "carried"
    if status == ItemStatus.DONE:
        return "done"
    if status == ItemStatus.NOT_DONE or (due is not None and due < today):
        return "late"
    return "in_progress"


def _chart(key: str, title: str, counts: dict[str, dict[str, int]]) -> ChartSpec:
    labels = list(counts)
    totals = {name: sum(row.values()) for name, row in counts.items()}
    late = sorted(((row["late"], name) for name, row in counts.items() if row["late"]), reverse=True)
    summary = (
        f"Nhiều nội dung chậm nhất: {late[0][1]} ({late[0][0]}/{totals[late[0][1]]})."
        if late
        else "Không có nội dung chậm, quá hạn."
    )
    return ChartSpec(
        key=key,
        title=title,
        labels=labels,
        series=[
            Series(label=label, values=[float(counts[name][code]) for name in labels]) for code, label in STANDINGS
        ],
        summary=summary,
        unit="nội dung",
        table=[
            [name, "; ".join(f"{label.lower()} {format_number(row[code])}" for code, label in STANDINGS)]
            for name, row in counts.items()
        ],
    )


@dataclass(frozen=True)
class PlanCharts:
    summary: str
    by_area: ChartSpec
    by_body: ChartSpec


def plan_charts(*, plan: Plan, today: dt.date) -> PlanCharts | None:
    """The plan's items by standing, per area and per lead body, as of `today`: one query."""
    items = (
        PlanItem.objects.filter(plan=plan)
        .annotate(carried=Exists(PlanItem.objects.filter(carried_from=OuterRef("pk"))))
        .order_by("area__number", "number")
        .values_list("area__number", "area__title", "lead_agency__short_code", "status", "due_date", "carried")
    )
    by_area: dict[str, dict[str, int]] = {}
    by_body: dict[str, dict[str, int]] = {}
    overall = dict.fromkeys((code for code, _label in STANDINGS), 0)
    for area_number, area_title, body, status, due, carried in items:
        where = standing(status=status, due=due, carried=carried, today=today)
        for groups, name in ((by_area, f"{area_number}. {area_title}"[:60]), (by_body, body or "—")):
            groups.setdefault(name, dict.fromkeys((code for code, _label in STANDINGS), 0))[where] += 1
        overall[where] += 1
    if not by_area:
        return None
    total = sum(overall.values())
    line = ", ".join(f"{label.lower()} {overall[code]}" for code, label in STANDINGS)
    return PlanCharts(
        summary=f"{total} nội dung: {line}.",
        by_area=_chart(f"plan-{plan.pk}-areas", "Nội dung phối hợp theo lĩnh vực", by_area),
        by_body=_chart(
            f"plan-{plan.pk}-bodies", "Nội dung phối hợp theo đơn vị chủ trì", dict(sorted(by_body.items()))
        ),
    )


def plan_section(*, user: Any, plan: Plan, today: dt.date | None = None) -> dict[str, Any] | None:
    charts = plan_charts(plan=plan, today=today or timezone.localdate())
    if charts is None:
        return None
    return {
        "summary": charts.summary,
        "charts": blocks([charts.by_area, charts.by_body]),
        "scripts": "dashboard/_chart_scripts.html",
    }

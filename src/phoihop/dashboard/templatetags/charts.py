"""`{% indicator_chart line plan %}`: a chart block (figure, text summary, data table one click away) for any page,
without the page's app importing this one; `{% chart_scripts %}` in the page's scripts block loads the library once."""

from __future__ import annotations

from typing import Any

from django import template

from phoihop.dashboard import charts

register = template.Library()


@register.inclusion_tag("dashboard/_chart_scripts.html")
def chart_scripts() -> dict[str, Any]:
    """The chart library and its starter, once per page in base.html's scripts block, however many charts it shows."""
    return {}


@register.inclusion_tag("dashboard/_chart.html")
def indicator_chart(line: Any, plan: Any) -> dict[str, Any]:
    spec = charts.indicator_chart(line=line, plan=plan)
    if spec is None:
        return {"chart": None}
    return {"chart": spec, "data": spec.as_json(), "chart_data_id": f"chart-{spec.key}-data"}


@register.inclusion_tag("dashboard/_chart.html")
def monthly_chart(line: Any) -> dict[str, Any]:
    spec = charts.monthly_chart(line=line)
    if spec is None:
        return {"chart": None}
    return {"chart": spec, "data": spec.as_json(), "chart_data_id": f"chart-{spec.key}-data"}

"""The first section of the home page: small cards by role, each a count that links to the full filtered list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from phoihop.core.plugins import providers, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def home_section(*, user: User) -> dict[str, Any] | None:
    from phoihop.dashboard.selectors import role_cards

    cards = role_cards(user=user)
    return {"cards": cards} if cards else None


def plan_section(**page: Any) -> dict[str, Any] | None:
    from phoihop.dashboard.plancharts import plan_section as section

    return section(**page)


def case_section(**page: Any) -> dict[str, Any] | None:
    from phoihop.dashboard.casecharts import case_section as section

    return section(**page)


def zone_section(*, user: User, zone: Any, year: int) -> dict[str, Any] | None:
    from phoihop.core.charts import blocks
    from phoihop.dashboard.zones import zone_picture

    picture = zone_picture(zone=zone, year=year, user=user)
    charts = blocks([picture.coverage_chart, picture.comparison_chart, picture.cases_chart])
    return {
        "picture": picture,
        "charts": charts,
        "scripts": "dashboard/_chart_scripts.html" if charts else "",
    }


def timeline_section(*, user: User, enterprise: Any, rows: int) -> dict[str, Any]:
    from phoihop.dashboard.timeline import enterprise_timeline

    return {"events": enterprise_timeline(user=user, enterprise=enterprise)}


def report_annex(**inputs: Any) -> list[Any]:
    from phoihop.dashboard.annex import report_annex as charts

    return charts(**inputs)


def plug_in() -> None:
    # The joint report's "Phụ lục số liệu" (reports/builders/annual.py ANNEX_PROVIDER).
    providers.add("reports:annex_charts", report_annex)
    sections.add("home", key="dashboard", template="dashboard/home_section.html", context=home_section, order=0)
    sections.add("zone", key="dashboard-zone", template="dashboard/zone_section.html", context=zone_section, order=0)
    sections.add(
        "enterprise",
        key="dashboard-timeline",
        template="dashboard/timeline_section.html",
        context=timeline_section,
        order=5,
    )
    sections.add("plan", key="dashboard-plan", template="dashboard/plan_section.html", context=plan_section)
    sections.add(
        "case_aggregates", key="dashboard-cases", template="dashboard/charts_section.html", context=case_section
    )

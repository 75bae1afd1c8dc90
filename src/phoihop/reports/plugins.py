"""What reports offers other apps' pages (core/plugins.py): its menu entry and the report list's Excel export."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="reports", url_name="reports:report_list", label=_("Báo cáo liên tịch"), prefix="/bao-cao/")
    register_spreadsheets()
    declare_demo_data()


def register_spreadsheets() -> None:
    """The report list's "Xuất Excel" (reports/sheets.py, phoihop.spreadsheets): export only."""
    from phoihop.reports.sheets import REPORTS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(REPORTS)


def declare_demo_data() -> None:
    """The demo's 2023 joint report: the seed's prose block by block, its figures bound to targets, its listings
    (demo/data/reports.json; core/plugins.py, demo_data). Sections are named as the report numbers them: "opening",
    "I.3" (an area of the year's plan), "8.1", "8.2", "II.2" (an area of the next year's plan)."""
    from phoihop.core.plugins import demo_data
    from phoihop.reports import services
    from phoihop.reports.choices import SectionKind
    from phoihop.reports.models import (
        Listing,
        ListingEntry,
        Report,
        ReportBlock,
        ReportFigure,
        ReportIssuer,
        ReportSection,
    )

    named = {"opening": SectionKind.OPENING, "8.1": SectionKind.STRENGTHS, "8.2": SectionKind.SHORTCOMINGS}

    def section(key: list[Any]) -> ReportSection:
        year, where = key
        sections = ReportSection.objects.filter(report__plan__year=year)
        if where in named:
            return sections.get(kind=named[where])
        part, number = where.split(".")
        kind = SectionKind.AREA if part == "I" else SectionKind.NEXT_AREA
        return sections.get(kind=kind, area__number=int(number))

    demo_data.kind(
        "reports.report",
        services.create_report,
        Report,
        natural_key={"plan": "plan"},
        fields={"plan": "planning.plan", "issuers": ["directory.agency"]},
        then={
            "signers": "reports.signer",
            "figures": "reports.figure",
            "listings": "reports.listing",
            "blocks": "reports.block",
        },
    )
    demo_data.kind(
        "reports.signer", services.update_issuer, ReportIssuer, fields={"issuer": "reports.issuer"}, version_of="issuer"
    )
    demo_data.kind(
        "reports.figure",
        services.create_figure_name,
        ReportFigure,
        fields={"target": "indicators.target"},
        parent="report",
    )
    demo_data.kind(
        "reports.listing",
        services.create_listing,
        Listing,
        fields={"data.agency": "directory.agency", "data.owner_agency": "directory.agency"},
        parent="report",
        then={"milestone_entries": "reports.milestone_entry", "project_entries": "reports.project_entry"},
    )
    for key, record in (("milestone", "housing.groundbreaking_id"), ("project", "housing.project_id")):
        demo_data.kind(
            f"reports.{key}_entry", services.set_entry, ListingEntry, fields={"record_id": record}, parent="listing"
        )
    demo_data.kind(
        "reports.block",
        services.create_block,
        ReportBlock,
        fields={"section": "reports.section", "owner_agency": "directory.agency"},
    )
    demo_data.converter(
        "reports.issuer",
        lambda key: ReportIssuer.objects.get(report__plan__year=key[0], agency__short_code=key[1]),
    )
    demo_data.converter("reports.section", section)
    demo_data.file("reports", order=90, kinds=("indicators.indicator", "indicators.target", "reports.report"))

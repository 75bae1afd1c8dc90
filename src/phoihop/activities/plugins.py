"""What activities offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.activities.selectors import activities_for_enterprise

    activities = activities_for_enterprise(user=user, enterprise=enterprise, limit=rows + 1)
    return {"activities": activities[:rows], "more_activities": len(activities) > rows, "page_rows": rows}


def plug_in() -> None:
    from phoihop.activities.sheets import ACTIVITIES
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="activities",
        name="activity",
        label=_("Hoạt động"),
        prefix="/hoat-dong/",
        order=10,
        section=enterprise_section,
        section_order=30,
    )
    spreadsheets.register(ACTIVITIES)
    declare_demo_data()
    if apps.is_installed("phoihop.indicators"):
        from phoihop.activities.counting import register_record_kinds

        register_record_kinds()


def declare_demo_data() -> None:
    """The demo's activities of part I of the 2023 report and the indicators that count them (demo/data/activities.json;
    core/plugins.py, demo_data)."""
    from phoihop.activities.models import Activity
    from phoihop.activities.services import create_activity
    from phoihop.core.plugins import demo_data

    demo_data.kind(
        "activities.activity",
        create_activity,
        Activity,
        natural_key={"owner_agency": "owner_agency", "title": "data.title", "start_date": "data.start_date"},
        fields={
            "owner_agency": "directory.agency",
            "data.start_date": "date",
            "data.end_date": "date",
            "data.zone": "directory.zone",
            "data.partner_agencies": ["directory.agency"],
            "data.enterprises": ["directory.enterprise"],
            "data.plan_items": ["planning.item"],
        },
    )
    demo_data.file("activities", order=50, kinds=("activities.activity", "indicators.indicator", "indicators.target"))

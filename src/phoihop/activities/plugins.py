"""What activities offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.activities.selectors import activities_for_enterprise

    activities = activities_for_enterprise(user=user, enterprise=enterprise, limit=rows + 1)
    return {"activities": activities[:rows], "more_activities": len(activities) > rows, "page_rows": rows}


def plug_in() -> None:
    menu.add(group="records", url_name="activities:activity_list", label=_("Hoạt động"), prefix="/hoat-dong/", order=10)
    sections.add(
        "enterprise",
        key="activities",
        template="activities/enterprise_section.html",
        context=enterprise_section,
        order=30,
    )
    register_spreadsheets()


def register_spreadsheets() -> None:
    """Activities' Excel template, import and export (activities/sheets.py, phoihop.spreadsheets)."""
    from phoihop.activities.sheets import ACTIVITIES
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(ACTIVITIES)

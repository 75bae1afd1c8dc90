"""What activities offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

"""What oversight offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.oversight.selectors import (
        findings_for_enterprise,
        follow_ups_for_enterprise,
        inspections_for_enterprise,
    )

    inspections = inspections_for_enterprise(user=user, enterprise=enterprise).prefetch_related("topics")
    return {
        "inspections": list(inspections[:rows]),
        # An inspection records several findings per enterprise (one per topic).
        "findings": list(findings_for_enterprise(user=user, enterprise=enterprise)[: rows * 5]),
        "follow_ups": list(follow_ups_for_enterprise(user=user, enterprise=enterprise)[:rows]),
    }


def plug_in() -> None:
    menu.add(
        group="records",
        url_name="oversight:inspection_list",
        label=_("Kiểm tra, giám sát"),
        prefix="/kiem-tra-giam-sat/",
        order=30,
    )
    sections.add(
        "enterprise",
        key="oversight",
        template="oversight/enterprise_section.html",
        context=enterprise_section,
        order=20,
    )
    register_spreadsheets()


def register_spreadsheets() -> None:
    """Inspections' Excel template, import and export, and the overdue and topic lists' export (oversight/sheets.py,
    phoihop.spreadsheets)."""
    from phoihop.oversight.sheets import INSPECTIONS, OVERDUE_FOLLOW_UPS, TOPICS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(INSPECTIONS)
    spreadsheets.register(OVERDUE_FOLLOW_UPS)
    spreadsheets.register(TOPICS)

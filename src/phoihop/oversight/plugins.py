"""What oversight offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

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
    from phoihop.oversight.sheets import INSPECTIONS, OVERDUE_FOLLOW_UPS, TOPICS
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="oversight",
        name="inspection",
        label=_("Kiểm tra, giám sát"),
        prefix="/kiem-tra-giam-sat/",
        order=30,
        section=enterprise_section,
        section_order=20,
    )
    spreadsheets.register(INSPECTIONS)
    spreadsheets.register(OVERDUE_FOLLOW_UPS)
    spreadsheets.register(TOPICS)

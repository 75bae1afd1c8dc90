"""What organizing offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.organizing.permissions import can_create_founding
    from phoihop.organizing.selectors import foundings_at_enterprise

    return {
        "foundings": foundings_at_enterprise(user=user, enterprise=enterprise),
        "can_record_founding": can_create_founding(user),
    }


def plug_in() -> None:
    menu.add(
        group="records",
        url_name="organizing:founding_list",
        label=_("Thành lập tổ chức"),
        prefix="/thanh-lap-to-chuc/",
        order=20,
    )
    sections.add(
        "enterprise",
        key="organizing",
        template="organizing/enterprise_section.html",
        context=enterprise_section,
        order=10,
    )
    register_spreadsheets()


def register_spreadsheets() -> None:
    """Foundings' Excel template, import and export (organizing/sheets.py, phoihop.spreadsheets)."""
    from phoihop.organizing.sheets import FOUNDINGS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(FOUNDINGS)


def declare_demo_data() -> None:
    """The demo's foundings of part I.5 and the indicators that count them (demo/data/organizing.json;
    core/plugins.py, demo_data)."""
    from phoihop.core.plugins import demo_data
    from phoihop.organizing.models import Founding
    from phoihop.organizing.services import create_founding

    demo_data.kind(
        "organizing.founding",
        create_founding,
        Founding,
        natural_key={"kind": "data.kind", "enterprise": "data.enterprise"},
        fields={
            "owner_agency": "directory.agency",
            "data.enterprise": "directory.enterprise",
            "data.founded_on": "date",
            "data.plan_items": ["planning.item"],
        },
    )
    demo_data.file("organizing", order=51, kinds=("organizing.founding", "indicators.indicator", "indicators.target"))

"""What practices offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.practices.selectors import practices_for_enterprise

    return {"practices": list(practices_for_enterprise(user=user, enterprise=enterprise)[:rows])}


def plug_in() -> None:
    menu.add(
        group="records",
        url_name="practices:practice_list",
        label=_("Dân vận khéo"),
        prefix="/dan-van-kheo/",
        order=40,
    )
    sections.add(
        "enterprise",
        key="practices",
        template="practices/enterprise_section.html",
        context=enterprise_section,
        order=40,
    )
    register_spreadsheets()


def register_spreadsheets() -> None:
    """The models' Excel template, import and export (practices/sheets.py, phoihop.spreadsheets)."""
    from phoihop.practices.sheets import PRACTICES
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(PRACTICES)

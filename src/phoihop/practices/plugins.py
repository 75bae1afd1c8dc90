"""What practices offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.practices.selectors import practices_for_enterprise

    return {"practices": list(practices_for_enterprise(user=user, enterprise=enterprise)[:rows])}


def plug_in() -> None:
    from phoihop.practices.sheets import PRACTICES
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="practices",
        name="practice",
        label=_("Dân vận khéo"),
        prefix="/dan-van-kheo/",
        order=40,
        section=enterprise_section,
        section_order=40,
    )
    spreadsheets.register(PRACTICES)

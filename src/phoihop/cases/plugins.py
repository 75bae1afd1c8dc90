"""What cases offers other apps' pages (core/plugins.py): its menu entry and the Excel export of its lists."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="cases", url_name="cases:case_list", label=_("Vụ việc, kiến nghị"), prefix="/vu-viec/")
    register_spreadsheets()


def register_spreadsheets() -> None:
    """The case list's "Xuất Excel" (cases/sheets.py, phoihop.spreadsheets): export only, personal data masked by the
    case page's rule; and the petition and topic lists' (no personal data)."""
    from phoihop.cases.sheets import CASES, PETITIONS, TOPICS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(CASES)
    spreadsheets.register(PETITIONS)
    spreadsheets.register(TOPICS)

"""What reports offers other apps' pages (core/plugins.py): its menu entry and the report list's Excel export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="reports", url_name="reports:report_list", label=_("Báo cáo liên tịch"), prefix="/bao-cao/")
    register_spreadsheets()


def register_spreadsheets() -> None:
    """The report list's "Xuất Excel" (reports/sheets.py, phoihop.spreadsheets): export only."""
    from phoihop.reports.sheets import REPORTS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(REPORTS)

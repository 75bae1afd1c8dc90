"""What reports offers other apps' pages (core/plugins.py): its menu entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="reports", url_name="reports:report_list", label=_("Báo cáo liên tịch"), prefix="/bao-cao/")

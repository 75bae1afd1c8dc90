"""What cases offers other apps' pages (core/plugins.py): its menu entry."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu


def plug_in() -> None:
    menu.add(group="cases", url_name="cases:case_list", label=_("Vụ việc, kiến nghị"), prefix="/vu-viec/")

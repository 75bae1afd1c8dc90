"""What planning offers other apps' pages (core/plugins.py): its menu entries, the home page's plan card and the
Excel export of its lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def home_section(*, user: User) -> dict[str, Any] | None:
    from phoihop.planning.selectors import home_summary

    summary = home_summary(user=user)
    return {"plan_summary": summary} if summary.plan is not None else None


def plug_in() -> None:
    menu.add(group="plan", url_name="planning:plan_list", label=_("Kế hoạch phối hợp"), prefix="/ke-hoach/", order=10)
    menu.add(group="plan", url_name="planning:document_list", label=_("Văn bản"), prefix="/van-ban/", order=40)
    sections.add("home", key="planning", template="planning/home_section.html", context=home_section, order=10)
    register_spreadsheets()


def register_spreadsheets() -> None:
    """The plan list's and the document register's "Xuất Excel" (planning/sheets.py, phoihop.spreadsheets)."""
    from phoihop.planning.sheets import DOCUMENTS, PLANS
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(PLANS)
    spreadsheets.register(DOCUMENTS)

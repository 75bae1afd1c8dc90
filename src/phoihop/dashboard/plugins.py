"""The first section of the home page: small cards by role, each a count that links to the full filtered list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from phoihop.core.plugins import sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def home_section(*, user: User) -> dict[str, Any] | None:
    from phoihop.dashboard.selectors import role_cards

    cards = role_cards(user=user)
    return {"cards": cards} if cards else None


def plug_in() -> None:
    sections.add("home", key="dashboard", template="dashboard/home_section.html", context=home_section, order=0)

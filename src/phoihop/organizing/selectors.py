"""Reads of foundings. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch

from phoihop.directory.records import OwnedRecords, sort_keys
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.models import Founding
from phoihop.organizing.permissions import can_view_foundings
from phoihop.planning.models import PlanItem

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

FOUNDINGS = OwnedRecords(
    model=Founding,
    filter=FoundingFilter,
    can_view=can_view_foundings,
    related=("enterprise", "enterprise__zone", "owner_agency", "decision_document"),
    # The organisation's name, the enterprise's name and tax code, and its zone.
    search=("search_text", "enterprise__search_text", "enterprise__zone__search_text"),
    sorts=sort_keys(
        {"date": "founded_on", "enterprise": "enterprise__name", "kind": "kind", "members": "members_at_founding"}
    ),
    default_sort="-date",
    details=lambda queryset: queryset.prefetch_related(
        Prefetch("plan_items", queryset=PlanItem.objects.select_related("plan").order_by("plan__year", "number"))
    ),
)
foundings_visible_to = FOUNDINGS.visible_to
list_foundings = FOUNDINGS.list
with_details = FOUNDINGS.with_details
get_founding = FOUNDINGS.get


def foundings_at_enterprise(*, user: User, enterprise: Enterprise) -> list[Founding]:
    """The unions, party cells and Youth Union branches founded at the enterprise: one query."""
    return list(foundings_visible_to(user).filter(enterprise=enterprise).order_by("founded_on", "pk"))

"""Reads of foundings. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.text import fold_vi
from phoihop.directory.scope import read_scope
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.models import Founding
from phoihop.organizing.permissions import can_view_foundings
from phoihop.planning.models import PlanItem

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

# Each sort key of the list, ascending and with "-" descending.
_SORTED_BY = {"date": "founded_on", "enterprise": "enterprise__name", "kind": "kind", "members": "members_at_founding"}
FOUNDING_SORTS = {f"{sign}{key}": f"{sign}{field}" for key, field in _SORTED_BY.items() for sign in ("", "-")}
DEFAULT_SORT = "-date"


def foundings_visible_to(user: User) -> QuerySet[Founding]:
    if not can_view_foundings(user):
        return Founding.objects.none()
    queryset = Founding.objects.select_related("enterprise", "enterprise__zone", "owner_agency", "decision_document")
    scope = read_scope(user)
    if scope is not None:
        queryset = queryset.filter(owner_agency__in=scope)
    return queryset


def search_foundings(queryset: QuerySet[Founding], query: str) -> QuerySet[Founding]:
    """Diacritic-insensitive over the organisation's name, the enterprise's name and tax code, and its zone."""
    for word in fold_vi(query).split():
        queryset = queryset.filter(
            Q(search_text__contains=word)
            | Q(enterprise__search_text__contains=word)
            | Q(enterprise__zone__search_text__contains=word)
        )
    return queryset


def list_foundings(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Founding]:
    params = params or {}
    queryset = FoundingFilter(params, queryset=foundings_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = search_foundings(queryset, query)
    sort = FOUNDING_SORTS.get(str(params.get("sort") or DEFAULT_SORT), FOUNDING_SORTS[DEFAULT_SORT])
    return queryset.order_by(sort, "-pk")


def with_details(queryset: QuerySet[Founding]) -> QuerySet[Founding]:
    return queryset.prefetch_related(
        Prefetch("plan_items", queryset=PlanItem.objects.select_related("plan").order_by("plan__year", "number"))
    )


def get_founding(*, user: User, pk: int) -> Founding:
    return get_object_or_404(with_details(foundings_visible_to(user)), pk=pk)


def foundings_at_enterprise(*, user: User, enterprise: Enterprise) -> list[Founding]:
    """The unions, party cells and Youth Union branches founded at the enterprise: one query."""
    return list(foundings_visible_to(user).filter(enterprise=enterprise).order_by("founded_on", "pk"))

"""Reads of the directory. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.text import fold_vi
from phoihop.directory.filters import EnterpriseFilter
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.permissions import can_view_directory

if TYPE_CHECKING:
    from phoihop.accounts.models import User

ENTERPRISE_SORTS = {
    "name": "name",
    "-name": "-name",
    "workforce": "workforce",
    "-workforce": "-workforce",
    "zone": "zone__name",
    "-zone": "-zone__name",
    "tax_code": "tax_code",
    "-tax_code": "-tax_code",
}


def agencies_visible_to(user: User) -> QuerySet[Agency]:
    if not can_view_directory(user):
        return Agency.objects.none()
    return Agency.objects.select_related("parent")


def zones_visible_to(user: User) -> QuerySet[Zone]:
    if not can_view_directory(user):
        return Zone.objects.none()
    return Zone.objects.select_related("parent")


def enterprises_visible_to(user: User) -> QuerySet[Enterprise]:
    if not can_view_directory(user):
        return Enterprise.objects.none()
    return Enterprise.objects.select_related("zone", "zone__parent", "owner_agency")


def search_enterprises(queryset: QuerySet[Enterprise], query: str) -> QuerySet[Enterprise]:
    """Diacritic-insensitive search over the enterprise's own text and its zone's: "trang due" finds the
    enterprises of KCN Tràng Duệ, "dinh vu" those of Đình Vũ. Every word must match somewhere."""
    for word in fold_vi(query).split():
        queryset = queryset.filter(Q(search_text__contains=word) | Q(zone__search_text__contains=word))
    return queryset


def list_enterprises(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Enterprise]:
    params = params or {}
    queryset = enterprises_visible_to(user)
    queryset = EnterpriseFilter(params, queryset=queryset, user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = search_enterprises(queryset, query)
    sort = ENTERPRISE_SORTS.get(str(params.get("sort") or "name"), "name")
    return queryset.order_by(sort, "pk")


def get_enterprise(*, user: User, pk: int) -> Enterprise:
    return get_object_or_404(enterprises_visible_to(user), pk=pk)


def list_zones(*, user: User, query: str = "") -> QuerySet[Zone]:
    queryset = zones_visible_to(user)
    for word in fold_vi(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset.annotate(enterprise_count=Count("enterprises")).order_by("kind", "name")


def get_zone(*, user: User, pk: int) -> Zone:
    return get_object_or_404(zones_visible_to(user), pk=pk)


def list_agencies(*, user: User, query: str = "") -> QuerySet[Agency]:
    queryset = agencies_visible_to(user)
    for word in fold_vi(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset.order_by("name")


def get_agency(*, user: User, pk: int) -> Agency:
    return get_object_or_404(agencies_visible_to(user), pk=pk)


def directory_summary(*, user: User) -> dict[str, int]:
    from phoihop.directory.choices import Ownership

    enterprises = enterprises_visible_to(user).aggregate(
        total=Count("pk"), fdi=Count("pk", filter=Q(ownership__in=Ownership.fdi()))
    )
    return {
        "zones": zones_visible_to(user).count(),
        "enterprises": enterprises["total"],
        "fdi_enterprises": enterprises["fdi"],
    }

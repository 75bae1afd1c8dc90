"""Reads of the directory. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.text import fold_vi
from phoihop.directory.filters import EnterpriseFilter
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.permissions import can_view_directory
from phoihop.directory.scope import own_scope

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


# Choices for forms. Agencies and zones are reference data every member of the programme reads; the view that
# builds the form has already checked the user.


def agency_choices(*, active_only: bool = False) -> QuerySet[Agency]:
    queryset = Agency.objects.filter(is_active=True) if active_only else Agency.objects.all()
    return queryset.order_by("name")


def owner_choices(*, user: User) -> QuerySet[Agency]:
    """The bodies a user may file a record for: any active agency for the administrator, else the user's agency and
    the units under it."""
    if user.is_admin:
        return agency_choices(active_only=True)
    return Agency.objects.filter(pk__in=own_scope(user)).order_by("name")


def zone_choices() -> QuerySet[Zone]:
    return Zone.objects.order_by("name")


def enterprise_choices() -> QuerySet[Enterprise]:
    """What an enterprise field resolves typed tax codes, names and ids against: the whole directory, with the zone
    its label shows."""
    return Enterprise.objects.select_related("zone")


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
    # Blanks (no zone, no workforce) go last either way, on SQLite as on PostgreSQL (whose defaults differ).
    column = F(sort.removeprefix("-"))
    order = column.desc(nulls_last=True) if sort.startswith("-") else column.asc(nulls_last=True)
    return queryset.order_by(order, "pk")


def enterprise_options(*, user: User, query: str, limit: int) -> list[Enterprise]:
    """What an enterprise picker offers while the user types: the directory's search (diacritics ignored, the tax
    code is part of the searched text), by name, a few at a time. One query; nothing for an empty query."""
    if not query.strip():
        return []
    return list(search_enterprises(enterprises_visible_to(user), query).order_by("name", "pk")[:limit])


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


def agency_scopes() -> dict[int, frozenset[int]]:
    """Every agency's scope: itself and all the units under it, at any depth. One query, whatever the tree."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Agency.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    scopes: dict[int, frozenset[int]] = {}

    def walk(pk: int, trail: frozenset[int]) -> frozenset[int]:
        if pk in scopes:
            return scopes[pk]
        found = {pk}
        for child in children.get(pk, []):
            if child not in trail:  # a cycle in bad data must not loop forever
                found |= walk(child, trail | {pk})
        scopes[pk] = frozenset(found)
        return scopes[pk]

    for pk in [pk for ids in children.values() for pk in ids]:
        walk(pk, frozenset())
    return scopes


def agency_scope_ids(agency: Agency | int | None) -> frozenset[int]:
    """The agency and its descendants (a LĐLĐTP user acts for the Economic Zone Union under it). One query."""
    if agency is None:
        return frozenset()
    pk = agency if isinstance(agency, int) else agency.pk
    return agency_scopes().get(pk, frozenset({pk}))

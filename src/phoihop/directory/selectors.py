"""Reads of the directory. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import Exact, GreaterThan
from django.db.models.query import ModelIterable
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


# Below this many characters a word has no trigram to look up: it falls back to a plain LIKE scan.
TRIGRAM = 3
# The list counts matches exactly up to this bound and says "more than" beyond it.
COUNT_BOUND = 1000


def _own_text_has(words: list[str]) -> Q:
    """Every word in the enterprise's own folded text. SQLite: one FTS5 trigram query for the words of 3 characters or
    more, `instr` for shorter ones; PostgreSQL: LIKE per word, served by the pg_trgm GIN index."""
    if connection.vendor != "sqlite":
        condition = Q()
        for word in words:
            condition &= Q(search_text__contains=word)
        return condition
    condition = Q()
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if long_words:
        expression = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        fts = "SELECT rowid FROM directory_enterprise_fts WHERE search_text MATCH %s"
        condition &= Q(pk__in=RawSQL(fts, [expression]))  # noqa: S611 - the user's words are a parameter
    for word in words:
        if len(word) < TRIGRAM:
            condition &= Q(GreaterThan(StrIndex("search_text", Value(word)), 0))
    return condition


def search_enterprises(queryset: QuerySet[Enterprise], query: str) -> QuerySet[Enterprise]:
    """Diacritic-insensitive search over the enterprise's own text and its zone's: "trang due" finds the
    enterprises of KCN Tràng Duệ, "dinh vu" those of Đình Vũ. Every word must match somewhere.

    One condition, no UNION: the enterprises with every word in their own text, or in a zone whose text holds some
    of the words and their own text the rest. The zones are read first (a small table, one query) and grouped by
    the words they leave to the enterprise's text, so each group is one `zone_id IN (...)` plus one index lookup."""
    words = list(dict.fromkeys(fold_vi(query).split()))
    if not words:
        return queryset
    condition = _own_text_has(words)
    left_by_zone: dict[tuple[str, ...], list[int]] = {}
    for pk, text in Zone.objects.values_list("pk", "search_text"):
        if any(word in text for word in words):
            left = tuple(word for word in words if word not in text)
            left_by_zone.setdefault(left, []).append(pk)
    for left, zone_ids in left_by_zone.items():
        condition |= Q(zone_id__in=zone_ids) & _own_text_has(list(left)) if left else Q(zone_id__in=zone_ids)
    return queryset.filter(condition)


def rank_enterprises(queryset: QuerySet[Enterprise], query: str) -> QuerySet[Enterprise]:
    """Best matches first: the folded text starting with the whole query (the full name), then the phrase in the
    name, then every word in the enterprise's own text, then the tax code, then matches through the zone only.
    Plain string positions (`instr`/`strpos`), not LIKE: the rank is computed for every match."""
    folded = fold_vi(query)
    words = folded.split()
    tax_code = query.strip()

    def has(text: str) -> GreaterThan:
        return GreaterThan(StrIndex("search_text", Value(text)), 0)

    all_words = Q(*(has(word) for word in words))
    return queryset.annotate(
        search_rank=Case(
            When(Exact(Substr("search_text", 1, len(folded)), Value(folded)), then=Value(0)),
            When(has(folded), then=Value(1)),
            When(all_words, then=Value(2)),
            When(Exact(Substr("tax_code", 1, len(tax_code)), Value(tax_code)), then=Value(3)),
            default=Value(4),
            output_field=IntegerField(),
        )
    )


class RankedSearch(QuerySet[Enterprise]):
    """A ranked search whose pages are read in two steps. First the page's ids: the ranking and its sort run over the
    ids alone, and only over the best tier that holds the whole page — the enterprises with the phrase in their own
    text (ranks 0–1), else those with every word in it (ranks 0–2), else every match — since every enterprise
    outside a tier ranks after every one inside it, the page is the same as over all matches. One query counts each
    tier up to the page's end. Then one query by primary key brings the page's rows with their joins. Whole reads
    (export, `values_list`, the recall check) run as a plain queryset over every match."""

    _rows_from: QuerySet[Enterprise] | None = None
    _tiers: tuple[Q, ...] = ()

    def _clone(self) -> Any:
        clone = super()._clone()  # type: ignore[misc]
        clone._rows_from, clone._tiers = self._rows_from, self._tiers
        return clone

    def __getitem__(self, k: Any) -> Any:
        if not isinstance(k, slice) or self._rows_from is None or self._iterable_class is not ModelIterable:
            return super().__getitem__(k)
        ranked = self._best_tier(self._rows_from, k.stop) if k.stop and self._tiers else self
        ids = list(ranked.values_list("pk", flat=True)[k])
        rows = self._rows_from.in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]

    def _best_tier(self, rows_from: QuerySet[Enterprise], stop: int) -> QuerySet[Enterprise]:
        counts: list[str] = []
        params: list[Any] = []
        for tier in self._tiers:
            sql, tier_params = rows_from.filter(tier).order_by().values("pk")[:stop].query.sql_with_params()
            counts.append(f"(SELECT COUNT(*) FROM ({sql}) t)")  # noqa: S608 - Django's own SQL, values as params
            params += tier_params
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(counts)}", params)
            sizes = cursor.fetchone()
        for tier, size in zip(self._tiers, sizes, strict=True):
            if size >= stop:
                return self.filter(tier)
        return self


def ranked_search(queryset: QuerySet[Enterprise], query: str) -> RankedSearch:
    """The enterprises of `queryset` that match `query`, best first (`rank_enterprises`), then by name."""
    ranked = rank_enterprises(search_enterprises(queryset, query), query).order_by("search_rank", "name", "pk")
    folded = fold_vi(query)  # the tiers hold exactly ranks 0-1 and 0-2 of `rank_enterprises`
    return ids_first(ranked, queryset, tiers=(_own_text_has([folded]), _own_text_has(folded.split())))


def ids_first(
    ordered: QuerySet[Enterprise], rows_from: QuerySet[Enterprise], tiers: tuple[Q, ...] = ()
) -> RankedSearch:
    """`ordered`, whose slices read the page's ids first and then its rows from `rows_from` (`RankedSearch`)."""
    result = RankedSearch(model=Enterprise, query=ordered.query.chain(), using=ordered.db)
    result._rows_from, result._tiers = rows_from, tiers
    return result


def count_bounded(queryset: QuerySet[Any], bound: int = COUNT_BOUND) -> tuple[int, bool]:
    """The number of rows, exact up to `bound`; beyond it (`bound`, True): "more than `bound`". One query that stops
    reading at bound + 1 rows."""
    count = queryset.order_by().values("pk")[: bound + 1].count()
    return (bound, True) if count > bound else (count, False)


def list_enterprises(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Enterprise]:
    params = params or {}
    queryset = enterprises_visible_to(user)
    queryset = EnterpriseFilter(params, queryset=queryset, user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        if not params.get("sort"):  # a search without a chosen order: best matches first
            return ranked_search(queryset, query)
        found = search_enterprises(queryset, query).order_by(*_sort_order(params))
        return ids_first(found, queryset)  # a page of a search sorts ids, then reads its rows
    return queryset.order_by(*_sort_order(params))


def _sort_order(params: Mapping[str, Any]) -> tuple[OrderBy, str]:
    sort = ENTERPRISE_SORTS.get(str(params.get("sort") or "name"), "name")
    # Blanks (no zone, no workforce) go last either way, on SQLite as on PostgreSQL (whose defaults differ).
    column = F(sort.removeprefix("-"))
    return (column.desc(nulls_last=True) if sort.startswith("-") else column.asc(nulls_last=True)), "pk"


def enterprise_options(*, user: User, query: str, limit: int) -> list[Enterprise]:
    """What an enterprise picker offers while the user types: the directory's search (diacritics ignored, the tax
    code is part of the searched text), by name, a few at a time. One query; nothing for an empty query."""
    if not query.strip():
        return []
    found = search_enterprises(enterprises_visible_to(user), query)  # a few rows: one query, no ids first
    return list(rank_enterprises(found, query).order_by("search_rank", "name", "pk")[:limit])


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

"""Reads of the directory. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db import connection, connections
from django.db.models import BooleanField, Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import OrderBy, RawSQL
from django.db.models.functions import StrIndex, Substr
from django.db.models.lookups import Exact, GreaterThan
from django.db.models.query import ModelIterable
from django.shortcuts import get_object_or_404

from phoihop.core.replica import from_replica
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


def _zones_leaving(words: list[str]) -> dict[int, tuple[str, ...]]:
    """The zones whose folded text holds some of the words, each with the words it leaves to the enterprise's own
    text (one query over the small zone table)."""
    left_by_zone: dict[int, tuple[str, ...]] = {}
    for pk, text in Zone.objects.values_list("pk", "search_text"):
        if any(word in text for word in words):
            left_by_zone[pk] = tuple(word for word in words if word not in text)
    return left_by_zone


def _matching(words: list[str], left_by_zone: dict[int, tuple[str, ...]]) -> Q:
    condition = _own_text_has(words)
    zones_by_left: dict[tuple[str, ...], list[int]] = {}
    for pk, left in left_by_zone.items():
        zones_by_left.setdefault(left, []).append(pk)
    for left, zone_ids in zones_by_left.items():
        condition |= Q(zone_id__in=zone_ids) & _own_text_has(list(left)) if left else Q(zone_id__in=zone_ids)
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
    return queryset.filter(_matching(words, _zones_leaving(words)))


def rank_enterprises(queryset: QuerySet[Enterprise], query: str) -> QuerySet[Enterprise]:
    """Best matches first: the folded text starting with the whole query (the full name), then the phrase in the
    name, then every word in the enterprise's own text, then the tax code, then matches through the zone only.
    Plain string positions (`instr`/`strpos`), not LIKE: the rank is computed for every match.
    `_Walk.rank` is the same rule in SQL over the rows a page walks in name order."""
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


RANKS = 5  # the ranks of `rank_enterprises`, 0 to 4
# A page first walks the first PROBE rows of the directory in name order, through the covering name index
# (migration 0003), then WALK rows if a rank the search index would sort is short there; a broad search's bounded
# count is read there too.
PROBE = 2_000
WALK = 20_000
# A rank short in the probe is sorted through its index when the index finds fewer than this many enterprises for
# it (sorting them costs less than walking WALK rows); else the page walks WALK rows first.
SORT_MAX = 2_500


class _Walk:
    """The match and the rank of `search_enterprises` / `rank_enterprises` as SQL over `w`, a window of the
    directory's first rows in name order: the same string tests (`instr`/`strpos`, `substr`), the same zones."""

    def __init__(self, query: str, left_by_zone: dict[int, tuple[str, ...]]) -> None:
        self.query = query
        self.folded = fold_vi(query)
        self.words = list(dict.fromkeys(self.folded.split()))
        position = "instr" if connection.vendor == "sqlite" else "strpos"
        self._has = f"{position}(w.search_text, %s) > 0"
        self.left_by_zone = left_by_zone

    def matches(self, text: str, zone_id: int | None) -> bool:
        """The match in Python, for rows already read."""
        if all(word in text for word in self.words):
            return True
        left = self.left_by_zone.get(zone_id) if zone_id is not None else None
        return left is not None and all(word in text for word in left)

    def _all(self, words: list[str] | tuple[str, ...]) -> tuple[str, list[Any]]:
        return "(" + " AND ".join([self._has] * len(words)) + ")", list(words)

    def match(self) -> tuple[str, list[Any]]:
        sql, params = self._all(self.words)
        zones_by_left: dict[tuple[str, ...], list[int]] = {}
        for pk, left in self.left_by_zone.items():
            zones_by_left.setdefault(left, []).append(pk)
        parts = [sql]
        for left, zone_ids in zones_by_left.items():
            in_zones = "w.zone_id IN (" + ", ".join(str(int(pk)) for pk in zone_ids) + ")"
            if left:
                left_sql, left_params = self._all(left)
                parts.append(f"({in_zones} AND {left_sql})")
                params += left_params
            else:
                parts.append(in_zones)
        return "(" + " OR ".join(parts) + ")", params

    def rank(self) -> tuple[str, list[Any]]:
        tax_code = self.query.strip()
        all_sql, all_params = self._all(self.folded.split())
        sql = (
            f"CASE WHEN substr(w.search_text, 1, {len(self.folded)}) = %s THEN 0 WHEN {self._has} THEN 1 "
            f"WHEN {all_sql} THEN 2 WHEN substr(w.tax_code, 1, {len(tax_code)}) = %s THEN 3 ELSE 4 END"
        )
        return sql, [self.folded, self.folded, *all_params, tax_code]


def _window(rows_from: QuerySet[Enterprise], size: int, order: tuple[str, ...] = ("name", "pk")) -> tuple[str, Any]:
    """The first `size` rows of `rows_from` in name order (or `order`), as SQL for a derived table `w`."""
    columns = ("pk", "name", "search_text", "tax_code", "zone_id")
    return rows_from.order_by(*order).values(*columns)[:size].query.sql_with_params()


def _index_ids(words: list[str], db: str) -> list[int] | None:
    """The enterprises the search index finds with every one of `words` (those of a trigram or more) in their own
    text, over the whole directory: a superset of a rank's rows, to sort that rank among them. None when there are
    SORT_MAX or more (then sorting them would cost more than walking), or no word the index can look up."""
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if not long_words:
        return None
    if connection.vendor == "sqlite":
        expression = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        sql = "SELECT rowid FROM directory_enterprise_fts WHERE search_text MATCH %s LIMIT %s"
        with connections[db].cursor() as cursor:
            cursor.execute(sql, [expression, SORT_MAX])
            ids = [row[0] for row in cursor.fetchall()]
    else:
        ids = list(
            Enterprise.objects.using(db)
            .filter(_own_text_has(long_words))
            .order_by()
            .values_list("pk", flat=True)[:SORT_MAX]
        )
    return ids if len(ids) < SORT_MAX else None


def _among(ids: list[int]) -> Q:
    """The enterprises whose id is in `ids`, a few thousand at most. PostgreSQL: one array parameter (`= ANY`), which
    Django does not compile value by value as it does an IN list (about 10 ms for 2.000 ids)."""
    if connection.vendor != "postgresql":
        return Q(pk__in=ids)
    column = f"{connection.ops.quote_name(Enterprise._meta.db_table)}.{connection.ops.quote_name('id')}"
    return Q(RawSQL(f"{column} = ANY(%s::bigint[])", [list(ids)], output_field=BooleanField()))  # noqa: S611 - ids as a parameter


def _starts_with(column: str, prefix: str) -> Q:
    """`column` starts with `prefix`, through the column's plain index: a range in code-point order on SQLite (its
    BINARY collation), LIKE 'x%' on PostgreSQL (Django's pattern-ops index on the column)."""
    if not prefix:
        return Q()
    if connection.vendor == "sqlite":
        following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        return Q(**{f"{column}__gte": prefix, f"{column}__lt": following})
    return Q(**{f"{column}__startswith": prefix})


class RankedSearch(QuerySet[Enterprise]):
    """A ranked search (rank, then name, then id) whose pages are read in two steps: the page's ids, then one query
    by primary key for the page's rows with their joins. Whole reads (export, `values_list`, the recall check) run as
    a plain queryset over every match.

    The ids: a page is the first enterprises of rank 0 in name order, then of rank 1, and so on. A dense rank (a
    phrase found in a fifth of the directory) is never sorted whole: one query walks the first `WALK` rows of the
    directory in name order (a covering index) and returns the first matches of each rank there. A rank with enough
    rows in that window takes its first ones from it, since the window is the start of the name order; only a rank
    with too few, a sparse one, is found through the search index and sorted (rank 0 through the plain index on the
    folded text). A search with at most `COUNT_BOUND` matches (known from its bounded count) sorts them all."""

    _rows_from: QuerySet[Enterprise] | None = None
    _walk: _Walk | None = None
    _count: tuple[int, bool] | None = None
    _matched: list[int] | None = None  # every match's id, when the bounded count found at most its bound (PostgreSQL)

    def _clone(self) -> Any:
        clone = super()._clone()  # type: ignore[misc]
        clone._rows_from, clone._walk = self._rows_from, self._walk
        return clone

    def __getitem__(self, k: Any) -> Any:
        if not isinstance(k, slice) or self._rows_from is None or self._iterable_class is not ModelIterable:
            return super().__getitem__(k)
        broad = self._count is None or self._count[1]
        if self._walk is not None and broad and k.stop and (k.step or 1) == 1:
            ids = self._page_ids(self._walk, self._rows_from, k.stop)[k]
        elif self._walk is not None and self._matched is not None and not broad:
            ids = self._sorted_ids(self._walk, self._rows_from, self._matched, k)
        else:
            ids = list(self.values_list("pk", flat=True)[k])
        rows = self._rows_from.in_bulk(ids)
        return [rows[pk] for pk in ids if pk in rows]

    def count_bounded(self, bound: int) -> tuple[int, bool]:
        """`count_bounded`, first over the first rows of the directory without the search index (PROBE rows, then
        WALK rows if the probe promises the bound there): a broad search finds more than `bound` matches there and
        stops reading; else the bounded count through the index. Kept for the page."""
        if self._walk is not None and self._rows_from is not None:
            probed = self._count_in_window(self._walk, self._rows_from, PROBE, bound)
            # Only a search dense enough in the probe to pass the bound within the walk reads the walk's window.
            if probed > bound or (
                probed * WALK > bound * PROBE
                and self._count_in_window(self._walk, self._rows_from, WALK, bound) > bound
            ):
                self._count = (bound, True)
                return self._count
        if self._walk is not None:
            # The matches' ids rather than their number: when there are at most `bound`, the page sorts them by
            # primary key instead of running the search's index scan a second time (`_sorted_ids`; "trang due 77"
            # on SQLite: the FTS5 scan with its INSTR check 80 ms once instead of twice).
            ids = list(self.order_by().values_list("pk", flat=True)[: bound + 1])
            self._matched = ids if len(ids) <= bound else None
            count = len(ids)
        else:
            count = self.order_by().values("pk")[: bound + 1].count()
        self._count = (bound, True) if count > bound else (count, False)
        return self._count

    @staticmethod
    def _sorted_ids(walk: _Walk, rows_from: QuerySet[Enterprise], matched: list[int], k: slice) -> list[int]:
        """A page of the matches, ranked and sorted among the ids the bounded count read (every match)."""
        ranked = rank_enterprises(rows_from.filter(_among(matched)), walk.query)
        return list(ranked.order_by("search_rank", "name", "pk").values_list("pk", flat=True)[k])

    @staticmethod
    def _count_in_window(walk: _Walk, rows_from: QuerySet[Enterprise], size: int, bound: int) -> int:
        window, params = _window(rows_from, size, order=("pk",))  # the order rows were added: no cluster of names
        match, match_params = walk.match()
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM ({window}) w WHERE {match} LIMIT {int(bound) + 1}) c"  # noqa: S608 - Django's SQL and our own, values as params
        with connections[rows_from.db].cursor() as cursor:  # the replica when the list reads from it
            cursor.execute(sql, [*params, *match_params])
            return int(cursor.fetchone()[0])

    @staticmethod
    def _first_by_rank(walk: _Walk, rows_from: QuerySet[Enterprise], size: int, stop: int) -> list[list[int]]:
        """The first matches of each rank among the first `size` rows in name order, `stop` in all (by rank)."""
        window, params = _window(rows_from, size)
        match, match_params = walk.match()
        rank, rank_params = walk.rank()
        sql = (
            f"SELECT r, pk FROM (SELECT w.pk AS pk, w.name AS name, {rank} AS r FROM ({window}) w WHERE {match}) x "  # noqa: S608 - Django's SQL and our own, values as params
            f"ORDER BY r, name, pk LIMIT {int(stop)}"
        )
        in_window: list[list[int]] = [[] for _ in range(RANKS)]
        with connections[rows_from.db].cursor() as cursor:  # the replica when the list reads from it
            cursor.execute(sql, [*rank_params, *params, *match_params])
            for found_rank, pk in cursor.fetchall():
                in_window[found_rank].append(pk)
        return in_window

    @staticmethod
    def _short(in_window: list[list[int]], stop: int) -> set[int]:
        """The ranks the page needs more of than the window holds (counting a short rank as no more than that)."""
        short, taken = set(), 0
        for rank, first in enumerate(in_window):
            if taken >= stop:
                break
            if len(first) < stop - taken:
                short.add(rank)
            taken += min(len(first), stop - taken)
        return short

    def _page_ids(self, walk: _Walk, rows_from: QuerySet[Enterprise], stop: int) -> list[int]:
        in_window = self._first_by_rank(walk, rows_from, PROBE, stop)
        # A short rank is read through its index and sorted, unless that would sort many rows: then the page walks
        # further first. The start of the text or of the tax code is a short index range; the first other short
        # rank decides: the phrase and the words are counted in their index up to SORT_MAX, the zone-only matches
        # have no index.
        short = sorted(self._short(in_window, stop) - {0, 3})
        found: dict[int, list[int]] = {}
        if short:
            among = _index_ids([walk.folded] if short[0] == 1 else walk.words, rows_from.db) if short[0] != 4 else None
            if among is None:
                in_window = self._first_by_rank(walk, rows_from, WALK, stop)
            else:
                found[short[0]] = among
        ids: list[int] = []
        for found_rank, first in enumerate(in_window):
            need = stop - len(ids)
            if need <= 0:
                break
            # The window is the start of the name order: enough rows of this rank there are its first ones.
            if len(first) >= need:
                ids += first[:need]
            else:
                ids += self._sorted_rank(walk, rows_from, found_rank, need, found.get(found_rank))
        return ids

    def _sorted_rank(
        self, walk: _Walk, rows_from: QuerySet[Enterprise], rank: int, need: int, among: list[int] | None
    ) -> list[int]:
        """The ids of one sparse rank in name order, found through an index and sorted: each of the first four ranks
        implies a condition an index answers (the start of the folded text, the phrase, every word, the start of the
        tax code)."""
        by_index = {
            0: _starts_with("search_text", walk.folded),
            1: _own_text_has([walk.folded]),
            2: _own_text_has(walk.words),
            3: _starts_with("tax_code", walk.query.strip()),
        }
        if among is not None:  # the ids the index already gave for this rank's phrase or words
            by_index[rank] = _among(among)
        if rank not in by_index:
            return list(self.filter(Q(search_rank=rank)).order_by("name", "pk").values_list("pk", flat=True)[:need])
        ranked = rank_enterprises(rows_from.filter(by_index[rank]), walk.query).filter(Q(search_rank=rank))
        if rank < 3:  # the first three ranks imply a match
            return list(ranked.order_by("name", "pk").values_list("pk", flat=True)[:need])
        # The tax code's rank, unlike the first three, needs the match too (through the zone): checked on the few
        # enterprises whose tax code starts with the query.
        found = ranked.order_by("name", "pk").values_list("pk", "search_text", "zone_id")
        return [pk for pk, text, zone_id in found if walk.matches(text, zone_id)][:need]


def ranked_search(queryset: QuerySet[Enterprise], query: str) -> RankedSearch:
    """The enterprises of `queryset` that match `query`, best first (`rank_enterprises`), then by name."""
    words = list(dict.fromkeys(fold_vi(query).split()))
    left_by_zone = _zones_leaving(words)
    found = queryset.filter(_matching(words, left_by_zone))
    ranked = rank_enterprises(found, query).order_by("search_rank", "name", "pk")
    result = ids_first(ranked, queryset)
    result._walk = _Walk(query, left_by_zone)
    return result


def ids_first(ordered: QuerySet[Enterprise], rows_from: QuerySet[Enterprise]) -> RankedSearch:
    """`ordered`, whose slices read the page's ids first and then its rows from `rows_from` (`RankedSearch`)."""
    result = RankedSearch(model=Enterprise, query=ordered.query.chain(), using=ordered.db)
    result._rows_from = rows_from
    return result


def only_columns(queryset: QuerySet[Enterprise], *fields: str, related: tuple[str, ...] = ()) -> QuerySet[Enterprise]:
    """`queryset` reading only `fields` and joining only `related` for its rows, whether a plain queryset or a ranked
    search (whose page rows are read from its unsearched queryset): what the API serializes and nothing more."""

    def narrow(rows: QuerySet[Enterprise]) -> QuerySet[Enterprise]:
        return rows.select_related(None).select_related(*related).only(*fields)

    narrowed = narrow(queryset)
    if isinstance(queryset, RankedSearch) and queryset._rows_from is not None:
        narrowed._rows_from = narrow(queryset._rows_from)  # type: ignore[attr-defined]
    return narrowed


def count_bounded(queryset: QuerySet[Any], bound: int = COUNT_BOUND) -> tuple[int, bool]:
    """The number of rows, exact up to `bound`; beyond it (`bound`, True): "more than `bound`". One query that stops
    reading at bound + 1 rows."""
    if isinstance(queryset, RankedSearch):
        return queryset.count_bounded(bound)
    count = queryset.order_by().values("pk")[: bound + 1].count()
    return (bound, True) if count > bound else (count, False)


def list_enterprises(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Enterprise]:
    params = params or {}
    queryset = from_replica(enterprises_visible_to(user))  # a list: the read replica may serve it
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

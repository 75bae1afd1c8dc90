"""A page of a ranked search walks the directory in name order and sorts only the sparse ranks through the index
(`selectors.RankedSearch`). Whatever the windows' sizes, every page must be exactly the slice of a naive full sort
(every match ranked, then by name and id), and the bounded count the naive count: checked on a small directory
with dense and sparse phrases, names clustered by their first words, matches through the zone only, a full name, a
tax code, short words and filters, with windows shrunk so that each path runs."""

from __future__ import annotations

import random

import pytest

from phoihop.accounts.models import User
from phoihop.core.text import fold_vi
from phoihop.directory import selectors
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.selectors import (
    count_bounded,
    enterprises_visible_to,
    list_enterprises,
    rank_enterprises,
    search_enterprises,
)
from tests.apiclient import ApiClient
from tests.directory.factories import ZoneFactory

WORDS = ["Hải Phòng", "Đình Vũ", "Tràng Duệ", "Việt Nam", "Điện tử", "Cơ khí", "Gỗ", "An"]
QUERIES = [
    "hai phong",  # a phrase in a quarter of the names, and a zone
    "Đình Vũ",  # a phrase in the names and a zone's own name
    "viet nam",  # in the names only, found late in name order (after "Cơ khí …")
    "cong ty",  # the start of every name: rank 0 is the whole directory
    "Công ty TNHH Gỗ An 999",  # a full name: one enterprise at rank 0
    "kcn trang due",  # through the zone only (rank 4)
    "trang due 7",  # zone or own text, with a word shorter than a trigram
    "go an",  # short words
    "0900012",  # a tax code's start, inside the folded text
    "dien tu co khi",  # a phrase and the same words spread over the name
    "co khi  co khi",  # a word repeated
    "samsung",  # nothing
]
PAGES = [(0, 25), (25, 50), (0, 50), (5, 30), (100, 125), (0, 1)]
# (PROBE, WALK): the windows the page walks before it sorts: none at all, small, and the shipped sizes.
WINDOWS = [(1, 1), (7, 40), (30, 120), (selectors.PROBE, selectors.WALK)]


@pytest.fixture
def directory(agency: Agency) -> dict[str, Zone]:
    zones = {
        "dinh_vu": ZoneFactory(name="KCN Đình Vũ", district="Hải An"),
        "trang_due": ZoneFactory(name="KCN Tràng Duệ", district="An Dương"),
        "nomura": ZoneFactory(name="KCN Nomura - Hải Phòng", district="An Dương"),
    }
    choices: list[Zone | None] = [*zones.values(), None]
    rng = random.Random(11)
    rows = []
    for i in range(400):
        name = f"Công ty TNHH {rng.choice(WORDS)} {rng.choice(WORDS)} {i}" if i != 399 else "Công ty TNHH Gỗ An 999"
        tax_code = f"09{i:08d}"
        rows.append(
            Enterprise(
                name=name,
                tax_code=tax_code,
                zone=rng.choice(choices),
                ownership=rng.choice(["domestic", "wholly_foreign"]),
                owner_agency=agency,
                search_text=fold_vi(f"{name} {tax_code}"),
            )
        )
    Enterprise.objects.bulk_create(rows)
    return zones


def naive(user: User, query: str, params: dict[str, object]) -> list[int]:
    """Every match ranked and sorted in one query: the order a page must follow."""
    queryset = list_enterprises(user=user, params=params)  # the filters alone, no search
    found = rank_enterprises(search_enterprises(queryset, query), query)
    return list(found.order_by("search_rank", "name", "pk").values_list("pk", flat=True))


def scan(query: str, params: dict[str, object]) -> set[int]:
    """What a plain Python scan of the folded text finds (every word in the enterprise's text or its zone's)."""
    words = fold_vi(query).split()
    zones = dict(Zone.objects.values_list("pk", "search_text"))
    rows = Enterprise.objects.values_list("pk", "search_text", "zone_id", "ownership")
    return {
        pk
        for pk, text, zone_id, ownership in rows
        if all(word in text or word in zones.get(zone_id, "") for word in words)
        and ownership == params.get("ownership", ownership)
    }


@pytest.mark.parametrize(("probe", "walk"), WINDOWS)
@pytest.mark.parametrize("query", QUERIES)
def test_every_page_is_the_slice_of_a_full_sort(
    directory: dict[str, Zone], officer: User, monkeypatch: pytest.MonkeyPatch, query: str, probe: int, walk: int
) -> None:
    monkeypatch.setattr(selectors, "PROBE", probe)
    monkeypatch.setattr(selectors, "WALK", walk)
    monkeypatch.setattr(selectors, "SORT_MAX", 30)  # the index's "many" for a rank: small here
    for params in ({}, {"ownership": "wholly_foreign"}):
        expected = naive(officer, query, params)
        assert set(expected) == scan(query, params), query
        for start, stop in PAGES:
            found = list_enterprises(user=officer, params={"q": query, **params})
            assert [e.pk for e in found[start:stop]] == expected[start:stop], (query, params, start)
        for bound in (5, 60, 1000):
            found = list_enterprises(user=officer, params={"q": query, **params})
            counted = (bound, True) if len(expected) > bound else (len(expected), False)
            assert count_bounded(found, bound=bound) == counted, (query, params, bound)
            # after the count, as on the list page and in the API: the same pages (on PostgreSQL sorted among the
            # ids the count read when it found them all)
            assert [e.pk for e in found[0:25]] == expected[:25], (query, params, bound)
            assert [e.pk for e in found[25:50]] == expected[25:50], (query, params, bound)


def test_the_shapes_cover_every_path(directory: dict[str, Zone], officer: User) -> None:
    """The data above holds what the page's paths are for: dense and sparse phrases, rank 0 for the whole
    directory, zone-only matches."""
    ranks = {}
    for query in ("hai phong", "cong ty", "kcn trang due", "Công ty TNHH Gỗ An 999"):
        found = rank_enterprises(search_enterprises(enterprises_visible_to(officer), query), query)
        ranks[query] = sorted(set(found.values_list("search_rank", flat=True)))
    assert ranks["cong ty"] == [0]
    assert ranks["kcn trang due"] == [4]
    assert 1 in ranks["hai phong"]
    assert 4 in ranks["hai phong"]
    assert ranks["Công ty TNHH Gỗ An 999"][0] == 0
    assert len(naive(officer, "hai phong", {})) > 50, "a dense phrase, longer than two pages"


@pytest.mark.parametrize("query", ["hai phong", "kcn trang due", "cong ty"])
def test_the_api_pages_follow_the_full_sort_with_every_field(
    directory: dict[str, Zone], officer: User, api_for, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:  # type: ignore[no-untyped-def]
    """The API reads only the columns it serializes (and the zone's name): the same items, fields and order."""
    monkeypatch.setattr(selectors, "PROBE", 7)
    monkeypatch.setattr(selectors, "WALK", 40)
    api: ApiClient = api_for(officer, token=True)
    expected = naive(officer, query, {})
    for page in (1, 2):
        body = api.get("/directory/enterprises", q=query, page=page).json()
        assert [item["id"] for item in body["items"]] == expected[(page - 1) * 50 : page * 50]
    item = api.get("/directory/enterprises", q=query).json()["items"][0]
    enterprise = Enterprise.objects.select_related("zone").get(pk=item["id"])
    assert item["name"] == enterprise.name
    assert item["tax_code"] == enterprise.tax_code
    assert item["zone"] == ({"id": enterprise.zone.pk, "name": enterprise.zone.name} if enterprise.zone else None)
    assert item["owner_agency_id"] == enterprise.owner_agency_id
    assert item["ownership"] == enterprise.ownership
    assert item["version"] == enterprise.version

"""The enterprise search through its index (FTS5 trigram on SQLite, pg_trgm on PostgreSQL): it finds exactly what a
plain scan of the folded text finds, whatever the diacritics, đ, case or Unicode form of the query; the full name
brings its company first; the count stops at a bound; the index follows creates, edits and deletes."""

from __future__ import annotations

import unicodedata

import pytest
from bench.generate import seed

from phoihop.accounts.models import User
from phoihop.core.text import fold_vi
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.selectors import count_bounded, enterprise_options, list_enterprises
from phoihop.directory.services import create_enterprise, delete_enterprise, update_enterprise
from tests.apiclient import ApiClient
from tests.directory.factories import ZoneFactory

QUERIES = [
    "đình vũ",
    "DINH VU",
    unicodedata.normalize("NFD", "Đình Vũ"),
    "dien tu",
    "Điện Tử",
    "tràng duệ",
    "TRANG",
    "hai phong 12",
    "may mặc",
    "nhựa",
    "gỗ",
    "co khi thuong",
    "0900001",
    "vu",  # shorter than a trigram: the LIKE path
    "tnhh viet nam 19",
    "kcn nomura",
]


def scan(query: str) -> set[int]:
    """What a plain Python substring scan finds: every word in the enterprise's folded text or its zone's."""
    words = fold_vi(query).split()
    zones = dict(Zone.objects.values_list("pk", "search_text"))
    return {
        pk
        for pk, text, zone_id in Enterprise.objects.values_list("pk", "search_text", "zone_id")
        if all(word in text or word in zones.get(zone_id, "") for word in words)
    }


@pytest.fixture
def directory(agency: Agency) -> None:
    for name in ("KCN Đình Vũ", "KCN Tràng Duệ", "KCN Nomura - Hải Phòng", "KCN An Dương"):
        ZoneFactory(name=name)
    seed(enterprises=2000)


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_a_full_scan_finds(directory: None, officer: User, query: str) -> None:
    found = set(list_enterprises(user=officer, params={"q": query}).values_list("pk", flat=True))
    expected = scan(query)
    assert expected, f"the generated set has matches for {query!r}"
    assert found == expected


def test_the_full_name_brings_that_company_first(directory: None, officer: User) -> None:
    target = create_enterprise(
        actor=officer, data={"name": "Công ty TNHH Điện tử Đình Vũ", "tax_code": "0201234567", "ownership": "domestic"}
    )
    first = list_enterprises(user=officer, params={"q": "Công ty TNHH Điện tử Đình Vũ"}).first()
    assert first == target
    assert list_enterprises(user=officer, params={"q": "cong ty tnhh dien tu dinh vu"}).first() == target
    assert enterprise_options(user=officer, query="Điện tử Đình Vũ", limit=5)[0] == target


def test_phrase_in_the_name_ranks_before_words_spread_over_it(directory: None, officer: User) -> None:
    results = list(list_enterprises(user=officer, params={"q": "dinh vu dien tu"})[:50])
    phrases = [("dinh vu dien tu" in e.search_text) for e in results]
    assert phrases == sorted(phrases, reverse=True), "every phrase match comes before the first non-phrase match"
    assert phrases[0]


def test_the_count_is_exact_up_to_the_bound_and_a_lower_bound_beyond(directory: None, officer: User) -> None:
    many = list_enterprises(user=officer, params={"q": "cong ty"})
    assert count_bounded(many, bound=1000) == (1000, True)
    few = list_enterprises(user=officer, params={"q": "09000012"})
    assert count_bounded(few, bound=1000) == (len(scan("09000012")), False)


def test_the_index_follows_create_update_and_delete(agency: Agency, officer: User, admin_user: User) -> None:
    def found(query: str) -> list[Enterprise]:
        return list(list_enterprises(user=officer, params={"q": query}))

    enterprise = create_enterprise(
        actor=officer,
        data={"name": "Công ty Cổ phần Xi măng Chinfon", "tax_code": "0200123456", "ownership": "domestic"},
    )
    assert found("xi mang chinfon") == [enterprise]
    enterprise = update_enterprise(
        actor=officer,
        enterprise=enterprise,
        data={"name": "Công ty Cổ phần Thép Việt Úc"},
        expected_version=enterprise.version,
    )
    assert found("xi mang chinfon") == []
    assert found("thep viet uc") == [enterprise]
    delete_enterprise(actor=admin_user, enterprise=enterprise, expected_version=enterprise.version)
    assert found("thep viet uc") == []


def test_a_broad_search_says_more_than_the_bound_on_the_page_and_in_the_api(
    directory: None, officer: User, client_for, token_for
) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/danh-muc/doanh-nghiep/", {"q": "cong ty"})
    assert "Hơn 1.000 kết quả" in page.content.decode()
    narrow = client_for(officer).get("/danh-muc/doanh-nghiep/", {"q": "09000012"})
    assert "Hơn" not in narrow.content.decode()
    api = ApiClient(token=token_for(officer))
    body = api.get("/directory/enterprises", q="cong ty").json()
    assert (body["count"], body["count_is_lower_bound"]) == (1000, True)
    body = api.get("/directory/enterprises", q="09000012").json()
    assert (body["count"], body["count_is_lower_bound"]) == (len(scan("09000012")), False)


@pytest.mark.parametrize(
    "query", ["dinh vu", "hai phong", "cong ty", "dinh vu dien tu", "trang due 77", "kcn nomura", "co khi  co khi"]
)
def test_a_page_is_the_same_slice_of_the_whole_ranking(directory: None, officer: User, query: str) -> None:
    """Pages rank only the best tier that holds them (phrase, every word, every match): the same enterprises in the
    same order as the whole ranked result, on the first page and further on."""
    found = list_enterprises(user=officer, params={"q": query})
    whole = list(found.values_list("pk", flat=True))
    assert whole, query
    for start, stop in ((0, 25), (25, 50), (0, 50), (1000, 1025)):
        assert [e.pk for e in found[start:stop]] == whole[start:stop], (query, start)

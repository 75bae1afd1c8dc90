"""Finding enterprises: search that ignores diacritics ("trang due" finds Tràng Duệ, "dinh vu" finds Đình Vũ — đ folds
to d), filters, paging and sorting, through the selector, the page and the API; and a list page whose query count
does not grow with the data."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.directory.choices import Ownership, ZoneKind
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.selectors import list_enterprises
from tests.apiclient import ApiClient
from tests.directory.factories import EnterpriseFactory, ZoneFactory

# The enterprise list page: session, user, the user's body (header), the zones a search reads, count and page of
# rows, the zone and agency filter lists (count and rows each); no session save (at most once a minute).
LIST_PAGE_QUERIES = 12
# The API: token and its user, the zones a search reads, the bounded count, the tiers' counts up to the page's end,
# the ranked ids of the page, the page's rows by id.
LIST_API_QUERIES = 7


@dataclass
class Directory:
    dinh_vu_cat_hai: Zone
    trang_due: Zone
    dinh_vu: Zone
    nomura: Zone
    lg_display: Enterprise
    lg_innotek: Enterprise
    trang_due_investor: Enterprise
    dinh_vu_investor: Enterprise
    takahata: Enterprise
    domestic_elsewhere: Enterprise


@pytest.fixture
def directory(agency: Agency, other_agency: Agency) -> Directory:
    economic_zone = ZoneFactory(name="Khu kinh tế Đình Vũ - Cát Hải", kind=ZoneKind.ECONOMIC_ZONE, district="Hải An")
    trang_due = ZoneFactory(name="KCN Tràng Duệ", parent=economic_zone, district="An Dương")
    dinh_vu = ZoneFactory(name="KCN Đình Vũ", parent=economic_zone, district="Hải An")
    nomura = ZoneFactory(name="KCN Nomura - Hải Phòng", district="An Dương")
    fdi = Ownership.WHOLLY_FOREIGN
    return Directory(
        dinh_vu_cat_hai=economic_zone,
        trang_due=trang_due,
        dinh_vu=dinh_vu,
        nomura=nomura,
        lg_display=EnterpriseFactory(
            name="Công ty TNHH LG Display Việt Nam Hải Phòng",
            zone=trang_due,
            ownership=fdi,
            owner_agency=agency,
            workforce=20000,
            tax_code="0299000022",
        ),
        lg_innotek=EnterpriseFactory(
            name="Công ty TNHH LG Innotek Việt Nam Hải Phòng",
            zone=dinh_vu,
            ownership=fdi,
            owner_agency=agency,
            workforce=5000,
            tax_code="0299000024",
        ),
        trang_due_investor=EnterpriseFactory(
            name="Công ty Cổ phần Đầu tư Tràng Duệ",
            zone=nomura,
            owner_agency=other_agency,
            workforce=120,
            tax_code="0299000031",
        ),
        dinh_vu_investor=EnterpriseFactory(
            name="Công ty Cổ phần Đầu tư Đình Vũ",
            zone=dinh_vu,
            owner_agency=other_agency,
            workforce=None,
            tax_code="0299000032-001",
        ),
        takahata=EnterpriseFactory(
            name="Công ty TNHH Takahata Precision Việt Nam",
            zone=nomura,
            ownership=Ownership.FOREIGN_INVESTED,
            owner_agency=agency,
            workforce=800,
            tax_code="0299000019",
        ),
        domestic_elsewhere=EnterpriseFactory(
            name="Công ty TNHH Cơ khí Hải An",
            zone=None,
            owner_agency=agency,
            workforce=35,
            tax_code="0299000041",
        ),
    )


def names(enterprises: object) -> set[str]:
    return {e.name for e in enterprises}  # type: ignore[attr-defined]


# --- diacritic-insensitive search --------------------------------------------------------------------------------

TRANG_DUE = {"Công ty TNHH LG Display Việt Nam Hải Phòng", "Công ty Cổ phần Đầu tư Tràng Duệ"}
DINH_VU = {
    "Công ty TNHH LG Innotek Việt Nam Hải Phòng",
    "Công ty Cổ phần Đầu tư Đình Vũ",
    # the economic zone "Đình Vũ - Cát Hải" is not the enterprise's own zone: parks are matched by their own name
}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("trang due", TRANG_DUE),
        ("Tràng Duệ", TRANG_DUE),
        ("TRANG DUE", TRANG_DUE),
        ("tRàNg dUỆ", TRANG_DUE),
        (unicodedata.normalize("NFD", "Tràng Duệ"), TRANG_DUE),
        ("  trang   due  ", TRANG_DUE),
        ("dinh vu", DINH_VU),
        ("Đình Vũ", DINH_VU),
        ("ĐÌNH VŨ", DINH_VU),
        ("lg trang due", {"Công ty TNHH LG Display Việt Nam Hải Phòng"}),
        ("trang due lg", {"Công ty TNHH LG Display Việt Nam Hải Phòng"}),
        ("LG", {"Công ty TNHH LG Display Việt Nam Hải Phòng", "Công ty TNHH LG Innotek Việt Nam Hải Phòng"}),
        ("takahata", {"Công ty TNHH Takahata Precision Việt Nam"}),
        ("0299000032", {"Công ty Cổ phần Đầu tư Đình Vũ"}),
        ("co khi", {"Công ty TNHH Cơ khí Hải An"}),
        ("trang due samsung", set()),
        ("hà nội", set()),
    ],
)
def test_search_ignores_diacritics_case_and_word_order(
    query: str, expected: set[str], directory: Directory, officer: User
) -> None:
    assert names(list_enterprises(user=officer, params={"q": query})) == expected


def test_an_empty_search_lists_everything(directory: Directory, officer: User) -> None:
    assert len(list_enterprises(user=officer, params={"q": "   "})) == 6
    assert len(list_enterprises(user=officer)) == 6


def test_search_on_the_page(directory: Directory, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get(reverse("directory:enterprise_list"), {"q": "trang due"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Công ty TNHH LG Display Việt Nam Hải Phòng" in html
    assert "Công ty Cổ phần Đầu tư Tràng Duệ" in html
    assert "LG Innotek" not in html
    assert "2 kết quả" in html
    assert 'value="trang due"' in html, "the search box keeps what was typed"


def test_search_with_no_match_says_so_in_vietnamese(directory: Directory, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(officer).get(reverse("directory:enterprise_list"), {"q": "samsung"}).content.decode()
    assert "Không tìm thấy doanh nghiệp nào khớp với “samsung”." in html


def test_htmx_search_returns_only_the_results(directory: Directory, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get(
        reverse("directory:enterprise_list"), {"q": "dinh vu"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="results">')
    assert "<html" not in html
    assert "Công ty Cổ phần Đầu tư Đình Vũ" in html
    assert "LG Display" not in html


def test_search_through_the_api(directory: Directory, officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer, token=True)
    for query in ("trang due", "Tràng Duệ", "TRANG DUE"):
        body = api.get("/directory/enterprises", q=query).json()
        assert body["count"] == 2
        assert {item["name"] for item in body["items"]} == TRANG_DUE
    body = api.get("/directory/enterprises", q="dinh vu").json()
    assert {item["name"] for item in body["items"]} == DINH_VU
    lg = api.get("/directory/enterprises", q="lg trang due").json()["items"]
    assert [item["zone"]["name"] for item in lg] == ["KCN Tràng Duệ"]


def test_zones_and_agencies_are_searched_the_same_way(directory: Directory, officer: User, api_for) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer)
    assert [z["name"] for z in api.get("/directory/zones", q="dinh vu").json()] == [
        "Khu kinh tế Đình Vũ - Cát Hải",
        "KCN Đình Vũ",
    ]
    assert [z["name"] for z in api.get("/directory/zones", q="trang due").json()] == ["KCN Tràng Duệ"]
    assert [a["short_code"] for a in api.get("/directory/agencies", q="lien doan lao dong").json()] == ["LĐLĐTP"]


# --- filters -----------------------------------------------------------------------------------------------------


def test_an_economic_zone_covers_the_parks_inside_it(directory: Directory, officer: User) -> None:
    found = names(list_enterprises(user=officer, params={"zone": directory.dinh_vu_cat_hai.pk}))
    assert found == TRANG_DUE - {"Công ty Cổ phần Đầu tư Tràng Duệ"} | DINH_VU


def test_a_park_lists_only_its_own_enterprises(directory: Directory, officer: User) -> None:
    assert names(list_enterprises(user=officer, params={"zone": directory.trang_due.pk})) == {
        "Công ty TNHH LG Display Việt Nam Hải Phòng"
    }
    assert names(list_enterprises(user=officer, params={"zone": directory.nomura.pk})) == {
        "Công ty Cổ phần Đầu tư Tràng Duệ",
        "Công ty TNHH Takahata Precision Việt Nam",
    }


def test_ownership_and_fdi_filters(directory: Directory, officer: User) -> None:
    wholly_foreign = names(list_enterprises(user=officer, params={"ownership": Ownership.WHOLLY_FOREIGN}))
    assert wholly_foreign == {
        "Công ty TNHH LG Display Việt Nam Hải Phòng",
        "Công ty TNHH LG Innotek Việt Nam Hải Phòng",
    }
    fdi = names(list_enterprises(user=officer, params={"fdi": "true"}))
    assert fdi == wholly_foreign | {"Công ty TNHH Takahata Precision Việt Nam"}
    domestic = names(list_enterprises(user=officer, params={"fdi": "false"}))
    assert domestic == {
        "Công ty Cổ phần Đầu tư Tràng Duệ",
        "Công ty Cổ phần Đầu tư Đình Vũ",
        "Công ty TNHH Cơ khí Hải An",
    }


def test_owner_agency_filter(directory: Directory, officer: User, other_agency: Agency) -> None:
    assert names(list_enterprises(user=officer, params={"owner_agency": other_agency.pk})) == {
        "Công ty Cổ phần Đầu tư Tràng Duệ",
        "Công ty Cổ phần Đầu tư Đình Vũ",
    }


def test_filters_combine_with_search(directory: Directory, officer: User) -> None:
    params = {"q": "dinh vu", "zone": directory.dinh_vu_cat_hai.pk, "fdi": "true"}
    assert names(list_enterprises(user=officer, params=params)) == {"Công ty TNHH LG Innotek Việt Nam Hải Phòng"}


def test_filters_on_the_page_and_the_api(directory: Directory, officer: User, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get(
        reverse("directory:enterprise_list"), {"zone": directory.dinh_vu_cat_hai.pk, "ownership": "wholly_foreign"}
    )
    html = page.content.decode()
    assert "LG Display" in html
    assert "LG Innotek" in html
    assert "Takahata" not in html
    assert f'<option value="{directory.dinh_vu_cat_hai.pk}" selected>' in html, "the chosen zone stays selected"

    api: ApiClient = api_for(officer)
    body = api.get("/directory/enterprises", zone=directory.dinh_vu_cat_hai.pk, fdi="true").json()
    assert {item["name"] for item in body["items"]} == {
        "Công ty TNHH LG Display Việt Nam Hải Phòng",
        "Công ty TNHH LG Innotek Việt Nam Hải Phòng",
    }
    assert api.get("/directory/enterprises", ownership="domestic").json()["count"] == 3
    assert api.get("/directory/enterprises", ownership="nhà nước").status_code == 422


def test_an_unknown_zone_in_the_filter_does_not_break_the_page(directory: Directory, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    response = client_for(officer).get(reverse("directory:enterprise_list"), {"zone": "999999"})
    assert response.status_code == 200


# --- sorting and paging ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        # Names are compared only where every collation agrees (Đ sorts after Z in code-point order, after D in
        # Vietnamese); numbers and blanks are compared in full.
        ("name", ["Tràng Duệ", "Cơ khí", "LG Display", "LG Innotek", "Takahata"]),
        ("-name", ["Takahata", "LG Innotek", "LG Display", "Cơ khí", "Tràng Duệ"]),
        ("nonsense", ["Tràng Duệ", "Cơ khí", "LG Display", "LG Innotek", "Takahata"]),
        ("tax_code", ["Takahata", "LG Display", "LG Innotek", "Tràng Duệ", "Đình Vũ", "Cơ khí"]),
        ("-tax_code", ["Cơ khí", "Đình Vũ", "Tràng Duệ", "LG Innotek", "LG Display", "Takahata"]),
        # Blanks go last in both directions, on both databases.
        ("workforce", ["Cơ khí", "Tràng Duệ", "Takahata", "LG Innotek", "LG Display", "Đình Vũ"]),
        ("-workforce", ["LG Display", "LG Innotek", "Takahata", "Tràng Duệ", "Cơ khí", "Đình Vũ"]),
        ("zone", ["Tràng Duệ", "Takahata", "LG Display", "Cơ khí"]),  # Nomura, Tràng Duệ, …, no zone
        ("-zone", ["LG Display", "Tràng Duệ", "Takahata", "Cơ khí"]),
    ],
)
def test_sorting(sort: str, expected: list[str], directory: Directory, officer: User) -> None:
    ordered = [e.name for e in list_enterprises(user=officer, params={"sort": sort})]
    assert len(ordered) == 6

    def position(fragment: str) -> int:
        return next(i for i, name in enumerate(ordered) if name.endswith(fragment) or f" {fragment} " in name)

    positions = [position(fragment) for fragment in expected]
    assert positions == sorted(positions), (ordered, expected)


def test_sort_links_on_the_page_toggle_the_direction(directory: Directory, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    html = client_for(officer).get(reverse("directory:enterprise_list"), {"sort": "name", "q": "lg"}).content.decode()
    assert 'href="?sort=-name&amp;q=lg"' in html
    assert "Tên doanh nghiệp ▲" in html
    rows = html.index("LG Display"), html.index("LG Innotek")
    assert rows[0] < rows[1]
    html = client_for(officer).get(reverse("directory:enterprise_list"), {"sort": "-name", "q": "lg"}).content.decode()
    assert html.index("LG Innotek") < html.index("LG Display")


def test_paging_on_the_page_and_the_api(agency: Agency, officer: User, client_for, api_for) -> None:  # type: ignore[no-untyped-def]
    zone = ZoneFactory(name="KCN Tràng Duệ")
    EnterpriseFactory.create_batch(60, zone=zone, owner_agency=agency)

    client = client_for(officer)
    first = client.get(reverse("directory:enterprise_list"), {"q": "trang due"}).content.decode()
    assert "Trang 1/3" in first
    assert "60 kết quả" in first
    assert "q=trang+due&amp;page=2" in first
    third = client.get(reverse("directory:enterprise_list"), {"q": "trang due", "page": 3}).content.decode()
    assert "Trang 3/3" in third
    assert third.count("/danh-muc/doanh-nghiep/") - third.count("doanh-nghiep/them/") >= 10
    beyond = client.get(reverse("directory:enterprise_list"), {"page": 99})
    assert beyond.status_code == 200
    assert "Trang 3/3" in beyond.content.decode(), "a page past the end shows the last page"

    api: ApiClient = api_for(officer)
    page_1 = api.get("/directory/enterprises", q="trang due").json()
    page_2 = api.get("/directory/enterprises", q="trang due", page=2).json()
    assert page_1["count"] == page_2["count"] == 60
    assert len(page_1["items"]) == 50
    assert len(page_2["items"]) == 10
    assert not {i["id"] for i in page_1["items"]} & {i["id"] for i in page_2["items"]}


# --- query counts do not grow with the data -----------------------------------------------------------------------


def grow(agency: Agency, other_agency: Agency, n: int) -> None:
    parent = ZoneFactory(name="Khu kinh tế Đình Vũ - Cát Hải", kind=ZoneKind.ECONOMIC_ZONE)
    for i in range(n):
        zone = ZoneFactory(name=f"KCN Số {i % 7}", parent=parent if i % 2 else None)
        EnterpriseFactory(
            zone=zone,
            owner_agency=agency if i % 3 else other_agency,
            ownership=Ownership.WHOLLY_FOREIGN if i % 2 else Ownership.DOMESTIC,
            workforce=i * 10,
        )


def count_queries(do) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        do()
    return len(queries)


def test_list_page_query_count_is_the_same_at_1x_and_10x(
    agency: Agency, other_agency: Agency, officer: User, client_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    url = reverse("directory:enterprise_list")
    params = {"q": "cong ty", "sort": "zone"}

    grow(agency, other_agency, 5)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        small = client.get(url, params)
    at_1x = count_queries(lambda: client.get(url, params))
    assert small.content.decode().count("<tr>") == 6  # header + 5 rows

    grow(agency, other_agency, 45)
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        large = client.get(url, params)
    at_10x = count_queries(lambda: client.get(url, params))
    assert large.content.decode().count("<tr>") == 26  # header + one page of 25 rows
    assert at_10x == at_1x


def test_list_api_query_count_is_the_same_at_1x_and_10x(
    agency: Agency, other_agency: Agency, officer: User, api_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    api: ApiClient = api_for(officer, token=True)

    grow(agency, other_agency, 5)
    at_1x = count_queries(lambda: api.get("/directory/enterprises", q="cong ty"))
    grow(agency, other_agency, 45)
    with django_assert_max_num_queries(LIST_API_QUERIES):
        body = api.get("/directory/enterprises", q="cong ty").json()
    assert body["count"] == 50
    assert len(body["items"]) == 50
    assert count_queries(lambda: api.get("/directory/enterprises", q="cong ty")) == at_1x


def test_detail_page_query_count_does_not_grow_with_history(
    officer: User, client_for, django_assert_max_num_queries
) -> None:  # type: ignore[no-untyped-def]
    from phoihop.directory.services import create_enterprise, update_enterprise

    enterprise = create_enterprise(
        actor=officer, data={"name": "Công ty TNHH Horn Việt Nam", "tax_code": "0299000015", "ownership": "domestic"}
    )
    client = client_for(officer)
    at_1x = count_queries(lambda: client.get(enterprise.get_absolute_url()))
    for version in range(1, 11):
        update_enterprise(actor=officer, enterprise=enterprise, data={"workforce": version}, expected_version=version)
    with django_assert_max_num_queries(at_1x):
        response = client.get(enterprise.get_absolute_url())
    assert response.content.decode().count("history-new") >= 11

""" "Xuất Excel" on the zone and agency lists: export-only kinds offered by the directory as providers; each export
holds exactly the rows the list shows with its search, under the page's column headers."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


def test_zone_export_follows_the_search(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    park = ZoneFactory(name="=KCN Tràng Duệ", district="An Dương", area_ha=Decimal("687.00"), search_text="trang due")
    ZoneFactory(name="KCN Nomura", search_text="nomura")
    EnterpriseFactory(zone=park)
    EnterpriseFactory(zone=park)
    client = client_for(officer)
    page = client.get("/danh-muc/khu/?q=trang").content.decode()
    assert 'href="/excel/directory.zone/xuat/?q=trang"' in page
    assert "/excel/directory.zone/mau/" not in page
    exported = client.get("/excel/directory.zone/xuat/?q=trang")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == ["Tên", "Loại", "Thuộc", "Quận, huyện", "Diện tích (ha)", "Doanh nghiệp"]
    assert rows == [["=KCN Tràng Duệ", "Khu công nghiệp", "", "An Dương", 687.0, 2]]  # "=" stays text
    assert len(sheet(client.get("/excel/directory.zone/xuat/").content)[1]) == 2


def test_agency_export_follows_the_search(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    federation = AgencyFactory(
        name="Liên đoàn Lao động thành phố", short_code="LĐLĐTP", kind="union", search_text="lien doan"
    )
    AgencyFactory(
        name="=Công đoàn các KCN", short_code="CĐKKT", kind="union", parent=federation, search_text="cong doan"
    )
    client = client_for(officer)
    page = client.get("/danh-muc/co-quan/?q=cong doan").content.decode()
    assert 'href="/excel/directory.agency/xuat/?q=cong+doan"' in page
    headers, rows = sheet(client.get("/excel/directory.agency/xuat/?q=cong doan").content)
    assert headers == ["Tên", "Ký hiệu", "Hệ thống", "Cấp trên"]
    assert rows == [["=Công đoàn các KCN", "CĐKKT", "Công đoàn", "Liên đoàn Lao động thành phố"]]
    everything = sheet(client.get("/excel/directory.agency/xuat/").content)[1]
    assert len(everything) == 3  # the officer's own body too


@pytest.mark.parametrize("kind", ["directory.zone", "directory.agency"])
def test_signed_out_no_export_and_nothing_is_imported(kind, officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads these lists: only the signed-out are refused.
    refused = client.get(f"/excel/{kind}/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get(f"/spreadsheets/exports/{kind}").status_code == 401
    assert client_for(officer).get(f"/excel/{kind}/mau/").status_code == 404
    assert client_for(officer).get(f"/excel/{kind}/nhap/").status_code == 404

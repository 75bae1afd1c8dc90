""" "Xuất Excel" on the plan list (each plan with its items done and in all) and on the document register (with its
search and kind filter): export-only kinds, exactly the rows each page lists, under its column headers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from phoihop.planning.choices import DocumentKind, ItemStatus, PlanStatus
from tests.directory.factories import AgencyFactory
from tests.planning.factories import DocumentFactory, PlanFactory, PlanItemFactory
from tests.spreadsheets.helpers import read_sheet

pytestmark = pytest.mark.django_db


def sheet(content: bytes) -> tuple[list[object], list[list[object]]]:
    cells = read_sheet(content, "Dữ liệu")
    return cells[0], [row for row in cells[2:] if any(row)]


def document(**fields):  # type: ignore[no-untyped-def]
    made = DocumentFactory(**fields)
    made.refresh_search_text()
    made.save()
    return made


def test_plan_export_gives_each_plan_with_its_items_done(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    basis = document(number="02", symbol="KH/BDVTU-BQLKKT-LĐLĐTP", issued_on=dt.date(2023, 1, 4))
    plan = PlanFactory(year=2023, title="=Kế hoạch phối hợp năm 2023", document=basis)
    for status in (ItemStatus.DONE, ItemStatus.DONE, ItemStatus.IN_PROGRESS):
        PlanItemFactory(area__plan=plan, status=status)
    PlanFactory(year=2024, programme=plan.programme, status=PlanStatus.DRAFT)
    client = client_for(officer)
    assert 'href="/excel/planning.plan/xuat/"' in client.get("/ke-hoach/").content.decode()
    exported = client.get("/excel/planning.plan/xuat/")
    assert exported.status_code == 200
    headers, rows = sheet(exported.content)
    assert headers == [
        "Năm",
        "Kế hoạch",
        "Văn bản",
        "Kỳ báo cáo từ ngày",
        "Kỳ báo cáo đến ngày",
        "Trạng thái",
        "Nội dung hoàn thành",
        "Tổng số nội dung",
    ]
    assert rows == [
        [2024, "Kế hoạch phối hợp năm 2024", "", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "Dự thảo", 0, 0],
        [
            2023,
            "=Kế hoạch phối hợp năm 2023",  # text, not a formula
            "Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023",
            dt.date(2023, 1, 1),
            dt.date(2023, 12, 31),
            "Đang thực hiện",
            2,
            3,
        ],
    ]


def test_document_export_follows_the_search_and_the_kind(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    committee = AgencyFactory(name="Ban Thường vụ Thành ủy", short_code="BTVTU")
    document(
        kind=DocumentKind.RESOLUTION,
        number="09",
        symbol="NQ/TU",
        issued_on=dt.date(2023, 11, 13),
        issuer_agency=committee,
        title="=về phát triển nhà ở xã hội",
    )
    document(kind=DocumentKind.NOTICE, number="1558", symbol="TB/TU", issuer="Thành ủy", title="về nhà ở công nhân")
    document(kind=DocumentKind.PLAN, number="02", title="phối hợp năm 2023")
    client = client_for(officer)
    page = client.get("/van-ban/?q=nha o&kind=resolution").content.decode()
    assert 'href="/excel/planning.document/xuat/?q=nha+o&amp;kind=resolution"' in page
    headers, rows = sheet(client.get("/excel/planning.document/xuat/?q=nha o&kind=resolution").content)
    assert headers == ["Trích dẫn", "Cơ quan ban hành", "Trích yếu"]
    assert rows == [
        ["Nghị quyết số 09-NQ/TU, ngày 13/11/2023", "Ban Thường vụ Thành ủy", "=về phát triển nhà ở xã hội"]
    ]
    searched = sheet(client.get("/excel/planning.document/xuat/?q=nha o").content)[1]
    assert sorted(row[1] for row in searched) == ["Ban Thường vụ Thành ủy", "Thành ủy"]
    assert len(sheet(client.get("/excel/planning.document/xuat/").content)[1]) == 3


def test_document_register_narrows_by_year_on_the_page_and_in_the_export(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    document(kind=DocumentKind.PLAN, number="02", title="phối hợp năm 2023", issued_on=dt.date(2023, 1, 4))
    document(kind=DocumentKind.PLAN, number="05", title="phối hợp năm 2024", issued_on=dt.date(2024, 1, 8))
    document(kind=DocumentKind.REPORT, number="31", title="tổng kết năm 2023", issued_on=dt.date(2023, 12, 20))
    client = client_for(officer)
    page = client.get("/van-ban/?year=2023").content.decode()
    assert "phối hợp năm 2023" in page
    assert "tổng kết năm 2023" in page
    assert "phối hợp năm 2024" not in page
    assert 'name="year" id="id_year" value="2023"' in page  # the box keeps the year
    assert 'href="/excel/planning.document/xuat/?year=2023"' in page
    rows = sheet(client.get("/excel/planning.document/xuat/?year=2023&kind=plan").content)[1]
    assert [row[2] for row in rows] == ["phối hợp năm 2023"]
    december = client.get("/van-ban/?date_from=2023-12-01&date_to=2023-12-31", headers={"HX-Request": "true"})
    assert "tổng kết năm 2023" in december.content.decode()
    assert "phối hợp năm 2023" not in december.content.decode()


@pytest.mark.parametrize("kind", ["planning.plan", "planning.document"])
def test_signed_out_no_export_and_nothing_is_imported(kind, officer, client, client_for, anonymous_api) -> None:  # type: ignore[no-untyped-def]
    # Every account belongs to a body (or is the administrator) and reads these lists: only the signed-out are refused.
    refused = client.get(f"/excel/{kind}/xuat/")
    assert refused.status_code == 302
    assert refused["Location"].startswith(f"{resolve_url(settings.LOGIN_URL)}?next=")
    assert anonymous_api.get(f"/spreadsheets/exports/{kind}").status_code == 401
    assert client_for(officer).get(f"/excel/{kind}/mau/").status_code == 404
    assert client_for(officer).get(f"/excel/{kind}/nhap/").status_code == 404

"""Housing projects in Excel: the export follows the list's filter, an export imported back changes nothing, a bad row
is named by sheet, row and column and nothing is written, a change to a recorded project is previewed then applied
(and a planned figure below what the milestones delivered is refused), another body's project cannot be changed from
a file, and a cell that looks like a formula stays text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from functools import partial
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.housing.models import HousingProject
from phoihop.spreadsheets.models import ImportBatch
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory
from tests.spreadsheets.helpers import data_rows, read_sheet, sheet_kind, upload_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "housing.project"


kind = partial(sheet_kind, KIND)
upload = partial(upload_sheet, name="nha-o.xlsx", kind=KIND)


def snapshot() -> list[tuple[Any, ...]]:
    return sorted((p.pk, p.version, p.updated_at) for p in HousingProject.objects.all())


@pytest.fixture
def recorded(agency, other_agency):  # type: ignore[no-untyped-def]
    """The officer's body's social housing project (an enterprise invests; one part; about 4.456 apartments, 1.000
    delivered) and LĐLĐTP's trade-union facility."""
    zone = ZoneFactory(name="KCN Tràng Duệ")
    whole = ProjectFactory(
        owner_agency=agency,
        name="Khu nhà ở xã hội Tràng Duệ",
        zone=zone,
        investor_name="",
        investor_enterprise=EnterpriseFactory(tax_code="0299000013"),
        land_area_ha=Decimal("16.50"),
        social_housing_land_ha=Decimal("4.25"),
        floor_area_m2=Decimal("37000.00"),
        floor_area_qualifier="about",
        apartments=4456,
        apartments_qualifier="about",
        capacity=10000,
        capacity_group="workers",
        description="-- giai đoạn 1 đã bàn giao",
    )
    ProjectFactory(owner_agency=agency, name="Tràng Duệ giai đoạn 3", part_of=whole, apartments=1000)
    MilestoneFactory(project=whole, kind="phase_completed", apartments=1000, date=dt.date(2023, 6, 1))
    ProjectFactory(owner_agency=other_agency, kind="union_facility", name="Thiết chế công đoàn KKT", district="")


def test_the_list_page_offers_excel_with_its_filter(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/nha-o-cong-nhan/?kind=social_housing").content.decode()
    assert f'href="/excel/{KIND}/xuat/?kind=social_housing"' in page
    assert f'href="/excel/{KIND}/mau/"' in page
    assert f'href="/excel/{KIND}/nhap/"' in page
    template = client_for(officer).get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    assert read_sheet(template.content, "Dữ liệu")[1] == [column.key for column in kind().columns]
    assert "Thiết chế công đoàn" in {cell for row in read_sheet(template.content, "Danh mục") for cell in row}


def test_export_follows_the_filter(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/?kind=social_housing")
    assert exported.status_code == 200
    headers = read_sheet(exported.content, "Dữ liệu")[0]
    assert headers[:4] == ["Loại dự án *", "Tên dự án *", "Đơn vị theo dõi", "Thuộc dự án"]
    assert "Chủ đầu tư (mã số thuế, trong danh mục doanh nghiệp)" in headers
    assert "Mức chính xác của số căn hộ" in headers
    rows = data_rows(exported.content)
    assert [(r["name"], r["part_of"], r["owner_agency"]) for r in rows] == [
        ("Khu nhà ở xã hội Tràng Duệ", "", "BQLKKT"),
        ("Tràng Duệ giai đoạn 3", "Khu nhà ở xã hội Tràng Duệ", "BQLKKT"),
    ]
    whole = rows[0]
    assert (whole["investor_enterprise"], whole["zone"], whole["land_area_ha"], whole["apartments"]) == (
        "0299000013",
        "KCN Tràng Duệ",
        16.5,
        4456,
    )
    assert (whole["apartments_qualifier"], whole["capacity_group"]) == ("khoảng", "công nhân lao động")
    milestones = data_rows(client.get(f"/excel/{KIND}/xuat/?milestone=phase_completed").content)
    assert [r["name"] for r in milestones] == ["Khu nhà ở xã hội Tràng Duệ"]


def test_export_imported_back_changes_nothing(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert len(data_rows(exported.content)) == 3  # LĐLĐTP's project too
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload(client, exported.content)
    assert "Đã nhập 3 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 3 không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1


def test_a_bad_row_is_named_and_nothing_is_written(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    rows = [
        {"kind": "Ký túc xá", "name": "Ký túc xá An Dương", "investor_name": "Công ty Cổ phần Nhà ở Hải Phòng"},
        {
            "kind": "Nhà ở xã hội",
            "name": "Nhà ở xã hội Đông Hải",
            "investor_name": "Công ty Cổ phần Nhà ở Hải Phòng",
            "land_area_ha": "2,5",
            "social_housing_land_ha": "3",
        },
    ]
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert (
        "Trang tính Dữ liệu, dòng 4, cột Trong đó đất nhà ở xã hội (ha): "
        "Đất nhà ở xã hội không được lớn hơn diện tích đất của dự án."
    ) in text
    assert "dòng 3" not in text
    assert not HousingProject.objects.exists()
    assert not ImportBatch.objects.filter(status="done").exists()

    rows[1]["social_housing_land_ha"] = "1,25"
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert "Đã nhập 2 dòng: 2 bản ghi mới" in text
    made = HousingProject.objects.get(name="Nhà ở xã hội Đông Hải")
    assert (made.owner_agency, made.land_area_ha, made.social_housing_land_ha) == (
        officer.agency,
        Decimal("2.50"),
        Decimal("1.25"),
    )
    assert (made.apartments_qualifier, made.capacity_group) == ("exact", "people")
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_a_change_is_previewed_then_applied(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?q=giai+doan+3").content)
    rows[0]["apartments"] = 1200
    text = upload(client, xlsx(kind(), rows))
    assert "sửa 1 bản ghi đã có" in text
    assert "“1000” → “1200”" in text
    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    assert HousingProject.objects.get(name="Tràng Duệ giai đoạn 3").apartments == 1200


def test_a_plan_below_what_was_delivered_is_refused(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?milestone=phase_completed").content)
    rows[0]["apartments"] = 900
    before = snapshot()
    text = upload(client, xlsx(kind(), rows))
    assert "Trang tính Dữ liệu, dòng 3, cột Số căn hộ: Các mốc đã hoàn thành 1.000 căn hộ" in text
    assert snapshot() == before


def test_another_bodys_project_cannot_be_changed(make_user, other_agency, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    officer = make_user(Role.OFFICER, other_agency, username="canbo.ldld")
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/").content)
    theirs = next(row for row in rows if row["name"] == "Khu nhà ở xã hội Tràng Duệ")
    theirs["capacity"] = 20000
    before = snapshot()
    text = upload(client, xlsx(kind(), rows))
    assert "Trang tính Dữ liệu, dòng 3: dự án này do BQLKKT theo dõi; anh/chị không sửa được" in text
    assert snapshot() == before


def test_the_project_a_row_is_part_of_is_found_by_its_name(officer, other_agency, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    """ "Thuộc dự án" names a recorded project whatever its case and spaces; a name no project holds, or two projects
    hold, is named on its cell and nothing is written."""
    row = {"kind": "Nhà ở xã hội", "name": "Tràng Duệ giai đoạn 4", "investor_name": "Công ty Cổ phần Nhà ở Hải Phòng"}
    text = upload(client_for(officer), xlsx(kind(), [{**row, "part_of": "Khu nhà ở xã hội Tràng Duệ 2"}]))
    assert (
        "dòng 3, cột Thuộc dự án: không có dự án nào tên “Khu nhà ở xã hội Tràng Duệ 2”; dự án mới trong tệp phải "
        "được nhập trước" in text
    )
    ProjectFactory(owner_agency=other_agency, name="Thiết chế công đoàn  kkt")
    text = upload(client_for(officer), xlsx(kind(), [{**row, "part_of": "thiết chế công đoàn KKT"}]))
    assert "dòng 3, cột Thuộc dự án: có 2 dự án cùng tên “thiết chế công đoàn KKT”; hãy chọn dự án trên trang" in text
    assert not HousingProject.objects.filter(name=row["name"]).exists()

    client = client_for(officer)
    text = upload(client, xlsx(kind(), [{**row, "part_of": "khu nhà ở  xã hội TRÀNG DUỆ"}]))
    assert "Đã nhập 1 dòng: 1 bản ghi mới" in text
    made = HousingProject.objects.get(name=row["name"])
    assert made.part_of == HousingProject.objects.get(name="Khu nhà ở xã hội Tràng Duệ")


def test_a_formula_like_cell_is_exported_as_text(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    ProjectFactory(owner_agency=officer.agency, name='=HYPERLINK("http://x")')
    exported = client_for(officer).get(f"/excel/{KIND}/xuat/?q=hyperlink")
    assert [row["name"] for row in data_rows(exported.content)] == ['=HYPERLINK("http://x")']
    rows = data_rows(client_for(officer).get(f"/excel/{KIND}/xuat/?q=trang+due&sort=name").content)
    assert rows[0]["description"] == "-- giai đoạn 1 đã bàn giao"
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml

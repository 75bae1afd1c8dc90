"""Inspections in Excel: the export follows the list's filter, an export imported back changes nothing, a bad row is
named by sheet, row and column and nothing is written, a change to a recorded inspection is previewed then applied,
another body's inspection cannot be changed from a file, and a cell that looks like a formula stays text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import partial
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.oversight.models import Inspection
from phoihop.spreadsheets.models import ImportBatch
from tests.directory.factories import EnterpriseFactory
from tests.oversight.factories import FindingFactory, InspectionFactory, topic
from tests.spreadsheets.helpers import data_rows, read_sheet, sheet_kind, upload_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "oversight.inspection"
HEADERS = [
    "Hình thức *",
    "Tên cuộc kiểm tra, giám sát *",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Từ ngày *",
    "Đến ngày",
    "Căn cứ",
    "Doanh nghiệp được giám sát (mã số thuế) *",
    "Nội dung *",
    "Kết quả chung",
    "Kiến nghị",
]


kind = partial(sheet_kind, KIND)
upload = partial(upload_sheet, name="kiem-tra.xlsx", kind=KIND)


def snapshot() -> list[tuple[Any, ...]]:
    return sorted((i.pk, i.version, i.updated_at) for i in Inspection.objects.all())


@pytest.fixture
def recorded(agency, other_agency):  # type: ignore[no-untyped-def]
    """A supervision led by the officer's body at two enterprises on two topics, with LĐLĐTP as partner; an
    inspection led by LĐLĐTP in 2022."""
    first = EnterpriseFactory(name="Công ty TNHH Maple", tax_code="0299000013")
    second = EnterpriseFactory(name="Công ty TNHH Hòa Bình", tax_code="0201111113")
    supervision = InspectionFactory(
        owner_agency=agency,
        title="Giám sát thực hiện lương tối thiểu vùng",
        basis="Kế hoạch số 15/KH-BQL",
        summary="=SUM(A1:A2)",
        enterprises=[first, second],
        topics=[topic("regional_minimum_wage"), topic("osh")],
    )
    supervision.partner_agencies.set([other_agency])
    InspectionFactory(
        owner_agency=other_agency,
        kind="inspection",
        title="Kiểm tra an toàn, vệ sinh lao động",
        start_date=dt.date(2022, 9, 1),
        end_date=None,
        enterprises=[first],
        topics=[topic("osh")],
    )


def test_the_list_page_offers_excel_with_its_filter(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/kiem-tra-giam-sat/?year=2023").content.decode()
    assert f'href="/excel/{KIND}/xuat/?year=2023"' in page
    assert f'href="/excel/{KIND}/mau/"' in page
    assert f'href="/excel/{KIND}/nhap/"' in page
    template = client_for(officer).get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    assert read_sheet(template.content, "Dữ liệu")[1] == [column.key for column in kind().columns]
    assert "Kiểm tra, giám sát" in {cell for row in read_sheet(template.content, "Danh mục") for cell in row}


def test_export_follows_the_filter(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/?year=2023")
    assert exported.status_code == 200
    assert read_sheet(exported.content, "Dữ liệu")[0] == HEADERS
    rows = data_rows(exported.content)
    assert [
        (r["kind"], r["title"], r["owner_agency"], r["partner_agencies"], r["enterprises"], r["topics"]) for r in rows
    ] == [
        (
            "Giám sát",
            "Giám sát thực hiện lương tối thiểu vùng",
            "BQLKKT",
            "LĐLĐTP",
            "0201111113; 0299000013",
            "Mức lương tối thiểu vùng; An toàn, vệ sinh lao động",
        )
    ]
    mine = data_rows(client.get(f"/excel/{KIND}/xuat/?scope=mine").content)
    assert [r["owner_agency"] for r in mine] == ["BQLKKT"]
    searched = data_rows(client.get(f"/excel/{KIND}/xuat/?q=an+toan").content)
    assert [r["title"] for r in searched] == ["Kiểm tra an toàn, vệ sinh lao động"]


def test_export_imported_back_changes_nothing(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert len(data_rows(exported.content)) == 2  # LĐLĐTP's inspection too
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload(client, exported.content)
    assert "Đã nhập 2 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 2 không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1


def test_a_bad_row_is_named_and_nothing_is_written(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0299000013")
    good = {
        "kind": "Kiểm tra, giám sát",
        "title": "Giám sát Bữa ăn giữa ca",
        "start_date": dt.date(2023, 5, 2),
        "enterprises": "0299000013",
        "topics": "bữa ăn giữa ca",
    }
    bad = {**good, "title": "Giám sát nội quy", "partner_agencies": "BQLKKT", "topics": "Nội quy lao động"}
    text = upload(client_for(officer), xlsx(kind(), [good, bad]))
    assert (
        "Trang tính Dữ liệu, dòng 4, cột Cơ quan phối hợp: Cơ quan chủ trì không đồng thời là cơ quan phối hợp." in text
    )
    assert "dòng 3" not in text
    assert not Inspection.objects.exists()
    assert not ImportBatch.objects.filter(status="done").exists()

    bad["partner_agencies"] = ""
    text = upload(client_for(officer), xlsx(kind(), [good, bad]))
    assert "Đã nhập 2 dòng: 2 bản ghi mới" in text
    made = Inspection.objects.get(title="Giám sát Bữa ăn giữa ca")
    assert made.owner_agency == officer.agency
    assert [t.code for t in made.topics.all()] == ["mid_shift_meal"]
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_a_change_is_previewed_then_applied(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?scope=mine").content)
    rows[0]["recommendations"] = "Đề nghị doanh nghiệp điều chỉnh thang lương."
    text = upload(client, xlsx(kind(), rows))
    assert "sửa 1 bản ghi đã có" in text
    assert "Đề nghị doanh nghiệp điều chỉnh thang lương." in text
    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    changed = Inspection.objects.get(owner_agency=officer.agency)
    assert changed.recommendations == "Đề nghị doanh nghiệp điều chỉnh thang lương."
    assert changed.enterprises.count() == 2


def test_an_enterprise_with_findings_stays(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    supervision = Inspection.objects.get(owner_agency=officer.agency)
    FindingFactory(inspection=supervision, enterprise=supervision.enterprises.get(tax_code="0201111113"))
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?scope=mine").content)
    rows[0]["enterprises"] = "0299000013"
    text = upload(client, xlsx(kind(), rows))
    assert (
        "Trang tính Dữ liệu, dòng 3, cột Doanh nghiệp được giám sát (mã số thuế): "
        "Không bỏ được doanh nghiệp đã có kết quả kiểm tra hoặc việc cần làm."
    ) in text
    assert supervision.enterprises.count() == 2


def test_another_bodys_inspection_cannot_be_changed(make_user, other_agency, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    officer = make_user(Role.OFFICER, other_agency, username="canbo.ldld")
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/").content)
    theirs = next(row for row in rows if row["owner_agency"] == "BQLKKT")
    theirs["summary"] = "Sửa bởi đơn vị khác"
    before = snapshot()
    text = upload(client, xlsx(kind(), rows))
    assert "cuộc kiểm tra, giám sát này do BQLKKT chủ trì; anh/chị không sửa được" in text
    assert snapshot() == before
    assert Inspection.objects.filter(summary="Sửa bởi đơn vị khác").count() == 0


def test_rows_are_matched_by_lead_title_and_start(officer, admin_user, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    """Twice in a file is named by its rows; two recorded inspections that share the key are not guessed between; a
    row without a lead body from the administrator is named."""
    row = {
        "kind": "Kiểm tra, giám sát",
        "title": "GIÁM SÁT thực hiện lương tối thiểu vùng",
        "start_date": dt.date(2023, 5, 2),
        "enterprises": "0299000013",
        "topics": "Mức lương tối thiểu vùng",
    }
    recorded_start = Inspection.objects.get(title="Giám sát thực hiện lương tối thiểu vùng").start_date
    row["start_date"] = recorded_start
    text = upload(client_for(officer), xlsx(kind(), [row, row]))
    assert (
        "Trang tính Dữ liệu, dòng 4, cột Tên cuộc kiểm tra, giám sát: trùng cơ quan chủ trì, tên và ngày bắt đầu với "
        "dòng 3" in text
    )
    InspectionFactory(
        owner_agency=officer.agency, title="Giám sát thực hiện lương tối thiểu vùng", start_date=recorded_start
    )
    count = Inspection.objects.count()
    text = upload(client_for(officer), xlsx(kind(), [row]))
    assert "dòng 3, cột Tên cuộc kiểm tra, giám sát: đã có 2 cuộc cùng cơ quan chủ trì, tên và ngày bắt đầu" in text
    text = upload(client_for(admin_user), xlsx(kind(), [{**row, "title": "Cuộc mới"}]))
    assert "dòng 3, cột Cơ quan chủ trì: hãy chọn cơ quan chủ trì" in text
    assert Inspection.objects.count() == count


def test_a_formula_like_cell_is_exported_as_text(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    exported = client_for(officer).get(f"/excel/{KIND}/xuat/?scope=mine")
    assert [row["summary"] for row in data_rows(exported.content)] == ["=SUM(A1:A2)"]
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml

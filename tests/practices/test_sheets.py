"""The "Dân vận khéo" models in Excel: the export follows the list's filter, an export imported back changes nothing,
a bad row is named by sheet, row and column and nothing is written, a change to a recorded model is previewed then
applied, another body's model cannot be changed from a file, and a cell that looks like a formula stays text."""

from __future__ import annotations

import io
import zipfile
from functools import partial
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.practices.models import GoodPractice
from phoihop.spreadsheets.models import ImportBatch
from tests.directory.factories import EnterpriseFactory
from tests.practices.factories import AwardFactory, PracticeFactory
from tests.spreadsheets.helpers import data_rows, read_sheet, sheet_kind, upload_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "practices.practice"
HEADERS = [
    "Tên mô hình *",
    "Đơn vị xây dựng",
    "Năm *",
    "Lĩnh vực *",
    "Nội dung, cách làm",
    "Kết quả, hiệu quả",
    "Tình trạng *",
    "Doanh nghiệp (mã số thuế)",
]


kind = partial(sheet_kind, KIND)
upload = partial(upload_sheet, name="mo-hinh.xlsx", kind=KIND)


def snapshot() -> list[tuple[Any, ...]]:
    return sorted((p.pk, p.version, p.updated_at) for p in GoodPractice.objects.all())


@pytest.fixture
def recorded(agency, other_agency):  # type: ignore[no-untyped-def]
    """The officer's body's model of 2023 (awarded, applied at one enterprise) and LĐLĐTP's model of 2022."""
    practice = PracticeFactory(
        owner_agency=agency,
        title="Hỗ trợ doanh nghiệp trên nền tảng số eHeza",
        field="digital",
        description="+ Kết nối doanh nghiệp qua ứng dụng",
    )
    practice.enterprises.set([EnterpriseFactory(tax_code="0299000013")])
    AwardFactory(practice=practice)
    PracticeFactory(owner_agency=other_agency, title="Mái ấm công đoàn", year=2022, field="worker_welfare")


def test_the_list_page_offers_excel_with_its_filter(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/dan-van-kheo/?year=2023&field=digital").content.decode()
    assert f'href="/excel/{KIND}/xuat/?year=2023&amp;field=digital"' in page
    assert f'href="/excel/{KIND}/mau/"' in page
    assert f'href="/excel/{KIND}/nhap/"' in page
    template = client_for(officer).get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    assert read_sheet(template.content, "Dữ liệu")[1] == [column.key for column in kind().columns]
    assert "Chuyển đổi số" in {cell for row in read_sheet(template.content, "Danh mục") for cell in row}


def test_export_follows_the_filter(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/?year=2023")
    assert exported.status_code == 200
    assert read_sheet(exported.content, "Dữ liệu")[0] == HEADERS
    rows = data_rows(exported.content)
    assert [(r["title"], r["owner_agency"], r["year"], r["field"], r["status"], r["enterprises"]) for r in rows] == [
        (
            "Hỗ trợ doanh nghiệp trên nền tảng số eHeza",
            "BQLKKT",
            2023,
            "Chuyển đổi số",
            "Đang triển khai",
            "0299000013",
        )
    ]
    awarded = data_rows(client.get(f"/excel/{KIND}/xuat/?award_level=certificate_of_merit").content)
    assert [r["title"] for r in awarded] == ["Hỗ trợ doanh nghiệp trên nền tảng số eHeza"]
    searched = data_rows(client.get(f"/excel/{KIND}/xuat/?q=mai+am").content)
    assert [r["owner_agency"] for r in searched] == ["LĐLĐTP"]


def test_export_imported_back_changes_nothing(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert len(data_rows(exported.content)) == 2  # LĐLĐTP's model too
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload(client, exported.content)
    assert "Đã nhập 2 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 2 không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1


def test_a_bad_row_is_named_and_nothing_is_written(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    good = {"title": "Dân vận khéo trong đối thoại", "year": 2023, "field": "Quan hệ lao động, đối thoại"}
    rows = [
        {**good, "status": "Đang triển khai"},
        {**good, "title": "Mô hình năm xưa", "year": 1999, "status": "Được nhân rộng"},
    ]
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert "Trang tính Dữ liệu, dòng 4, cột Năm: Năm phải nằm trong khoảng 2000–2100." in text
    assert "dòng 3" not in text
    assert not GoodPractice.objects.exists()
    assert not ImportBatch.objects.filter(status="done").exists()

    rows[1]["year"] = 2021
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert "Đã nhập 2 dòng: 2 bản ghi mới" in text
    made = GoodPractice.objects.get(year=2021)
    assert (made.owner_agency, made.status, made.field) == (officer.agency, "replicated", "labour_relations")
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_a_change_is_previewed_then_applied(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?year=2023").content)
    rows[0]["status"] = "Được nhân rộng"
    text = upload(client, xlsx(kind(), rows))
    assert "sửa 1 bản ghi đã có" in text
    assert "“Đang triển khai” → “Được nhân rộng”" in text
    assert GoodPractice.objects.get(year=2023).status == "implementing"
    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    practice = GoodPractice.objects.get(year=2023)
    assert (practice.status, practice.awards.count(), practice.enterprises.count()) == ("replicated", 1, 1)


def test_another_bodys_model_cannot_be_changed(make_user, other_agency, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    officer = make_user(Role.OFFICER, other_agency, username="canbo.ldld")
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/").content)
    theirs = next(row for row in rows if row["owner_agency"] == "BQLKKT")
    theirs["results"] = "Sửa bởi đơn vị khác"
    before = snapshot()
    text = upload(client, xlsx(kind(), rows))
    assert "Trang tính Dữ liệu, dòng 3: mô hình này của BQLKKT; anh/chị không sửa được" in text
    assert snapshot() == before


def test_rows_are_matched_by_body_title_and_year(officer, admin_user, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    """A title is matched whatever its case and spaces; twice in a file is named by its rows; two recorded models
    that share the key are not guessed between; a row without a body from the administrator is named."""
    row = {"title": "hỗ trợ doanh nghiệp  trên nền tảng số eHeza", "year": 2023, "field": "Chuyển đổi số"}
    row |= {"status": "Được nhân rộng"}
    before = snapshot()
    text = upload(client_for(officer), xlsx(kind(), [row, {**row, "results": "Khác"}]))
    assert "Trang tính Dữ liệu, dòng 4, cột Tên mô hình: trùng đơn vị xây dựng, tên mô hình và năm với dòng 3" in text
    assert "sửa 1 bản ghi đã có" not in text
    text = upload(client_for(officer), xlsx(kind(), [row]))
    assert "sửa 1 bản ghi đã có" in text  # the recorded model, found by its folded title
    ImportBatch.objects.filter(status="pending").delete()

    PracticeFactory(owner_agency=officer.agency, title="Hỗ trợ doanh nghiệp trên nền tảng số eHeza")
    text = upload(client_for(officer), xlsx(kind(), [row]))
    assert (
        "dòng 3, cột Tên mô hình: đã có 2 mô hình cùng đơn vị, tên và năm; hãy sửa trên trang của từng mô hình" in text
    )
    text = upload(client_for(admin_user), xlsx(kind(), [{**row, "title": "Mô hình mới"}]))
    assert "dòng 3, cột Đơn vị xây dựng: hãy chọn đơn vị xây dựng mô hình" in text
    assert len(snapshot()) == len(before) + 1


def test_a_formula_like_cell_is_exported_as_text(officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    exported = client_for(officer).get(f"/excel/{KIND}/xuat/?year=2023")
    assert [row["description"] for row in data_rows(exported.content)] == ["+ Kết nối doanh nghiệp qua ứng dụng"]
    PracticeFactory(owner_agency=officer.agency, title='=HYPERLINK("http://x")', year=2024)
    exported = client_for(officer).get(f"/excel/{KIND}/xuat/?year=2024")
    assert [row["title"] for row in data_rows(exported.content)] == ['=HYPERLINK("http://x")']
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml

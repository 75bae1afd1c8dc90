"""Foundings in Excel: the export follows the list's filter, an export imported back changes nothing, a bad row is named
by sheet, row and column and nothing is written, a change to a recorded founding is previewed then applied, another
body's founding cannot be changed from a file, and a cell that looks like a formula stays text."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from functools import partial
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.core.models import AuditEvent
from phoihop.organizing.models import Founding
from phoihop.spreadsheets.models import ImportBatch
from tests.directory.factories import EnterpriseFactory, ZoneFactory
from tests.organizing.factories import FoundingFactory
from tests.spreadsheets.helpers import data_rows, read_sheet, sheet_kind, upload_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "organizing.founding"
HEADERS = [
    "Tổ chức được thành lập *",
    "Doanh nghiệp (mã số thuế) *",
    "Tên tổ chức",
    "Ngày thành lập *",
    "Số thành viên khi thành lập (người)",
    "Quyết định thành lập (số, ký hiệu)",
    "Ghi chú",
    "Đơn vị thành lập",
]


kind = partial(sheet_kind, KIND)
upload = partial(upload_sheet, name="thanh-lap.xlsx", kind=KIND)


def snapshot() -> list[tuple[Any, ...]]:
    return sorted((f.pk, f.version, f.updated_at) for f in Founding.objects.all())


@pytest.fixture
def recorded(federation, party_committee, maple):  # type: ignore[no-untyped-def]
    """A union at Maple (the federation's) and a party cell at another enterprise (the Party committee's)."""
    FoundingFactory(owner_agency=federation, enterprise=maple, name="", members_at_founding=45, notes="=1+1")
    other = EnterpriseFactory(
        name="Công ty TNHH Hòa Bình", tax_code="0201111113", zone=ZoneFactory(name="KCN Nam Cầu Kiền")
    )
    FoundingFactory(
        owner_agency=party_committee,
        enterprise=other,
        kind="party_cell",
        founded_on=dt.date(2022, 3, 2),
        members_at_founding=5,
    )


def test_the_list_page_offers_excel_with_its_filter(union_officer, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(union_officer).get("/thanh-lap-to-chuc/?kind=party_cell").content.decode()
    assert f'href="/excel/{KIND}/xuat/?kind=party_cell"' in page
    assert f'href="/excel/{KIND}/mau/"' in page
    assert f'href="/excel/{KIND}/nhap/"' in page
    template = client_for(union_officer).get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    assert read_sheet(template.content, "Dữ liệu")[1] == [column.key for column in kind().columns]
    assert "Chi bộ, tổ chức đảng" in {cell for row in read_sheet(template.content, "Danh mục") for cell in row}


def test_export_follows_the_filter(union_officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    exported = client_for(union_officer).get(f"/excel/{KIND}/xuat/?kind=party_cell")
    assert exported.status_code == 200
    cells = read_sheet(exported.content, "Dữ liệu")
    assert cells[0] == HEADERS
    rows = data_rows(exported.content)
    assert [(r["kind"], r["enterprise"], r["owner_agency"], r["members_at_founding"]) for r in rows] == [
        ("Chi bộ, tổ chức đảng", "0201111113", "ĐUKKT", 5)
    ]
    searched = data_rows(client_for(union_officer).get(f"/excel/{KIND}/xuat/?q=maple").content)
    assert [r["enterprise"] for r in searched] == ["0299000013"]


def test_export_imported_back_changes_nothing(union_officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(union_officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert len(data_rows(exported.content)) == 2  # the party committee's row too
    before, events = snapshot(), AuditEvent.objects.count()
    text = upload(client, exported.content)
    assert "Đã nhập 2 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 2 không đổi." in text
    assert snapshot() == before
    assert AuditEvent.objects.count() == events + 1


def test_a_bad_row_is_named_and_nothing_is_written(union_officer, client_for, maple) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0201111113")
    rows = [
        {
            "kind": "Công đoàn cơ sở",
            "enterprise": "0299000013",
            "founded_on": dt.date(2023, 6, 1),
            "members_at_founding": 45,
        },
        {"kind": "Chi bộ, tổ chức đảng", "enterprise": "0201111113", "founded_on": dt.date(2023, 7, 1)},
    ]
    text = upload(client_for(union_officer), xlsx(kind(), rows))
    assert (
        "Trang tính Dữ liệu, dòng 4, cột Tổ chức được thành lập: Chi bộ, tổ chức đảng do một đơn vị thuộc hệ thống"
        in text
    )
    assert "dòng 3" not in text
    assert not Founding.objects.exists()
    assert not ImportBatch.objects.filter(status="done").exists()

    rows[1] = {**rows[1], "kind": "Công đoàn cơ sở"}
    text = upload(client_for(union_officer), xlsx(kind(), rows))
    assert "Đã nhập 2 dòng: 2 bản ghi mới" in text
    assert sorted(Founding.objects.values_list("enterprise__tax_code", "owner_agency__short_code")) == [
        ("0201111113", "LĐLĐTP"),
        ("0299000013", "LĐLĐTP"),
    ]
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_a_change_is_previewed_then_applied(union_officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    client = client_for(union_officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/?q=maple").content)
    rows[0]["members_at_founding"] = 60
    text = upload(client, xlsx(kind(), rows))
    assert "sửa 1 bản ghi đã có" in text
    assert "“45” → “60”" in text
    assert Founding.objects.get(enterprise__tax_code="0299000013").members_at_founding == 45
    batch = ImportBatch.objects.get(status="pending")
    client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    founding = Founding.objects.get(enterprise__tax_code="0299000013")
    assert (founding.members_at_founding, founding.version) == (60, 2)


def test_another_bodys_founding_cannot_be_changed(make_user, party_committee, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    officer = make_user(Role.OFFICER, party_committee, username="canbo.dukkt")
    client = client_for(officer)
    rows = data_rows(client.get(f"/excel/{KIND}/xuat/").content)
    union = next(row for row in rows if row["owner_agency"] == "LĐLĐTP")
    union["members_at_founding"] = 1
    before = snapshot()
    text = upload(client, xlsx(kind(), rows))
    assert "Trang tính Dữ liệu, dòng 3: bản ghi thành lập này thuộc LĐLĐTP; anh/chị không sửa được" in text
    assert snapshot() == before

    new = {"kind": "Chi bộ, tổ chức đảng", "enterprise": "0299000013", "founded_on": dt.date(2023, 1, 5)}
    text = upload(client, xlsx(kind(), [{**new, "owner_agency": "LĐLĐTP"}]))
    assert "dòng 3, cột Đơn vị thành lập: Anh/chị chỉ có thể ghi nhận việc thành lập của đơn vị mình" in text
    assert Founding.objects.count() == 2


def test_rows_are_matched_by_kind_and_enterprise(union_officer, admin_user, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    """The same kind at the same enterprise twice in a file is named by its rows; a row for a recorded founding that
    names another founding body is refused (the body of a recorded founding is not changed from a file)."""
    union = {"kind": "Công đoàn cơ sở", "enterprise": "0299000013", "founded_on": dt.date(2023, 6, 1)}
    before = snapshot()
    text = upload(client_for(union_officer), xlsx(kind(), [union, {**union, "members_at_founding": 50}]))
    assert "Trang tính Dữ liệu, dòng 4, cột Doanh nghiệp (mã số thuế): trùng tổ chức và doanh nghiệp với dòng 3" in text
    text = upload(client_for(admin_user), xlsx(kind(), [{**union, "owner_agency": "ĐUKKT"}]))
    assert (
        "dòng 3, cột Đơn vị thành lập: tổ chức này đã được ghi nhận là do LĐLĐTP thành lập; không đổi được đơn vị "
        "thành lập" in text
    )
    assert snapshot() == before


def test_a_formula_like_cell_is_exported_as_text(union_officer, client_for, recorded) -> None:  # type: ignore[no-untyped-def]
    exported = client_for(union_officer).get(f"/excel/{KIND}/xuat/?q=maple")
    assert [row["notes"] for row in data_rows(exported.content)] == ["=1+1"]
    sheet_xml = zipfile.ZipFile(io.BytesIO(exported.content)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml

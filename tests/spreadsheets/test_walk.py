"""The walk an officer takes: download the template, fill three rows with one mistake, upload, read the row-level
message, fix it, upload again — three enterprises and one audit event; the same file again writes nothing."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.test import Client

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.registry import spreadsheets
from tests.directory.factories import ZoneFactory
from tests.spreadsheets.helpers import read_sheet, xlsx

pytestmark = pytest.mark.django_db

KIND = "directory.enterprise"


def upload(client: Client, content: bytes, name: str = "doanh-nghiep.xlsx", htmx: bool = True):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(
        f"/excel/{KIND}/nhap/",
        {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream")},
        headers=headers,
    )


def test_download_fill_fix_upload_and_upload_again(officer, make_user, agency, client_for) -> None:  # type: ignore[no-untyped-def]
    ZoneFactory(name="KCN Tràng Duệ")
    client = client_for(officer)
    other_officer = make_user("officer", agency, username="other")
    page = client.get("/danh-muc/doanh-nghiep/")
    assert "Tải mẫu Excel" in page.content.decode()
    assert "Xuất Excel" in page.content.decode()

    template = client.get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    cells = read_sheet(template.content, "Dữ liệu")
    assert cells[0][0] == "Tên doanh nghiệp *"
    assert cells[1][:3] == ["name", "short_name", "tax_code"]
    lists = read_sheet(template.content, "Danh mục")
    assert "KCN Tràng Duệ" in [row[0] for row in lists]
    assert read_sheet(template.content, "Hướng dẫn")[0][0] == "Mẫu nhập “Danh mục doanh nghiệp”"

    kind = spreadsheets.get(KIND)
    assert kind is not None
    rows = [
        {
            "name": "Công ty TNHH Alpha",
            "tax_code": "0201234567",
            "zone": "KCN Tràng Duệ",
            "ownership": "Doanh nghiệp trong nước",
            "workforce": 120,
        },
        {
            "name": "Công ty TNHH Beta",
            "tax_code": "02012",
            "zone": "KCN Tràng Duệ",
            "ownership": "Doanh nghiệp trong nước",
            "workforce": "nhiều",
        },
        {"name": "Công ty TNHH Gamma", "tax_code": "0201234569", "ownership": "Doanh nghiệp 100% vốn nước ngoài"},
    ]
    answer = upload(client, xlsx(kind, rows))
    text = answer.content.decode()
    assert "Trang tính Dữ liệu, dòng 4, cột Mã số thuế: mã số thuế “02012” không hợp lệ" in text
    assert "Trang tính Dữ liệu, dòng 4, cột Số lao động hiện có: phải là một số nguyên" in text
    assert Enterprise.objects.count() == 0
    assert not ImportBatch.objects.filter(status="done").exists()

    # The file back with its problems: the same cells, the bad ones filled red, a column "Lỗi" with the messages.
    link = re.search(r'href="([^"]+/loi\.xlsx)"', text)
    assert link is not None, "the refused upload offers the marked file"
    marked = client.get(link.group(1))
    assert marked.status_code == 200
    assert marked["Content-Disposition"] == 'attachment; filename="loi-directory-enterprise.xlsx"'
    cells = read_sheet(marked.content, "Dữ liệu")
    errors_at = cells[0].index("Lỗi")
    assert cells[3][0] == "Công ty TNHH Beta"
    assert "cột Mã số thuế: mã số thuế “02012” không hợp lệ" in cells[3][errors_at]
    assert "cột Số lao động hiện có: phải là một số nguyên" in cells[3][errors_at]
    assert cells[2][errors_at] == ""
    assert cells[4][errors_at] == ""
    with zipfile.ZipFile(io.BytesIO(marked.content)) as archive:
        styles = archive.read("xl/styles.xml").decode()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "FFFFC7CE" in styles  # the red fill…
    style = {cell: re.search(rf'<c r="{cell}"( s="\d+")?', sheet_xml).group(1) for cell in ("A4", "C4")}  # type: ignore[union-attr]
    assert style["C4"]
    assert style["C4"] != style["A4"]
    assert client_for(other_officer).get(link.group(1)).status_code == 404  # only its officer gets it back

    rows[1]["tax_code"] = "0201234568"
    rows[1]["workforce"] = 45
    fixed = xlsx(kind, rows)
    answer = upload(client, fixed)
    assert "Đã nhập 3 dòng: 3 bản ghi mới" in answer.content.decode()
    assert sorted(Enterprise.objects.values_list("tax_code", flat=True)) == ["0201234567", "0201234568", "0201234569"]
    beta = Enterprise.objects.get(tax_code="0201234568")
    assert beta.owner_agency == officer.agency
    assert beta.workforce == 45
    assert beta.zone.name == "KCN Tràng Duệ"
    assert Enterprise.objects.filter(search_text__contains="cong ty tnhh beta").exists()
    events = AuditEvent.objects.filter(object_type="spreadsheets.importbatch")
    assert events.count() == 1
    assert events.get().changes["Số dòng"] == ["", "3"]

    again = upload(client, fixed)
    assert "Tệp này đã được nhập lúc" in again.content.decode()
    assert Enterprise.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_update_is_previewed_then_confirmed(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    from tests.directory.factories import EnterpriseFactory

    existing = EnterpriseFactory(name="Công ty Cũ", tax_code="0209999999", owner_agency=officer.agency, workforce=10)
    kind = spreadsheets.get(KIND)
    assert kind is not None
    client = client_for(officer)
    content = xlsx(
        kind,
        [{"name": "Công ty Mới", "tax_code": "0209999999", "ownership": "Doanh nghiệp trong nước", "workforce": 12}],
    )
    answer = upload(client, content)
    text = answer.content.decode()
    assert "sửa 1 bản ghi đã có" in text
    assert "“Công ty Cũ” → “Công ty Mới”" in text
    existing.refresh_from_db()
    assert existing.name == "Công ty Cũ"
    batch = ImportBatch.objects.get(status="pending")
    answer = client.post(f"/excel/{KIND}/nhap/{batch.pk}/xac-nhan/", headers={"HX-Request": "true"})
    assert "1 bản ghi cập nhật" in answer.content.decode()
    existing.refresh_from_db()
    assert (existing.name, existing.workforce, existing.version) == ("Công ty Mới", 12, 2)
    assert not ImportBatch.objects.filter(status="pending").exists()


def test_another_bodys_enterprise_is_refused_by_row(officer, other_agency, client_for) -> None:  # type: ignore[no-untyped-def]
    from tests.directory.factories import EnterpriseFactory

    EnterpriseFactory(name="Của đơn vị khác", tax_code="0207777777", owner_agency=other_agency)
    kind = spreadsheets.get(KIND)
    assert kind is not None
    answer = upload(
        client_for(officer),
        xlsx(kind, [{"name": "Đổi tên", "tax_code": "0207777777", "ownership": "Doanh nghiệp trong nước"}]),
    )
    assert answer.status_code == 200
    assert "dòng 3, cột Mã số thuế: doanh nghiệp “Của đơn vị khác” đã có trong danh mục" in answer.content.decode()

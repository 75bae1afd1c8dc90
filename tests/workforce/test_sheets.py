"""Labour reports in Excel: the officer's walk (template, three rows with one mistake, the row message, the fix, three
reports and one audit entry, the same file again writes nothing), export → import changes nothing, and the API
import with a token."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from phoihop.core.models import AuditEvent
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.workforce.choices import ReportStatus
from phoihop.workforce.models import LabourReport
from tests.directory.factories import EnterpriseFactory
from tests.spreadsheets.helpers import read_sheet, xlsx
from tests.workforce.factories import LabourReportFactory

pytestmark = pytest.mark.django_db

KIND = "workforce.labour_report"
MONTHLY = "Hằng tháng (công đoàn theo dõi tình hình)"


def kind():  # type: ignore[no-untyped-def]
    found = spreadsheets.get(KIND)
    assert found is not None
    return found


def upload(client: Client, content: bytes, name: str = "bao-cao.xlsx"):  # type: ignore[no-untyped-def]
    return client.post(
        f"/excel/{KIND}/nhap/", {"file": SimpleUploadedFile(name, content)}, headers={"HX-Request": "true"}
    )


def rows() -> list[dict[str, object]]:
    return [
        {
            "enterprise": "0201111111",
            "report_type": MONTHLY,
            "period_start": dt.date(2026, 3, 1),
            "headcount": 500,
            "women": 300,
            "lowest_wage": 4_960_000,
            "meal_value": 25_000,
            "has_collective_agreement": "Có",
        },
        {
            "enterprise": "0202222222",
            "report_type": MONTHLY,
            "period_start": dt.date(2026, 3, 1),
            "headcount": 120,
            "women": 150,
        },
        {"enterprise": "0203333333", "report_type": "6 tháng", "period_start": dt.date(2026, 1, 1), "headcount": 80},
    ]


def make_enterprises() -> None:
    for code in ("0201111111", "0202222222", "0203333333"):
        EnterpriseFactory(tax_code=code, name=f"Công ty {code}")


def test_download_fill_fix_upload_and_upload_again(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    make_enterprises()
    client = client_for(officer)
    page = client.get("/tinh-hinh-lao-dong/bao-cao/").content.decode()
    assert "Tải mẫu Excel" in page
    assert "Xuất Excel" in page
    template = client.get(f"/excel/{KIND}/mau/")
    assert template.status_code == 200
    cells = read_sheet(template.content, "Dữ liệu")
    assert cells[1][:4] == ["enterprise", "report_type", "period_start", "headcount"]

    data = rows()
    answer = upload(client, xlsx(kind(), data))
    text = answer.content.decode()
    assert (
        "Trang tính Dữ liệu, dòng 4, cột Lao động nữ: “lao động nữ” (150) không được lớn hơn tổng số lao động (120)."
    ) in text
    assert not LabourReport.objects.exists()

    data[1]["women"] = 60
    fixed = xlsx(kind(), data)
    answer = upload(client, fixed)
    assert "Đã nhập 3 dòng: 3 bản ghi mới" in answer.content.decode()
    reports = LabourReport.objects.order_by("enterprise__tax_code")
    assert [(r.enterprise.tax_code, r.headcount, r.women) for r in reports] == [
        ("0201111111", 500, 300),
        ("0202222222", 120, 60),
        ("0203333333", 80, None),
    ]
    first = reports[0]
    assert (first.owner_agency, first.status, first.period_end) == (
        officer.agency,
        ReportStatus.DRAFT,
        dt.date(2026, 3, 31),
    )
    assert first.has_collective_agreement
    assert first.lowest_wage == 4_960_000
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1

    again = upload(client, fixed)
    assert "Tệp này đã được nhập lúc" in again.content.decode()
    assert LabourReport.objects.count() == 3
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1


def test_export_then_import_changes_nothing(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    LabourReportFactory(owner_agency=officer.agency, overtime_avg_hours="12.5", si_arrears_months=2)
    LabourReportFactory(owner_agency=officer.agency, status=ReportStatus.APPROVED, notes="=1+1")
    client = client_for(officer)
    exported = client.get(f"/excel/{KIND}/xuat/")
    assert exported.status_code == 200
    cells = read_sheet(exported.content, "Dữ liệu")
    assert len([row for row in cells[2:] if any(row)]) == 2
    before = sorted((r.pk, r.version, r.updated_at) for r in LabourReport.objects.all())
    events = AuditEvent.objects.count()
    answer = upload(client, exported.content, "xuat.xlsx")
    assert "Đã nhập 2 dòng: 0 bản ghi mới, 0 bản ghi cập nhật, 2 không đổi." in answer.content.decode()
    assert sorted((r.pk, r.version, r.updated_at) for r in LabourReport.objects.all()) == before
    assert AuditEvent.objects.count() == events + 1


def test_api_import_with_token(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    make_enterprises()
    api = api_for(officer, token=True)

    def post(content: bytes):  # type: ignore[no-untyped-def]
        return api.client.post(
            f"/api/v1/spreadsheets/imports?kind={KIND}",
            {"file": SimpleUploadedFile("bc.xlsx", content)},
            headers=api.headers,
        )

    data = rows()
    data[2]["enterprise"] = "0209999999"
    answer = post(xlsx(kind(), data))
    assert answer.status_code == 422
    assert answer.json()["code"] == "invalid_rows"
    assert any("dòng 5, cột Mã số thuế doanh nghiệp" in row for row in answer.json()["fields"]["rows"])
    data[1]["women"] = 60
    data[2]["enterprise"] = "0203333333"
    answer = post(xlsx(kind(), data))
    assert answer.status_code == 200
    assert (answer.json()["status"], answer.json()["created"]) == ("imported", 3)
    assert LabourReport.objects.filter(owner_agency=officer.agency).count() == 3

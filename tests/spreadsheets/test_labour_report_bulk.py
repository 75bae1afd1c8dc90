"""Labour reports from Excel through the bulk path: the check reads the database a fixed number of times whatever the
number of rows, every rule `create_report` keeps is a row problem before anything is written, and new reports go in
with one bulk insert and the file's one audit event."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from phoihop.core.models import AuditEvent
from phoihop.workforce.models import LabourReport
from tests.directory.factories import EnterpriseFactory
from tests.spreadsheets.helpers import LABOUR_REPORTS, kind, labour_months, xlsx

pytestmark = pytest.mark.django_db

CODES = [f"02{n:08d}" for n in range(5)]

# `count` monthly reports: the five enterprises, month after month from January 2024.
months = partial(
    labour_months,
    codes=CODES,
    headcount=100,
    women=40,
    overtime_avg_hours=12.5,
    overtime_max_hours=30,
    has_collective_agreement="Có",
    agreement_expires_on=dt.date(2027, 6, 30),
)


def upload(client: Client, content: bytes) -> str:
    answer = client.post(
        f"/excel/{LABOUR_REPORTS}/nhap/",
        {"file": SimpleUploadedFile("bc.xlsx", content)},
        headers={"HX-Request": "true"},
    )
    return answer.content.decode()


@pytest.fixture
def enterprises() -> None:
    for code in CODES:
        EnterpriseFactory(tax_code=code)


def test_the_import_reads_and_writes_in_the_same_number_of_queries_at_any_size(
    officer: Any, client_for: Any, enterprises: None
) -> None:
    client = client_for(officer)
    counts = []
    for size, first_year in ((5, 2020), (30, 2030)):
        rows = months(size)
        for row in rows:
            row["period_start"] = row["period_start"].replace(year=row["period_start"].year - 2024 + first_year)
        with CaptureQueriesContext(connection) as queries:
            text = upload(client, xlsx(kind(), rows))
        assert f"Đã nhập {size} dòng: {size} bản ghi mới" in text
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    assert LabourReport.objects.count() == 35


def test_new_reports_are_complete_with_one_audit_event_for_the_file(
    officer: Any, client_for: Any, enterprises: None
) -> None:
    text = upload(client_for(officer), xlsx(kind(), months(12)))
    assert "Đã nhập 12 dòng: 12 bản ghi mới" in text
    report = LabourReport.objects.get(enterprise__tax_code=CODES[0], period_start=dt.date(2024, 2, 1))
    assert report.period_end == dt.date(2024, 2, 29)
    assert report.owner_agency == officer.agency
    assert report.status == "draft"
    assert report.version == 1
    assert str(report.overtime_avg_hours) == "12.5"
    assert report.has_collective_agreement
    assert report.created_at is not None
    assert AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count() == 1
    assert not AuditEvent.objects.filter(object_type="workforce.labourreport").exists()


def test_every_rule_of_a_report_is_a_row_problem_and_nothing_is_written(
    officer: Any, client_for: Any, enterprises: None
) -> None:
    rows = months(5)
    rows[0]["headcount"] = -5
    rows[1]["report_type"] = "6 tháng"
    rows[1]["period_start"] = dt.date(2024, 3, 1)
    rows[2]["si_arrears_months"] = 40_000
    rows[3]["overtime_avg_hours"] = 12.25
    rows[4]["has_collective_agreement"] = "Không"
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert "Tệp có 5 lỗi; chưa ghi dòng nào." in text
    assert "dòng 3, cột Tổng số lao động: “tổng số lao động” không được âm." in text
    assert "dòng 4, cột Ngày đầu kỳ báo cáo: Báo cáo 6 tháng bắt đầu từ ngày 01/01 hoặc 01/7." in text
    assert "dòng 5, cột Số tháng nợ bảo hiểm xã hội: quá lớn (tối đa 32.767)" in text
    assert "dòng 6, cột Giờ làm thêm bình quân (giờ/tháng): chỉ ghi 1 chữ số sau dấu phẩy" in text
    assert "dòng 7, cột Thỏa ước hết hạn ngày: Chỉ ghi ngày hết hạn khi doanh nghiệp có thỏa ước" in text
    assert not LabourReport.objects.exists()


def test_a_file_large_enough_for_copy_writes_every_report_as_typed(
    officer: Any, client_for: Any, enterprises: None, settings: Any
) -> None:
    # 600 rows: PostgreSQL takes them with COPY (from 500 rows), SQLite with bulk_create; the same reports either way.
    settings.PHOIHOP_IMPORT_BACKGROUND_ROWS = 10_000
    rows = months(600)
    rows[599]["notes"] = "Tab\tvà \\ gạch chéo; “ngoặc” \n dòng mới"
    rows[599]["agreement_expires_on"] = None
    rows[599]["has_collective_agreement"] = "Không"
    text = upload(client_for(officer), xlsx(kind(), rows))
    assert "Đã nhập 600 dòng: 600 bản ghi mới" in text
    assert LabourReport.objects.count() == 600
    last = LabourReport.objects.get(enterprise__tax_code=CODES[4], period_start=dt.date(2033, 12, 1))
    assert last.notes == "Tab\tvà \\ gạch chéo; “ngoặc” \n dòng mới"
    assert last.agreement_expires_on is None
    assert not last.has_collective_agreement
    assert last.women == 40
    assert last.headcount == 100 + 599
    assert last.period_end == dt.date(2033, 12, 31)
    assert last.si_arrears_months == 0
    assert last.updated_at is not None

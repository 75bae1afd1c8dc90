"""The labour-report walk in Chromium, as an officer of the Economic Zone Authority takes it: from the labour-report
list to the import page, download the template, fill three rows (one wrong), upload, read the row-level message in
place, fix it, upload again — three reports written as drafts, one history entry for the import — and the same file
once more writes nothing and says it was already imported."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from phoihop.core.models import AuditEvent
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Enterprise
from phoihop.workforce.models import LabourReport
from tests.browser.pages import sign_in
from tests.spreadsheets.helpers import read_sheet, sheet_kind, xlsx
from tests.spreadsheets.test_browser_import_job import off_the_loop

pytestmark = pytest.mark.browser

PERIOD = dt.date(2026, 10, 1)
MONTHLY = "Hằng tháng (công đoàn theo dõi tình hình)"


def filled(template: bytes, rows: list[dict[str, Any]]) -> bytes:
    """The downloaded template with `rows` typed in from its third line, under the template's own key row (as a
    spreadsheet program saves it: numbers as numbers, the date as a date)."""
    keys = read_sheet(template, "Dữ liệu")[1]
    kind = sheet_kind("workforce.labour_report")
    assert read_sheet(template, "Dữ liệu")[0] == [
        column.header + (" *" if column.required else "") for column in kind.columns
    ]
    return xlsx(kind, rows, keys=keys)


def test_officer_imports_labour_reports_from_the_template(
    live_server: Any, committed_demo: LoadReport, browser_page: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    def imports() -> int:
        return AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count()

    enterprises = off_the_loop(
        lambda: dict(
            Enterprise.objects.filter(owner_agency__short_code="BQLKKT")
            .exclude(labour_reports__period_start=PERIOD)
            .order_by("tax_code")
            .values_list("tax_code", "name")[:3]
        )
    )
    codes = list(enterprises)
    assert len(codes) == 3
    before, events_before = off_the_loop(LabourReport.objects.count), off_the_loop(imports)

    page = browser_page
    sign_in(page, live_server.url, "bqlkkt.canbo")

    page.goto(live_server.url + "/tinh-hinh-lao-dong/bao-cao/")
    page.get_by_role("link", name="Nhập Excel").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nhập Excel: Báo cáo tình hình lao động")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Tải mẫu Excel").click()
    template = Path(download_info.value.path()).read_bytes()
    assert read_sheet(template, "Dữ liệu")[0][:4] == [
        "Mã số thuế doanh nghiệp *",
        "Loại báo cáo *",
        "Ngày đầu kỳ báo cáo *",
        "Tổng số lao động *",
    ]
    report_types = [row[0] for row in read_sheet(template, "Danh mục") if row and row[0]]
    assert MONTHLY in report_types

    rows: list[dict[str, Any]] = [
        {"enterprise": codes[0], "report_type": MONTHLY, "period_start": PERIOD, "headcount": 500, "women": 300},
        {"enterprise": codes[1], "report_type": MONTHLY, "period_start": PERIOD, "headcount": 120, "women": 150},
        {"enterprise": codes[2], "report_type": MONTHLY, "period_start": PERIOD, "headcount": 80},
    ]
    wrong = tmp_path / "bao-cao-lao-dong.xlsx"
    wrong.write_bytes(filled(template, rows))
    page.get_by_label("Tệp Excel").set_input_files(str(wrong))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#result")).to_contain_text(
        "Trang tính Dữ liệu, dòng 4, cột Lao động nữ: “lao động nữ” (150) không được lớn hơn tổng số lao động (120)."
    )
    expect(page.get_by_role("link", name="Tải tệp Excel đánh dấu các lỗi")).to_be_visible()

    rows[1]["women"] = 60
    fixed = tmp_path / "bao-cao-lao-dong-da-sua.xlsx"
    fixed.write_bytes(filled(template, rows))
    page.get_by_label("Tệp Excel").set_input_files(str(fixed))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#result")).to_contain_text("Đã nhập 3 dòng: 3 bản ghi mới")

    page.get_by_label("Tệp Excel").set_input_files(str(fixed))
    page.get_by_role("button", name="Tải lên và kiểm tra").click()
    expect(page.locator("#result")).to_contain_text("Tệp này đã được nhập lúc")

    page.get_by_role("link", name="Về danh sách").click()
    expect(page).to_have_url(live_server.url + "/tinh-hinh-lao-dong/bao-cao/")
    # The list's own filters, as the officer narrows it: this year's reports still being entered (htmx swaps the table).
    page.get_by_label("Trạng thái").select_option(label="Đang nhập")
    page.get_by_label("Năm").fill(str(PERIOD.year))
    page.get_by_role("button", name="Lọc").click()
    expect(page).to_have_url(re.compile(r"status=draft"))
    table = page.get_by_role("table")
    expect(table.locator("tbody tr")).to_have_count(3)
    for code in codes:
        expect(table).to_contain_text(enterprises[code])

    def written() -> list[tuple[Any, ...]]:
        return sorted(
            LabourReport.objects.filter(period_start=PERIOD, enterprise__tax_code__in=codes).values_list(
                "headcount", "women", "owner_agency__short_code", "status"
            )
        )

    assert off_the_loop(written) == [
        (80, None, "BQLKKT", "draft"),
        (120, 60, "BQLKKT", "draft"),
        (500, 300, "BQLKKT", "draft"),
    ]
    assert off_the_loop(LabourReport.objects.count) == before + 3
    assert off_the_loop(imports) == events_before + 1

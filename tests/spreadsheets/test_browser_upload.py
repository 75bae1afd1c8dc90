"""In Chromium at a 390 px phone width: the upload page fits the screen, a file with a mistake shows the row-level
message in place (htmx), and the fixed file is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from phoihop.spreadsheets.registry import spreadsheets
from tests.browser.pages import phone_page, sign_in
from tests.browser.test_phone_width import overflowing
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.browser


def test_upload_page_on_a_phone(
    live_server: Any, committed_demo: LoadReport, chromium_path: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    row = {"name": "Công ty TNHH Thử Nghiệm", "tax_code": "0299999991", "ownership": "Doanh nghiệp trong nước"}
    wrong = tmp_path / "sai.xlsx"
    wrong.write_bytes(xlsx(kind, [row, {**row, "tax_code": "12", "name": "Công ty B"}]))
    fixed = tmp_path / "dung.xlsx"
    fixed.write_bytes(xlsx(kind, [row, {**row, "tax_code": "0299999992", "name": "Công ty B"}]))
    with phone_page(chromium_path) as page:
        sign_in(page, live_server.url, "bqlkkt.canbo")
        page.goto(live_server.url + "/excel/directory.enterprise/nhap/")
        assert overflowing(page) == []
        page.get_by_label("Tệp Excel").set_input_files(str(wrong))
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
        expect(page.locator("#result")).to_contain_text("Trang tính Dữ liệu, dòng 4, cột Mã số thuế")
        assert overflowing(page) == []
        page.get_by_label("Tệp Excel").set_input_files(str(fixed))
        page.get_by_role("button", name="Tải lên và kiểm tra").click()
        expect(page.locator("#result")).to_contain_text("Đã nhập 2 dòng: 2 bản ghi mới")

"""In Chromium at a 390 px phone width: the upload page fits the screen, a file with a mistake shows the row-level
message in place (htmx), and the fixed file is imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from phoihop.spreadsheets.registry import spreadsheets
from tests.browser.test_phone_width import PHONE, overflowing
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.browser


def test_upload_page_on_a_phone(
    live_server: Any, committed_demo: LoadReport, chromium_path: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    row = {"name": "Công ty TNHH Thử Nghiệm", "tax_code": "0299999991", "ownership": "Doanh nghiệp trong nước"}
    wrong = tmp_path / "sai.xlsx"
    wrong.write_bytes(xlsx(kind, [row, {**row, "tax_code": "12", "name": "Công ty B"}]))
    fixed = tmp_path / "dung.xlsx"
    fixed.write_bytes(xlsx(kind, [row, {**row, "tax_code": "0299999992", "name": "Công ty B"}]))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            page.goto(live_server.url + "/tai-khoan/dang-nhap/")
            page.get_by_label("Tên đăng nhập").fill("bqlkkt.canbo")
            page.get_by_label("Mật khẩu").fill("PhoiHop@2023")
            page.get_by_role("button", name="Đăng nhập").click()
            expect(page).to_have_url(live_server.url + "/")
            page.goto(live_server.url + "/excel/directory.enterprise/nhap/")
            assert overflowing(page) == []
            page.get_by_label("Tệp Excel").set_input_files(str(wrong))
            page.get_by_role("button", name="Tải lên và kiểm tra").click()
            expect(page.locator("#result")).to_contain_text("Trang tính Dữ liệu, dòng 4, cột Mã số thuế")
            assert overflowing(page) == []
            page.get_by_label("Tệp Excel").set_input_files(str(fixed))
            page.get_by_role("button", name="Tải lên và kiểm tra").click()
            expect(page.locator("#result")).to_contain_text("Đã nhập 2 dòng: 2 bản ghi mới")
        finally:
            browser.close()

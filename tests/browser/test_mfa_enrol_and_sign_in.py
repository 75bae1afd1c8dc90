"""In Chromium, on a 390 px phone: a leader signs in with the password, is sent to enrol, scans (here: reads) the
secret, confirms with a code, sees ten recovery codes, signs out, and signs in again in two steps. The enrol page fits
the screen, its QR code is drawn and nothing breaks the page's Content Security Policy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.accounts.test_mfa_login import code_for
from tests.browser.pages import PHONE, phone_page
from tests.directory.factories import AgencyFactory

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_a_leader_enrols_and_signs_in_in_two_steps_on_a_phone(
    live_server: Any, chromium_path: str, settings: Any, tmp_path: Path
) -> None:
    from base64 import b32decode

    from playwright.sync_api import expect

    settings.PHOIHOP_MFA_REQUIRED = True
    UserFactory(role=Role.LEADER, agency=AgencyFactory(), username="lanhdao")
    problems: list[str] = []

    with phone_page(chromium_path) as page:
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill("lanhdao")
        page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()

        expect(page).to_have_url(re.compile(r"/tai-khoan/xac-thuc-hai-buoc/$"), timeout=15_000)
        expect(page.get_by_role("heading", name="Xác thực hai bước")).to_be_visible()
        qr = page.locator("figure.mfa-qr svg")
        expect(qr).to_be_visible()
        box = qr.bounding_box()
        assert box is not None
        assert 150 <= box["width"] <= PHONE["width"], box
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.screenshot(path=str(tmp_path / "enrol-390.png"), full_page=True)

        typed = page.locator("code.mfa-secret").inner_text().replace(" ", "")
        key = b32decode(typed + "=" * (-len(typed) % 8)).hex()
        page.get_by_label("Mã 6 chữ số trong ứng dụng").fill(code_for(key))
        page.get_by_role("button", name="Xác nhận và bật").click()

        expect(page.get_by_role("heading", name="Mã khôi phục")).to_be_visible()
        expect(page.locator("ul.mfa-codes li")).to_have_count(10)
        page.get_by_role("link", name="Tôi đã lưu các mã, tiếp tục").click()
        expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()

        page.get_by_role("button", name="Mở menu").click()
        # Bootstrap opens the menu with a height transition; a click while it runs can land on the page below.
        expect(page.locator("#mainnav.collapse.show")).to_be_visible()
        with page.expect_navigation():
            page.get_by_role("button", name="Đăng xuất").click()
        expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/$"), timeout=15_000)

        page.get_by_label("Tên đăng nhập").fill("lanhdao")
        page.get_by_label("Mật khẩu").fill(TEST_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/ma-xac-thuc/$"), timeout=15_000)
        page.get_by_label("Mã xác thực").fill(code_for(key, steps_ahead=1))
        page.get_by_role("button", name="Xác nhận").click()
        expect(page.get_by_role("heading", name="Tổng quan")).to_be_visible()
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems

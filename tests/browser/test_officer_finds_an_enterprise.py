"""A demo officer signs in on the Vietnamese login page, searches "trang due" and opens LG Display — in Chromium,
against a server started by the test, with the demo data loaded."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import console_errors

pytestmark = pytest.mark.browser

LG_DISPLAY = "Công ty TNHH LG Display Việt Nam Hải Phòng"


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


def test_demo_officer_searches_trang_due_and_opens_lg_display(
    live_server: Any, demo_data: None, browser_page: Any, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    failed: list[str] = []
    errors = console_errors(page)
    # The browser asks for /favicon.ico by itself; every other request must succeed (stylesheets, scripts, pages).
    page.on(
        "response",
        lambda response: (
            failed.append(f"{response.status} {response.url}")
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )

    # Anyone arriving is sent to the Vietnamese login page.
    page.goto(live_server.url + "/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next=/$"))
    expect(page).to_have_title("Đăng nhập · Phối hợp")
    expect(page.get_by_role("heading", name="Đăng nhập hệ thống Phối hợp")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill("bqlkkt.canbo")
    page.get_by_label("Mật khẩu").fill("PhoiHop@2023")
    page.get_by_role("button", name="Đăng nhập").click()

    # Signed in: the menu shows the officer's body and role.
    expect(page).to_have_url(live_server.url + "/")
    expect(page.get_by_role("link", name=re.compile(r"BQLKKT · Cán bộ"))).to_be_visible()

    # Search the enterprise list without diacritics; htmx swaps the results in as the officer types.
    menu = page.locator("#mainnav")
    enterprises = menu.get_by_role("link", name="Doanh nghiệp", exact=True)
    if not enterprises.is_visible():  # the menu groups the directory pages under "Danh mục"
        menu.get_by_role("button", name="Danh mục").click()
    enterprises.click()
    expect(page.get_by_role("heading", name="Doanh nghiệp", exact=True)).to_be_visible()
    page.get_by_label("Tìm kiếm (gõ có dấu hoặc không dấu)").fill("trang due")
    results = page.locator("#results")
    expect(results.get_by_role("link", name=LG_DISPLAY)).to_be_visible()
    expect(results.get_by_role("link", name="Công ty TNHH Pegatron Việt Nam")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"q=trang(\+|%20)due"))  # the address can be shared or bookmarked
    page.screenshot(path=str(tmp_path / "tim-kiem-trang-due.png"), full_page=True)

    # Open it: the detail page with its zone and its history.
    results.get_by_role("link", name=LG_DISPLAY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LG_DISPLAY)
    expect(page.get_by_role("link", name="KCN Tràng Duệ")).to_be_visible()
    details = page.locator("dl")
    expect(details).to_contain_text("Doanh nghiệp 100% vốn nước ngoài")
    expect(details).to_contain_text("Hàn Quốc")
    expect(details).to_contain_text("Ban Quản lý Khu kinh tế Hải Phòng")
    expect(page.get_by_role("heading", name="Lịch sử thay đổi")).to_be_visible()
    page.screenshot(path=str(tmp_path / "lg-display.png"), full_page=True)

    # Styled by the vendored Bootstrap (no CDN), and nothing refused by the content security policy.
    navbar_colour = page.locator("nav.navbar").evaluate("el => getComputedStyle(el).backgroundColor")
    assert navbar_colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert failed == []
    assert [text for text in errors if not text.startswith("Failed to load resource")] == []

"""Browser tests: Playwright driving the Chromium already on the machine (Debian's package), never a download."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

SKIP_MESSAGE = "Chromium không có trên máy này: bỏ qua kiểm thử trình duyệt (cài gói chromium của Debian để chạy)"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    candidates = [os.environ.get("PHOIHOP_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        # CI installs Chromium and sets PHOIHOP_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
        if os.environ.get("PHOIHOP_REQUIRE_BROWSER") == "1":
            pytest.fail("PHOIHOP_REQUIRE_BROWSER=1 nhưng không tìm thấy Chromium / but no Chromium was found")
        pytest.skip(SKIP_MESSAGE)
    return path


@pytest.fixture
def browser_page(chromium_path: str) -> Iterator[Any]:
    """A fresh Chromium page in Vietnamese. Set up the data before asking for it: the test then talks to the server
    only through the browser, never to the database from inside Playwright's event loop."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()
            browser.close()


PHONE = {"width": 390, "height": 844}


@contextmanager
def phone_page(chromium_path: str) -> Iterator[Any]:
    """A Chromium page the size of a 390 px phone, touch and all, in Vietnamese. Open it after the data is set up, as
    `browser_page`: inside it the test reaches the server only through the browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="vi-VN", viewport=PHONE, is_mobile=True, has_touch=True)
        context.set_default_timeout(15_000)
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def sign_in(page: Any, base_url: str, username: str, password: str = "PhoiHop@2023") -> None:  # noqa: S107 - the demo accounts' password
    """Sign in through the login page, as a person does, and land on the home page."""
    from playwright.sync_api import expect

    page.goto(base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(base_url + "/")

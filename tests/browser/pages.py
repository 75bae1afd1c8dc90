"""What every browser test shares, importable from any app's tests: where Chromium is, how a page is opened (a
desk's or a 390 px phone's), how a person signs in and out, and what a whole page looks like. The fixtures built on
them (`chromium_path`, `browser_page`) are in tests/browser/conftest.py, and tests/conftest.py hands them to every
folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
DESK = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
DEMO_PASSWORD = "PhoiHop@2023"  # every demo account's (src/phoihop/demo/data/)


def find_chromium() -> str | None:
    candidates = [os.environ.get("PHOIHOP_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


@contextmanager
def open_browser(chromium_path: str) -> Iterator[Any]:
    """One Chromium for a test that opens several people's or window sizes' pages in turn (`new_page`): launching
    it costs more than a fresh context. Open it after the data is set up, as `open_page`."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def new_page(browser: Any, *, timeout_ms: int = 15_000, **context: Any) -> Iterator[Any]:
    """A fresh page in Vietnamese in its own context (no cookie shared with the browser's other pages), `context`
    the browser context's options (viewport, is_mobile…)."""
    browser_context = browser.new_context(locale="vi-VN", **context)
    browser_context.set_default_timeout(timeout_ms)
    try:
        yield browser_context.new_page()
    finally:
        browser_context.close()


@contextmanager
def open_page(chromium_path: str, *, timeout_ms: int = 15_000, **context: Any) -> Iterator[Any]:
    """A fresh Chromium page in Vietnamese, `context` the browser context's options (viewport, is_mobile…). Open it
    after the data is set up: inside it the test reaches the server only through the browser, never the database
    from Playwright's event loop."""
    with open_browser(chromium_path) as browser, new_page(browser, timeout_ms=timeout_ms, **context) as page:
        yield page


PHONE_CONTEXT: dict[str, Any] = {"viewport": PHONE, "is_mobile": True, "has_touch": True}


def phone_page(chromium_path: str) -> Any:
    """A page the size of a 390 px phone, touch and all (a context manager, as `open_page`)."""
    return open_page(chromium_path, **PHONE_CONTEXT)


def console_errors(page: Any) -> list[str]:
    """The errors the page's console will show from now on (a script that fails, a blocked resource), for the test to
    assert there are none."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    return errors


def sign_in(page: Any, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the login page, as a person does, and fail unless the user lands signed in on the home page
    (its menu holds the sign-out button, folded away on a phone). The demo accounts' password by default; the
    factories' users pass `TEST_PASSWORD`."""
    from playwright.sync_api import expect

    page.goto(base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(base_url + "/")
    expect(page.get_by_role("button", name="Đăng xuất", include_hidden=True)).to_have_count(1)


def sign_out(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_label("Tên đăng nhập")).to_be_visible()


def assert_whole_page(page: Any, title: str, message: str | None = None) -> None:
    """What a user sees at a desk's width after a write or a swap: a whole page, never a bare fragment put into the
    body — the site's menu and layout, the page's own title and, after a write, its confirmation."""
    from playwright.sync_api import expect

    expect(page).to_have_title(f"{title} · Phối hợp")
    expect(page.locator("nav.navbar #mainnav")).to_be_visible()
    expect(page.locator("body > main")).to_have_count(1)
    expect(page.locator("link[rel=stylesheet]")).not_to_have_count(0)
    if message is not None:
        expect(page.get_by_role("status").filter(has_text=message)).to_be_visible()

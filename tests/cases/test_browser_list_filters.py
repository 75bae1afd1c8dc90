"""The case list as a union leader filters it in Chromium: ticking "only overdue" narrows the rows at once (no button),
the address keeps the tick, Back and a reload show the same whole page; unticking brings every case back."""

from __future__ import annotations

import re
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import assert_whole_page, console_errors, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py): one of its cases is overdue."""


def test_ticking_only_overdue_narrows_the_case_list_and_the_address_keeps_it(
    live_server: Any, demo_data: None, browser_page: Any
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    errors = console_errors(page)
    sign_in(page, live_server.url, "ldldtp.lanhdao")
    page.goto(live_server.url + "/vu-viec/")
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(6)
    overdue = page.get_by_label("Chỉ vụ việc quá hạn")

    overdue.check()
    expect(page).to_have_url(re.compile(r"\?(.*&)?overdue=true(&|$)"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Quá hạn")
    expect(page.locator("[id=results]")).to_have_count(1)
    assert_whole_page(page, "Vụ việc")

    rows.first.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/vu-viec/\d+/$"))
    page.go_back()
    expect(rows).to_have_count(1)
    expect(page.get_by_label("Chỉ vụ việc quá hạn")).to_be_checked()
    assert_whole_page(page, "Vụ việc")

    page.get_by_label("Chỉ vụ việc quá hạn").uncheck()
    expect(rows).to_have_count(6)
    expect(page).not_to_have_url(re.compile("overdue=true"))
    assert errors == []

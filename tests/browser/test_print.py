"""A list printed from the browser: its content only (no menu, filter form or buttons), a table rather than the
phone's cards even on paper narrower than 768 px, every cell free to wrap so the record titles are not squeezed to a
word a line, and the count that says how long the list is."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import new_page, open_browser, sign_in

pytestmark = pytest.mark.browser

# An A4 page's printable width in CSS pixels (210 mm less Chromium's default 10 mm margins).
A4_WIDTH = 718


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


def test_a_printed_list_is_its_table_alone_with_titles_that_wrap_in_lines_not_words(
    live_server: Any, demo_data: None, chromium_path: str
) -> None:
    from playwright.sync_api import expect

    paper = {"width": A4_WIDTH, "height": 1000}
    with open_browser(chromium_path) as browser, new_page(browser, viewport=paper) as page:
        sign_in(page, live_server.url, "ldldtp.canbo")
        page.goto(live_server.url + "/hoat-dong/")
        page.emulate_media(media="print")
        expect(page.locator("nav.navbar")).to_be_hidden()
        expect(page.locator("form[role=search]")).to_be_hidden()
        expect(page.get_by_role("link", name="Xuất Excel")).to_be_hidden()
        expect(page.get_by_text("kết quả", exact=False).last).to_be_visible()
        table = page.locator("#results table")
        assert table.locator("tbody tr").first.evaluate("row => getComputedStyle(row).display") == "table-row"
        expect(table.locator("thead")).to_be_visible()
        titles = table.locator("tbody tr td:has(a)")
        widths = titles.evaluate_all("cells => cells.map(cell => cell.getBoundingClientRect().width)")
        assert min(widths) >= 150, min(widths)
        participants = table.locator("tbody td", has_text="lượt người").first
        assert participants.evaluate("cell => getComputedStyle(cell.querySelector('div') || cell).whiteSpace") == (
            "normal"
        )

"""Pages that fit a 390 px phone beyond the menu's (walked at 390 and 1280 px by test_page_width.py): the login page,
the form every app uses for a record's rows, and a list read as cards (a table at a desk; without JavaScript a table
whose titles keep a readable width). Nothing wider than the screen, so nobody pans the whole page sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import (
    DEMO_PASSWORD,
    DESK,
    PHONE,
    PHONE_CONTEXT,
    new_page,
    open_browser,
    open_page,
    phone_page,
    sign_in,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


def overflowing(page: Any) -> list[str]:
    """The elements that stick out past the right edge of the screen (what makes the page pan sideways)."""
    return list(
        page.evaluate(
            """() => {
              const width = document.documentElement.clientWidth;
              const wide = [];
              for (const el of document.querySelectorAll('body *')) {
                const box = el.getBoundingClientRect();
                if (box.width === 0 || box.right <= width + 1) continue;
                // Inside a box that scrolls sideways by itself, it does not widen the page.
                let scroller = el.parentElement, contained = false;
                while (scroller && scroller !== document.body) {
                  const style = getComputedStyle(scroller);
                  if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) { contained = true; break; }
                  scroller = scroller.parentElement;
                }
                if (!contained) wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                  (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') +
                  ' right=' + Math.round(box.right));
              }
              return wide.slice(0, 5);
            }"""
        )
    )


def test_the_login_page_fits_a_390px_phone(live_server: Any, chromium_path: str) -> None:
    """The first page anyone opens; the pages behind it are walked at 390 and 1280 px by test_page_width.py."""
    with phone_page(chromium_path) as page:
        page.goto(live_server.url + "/tai-khoan/dang-nhap/")
        assert overflowing(page) == []
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_form_for_a_records_rows_fits_a_390px_phone(live_server: Any, demo_data: None, chromium_path: str) -> None:
    """The one page every app uses to add a row to a record (records/child_form.html): a project's milestone, a
    model's award, an inspection's finding and follow-up action, an incident's step and support."""
    from django.urls import reverse
    from playwright.sync_api import expect

    from phoihop.housing.models import HousingProject
    from phoihop.oversight.models import Inspection
    from phoihop.practices.models import GoodPractice
    from phoihop.workforce.models import Incident

    parents = {
        "housing:milestone_create": HousingProject,
        "practices:award_create": GoodPractice,
        "oversight:finding_create": Inspection,
        "oversight:follow_up_create": Inspection,
        "workforce:step_create": Incident,
        "workforce:support_create": Incident,
    }
    paths = [reverse(name, args=[model.objects.order_by("pk").first().pk]) for name, model in parents.items()]
    with phone_page(chromium_path) as page:
        sign_in(page, live_server.url, "quantri")
        too_wide = {}
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response is not None
            assert response.status == 200, path
            expect(page.get_by_role("button", name="Lưu")).to_be_visible()
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[path] = (width, overflowing(page))
        assert too_wide == {}


# What a table's rows look like: each row's display and right edge, and each cell's heading (its data-label and the
# label the stylesheet draws before it) and where its value starts.
ROWS = """table => [...table.tBodies[0].rows].map(row => ({
  display: getComputedStyle(row).display,
  right: row.getBoundingClientRect().right,
  cells: [...row.cells].filter(cell => getComputedStyle(cell).display !== 'none').map(cell => ({
    label: cell.dataset.label || '',
    drawn: getComputedStyle(cell, '::before').content,
    // How far right of the cell's edge its value starts: beside the heading, not under it.
    indent: cell.querySelector(':scope > .cell-value')
      ? cell.querySelector(':scope > .cell-value').getBoundingClientRect().left - cell.getBoundingClientRect().left
      : null,
  })),
}))"""


def headings(table: Any) -> list[str]:
    return [" ".join(text.split()) for text in table.locator("thead th").all_text_contents()]


def test_a_list_reads_as_cards_on_a_390px_phone_and_as_a_table_at_a_desk(
    live_server: Any, demo_data: None, chromium_path: str
) -> None:
    """On a phone each row of a list is a card the screen's width, each cell beside its column's heading (written onto
    the cells from the header row by js/phone.js); rows a filter brings in are cards too. At a desk the same
    list is a table with its header row."""
    from playwright.sync_api import expect

    with open_browser(chromium_path) as browser:
        with new_page(browser, **PHONE_CONTEXT) as page:
            sign_in(page, live_server.url, "ldldtp.canbo")
            for path in ("/hoat-dong/", "/kiem-tra-giam-sat/", "/so-lieu/phe-duyet/"):
                page.goto(live_server.url + path)
                table = page.locator("main table.table").first
                expect(table).to_have_class(re.compile(r"\btable-cards\b"))
                names = headings(table)
                rows = table.evaluate(ROWS)
                assert rows, path
                for row in rows:
                    assert row["display"] == "block", path
                    assert row["right"] <= PHONE["width"], path
                    assert row["cells"], path
                    for cell in row["cells"]:
                        assert cell["label"] in names, (path, cell)
                        # Drawn with an empty alternative: read out once, from the header row, not twice.
                        assert cell["drawn"] == f'"{cell["label"]}" / ""', (path, cell)
                        assert cell["indent"] is not None, (path, cell)
                        assert cell["indent"] > PHONE["width"] / 3, (path, cell)
                # The header row stays in the page for screen readers, out of sight.
                assert table.locator("thead").evaluate("head => head.getBoundingClientRect().width") <= 1
            page.goto(live_server.url + "/hoat-dong/")
            page.get_by_label("Tìm kiếm (gõ có dấu hoặc không dấu)").fill("tap huan an toan")
            expect(page).to_have_url(re.compile(r"q=tap"))
            table = page.locator("#results table")
            expect(table).to_have_class(re.compile(r"\btable-cards\b"))
            first = table.evaluate(ROWS)[0]
            assert first["display"] == "block"
            assert [cell["label"] for cell in first["cells"]][:2] == ["Ngày", "Tên hoạt động"]
        with new_page(browser, viewport=DESK) as page:
            sign_in(page, live_server.url, "ldldtp.canbo")
            page.goto(live_server.url + "/hoat-dong/")
            table = page.locator("#results table")
            assert {row["display"] for row in table.evaluate(ROWS)} == {"table-row"}
            expect(table.locator("thead")).to_be_visible()


def test_a_lists_filter_boxes_fold_behind_one_button_on_a_390px_phone(
    live_server: Any, demo_data: None, chromium_path: str
) -> None:
    """Six filter boxes stacked on a phone pushed a list's first row below the first screen: they fold behind "Bộ
    lọc", which opens them and names how many hold a choice; they stay open while one does. At a desk they show."""
    from playwright.sync_api import expect

    with open_browser(chromium_path) as browser:
        with new_page(browser, **PHONE_CONTEXT) as page:
            sign_in(page, live_server.url, "ldldtp.canbo")
            page.goto(live_server.url + "/hoat-dong/")
            kind = page.get_by_label("Loại hoạt động")
            expect(kind).to_be_hidden()
            first_card = page.locator("#results tbody tr").first
            assert first_card.evaluate("row => row.getBoundingClientRect().top") < PHONE["height"]
            page.get_by_role("button", name="Bộ lọc").click()
            expect(kind).to_be_visible()
            kind.select_option(index=1)
            expect(page).to_have_url(re.compile(r"kind=\w+"))
            chosen = kind.input_value()
            page.reload()
            expect(page.get_by_role("button", name="Bộ lọc (1 đang chọn)")).to_be_visible()
            expect(page.get_by_label("Loại hoạt động")).to_have_value(chosen)
        with new_page(browser, viewport=DESK) as page:
            sign_in(page, live_server.url, "ldldtp.canbo")
            page.goto(live_server.url + "/hoat-dong/")
            expect(page.get_by_label("Loại hoạt động")).to_be_visible()
            expect(page.get_by_role("button", name="Bộ lọc")).to_be_hidden()


def test_without_javascript_a_lists_titles_are_readable_on_a_390px_phone(
    live_server: Any, demo_data: None, chromium_path: str
) -> None:
    """Without JavaScript a list stays a table that scrolls sideways on a phone, its filter boxes all shown; its record
    titles keep a readable width (11rem) instead of a word a line beside a date column made wide by its ranges, which
    wrap at their dash."""
    from playwright.sync_api import expect

    with open_page(chromium_path, java_script_enabled=False, **PHONE_CONTEXT) as page:
        page.goto(live_server.url + "/tai-khoan/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill("ldldtp.canbo")
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        for path in ("/hoat-dong/", "/kiem-tra-giam-sat/", "/thanh-lap-to-chuc/"):
            page.goto(live_server.url + path)
            titles = page.locator("#results tbody tr td:has(> a:first-child)")
            expect(titles.first).to_be_visible()
            assert page.locator("main table.table-cards").count() == 0, path
            # Every filter box shows: nothing could open them.
            expect(page.locator("#filter-boxes select").first).to_be_visible()
            expect(page.locator("button.filter-toggle")).to_be_hidden()
            widths = titles.evaluate_all("cells => cells.map(cell => cell.getBoundingClientRect().width)")
            assert min(widths) >= 176, (path, min(widths))
        page.goto(live_server.url + "/hoat-dong/")
        ranges = page.locator("#results tbody td", has_text=" – ").first
        assert ranges.evaluate("cell => getComputedStyle(cell).whiteSpace") == "normal"

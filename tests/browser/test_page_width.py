"""No page a user reaches from the menu is wider than the window, at a desk (1280 px) or on a phone (390 px): nobody
pans a whole page sideways to read it. A table wider than a phone scrolls inside its own box (app.css), never the
page. Walked in Chromium over the demo data, for people of several roles: every link of the menu, the first record of
every list one click deeper and, for some, where the buttons of those pages lead (forms, approval, imports), each at
both widths; each page must also answer 200 and log no error to the console. Every failure is collected and reported
at once, each naming the page, the width and what sticks out."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import DESK, PHONE, PHONE_CONTEXT, new_page, open_browser, sign_in

pytestmark = pytest.mark.browser

# The administrator, a union leader (reads workers' cases), a union officer, the Party committee's secretariat (reads
# every body's records) and a viewer: the same menu today, but other rows in it, other first records, other buttons.
USERNAMES = ["quantri", "ldldtp.lanhdao", "ldldtp.canbo", "bdvtu.thuky", "bdvtu.xem"]
# People whose walk also opens the pages the buttons of those pages lead to (forms, approval, rules, imports, a
# record's edit page): the administrator sees every such button, the union leader the approval and sign-off ones.
BUTTON_USERS = ("quantri", "ldldtp.lanhdao")
# Addresses that are not pages to read: files, exports, the API, the Django admin, deletes, signing out.
NOT_PAGES = ("/dang-xuat", "/xuat", "/tai-ve", "/mau/", "/tep/", ".xlsx", ".docx", ".pdf", "/api/", "/admin/", "/xoa")
# A bound per person on the walk's cost: the menu, the cases' tabs and the lists' first records are 45 to 47 pages
# today, and the buttons' pages about 60 more. Past it the test fails rather than leave pages out unnoticed.
MAX_PAGES = 140

# What sticks out past the right edge of the window: the outermost such elements (their parent still fits), the
# furthest first, each with the widest element inside it (usually the cause: a text-nowrap cell). An element whose
# own text runs out of its box (a nowrap line, a long word) counts as reaching as far as its text. Anything inside a
# box that scrolls or clips sideways by itself (.table-responsive, `main .table` on a phone) does not widen the page
# and is left out.
STICKING_OUT = """(limit) => {
  const clips = el => getComputedStyle(el).overflowX !== 'visible';
  const clipped = el => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) if (clips(box)) return true;
    return false;
  };
  const name = el => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).filter(Boolean) : [];
    const text = (el.innerText || el.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes.map(c => '.' + c).join('')
      + (text ? ' "' + text + '"' : '');
  };
  const box = el => el.getBoundingClientRect();
  const reach = new Map();
  for (const el of document.querySelectorAll('body *')) {
    if (box(el).width > 0 && box(el).right > limit + 1 && !clipped(el)) reach.set(el, box(el).right);
  }
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || clips(el) || clipped(el)) continue;
    range.selectNodeContents(node);
    const right = range.getBoundingClientRect().right;
    if (right > limit + 1 && right > (reach.get(el) || 0)) reach.set(el, right);
  }
  return [...reach.keys()].filter(el => !reach.has(el.parentElement)).sort((a, b) => reach.get(b) - reach.get(a))
    .slice(0, 5).map(el => {
      let widest = null;
      for (const inner of el.querySelectorAll(':not(thead, tbody, tfoot, tr)')) {
        // The last of equally wide ones: a column's cells rather than its heading.
        if (box(inner).width > 0 && (!widest || box(inner).width >= box(widest).width)) widest = inner;
      }
      return name(el) + ' reaches ' + Math.round(reach.get(el)) + ' px'
        + (widest ? ' (widest inside: ' + name(widest) + ', ' + Math.round(box(widest).width) + ' px)' : '');
    });
}"""


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


@pytest.fixture
def not_pages() -> tuple[str, ...]:
    """Read before the browser starts: the admin's address is a setting."""
    from django.conf import settings

    return (*NOT_PAGES, "/" + settings.PHOIHOP_ADMIN_URL)


@pytest.fixture
def widest_records(demo_data: None) -> list[str]:
    """Records the first row of their list may not show at their widest: the enterprise whose findings table holds
    the longest inspection title (a title kept on one line once stretched that page past 1280 px). Read before the
    browser starts: no database call from inside Playwright's event loop."""
    from django.db.models.functions import Length

    from phoihop.oversight.models import Finding

    finding = Finding.objects.select_related("enterprise").order_by(Length("inspection__title").desc(), "pk")[0]
    return [finding.enterprise.get_absolute_url()]


class Walk:
    """One person's pages at one width: what went wrong on each, and the console errors of them all."""

    def __init__(self, page: Any, base: str, label: str, not_pages: tuple[str, ...]) -> None:
        self.page, self.base, self.label, self.not_pages = page, base, label, not_pages
        self.problems: list[str] = []
        self.console: list[str] = []
        self.current = "(signing in)"
        self.follow_buttons = False
        page.on("console", lambda message: self.log(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.log(str(error)))

    def log(self, text: str) -> None:
        self.console.append(f"{self.label} {self.current}: {text}")

    def our_page(self, href: str | None) -> str | None:
        """The path and query of a link to a page of this site, or None for anything else."""
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            return None
        address = urlsplit(urljoin(self.page.url, href))
        if f"{address.scheme}://{address.netloc}" != self.base or any(part in address.path for part in self.not_pages):
            return None
        return address.path + (f"?{address.query}" if address.query else "")

    def links(self, selector: str) -> list[str]:
        hrefs = self.page.eval_on_selector_all(selector, "links => links.map(a => a.getAttribute('href'))")
        return list(dict.fromkeys(path for href in hrefs if (path := self.our_page(href))))

    def buttons(self) -> list[str]:
        """Where the buttons of the page lead, for a walk that follows them."""
        return self.links("main a.btn[href]") if self.follow_buttons else []

    def first_record(self, list_path: str) -> list[str]:
        """The first record of the list on the page: the first link in its table's rows (`#results`, or the tables
        of a list without a filter form: plans, reports, bodies), preferring one under the list's own address (a
        warning's, not its enterprise's)."""
        has_results = self.page.locator("#results").count() > 0
        rows = self.links("#results tr:has(td) a[href]" if has_results else "main tr:has(td) a[href]")
        own = urlsplit(list_path).path
        records = [path for path in rows if path.startswith(own) and urlsplit(path).path != own]
        return (records or rows)[:1]

    def visit(self, path: str, width: int) -> bool:
        """Open the page and note what is wrong with it; True when it opened."""
        from playwright.sync_api import Error

        self.current = path
        where = f"{self.label} {path}"
        try:
            response = self.page.goto(self.base + path)
            # The home page's cards fill themselves after the page has loaded (htmx): measure once they have.
            self.page.wait_for_function("() => !document.querySelector('.htmx-request')")
        except Error as error:
            self.problems.append(f"{where}: did not open ({str(error).splitlines()[0]})")
            return False
        if response is None or response.status != 200:
            self.problems.append(f"{where}: HTTP {response.status if response else 'no answer'}")
        # Against the window's width less any scrollbar (clientWidth), never innerWidth: on a phone (is_mobile)
        # Chromium zooms out of a page wider than the screen and innerWidth grows with it (1560 px for a 7000 px
        # line on a 390 px phone), so the overflow would measure itself away.
        page_width, client_width = self.page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        window_width = min(client_width, width)
        if page_width > window_width + 1:
            culprits = self.page.evaluate(STICKING_OUT, window_width)
            self.problems.append(
                f"{where}: {page_width} px wide in a {window_width} px window; sticking out: "
                + ("; ".join(culprits) or "nothing found (an element outside <body>?)")
            )
        return True


def test_no_page_of_the_menu_or_a_lists_first_record_is_wider_than_a_desk_or_a_phone(
    live_server: Any, widest_records: list[str], chromium_path: str, not_pages: tuple[str, ...]
) -> None:
    base = live_server.url
    problems: list[str] = []
    console: list[str] = []
    visited: dict[str, int] = {}
    started = time.monotonic()
    with open_browser(chromium_path) as browser:
        for username in USERNAMES:
            # At a desk: the menu's pages, the tabs of a section (the cases') as they appear, and while on each list
            # its first record.
            with new_page(browser, viewport=DESK) as page:
                desk = Walk(page, base, f"[{username} {DESK['width']}px]", not_pages)
                desk.follow_buttons = username in BUTTON_USERS
                sign_in(page, base, username)
                menu = desk.links("nav a[href]")
                assert len(menu) >= 5, f"{username}: {menu}"
                pages = list(menu)
                records: list[str] = []
                buttons: list[str] = []
                position = 0
                while position < len(pages):
                    path = pages[position]
                    position += 1
                    if desk.visit(path, DESK["width"]):
                        pages += [tab for tab in desk.links("main .nav-tabs a[href]") if tab not in pages]
                        records += desk.first_record(path)
                        buttons += desk.buttons()
                records = [path for path in dict.fromkeys(records + widest_records) if path not in pages]
                for path in records:
                    if desk.visit(path, DESK["width"]):
                        buttons += desk.buttons()
                buttons = [path for path in dict.fromkeys(buttons) if path not in pages and path not in records]
                for path in buttons:
                    desk.visit(path, DESK["width"])
                records += buttons
                assert len(pages) + len(records) <= MAX_PAGES, f"{username}: more than {MAX_PAGES} pages"
            # On a phone: the same pages (the menu folds behind its toggle but holds the same links).
            with new_page(browser, **PHONE_CONTEXT) as page:
                phone = Walk(page, base, f"[{username} {PHONE['width']}px]", not_pages)
                sign_in(page, base, username)
                assert phone.links("nav a[href]") == menu
                for path in pages + records:
                    phone.visit(path, PHONE["width"])
            visited[username] = len(pages) + len(records)
            problems += desk.problems + phone.problems
            console += desk.console + phone.console
    loads = 2 * sum(visited.values())
    print(f"\npages per person, at each width: {visited}; {loads} page loads in {time.monotonic() - started:.0f} s")
    report = []
    if problems:
        report += ["Pages wider than the window, or not answered with 200:", *problems]
    if console:
        report += ["Errors in the browser's console:", *console]
    assert not report, "\n".join(report)

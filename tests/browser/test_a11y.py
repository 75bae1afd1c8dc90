"""WCAG 2.2 AA, measured: axe-core (vendored under tests/browser/vendor/, a test dependency the app never serves)
is injected by Playwright into every page of a leader's menu and into the public question form, and must find no
violation of the WCAG 2.x A/AA rules. The navbar's keyboard focus must be visible (an outline of another colour
than the navbar), and the menu toggles are real buttons that open with Space."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import PHONE, console_errors, sign_in

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


def violations(page: Any) -> list[str]:
    # Through the DevTools protocol, not a <script> tag: the app's CSP (rightly) refuses inline scripts.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    found = page.evaluate(
        """async (tags) => {
          const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
          return result.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')
            + ' ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('')).join(' | '));
        }""",
        WCAG_TAGS,
    )
    return list(found)


@pytest.fixture
def reached(demo_data: None) -> list[str]:
    """Pages reached from the home cards, and the zone and enterprise pages with their charts and timeline (read
    before the browser starts: the ORM does not run inside Playwright's event loop)."""
    from phoihop.directory.models import Enterprise, Zone

    return [
        "/ke-hoach/qua-han/",
        Enterprise.objects.get(name="Công ty TNHH Nội thất gỗ Phú An").get_absolute_url(),
        Zone.objects.get(name="Khu kinh tế Đình Vũ - Cát Hải").get_absolute_url() + "?year=2023",
    ]


def test_every_menu_page_and_the_public_form_pass_axe(live_server: Any, reached: list[str], browser_page: Any) -> None:
    page = browser_page
    base = live_server.url
    page.goto(base + "/hoi-dap/")
    found = {"/hoi-dap/": violations(page)}
    sign_in(page, base, "ldldtp.lanhdao")
    links = page.eval_on_selector_all("#mainnav a[href^='/']", "links => links.map(a => a.getAttribute('href'))")
    pages = list(dict.fromkeys(["/", *links, *reached]))
    assert len(pages) >= 13
    for path in pages:
        response = page.goto(base + path)
        assert response is not None
        assert response.status == 200, path
        found[path] = violations(page)
    # Again at a phone's width: tables read as cards, filter boxes folded behind "Bộ lọc" (js/phone.js).
    page.set_viewport_size(PHONE)
    for path in pages:
        page.goto(base + path)
        found[f"{path} ({PHONE['width']} px)"] = violations(page)
    assert {path: v for path, v in found.items() if v} == {}


def test_navbar_focus_is_visible_and_menu_toggles_open_with_space(
    live_server: Any, demo_data: None, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    base = live_server.url
    sign_in(page, base, "ldldtp.lanhdao")
    # The first Tab lands on the skip link; it leads to the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Bỏ qua menu, đến nội dung chính"
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    style = page.evaluate(
        """() => { const el = document.activeElement; const s = getComputedStyle(el);
          const nav = getComputedStyle(document.querySelector('nav.navbar'));
          return {inNav: !!el.closest('nav.navbar'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                  colour: s.outlineColor, navColour: nav.backgroundColor}; }"""
    )
    page.screenshot(path=str(tmp_path / "navbar-focus.png"))
    assert style["inNav"]
    assert style["outline"] == "solid"
    assert style["width"] >= 2
    assert style["colour"] != style["navColour"]
    # A dropdown toggle is a <button>: Space opens its menu.
    toggle = page.locator("#mainnav button.dropdown-toggle").first
    toggle.focus()
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"


@pytest.fixture
def members_target_pk(demo_data: None) -> int:
    """Read before the browser starts: no database call from inside Playwright's event loop."""
    from phoihop.indicators.models import Target

    zone_union = "Công đoàn Khu kinh tế"
    return Target.objects.get(plan__year=2023, indicator__code="CD-PTDV", agency__name__startswith=zone_union).pk


def test_indicator_chart_draws_under_the_csp_and_passes_axe(
    live_server: Any, members_target_pk: int, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    errors = console_errors(page)
    sign_in(page, live_server.url, "ldldtp.lanhdao")
    page.goto(live_server.url + target_url(members_target_pk))
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => c.dataset.drawn === '1').length === 2"
    )
    page.screenshot(path=str(tmp_path / "indicator-chart.png"), full_page=True)
    assert errors == []
    page.get_by_text("Bảng số liệu của biểu đồ").first.click()
    assert page.locator("table.chart-table").first.is_visible()
    assert violations(page) == []


def target_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("indicators:target_progress", args=[pk])


@pytest.fixture
def dinh_vu_zone_url(demo_data: None) -> str:
    """Read before the browser starts: no database call from inside Playwright's event loop."""
    from django.urls import reverse

    from phoihop.directory.models import Zone

    return reverse("directory:zone_detail", args=[Zone.objects.get(name="Khu kinh tế Đình Vũ - Cát Hải").pk])


def test_zone_page_charts_draw_pass_axe_and_fit_a_phone(
    live_server: Any, dinh_vu_zone_url: str, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    errors = console_errors(page)
    sign_in(page, live_server.url, "ldldtp.lanhdao")
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + dinh_vu_zone_url + "?year=2023")
        # Coverage, the zones compared and the year's cases by topic: every chart drawn.
        page.wait_for_function(
            "() => { const all = [...document.querySelectorAll('canvas[data-chart]')];"
            " return all.length === 3 && all.every(c => c.dataset.drawn === '1'); }"
        )
        page.screenshot(path=str(tmp_path / f"zone-{width}.png"), full_page=True)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        assert "Công đoàn cơ sở:" in page.locator(".chart-summary").first.inner_text()
    assert errors == []
    assert violations(page) == []


def test_case_statistics_charts_draw_under_the_csp_and_pass_axe(
    live_server: Any, demo_data: None, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    errors = console_errors(page)
    sign_in(page, live_server.url, "ldldtp.lanhdao")
    page.goto(live_server.url + "/vu-viec/tong-hop/?start=2023-01-01&end=2023-12-31&requester_kind=worker")
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => c.dataset.drawn === '1').length === 3"
    )
    page.screenshot(path=str(tmp_path / "case-charts.png"), full_page=True)
    assert "đúng hạn" in page.locator("#chart-cases-by-month-summary").inner_text()
    assert errors == []
    assert violations(page) == []


@pytest.fixture
def plan_2023_url(demo_data: None) -> str:
    """Read before the browser starts: no database call from inside Playwright's event loop."""
    from django.urls import reverse

    from phoihop.planning.models import Plan

    return reverse("planning:plan_detail", args=[Plan.objects.get(year=2023).pk])


def test_plan_page_charts_draw_and_pass_axe(
    live_server: Any, plan_2023_url: str, browser_page: Any, tmp_path: Path
) -> None:
    page = browser_page
    errors = console_errors(page)
    sign_in(page, live_server.url, "ldldtp.lanhdao")
    page.goto(live_server.url + plan_2023_url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas[data-chart]')].filter(c => c.dataset.drawn === '1').length >= 2"
    )
    page.screenshot(path=str(tmp_path / "plan-charts.png"), full_page=True)
    assert "nội dung: hoàn thành" in page.locator("#plan-standing-heading + p").inner_text()
    assert errors == []
    assert violations(page) == []

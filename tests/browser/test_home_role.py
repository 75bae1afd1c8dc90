"""A leader opening the system on a phone (390 px) or a laptop (1.366 px) sees the periods waiting for approval and
the late plan items without scrolling, and the page is never wider than the screen. Screenshots are kept under the
test's tmp_path (the test artefacts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import PHONE, open_page, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_data(committed_demo: LoadReport) -> None:
    """The demo, committed before the browser starts (tests/conftest.py)."""


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1366, 768)])
def test_leader_home_shows_approvals_and_late_items_above_the_fold(
    live_server: Any, demo_data: None, chromium_path: str, tmp_path: Path, width: int, height: int
) -> None:
    from playwright.sync_api import expect

    with open_page(chromium_path, viewport={"width": width, "height": height}) as page:
        sign_in(page, live_server.url, "ldldtp.lanhdao")
        page.screenshot(path=str(tmp_path / f"home-leader-{width}.png"))
        for title in ["Số liệu chờ phê duyệt", "Nhiệm vụ quá hạn"]:
            card = page.locator("a.home-card", has_text=title)
            expect(card).to_be_visible()
            box = card.bounding_box()
            assert box is not None
            assert box["y"] + box["height"] <= height, title
            assert box["x"] + box["width"] <= width, title
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width


def test_secretariat_home_loads_the_checker_card_after_the_page_and_opens_the_late_items_at_390(
    live_server: Any, demo_data: None, chromium_path: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    with open_page(chromium_path, timeout_ms=30_000, viewport=PHONE) as page:
        sign_in(page, live_server.url, "bdvtu.thuky")
        report_card = page.locator(".home-card", has_text="Báo cáo kết quả năm 2023")
        expect(report_card).to_contain_text("BQLKKT — Chưa xác nhận")
        checker = page.locator(".home-card", has_text="Lỗi trong dự thảo")
        expect(checker).to_contain_text("lưu ý")
        expect(checker.get_by_role("link", name="Xem kết quả kiểm tra")).to_be_visible()
        page.screenshot(path=str(tmp_path / "home-secretariat-390.png"), full_page=True)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
        page.locator("a.home-card", has_text="Nhiệm vụ quá hạn").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Nhiệm vụ đã quá thời hạn, chưa hoàn thành")
        page.screenshot(path=str(tmp_path / "late-items-390.png"), full_page=True)
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390

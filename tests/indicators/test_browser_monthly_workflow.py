"""The monthly workflow in Chromium, as officers meet it: an officer enters a value → submits the month → the
leader approves → returns it with a reason → the officer corrects the value and submits again. Every step goes
through htmx (hx-post, then HX-Location) and must land on a whole page: menu, title, the success message and the
new state — never a bare fragment swapped into the body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.planning.models import Plan
from tests.accounts.factories import TEST_PASSWORD
from tests.browser.pages import assert_whole_page, sign_in, sign_out
from tests.indicators.factories import IndicatorFactory, TargetFactory
from tests.planning.factories import PlanFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.browser


@dataclass
class Month:
    plan: Plan
    officer: str
    leader: str


@pytest.fixture
def month(transactional_db: None, bodies: Bodies) -> Month:
    """Built in the test's own thread before the browser starts; the live server's threads see it committed."""
    plan = PlanFactory(year=2023)
    members = IndicatorFactory(code="PTDV", name="Đoàn viên công đoàn phát triển mới", unit="đoàn viên")
    TargetFactory(indicator=members, plan=plan, agency=bodies.cdkkt, value=Decimal(21500))
    officer = bodies.user(Role.OFFICER, bodies.ldldtp, username="ld_canbo")
    leader = bodies.user(Role.LEADER, bodies.ldldtp, username="ld_lanhdao")
    return Month(plan=plan, officer=officer.username, leader=leader.username)


def choose_period(page: Any, label: str, key: str) -> None:
    """The period is a list of the plan's periods, or (older form) a text field taking the period's key."""
    field = page.get_by_label("Kỳ báo cáo")
    if field.evaluate("element => element.tagName") == "SELECT":
        field.select_option(label=label)
    else:
        field.fill(key)


def approval_row(page: Any) -> Any:
    return page.locator("#approval-rows tr").filter(has_text="Công đoàn Khu kinh tế").filter(has_text="Tháng 3/2023")


def test_officer_enters_submits_leader_approves_returns_officer_corrects_and_resubmits(
    live_server: Any, month: Month, browser_page: Any
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    base = live_server.url
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    # 1. The officer enters March's new members for the Economic Zone Union.
    sign_in(page, base, month.officer, TEST_PASSWORD)
    page.goto(f"{base}/so-lieu/?plan={month.plan.pk}")
    page.get_by_role("link", name="+ Nhập số liệu").click()
    page.get_by_label("Chỉ tiêu").select_option(label="PTDV — Đoàn viên công đoàn phát triển mới")
    page.get_by_label("Đơn vị báo cáo").select_option(label="Công đoàn Khu kinh tế Hải Phòng")
    choose_period(page, "Tháng 3/2023", "2023-03")
    page.get_by_label("Giá trị").fill("1060")
    page.get_by_role("button", name="Lưu").click()
    assert_whole_page(page, "Số liệu báo cáo", "Đã ghi số liệu")
    expect(page).to_have_url(re.compile(rf"/so-lieu/\?plan={month.plan.pk}$"))
    expect(page.locator("#results tbody tr").filter(has_text="Tháng 3/2023")).to_contain_text("1.060")

    # 2. …and submits the month for approval.
    page.get_by_role("link", name="Duyệt số liệu").click()
    approval_row(page).get_by_role("button", name="Gửi duyệt").click()
    assert_whole_page(page, "Duyệt số liệu", "Đã gửi duyệt số liệu Tháng 3/2023")
    expect(approval_row(page)).to_contain_text("Đã gửi duyệt")
    sign_out(page)

    # 3. The leader approves it: the month is locked.
    sign_in(page, base, month.leader, TEST_PASSWORD)
    page.goto(f"{base}/so-lieu/phe-duyet/?plan={month.plan.pk}")
    approval_row(page).get_by_role("button", name="Phê duyệt").click()
    assert_whole_page(page, "Duyệt số liệu", "Đã phê duyệt số liệu Tháng 3/2023")
    expect(approval_row(page)).to_contain_text("Đã phê duyệt")

    # 4. …then returns it with a reason, which unlocks it.
    approval_row(page).get_by_placeholder("Lý do trả lại").fill("Số tháng 3 chưa khớp sổ đoàn viên")
    approval_row(page).get_by_role("button", name="Trả lại").click()
    assert_whole_page(page, "Duyệt số liệu", "Đã trả lại số liệu Tháng 3/2023")
    expect(approval_row(page)).to_contain_text("Bị trả lại")
    expect(approval_row(page)).to_contain_text("Số tháng 3 chưa khớp sổ đoàn viên")
    sign_out(page)

    # 5. The officer corrects the value…
    sign_in(page, base, month.officer, TEST_PASSWORD)
    page.goto(f"{base}/so-lieu/?plan={month.plan.pk}")
    page.locator("#results").get_by_role("link", name="Tháng 3/2023").click()
    expect(page.get_by_text("Số tháng 3 chưa khớp sổ đoàn viên")).to_be_visible()
    page.get_by_role("link", name="Sửa").click()
    page.get_by_label("Giá trị").fill("1160")
    page.get_by_role("button", name="Lưu").click()
    assert_whole_page(page, "PTDV — CĐKKT — Tháng 3/2023", "Đã lưu thay đổi")
    expect(page.locator("dd").filter(has_text="1.160")).to_be_visible()

    # 6. …and submits the month again.
    page.goto(f"{base}/so-lieu/phe-duyet/?plan={month.plan.pk}")
    approval_row(page).get_by_role("button", name="Gửi duyệt").click()
    assert_whole_page(page, "Duyệt số liệu", "Đã gửi duyệt số liệu Tháng 3/2023")
    expect(approval_row(page)).to_contain_text("Đã gửi duyệt")
    assert failed == []

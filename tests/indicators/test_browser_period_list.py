"""In Chromium: choosing an indicator on the value form asks the server for its periods, and until they arrive the
period list is disabled, so a period picked meanwhile cannot be put back to "—" by a late answer. The answer is held
back on purpose (a slow server); the list is disabled while it waits, then enabled with the indicator's periods."""

from __future__ import annotations

from typing import Any

import pytest

from tests.accounts.factories import TEST_PASSWORD
from tests.browser.pages import sign_in
from tests.indicators.test_browser_monthly_workflow import Month, month  # noqa: F401

pytestmark = pytest.mark.browser


def test_the_period_list_waits_for_the_chosen_indicators_periods(
    live_server: Any,
    month: Month,  # noqa: F811
    browser_page: Any,
) -> None:
    from playwright.sync_api import Route, expect

    page = browser_page
    base = live_server.url
    sign_in(page, base, month.officer, TEST_PASSWORD)
    page.goto(f"{base}/so-lieu/?plan={month.plan.pk}")
    page.get_by_role("link", name="+ Nhập số liệu").click()
    period = page.get_by_label("Kỳ báo cáo")
    expect(period).to_be_enabled()

    held: list[Route] = []

    def hold(route: Route) -> None:
        if route.request.method == "GET" and route.request.headers.get("hx-request") == "true":
            held.append(route)  # the server's answer held back until the test lets it go
        else:
            route.continue_()

    page.route("**/so-lieu/them/**", hold)
    page.get_by_label("Chỉ tiêu").select_option(label="PTDV — Đoàn viên công đoàn phát triển mới")
    expect(period).to_be_disabled()
    # The route's handler runs when Playwright next reads the browser's events, which may come after the select was
    # disabled: wait for it (each wait reads them), at most five seconds.
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1
    held[0].continue_()
    expect(period).to_be_enabled()
    expect(period.locator("option", has_text="Tháng 3/2023")).to_have_count(1)

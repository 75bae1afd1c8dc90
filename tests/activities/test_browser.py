"""In Chromium: an officer records an activity with a partner body picked by typing, and its participant and output
rows, adding rows with htmx (no script of our own under the CSP), and finds it on the list and on the enterprise's
page."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.directory.choices import AgencyKind
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.browser.pages import console_errors, sign_in
from tests.directory.factories import AgencyFactory, EnterpriseFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def officer_data(transactional_db: None) -> dict[str, Any]:
    federation = AgencyFactory(
        short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION
    )
    AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng", kind=AgencyKind.STATE)
    enterprise = EnterpriseFactory(name="Công ty TNHH Maple", tax_code="0299000013")
    UserFactory(username="canbo.ldld", role=Role.OFFICER, agency=federation)
    return {"enterprise": enterprise}


def test_an_officer_records_an_activity_with_rows_added_by_htmx(
    live_server: Any,
    officer_data: dict[str, Any],
    browser_page: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    errors = console_errors(page)

    sign_in(page, live_server.url, "canbo.ldld", TEST_PASSWORD)
    page.goto(live_server.url + "/hoat-dong/them/")
    expect(page.get_by_role("heading", name="Ghi nhận hoạt động")).to_be_visible()

    page.get_by_label("Loại hoạt động").select_option("welfare_event")
    page.get_by_label("Tên hoạt động").fill("Chợ Tết Công đoàn 2023")
    page.get_by_label("Ngày bắt đầu").fill("2023-01-12")
    page.get_by_label("Ngày kết thúc").fill("2023-01-16")
    page.get_by_role("combobox", name="Doanh nghiệp tham gia").press_sequentially("0299000013")
    page.get_by_role("option", name="Công ty TNHH Maple").click()
    # The partner bodies: a picker searched without diacritics, like the enterprises and the plan items.
    page.get_by_role("combobox", name="Đơn vị phối hợp").press_sequentially("ban quan ly")
    page.get_by_role("listbox", name="Đơn vị phối hợp").get_by_role("option", name="Ban Quản lý Khu kinh tế").click()

    page.locator("#id_participants-0-group").select_option("workers")
    page.locator("#id_participants-0-count").fill("45000")
    page.locator("#id_participants-0-unit").select_option("person_times")
    page.locator("#id_participants-0-qualifier").select_option("over")
    page.get_by_role("button", name="+ Thêm dòng thành phần tham gia").click()
    page.locator("#id_participants-1-group").select_option("union_cadres")
    page.locator("#id_participants-1-count").fill("120")
    page.locator("#id_participants-1-unit").select_option("persons")
    expect(page.locator("#id_participants-TOTAL_FORMS")).to_have_value("2")

    page.get_by_role("button", name="+ Thêm dòng kết quả, sản phẩm").click()
    page.locator("#id_outputs-0-kind").select_option("booths")
    page.locator("#id_outputs-0-quantity").fill("200")
    page.locator("#id_outputs-0-qualifier").select_option("over")
    page.get_by_role("button", name="+ Thêm dòng kết quả, sản phẩm").click()
    page.locator("#id_outputs-1-kind").select_option("participating_units")
    page.locator("#id_outputs-1-quantity").fill("100")
    page.locator("#id_outputs-1-qualifier").select_option("nearly")
    expect(page.locator("#id_outputs-TOTAL_FORMS")).to_have_value("2")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Chợ Tết Công đoàn 2023")
    expect(page.locator("dt:has-text('Đơn vị phối hợp') + dd")).to_have_text("Ban Quản lý Khu kinh tế Hải Phòng")
    expect(page.locator("#participants-heading + table")).to_contain_text("trên 45.000 lượt người")
    expect(page.locator("#participants-heading + table")).to_contain_text("120 người")
    expect(page.locator("#outputs-heading + table")).to_contain_text("trên 200 gian hàng")
    expect(page.locator("#outputs-heading + table")).to_contain_text("gần 100 đơn vị")

    page.get_by_role("link", name="Công ty TNHH Maple").click()
    expect(page.get_by_role("heading", name="Hoạt động có doanh nghiệp tham gia")).to_be_visible()
    activities = page.locator("section[aria-labelledby='activities-heading']")
    expect(activities.get_by_role("link", name="Chợ Tết Công đoàn 2023")).to_be_visible()
    # The page's timeline lists it too, with its date and kind.
    timeline = page.locator("section[aria-labelledby='timeline-heading']")
    expect(timeline.get_by_role("link", name="Chợ Tết Công đoàn 2023")).to_be_visible()
    assert [text for text in errors if not text.startswith("Failed to load resource")] == []

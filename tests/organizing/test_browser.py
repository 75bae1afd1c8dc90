"""In Chromium: an officer records a founding by typing the enterprise's name without diacritics into the picker,
choosing it among the directory's suggestions, and sees the saved record with that enterprise."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.directory.choices import AgencyKind
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.browser.pages import console_errors, sign_in
from tests.directory.factories import AgencyFactory, EnterpriseFactory, ZoneFactory

pytestmark = pytest.mark.browser

DONG_HAI = "Công ty TNHH Đông Hải"


@pytest.fixture
def officer_data(transactional_db: None) -> None:
    federation = AgencyFactory(
        short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind=AgencyKind.UNION
    )
    EnterpriseFactory(name=DONG_HAI, tax_code="0299000021", zone=ZoneFactory(name="KCN Đình Vũ"))
    EnterpriseFactory(name="Công ty TNHH Hải Long", tax_code="0299000022")
    UserFactory(username="canbo.ldld", role=Role.OFFICER, agency=federation)


def test_an_officer_picks_an_enterprise_by_its_name_without_diacritics(
    live_server: Any,
    officer_data: None,
    browser_page: Any,
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    errors = console_errors(page)

    sign_in(page, live_server.url, "canbo.ldld", TEST_PASSWORD)
    page.goto(live_server.url + "/thanh-lap-to-chuc/them/")
    expect(page.get_by_role("heading", name="Ghi nhận thành lập tổ chức tại doanh nghiệp")).to_be_visible()

    page.get_by_label("Tổ chức được thành lập").select_option("grassroots_union")
    picker = page.get_by_role("combobox", name="Doanh nghiệp")
    picker.press_sequentially("dong hai")
    suggestion = page.get_by_role("option", name=DONG_HAI)
    expect(suggestion).to_be_visible()
    expect(suggestion).to_contain_text("MST 0299000021 · KCN Đình Vũ")
    expect(page.get_by_role("option", name="Công ty TNHH Hải Long")).to_have_count(0)
    suggestion.click()
    # What the form posts is the tax code, as when it is typed without JavaScript.
    expect(page.locator("#id_enterprise")).to_have_value("0299000021")
    page.get_by_label("Ngày thành lập").fill("2023-06-01")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(DONG_HAI)
    expect(page.get_by_role("link", name=DONG_HAI)).to_be_visible()
    assert [text for text in errors if not text.startswith("Failed to load resource")] == []

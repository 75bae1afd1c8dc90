"""The secretariat defines an indicator's record filter by choosing values in named fields: only the chosen record
kind's fields show, nothing reads "null" or JSON, and the saved indicator states its filter in words."""

from __future__ import annotations

import re
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.browser.pages import sign_in
from tests.directory.factories import AgencyFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def secretariat(transactional_db: None) -> None:
    UserFactory(username="thuky", role=Role.SECRETARIAT, agency=AgencyFactory(short_code="BDVTU", kind="party"))


def test_the_secretariat_filters_by_named_fields(live_server: Any, secretariat: None, browser_page: Any) -> None:
    from playwright.sync_api import expect

    page = browser_page
    sign_in(page, live_server.url, "thuky", TEST_PASSWORD)
    assert page.locator("link[rel=icon]").count() == 1

    page.goto(live_server.url + "/chi-tieu/them/")
    expect(page.get_by_role("heading", name="Điều kiện lọc bản ghi")).to_be_visible()
    expect(page.get_by_text("Khi đếm: Doanh nghiệp trong danh mục")).to_be_hidden()
    expect(page.get_by_text("Nâng cao")).to_have_count(0)

    page.get_by_label("Mã chỉ tiêu").fill("DN-FDI")
    page.get_by_label("Tên chỉ tiêu").fill("Doanh nghiệp có vốn nước ngoài")
    page.locator("#id_unit").fill("doanh nghiệp")
    page.get_by_label("Loại đơn vị").select_option("organisations")
    page.get_by_label("Cách tính").select_option("count_records")
    page.get_by_label("Loại bản ghi được đếm").select_option("directory.enterprise")
    expect(page.get_by_text("Khi đếm: Doanh nghiệp trong danh mục")).to_be_visible()
    expect(page.get_by_text("Khi đếm: Thành lập tổ chức tại doanh nghiệp")).to_be_hidden()
    page.locator("select[name='rf-directory-enterprise-ownership']").select_option(
        ["wholly_foreign", "foreign_invested"]
    )
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_text("Đã thêm chỉ tiêu")).to_be_visible()
    expect(page.locator("dl").get_by_text(re.compile(r"Loại hình sở hữu: .+,"))).to_be_visible()
    assert "ownership" not in page.locator("main").inner_text()
    assert "null" not in page.locator("main").inner_text()

"""The workforce pages in Chromium, as officers meet them: an officer fills a labour report on the form whose lowest
wage is below the regional minimum and submits it, a leader approves it and lands on the whole report page (menu,
title, message), and "Doanh nghiệp cần chú ý" shows the warning; at 390 px the list and the report page are no wider
than the screen; an officer adds a step and a support to an incident from its page and lands back on it whole,
the support on a phone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.browser.pages import assert_whole_page, sign_in, sign_out
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.workforce.factories import region_one

pytestmark = pytest.mark.browser


@dataclass
class Setup:
    officer: str
    leader: str
    enterprise: str
    tax_code: str


@pytest.fixture
def setup(transactional_db: None) -> Setup:
    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    officer = UserFactory(username="canbo.ldld", role=Role.OFFICER, agency=union)
    leader = UserFactory(username="lanhdao.ldld", role=Role.LEADER, agency=union)
    enterprise = EnterpriseFactory(
        owner_agency=union, name="Công ty TNHH Dệt may Minh Phát Hải Phòng", tax_code="0201234567"
    )
    region_one(enterprise.zone)  # region I: 4.680.000đ from 01/7/2022
    return Setup(officer.username, leader.username, enterprise.name, enterprise.tax_code)


def no_wider_than_viewport(page: Any) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url}: {width}px"


def test_officer_files_and_submits_leader_approves_warning_shows(
    live_server: Any, setup: Setup, browser_page: Any
) -> None:
    from playwright.sync_api import expect

    page = browser_page
    base = live_server.url
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    sign_in(page, base, setup.officer, TEST_PASSWORD)
    page.goto(f"{base}/tinh-hinh-lao-dong/bao-cao/them/")
    page.locator("#id_enterprise").fill(setup.tax_code)
    page.locator("#id_report_type").select_option(value="monthly")
    page.locator("#id_period_start").fill("2023-03-01")
    page.locator("#id_headcount").fill("300")
    page.locator("#id_lowest_wage").fill("4500000")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_role("status").filter(has_text="Đã thêm báo cáo")).to_be_visible()
    page.get_by_role("button", name="Gửi duyệt").click()
    expect(page.get_by_role("status").filter(has_text="Đã gửi duyệt báo cáo.")).to_be_visible()
    report_url = page.url
    sign_out(page)

    sign_in(page, base, setup.leader, TEST_PASSWORD)
    page.goto(report_url)
    title = page.title().removesuffix(" · Phối hợp")
    page.get_by_role("button", name="Phê duyệt").click()
    assert_whole_page(page, title, "Đã phê duyệt báo cáo.")
    expect(page.locator("main")).to_contain_text("Đã phê duyệt")

    page.goto(f"{base}/tinh-hinh-lao-dong/canh-bao/")
    expect(page).to_have_title("Doanh nghiệp cần chú ý · Phối hợp")
    expect(page.locator("main")).to_contain_text(setup.enterprise)
    expect(page.locator("main")).to_contain_text("4.500.000đ")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/tinh-hinh-lao-dong/bao-cao/")
    expect(page.locator("main")).to_contain_text(setup.enterprise)
    no_wider_than_viewport(page)
    page.goto(report_url)
    no_wider_than_viewport(page)
    assert failed == []


@pytest.fixture
def survey_path(transactional_db: None) -> str:
    import datetime as dt

    from phoihop.workforce.services import create_survey

    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    officer = UserFactory(username="canbo.khaosat", role=Role.OFFICER, agency=union)
    enterprise = EnterpriseFactory(name="Công ty TNHH Giày da Hoa Thịnh")
    survey = create_survey(
        actor=officer,
        data={
            "title": "Khảo sát việc làm, đời sống, tâm tư, nguyện vọng",
            "opens_on": dt.date(2020, 1, 1),
            "closes_on": dt.date(2099, 12, 31),
            "enterprises": [enterprise],
        },
        questions=[
            {"kind": "single", "text": "Anh/chị có hài lòng với bữa ăn giữa ca?", "options": ["Hài lòng", "Chưa"]},
            {"kind": "scale", "text": "Mức độ gắn bó với doanh nghiệp"},
            {"kind": "text", "text": "Ý kiến khác", "required": False},
        ],
    )
    return str(survey.public_path())


def test_a_worker_answers_the_public_survey_on_a_phone(live_server: Any, survey_path: str, browser_page: Any) -> None:
    from playwright.sync_api import expect

    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + survey_path)
    no_wider_than_viewport(page)
    page.locator("#id_enterprise").select_option(label="Công ty TNHH Giày da Hoa Thịnh")
    page.get_by_label("Hài lòng", exact=True).check()
    page.locator("fieldset").nth(1).locator("input").nth(3).check()
    page.get_by_role("button", name="Gửi phiếu").click()
    expect(page.get_by_role("status")).to_contain_text("Cảm ơn anh/chị đã trả lời")
    no_wider_than_viewport(page)


@pytest.fixture
def incident_path(transactional_db: None) -> tuple[str, str]:
    import datetime as dt

    from tests.workforce.factories import IncidentFactory

    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    officer = UserFactory(username="canbo.vuviec", role=Role.OFFICER, agency=union)
    enterprise = EnterpriseFactory(owner_agency=union, name="Công ty TNHH May mặc Thành Đạt")
    incident = IncidentFactory(
        enterprise=enterprise, owner_agency=union, kind="absconding", started_on=dt.date(2023, 8, 14)
    )
    return officer.username, incident.get_absolute_url()


def test_officer_adds_a_step_and_a_support_from_the_incident_page(
    live_server: Any, incident_path: tuple[str, str], browser_page: Any
) -> None:
    """From the incident page through the add forms, each time back on the whole incident page with its message;
    the support is added on a phone (390 px), where the page is no wider than the screen."""
    from playwright.sync_api import expect

    page = browser_page
    username, path = incident_path
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    sign_in(page, live_server.url, username, TEST_PASSWORD)
    page.goto(live_server.url + path)
    title = page.title().removesuffix(" · Phối hợp")

    page.get_by_role("link", name="+ Thêm bước").click()
    page.locator("#id_date").fill("2023-08-15")
    page.locator("#id_description").fill("Họp liên ngành, kiểm đếm tài sản của doanh nghiệp")
    page.get_by_role("button", name="Lưu").click()
    assert_whole_page(page, title, "Đã thêm bước xử lý.")
    expect(page.locator("#steps-heading + table, section[aria-labelledby=steps-heading]")).to_contain_text(
        "kiểm đếm tài sản"
    )

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="+ Thêm hỗ trợ").click()
    no_wider_than_viewport(page)
    page.locator("#id_kind").select_option(value="money")
    page.locator("#id_given_on").fill("2023-08-20")
    page.locator("#id_people").fill("230")
    page.locator("#id_amount").fill("230000000")
    page.get_by_role("button", name="Lưu").click()
    # The whole page on a phone: its title, the collapsed menu's button, the message.
    expect(page).to_have_title(f"{title} · Phối hợp")
    expect(page.get_by_role("button", name="Mở menu")).to_be_visible()
    expect(page.locator("body > main")).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="Đã thêm hỗ trợ người lao động.")).to_be_visible()
    supports = page.locator("section[aria-labelledby=supports-heading]")
    expect(supports).to_contain_text("230.000.000đ")
    expect(supports.get_by_role("link", name="Sửa")).to_be_visible()
    assert page.url == live_server.url + path
    no_wider_than_viewport(page)
    assert failed == []

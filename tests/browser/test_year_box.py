"""In Chromium, on the five lists whose filter form has a year box (inspections, good practices, labour reports,
incidents, housing projects): a reader types a year into the box and moves on, pressing no button, and the list
shows that year's records only, the address says the year (htmx pushes it to the history), and the page stays
whole around the swapped rows — menu, title, heading. Typing the other year swaps again; reloading the address
shows the same rows on a whole page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from phoihop.accounts.choices import Role
from phoihop.directory.models import Agency
from tests.accounts.factories import TEST_PASSWORD, UserFactory
from tests.browser.pages import assert_whole_page, console_errors, sign_in
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.housing.factories import MilestoneFactory, ProjectFactory
from tests.oversight.factories import InspectionFactory
from tests.practices.factories import PracticeFactory
from tests.workforce.factories import IncidentFactory, LabourReportFactory

pytestmark = pytest.mark.browser

READER = "canbo.ldld"


def inspection(agency: Agency, year: int, name: str) -> None:
    InspectionFactory(title=name, owner_agency=agency, start_date=dt.date(year, 6, 5), end_date=dt.date(year, 6, 30))


def practice(agency: Agency, year: int, name: str) -> None:
    PracticeFactory(title=name, owner_agency=agency, year=year)


def labour_report(agency: Agency, year: int, name: str) -> None:
    LabourReportFactory(
        enterprise=EnterpriseFactory(name=name),
        owner_agency=agency,
        period_start=dt.date(year, 3, 1),
        period_end=dt.date(year, 3, 31),
    )


def incident(agency: Agency, year: int, name: str) -> None:
    IncidentFactory(enterprise=EnterpriseFactory(name=name), owner_agency=agency, started_on=dt.date(year, 5, 4))


def housing_project(agency: Agency, year: int, name: str) -> None:
    """A project whose groundbreaking fell in `year` (the housing list's box is the year of a milestone)."""
    MilestoneFactory(project=ProjectFactory(name=name, owner_agency=agency), date=dt.date(year, 5, 1))


@dataclass(frozen=True)
class YearList:
    url_name: str
    box: str  # the year box's label
    field: str  # its name in the address
    make: Callable[[Agency, int, str], None]  # one record of that year, shown on the list by that name
    names: dict[int, str]


LISTS = [
    YearList(
        "oversight:inspection_list",
        "Năm",
        "year",
        inspection,
        {
            2022: "Giám sát thực hiện chính sách tiền lương tại Công ty TNHH Hải Âu",
            2023: "Kiểm tra an toàn, vệ sinh lao động tại Công ty TNHH Bình Minh",
        },
    ),
    YearList(
        "practices:practice_list",
        "Năm",
        "year",
        practice,
        {2022: "Mô hình “Bữa cơm ca đủ chất”", 2023: "Mô hình “Nhà trọ công nhân an toàn”"},
    ),
    YearList(
        "workforce:report_list",
        "Năm",
        "year",
        labour_report,
        {2022: "Công ty TNHH Dệt may Hải Âu", 2023: "Công ty TNHH Điện tử Bình Minh"},
    ),
    YearList(
        "workforce:incident_list",
        "Năm",
        "year",
        incident,
        {2022: "Công ty TNHH Giày da Hải Âu", 2023: "Công ty TNHH Cơ khí Bình Minh"},
    ),
    YearList(
        "housing:project_list",
        "Năm của mốc",
        "milestone_year",
        housing_project,
        {2022: "Nhà ở xã hội An Đồng", 2023: "Thiết chế công đoàn Tràng Duệ"},
    ),
]


@pytest.fixture
def year_list(request: pytest.FixtureRequest, transactional_db: None) -> YearList:
    """The list's two records, one a year, and a reader, committed before the browser starts."""
    case: YearList = request.param
    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố Hải Phòng", kind="union")
    UserFactory(username=READER, role=Role.OFFICER, agency=union)
    for year, name in case.names.items():
        case.make(union, year, name)
    return case


@pytest.mark.parametrize("year_list", LISTS, indirect=True, ids=[case.url_name for case in LISTS])
def test_typing_a_year_in_the_box_narrows_the_list_to_that_year(
    live_server: Any, year_list: YearList, browser_page: Any
) -> None:
    from django.urls import reverse
    from playwright.sync_api import expect

    page = browser_page
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    errors = console_errors(page)
    sign_in(page, live_server.url, READER, TEST_PASSWORD)
    page.goto(live_server.url + reverse(year_list.url_name))
    title = page.title().removesuffix(" · Phối hợp")
    heading = page.get_by_role("heading", level=1).inner_text()
    rows = page.locator("#results tbody tr")
    expect(rows).to_have_count(2)
    box = page.get_by_label(year_list.box, exact=True)

    def shows_only(year: int) -> None:
        """The year's record alone, in the whole page: menu, title, heading, the box still saying the year."""
        (other,) = (name for shown, name in year_list.names.items() if shown != year)
        expect(rows).to_have_count(1)
        expect(page.locator("[id=results]")).to_have_count(1)  # the rows replace the old ones, not nest inside them
        expect(rows).to_contain_text(year_list.names[year])
        expect(rows.filter(has_text=other)).to_have_count(0)
        assert_whole_page(page, title)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        expect(box).to_have_value(str(year))

    for year in year_list.names:
        box.fill(str(year))
        box.press("Tab")  # leaving the box is what changes it: no button, no Enter
        expect(page).to_have_url(re.compile(rf"\?(.*&)?{year_list.field}={year}(&|$)"))
        shows_only(year)

    # Into the record and Back: the list as it was left, a whole page, not the fragment fetched for that address.
    rows.get_by_role("link").first.click()
    expect(page).not_to_have_url(re.compile(year_list.field))
    page.go_back()
    shows_only(2023)
    # The address pushed is the list itself: opened afresh, the same rows.
    page.reload()
    shows_only(2023)
    assert failed == []
    assert errors == []

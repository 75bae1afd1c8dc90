"""The demo foundings of part I.5 and footnote 4, and the 2023 plan's indicators that count them: "22/22",
"09/09", "03" — computed from the records, so one more founding shows at once."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.accounts.models import User
from phoihop.core.vnformat import format_count, format_fraction
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Agency
from phoihop.directory.selectors import agency_scopes
from phoihop.indicators.progress import IndicatorProgress, compute_plan_progress
from phoihop.organizing.models import Founding
from phoihop.organizing.services import create_founding
from phoihop.planning.models import Plan
from tests.demo.seed import FOOTNOTE_4
from tests.directory.factories import EnterpriseFactory


@pytest.fixture(scope="module")
def demo(whole_demo: LoadReport) -> LoadReport:
    return whole_demo


def lines() -> dict[str, IndicatorProgress]:
    progress = compute_plan_progress(Plan.objects.get(year=2023), scopes=agency_scopes(), check_rules=False)
    return {line.code: line for line in progress.lines}


def as_report(line: IndicatorProgress) -> str:
    assert line.actual is not None
    if line.target is None:
        return format_count(int(line.actual))
    return format_fraction(line.actual, line.target, pad=2)


@pytest.mark.usefixtures("db")
def test_the_indicators_give_the_seed_figures(demo: LoadReport) -> None:
    figures = lines()
    assert as_report(figures["TL-CDCS-MOI"]) == "22/22"
    assert figures["TL-CDCS-MOI"].ratio_text == "100%"
    assert figures["TL-CDCS-MOI"].agency_name == "Công đoàn Khu kinh tế Hải Phòng"
    assert as_report(figures["TL-TCD-DN-100-NN"]) == "09/09"
    assert as_report(figures["TL-TO-CHUC-DOAN"]) == "03"


@pytest.mark.usefixtures("db")
def test_the_records_behind_the_figures(demo: LoadReport) -> None:
    cells = Founding.objects.filter(kind="party_cell").select_related("enterprise", "owner_agency")
    assert sorted(c.enterprise.name for c in cells) == sorted(FOOTNOTE_4)
    assert {c.owner_agency.short_code for c in cells} == {"ĐUKKT"}
    assert {c.enterprise.ownership for c in cells} == {"wholly_foreign"}
    assert "Chi bộ Công ty TNHH Maple" in {str(c) for c in cells}
    unions = Founding.objects.filter(kind="grassroots_union").select_related("enterprise__zone", "owner_agency")
    assert unions.count() == 22
    assert {u.owner_agency.short_code for u in unions} == {"CĐKKT"}
    assert all(u.enterprise.tax_code.startswith("0299") and u.enterprise.zone is not None for u in unions)
    assert Founding.objects.filter(kind="youth_union", owner_agency__short_code="ĐTNKKT").count() == 3
    for founding in Founding.objects.prefetch_related("plan_items__plan"):
        assert founding.founded_on.year == 2023
        assert [item.plan.year for item in founding.plan_items.all()] == [2023]


@pytest.mark.usefixtures("db")
def test_one_more_union_shows_at_once_as_23_of_22(demo: LoadReport) -> None:
    admin = User.objects.get(username="quantri")
    enterprise = EnterpriseFactory(name="Công ty TNHH Mới Thành Lập", tax_code="0299000099")
    create_founding(
        actor=admin,
        owner_agency=Agency.objects.get(short_code="CĐKKT"),
        data={"kind": "grassroots_union", "enterprise": enterprise, "founded_on": dt.date(2023, 12, 20)},
    )
    line = lines()["TL-CDCS-MOI"]
    assert as_report(line) == "23/22"
    assert line.ratio_text == "104,5%"


@pytest.mark.usefixtures("db")
def test_a_founding_outside_the_plan_year_does_not_count(demo: LoadReport) -> None:
    admin = User.objects.get(username="quantri")
    create_founding(
        actor=admin,
        owner_agency=Agency.objects.get(short_code="CĐKKT"),
        data={
            "kind": "grassroots_union",
            "enterprise": EnterpriseFactory(tax_code="0299000098"),
            "founded_on": dt.date(2024, 1, 5),
        },
    )
    assert as_report(lines()["TL-CDCS-MOI"]) == "22/22"

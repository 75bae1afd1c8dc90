from __future__ import annotations

from decimal import Decimal

import pytest

from phoihop.accounts.choices import Role
from phoihop.indicators.models import Indicator, Target, ValidationRule
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory, ValidationRuleFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def test_pages_open(client_for, secretariat, ld_officer, plan: Plan, bodies: Bodies, members, members_target) -> None:  # type: ignore[no-untyped-def]
    value = ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, value=1720)
    rule = ValidationRuleFactory()
    keeper = client_for(secretariat)
    for url in [
        "/chi-tieu/",
        "/chi-tieu/them/",
        f"/chi-tieu/{members.pk}/",
        f"/chi-tieu/{members.pk}/sua/",
        f"/chi-tieu/ke-hoach/{plan.pk}/them/",
        f"/chi-tieu/ke-hoach/chi-tieu/{members_target.pk}/sua/",
        f"/chi-tieu/tien-do/{members_target.pk}/",
        "/chi-tieu/quy-tac/",
        "/chi-tieu/quy-tac/them/",
        f"/chi-tieu/quy-tac/{rule.pk}/sua/",
        f"/so-lieu/?plan={plan.pk}",
        f"/so-lieu/phe-duyet/?plan={plan.pk}",
        f"/so-lieu/{value.pk}/",
    ]:
        assert keeper.get(url).status_code == 200, url
    officer = client_for(ld_officer)
    for url in [
        f"/so-lieu/them/?plan={plan.pk}",
        f"/so-lieu/nhap-tep/?plan={plan.pk}",
        f"/so-lieu/{value.pk}/sua/",
        f"/so-lieu/{value.pk}/xoa/",
        f"/chi-tieu/tien-do/{members_target.pk}/",
    ]:
        assert officer.get(url).status_code == 200, url
    for url in ["/chi-tieu/them/", f"/chi-tieu/ke-hoach/{plan.pk}/them/", "/chi-tieu/quy-tac/them/"]:
        assert officer.get(url).status_code == 403, url


def test_drill_down_lists_the_rows_and_is_shared_with_other_bodies(  # type: ignore[no-untyped-def]
    client_for, ld_officer, plan: Plan, bodies: Bodies, members, members_target
) -> None:
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, value=13000)
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, value=297, period=Period.month(2023, 4))
    page = client_for(ld_officer).get(f"/chi-tieu/tien-do/{members_target.pk}/").content.decode()
    assert "13.297/21.500" in page
    assert "61,8%" in page
    assert "13.000" in page
    assert "297" in page
    assert "Tháng 3/2023" in page
    # The programme is joint: another body's officer reads the same line and the rows it is made of.
    other = client_for(bodies.user(Role.OFFICER, bodies.bqlkkt))
    shared = other.get(f"/chi-tieu/tien-do/{members_target.pk}/")
    assert shared.status_code == 200
    assert "13.297/21.500" in shared.content.decode()
    api = other.get(f"/api/v1/indicators/targets/{members_target.pk}/progress")
    assert api.status_code == 200
    assert [row["value"] for row in api.json()["provenance"]] == ["13000.00", "297.00"]


def test_progress_api_gives_the_figures_and_rows(
    api_for, secretariat, plan: Plan, bodies: Bodies, members, members_target
) -> None:  # type: ignore[no-untyped-def]
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, value=13297)
    api = api_for(secretariat)
    line = api.get(f"/indicators/targets/{members_target.pk}/progress").json()
    assert line["fraction_text"] == "13.297/21.500"
    assert line["ratio_text"] == "61,8%"
    assert [row["value"] for row in line["provenance"]] == ["13297.00"]
    progress = api.get(f"/indicators/plans/{plan.pk}/progress", rounding="truncate").json()
    assert progress["lines"][0]["ratio_text"] == "61,8%"
    assert progress["lines"][0]["provenance"] == []
    with_rows = api.get(f"/indicators/plans/{plan.pk}/progress", provenance="true").json()
    assert len(with_rows["lines"][0]["provenance"]) == 1
    officer = api_for(bodies.user(Role.OFFICER, bodies.bqlkkt))
    assert officer.get(f"/indicators/plans/{plan.pk}/progress").status_code == 200  # joint figures
    shared = officer.get(f"/indicators/plans/{plan.pk}/progress", provenance="true")
    assert shared.status_code == 200  # and the rows behind them, whichever body entered them
    assert len(shared.json()["lines"][0]["provenance"]) == 1


def test_indicator_form_refuses_a_bad_filter(client_for, admin_user) -> None:  # type: ignore[no-untyped-def]
    client = client_for(admin_user)
    form = {
        "code": "DN",
        "name": "Doanh nghiệp FDI",
        "unit": "doanh nghiệp",
        "unit_kind": "organisations",
        "measure": "count_records",
        "record_kind": "directory.enterprise",
        "record_filter": '{"mau": "do"}',
        "rounding": "half_up",
        "is_active": "on",
    }
    response = client.post("/chi-tieu/them/", form)
    assert response.status_code == 422
    assert "không có trường lọc “mau”" in response.content.decode()
    response = client.post("/chi-tieu/them/", {**form, "record_filter": "{không phải json"})
    assert response.status_code == 422
    assert "JSON" in response.content.decode()
    response = client.post("/chi-tieu/them/", {**form, "record_filter": '{"ownership": "wholly_foreign"}'})
    assert response.status_code == 302
    assert Indicator.objects.get(code="DN").record_filter == {"ownership": "wholly_foreign"}


def test_target_and_rule_forms(client_for, secretariat, plan: Plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    client = client_for(secretariat)
    form = {"indicator": members.pk, "agency": bodies.cdkkt.pk, "value": "21500", "position": 1, "note": ""}
    assert client.post(f"/chi-tieu/ke-hoach/{plan.pk}/them/", form).status_code == 302
    duplicate = client.post(f"/chi-tieu/ke-hoach/{plan.pk}/them/", form)
    assert duplicate.status_code == 422
    negative = client.post(f"/chi-tieu/ke-hoach/{plan.pk}/them/", {**form, "agency": bodies.ldldtp.pk, "value": "-1"})
    assert negative.status_code == 422
    assert "Giá trị không được âm." in negative.content.decode()
    assert Target.objects.get().value == Decimal(21500)
    admitted = IndicatorFactory(code="KND")
    rule = {"left": admitted.pk, "operator": "le", "right": members.pk, "message": "Không vượt", "is_active": "on"}
    assert client.post("/chi-tieu/quy-tac/them/", rule).status_code == 302
    same = client.post("/chi-tieu/quy-tac/them/", {**rule, "right": admitted.pk})
    assert same.status_code == 422
    assert ValidationRule.objects.count() == 1

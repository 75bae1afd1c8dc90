"""An approved or submitted period locks the body's values over its whole span, whatever the length of the period
written: with the first quarter approved, neither March, nor the quarter, nor the year can be written, through the
services, the API, a bulk import, the value form or the admin. An indicator keeps one reporting frequency."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.models import Agency
from phoihop.indicators import services
from phoihop.indicators.choices import ApprovalStatus, Measure, PeriodType
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.apiclient import ApiClient
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db

Q1 = Period.quarter(2023, 1)
Q4 = Period.quarter(2023, 4)
MARCH = Period.month(2023, 3)
DECEMBER = Period.month(2023, 12)


def rows(**filters: object) -> list[tuple[str, str, Decimal]]:
    """The stored values as (indicator, period, value), to compare before and after a refused write."""
    found = ReportedValue.objects.filter(**filters).select_related("indicator").order_by("indicator__code", "pk")
    return [(v.indicator.code, v.period.key, v.value) for v in found]


def submit_and_approve(plan: Plan, agency: Agency, period: Period, officer: User, leader: User) -> None:
    services.submit_period(actor=officer, plan=plan, agency=agency, period=period)
    services.approve_period(actor=leader, plan=plan, agency=agency, period=period)


# --- The three requests of the probe, replayed on the demo data -----------------------------------------------


@pytest.fixture
def probe(demo) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The demo as the probe found it: every month and quarter of 2023 approved for every body; the mid-shift meal
    value reported by quarter by the City Labour Federation (20.000đ - 25.000đ); the Economic Zone Union's monthly
    figures approved month by month; the Federation's officer acting for the Union, with a personal token."""
    from phoihop.accounts.services import create_token

    officer = User.objects.get(username="ldldtp.canbo")
    _token, raw = create_token(actor=officer, owner=officer, name="thăm dò")
    return {
        "plan": Plan.objects.get(year=2023),
        "meal": Indicator.objects.get(code="CD-BAGC"),
        "members": Indicator.objects.get(code="CD-PTDV"),
        "union": Agency.objects.get(short_code="CĐKKT"),
        "federation": Agency.objects.get(short_code="LĐLĐTP"),
        "api": ApiClient(token=raw),
    }


def test_the_three_lock_bypass_requests_of_the_probe_answer_422(probe) -> None:  # type: ignore[no-untyped-def]
    plan, meal, union, api = probe["plan"], probe["meal"], probe["union"], probe["api"]
    assert PeriodApproval.objects.get(plan=plan, agency=union, period_type="month", period_start=MARCH.start).is_locked
    before = rows(plan=plan)
    body = {"plan_id": plan.pk, "indicator_id": meal.pk, "agency_id": union.pk, "value": "999"}
    quarter = api.post("/indicators/values", {**body, "period": "2023-Q1"})
    assert quarter.status_code == 422
    assert quarter.json()["code"] == "period_locked"
    message = quarter.json()["message"]
    assert "Tháng 01/2023 của Công đoàn Khu kinh tế Hải Phòng đã được phê duyệt" in message
    assert "Kỳ Quý I/2023 nằm trong hoặc chồng lên kỳ Tháng 01/2023" in message
    assert "trả lại" in message
    year = api.post("/indicators/values", {**body, "period": "2023", "value": "5"})
    assert year.status_code == 422
    assert year.json()["code"] == "period_locked"
    imported = api.post(
        "/indicators/values/import",
        {"plan_id": plan.pk, "rows": [{"indicator": "CD-BAGC", "agency": "CĐKKT", "period": "2023-Q2", "value": "5"}]},
    )
    assert imported.status_code == 422
    assert "Dòng 2" in imported.json()["message"]
    assert "Tháng 4/2023 của Công đoàn Khu kinh tế Hải Phòng đã được phê duyệt" in imported.json()["message"]
    # The range figure stays 20.000đ - 25.000đ: not one row written.
    assert rows(plan=plan) == before
    meal_values = ReportedValue.objects.filter(indicator=meal).values_list("value", flat=True)
    assert (min(meal_values), max(meal_values)) == (Decimal(20000), Decimal(25000))


def test_a_year_value_of_a_quarterly_indicator_is_refused_for_its_frequency_once_unlocked(probe) -> None:  # type: ignore[no-untyped-def]
    """The Economic Zone Party Committee has nothing approved for the meal value: the year is still refused, as
    the indicator is reported by quarter."""
    plan, meal, api = probe["plan"], probe["meal"], probe["api"]
    leader_of_party = User.objects.get(username="dukkt.canbo")
    from phoihop.accounts.services import create_token

    _token, raw = create_token(actor=leader_of_party, owner=leader_of_party, name="thử")
    party = Agency.objects.get(short_code="ĐUKKT")
    PeriodApproval.objects.filter(plan=plan, agency=party).update(status=ApprovalStatus.RETURNED)
    answer = ApiClient(token=raw).post(
        "/indicators/values",
        {"plan_id": plan.pk, "indicator_id": meal.pk, "agency_id": party.pk, "period": "2023", "value": "5"},
    )
    assert answer.status_code == 422
    assert answer.json()["code"] == "wrong_frequency"
    assert "báo cáo theo quý, không theo kỳ Năm 2023" in answer.json()["message"]
    assert api.get("/indicators/values", plan=plan.pk, indicator=meal.pk).json()["count"] == 4


def test_approved_values_cannot_be_changed_or_deleted_through_the_api(probe) -> None:  # type: ignore[no-untyped-def]
    plan, api = probe["plan"], probe["api"]
    december = ReportedValue.objects.get(
        plan=plan, indicator=probe["members"], agency=probe["union"], period_start=DECEMBER.start
    )
    before = rows(plan=plan)
    patch = api.patch(f"/indicators/values/{december.pk}", {"version": december.version, "value": "1"})
    assert patch.status_code == 422
    assert patch.json()["code"] == "period_locked"
    delete = api.delete(f"/indicators/values/{december.pk}", version=december.version)
    assert delete.status_code == 422
    assert delete.json()["code"] == "period_locked"
    assert rows(plan=plan) == before


# --- The span rule in the services ----------------------------------------------------------------------------


@pytest.fixture
def monthly(db: None) -> Indicator:
    return IndicatorFactory(code="THANG", name="Số liệu tháng", frequency=PeriodType.MONTH)


@pytest.fixture
def quarterly(db: None) -> Indicator:
    return IndicatorFactory(
        code="QUY", name="Giá trị bữa ăn", unit_kind="vnd", measure=Measure.RANGE_OF_VALUES, frequency="quarter"
    )


@pytest.fixture
def yearly(db: None) -> Indicator:
    return IndicatorFactory(code="NAM", name="Số liệu năm", frequency=PeriodType.YEAR)


def record(
    officer: User, plan: Plan, indicator: Indicator, agency: Agency, period: Period, value: int = 5
) -> ReportedValue:
    return services.record_value(
        actor=officer, plan=plan, indicator=indicator, agency=agency, period=period, value=value
    )


def refused(code: str, write) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        write()
    assert error.value.code == code, error.value.messages
    return error.value.messages[0]


def test_an_approved_quarter_locks_its_months_and_the_year(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly, yearly
) -> None:
    record(ld_officer, plan, quarterly, bodies.cdkkt, Q1, 20000)
    march = record(ld_officer, plan, monthly, bodies.cdkkt, MARCH, 40)
    submit_and_approve(plan, bodies.cdkkt, Q1, ld_officer, ld_leader)
    before = rows()
    message = refused(
        "period_locked",
        lambda: services.update_value(actor=ld_officer, reported_value=march, data={"value": 1}, expected_version=1),
    )
    assert "Quý I/2023 của Công đoàn Khu kinh tế Hải Phòng đã được phê duyệt" in message
    assert "Kỳ Tháng 3/2023 nằm trong hoặc chồng lên kỳ Quý I/2023" in message
    refused("period_locked", lambda: services.delete_value(actor=ld_officer, reported_value=march, expected_version=1))
    refused("period_locked", lambda: record(ld_officer, plan, monthly, bodies.cdkkt, Period.month(2023, 1)))
    refused("period_locked", lambda: record(ld_officer, plan, yearly, bodies.cdkkt, Period.year(2023)))
    assert rows() == before
    # Outside the span, or for another body, values are written as before.
    record(ld_officer, plan, monthly, bodies.cdkkt, Period.month(2023, 4))
    record(ld_officer, plan, quarterly, bodies.cdkkt, Period.quarter(2023, 2), 21000)
    record(ld_officer, plan, monthly, bodies.ldldtp, MARCH)
    record(ld_officer, plan, yearly, bodies.ldldtp, Period.year(2023))
    assert len(rows()) == len(before) + 4


def test_approved_months_lock_the_quarter_and_the_year(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly, yearly
) -> None:
    record(ld_officer, plan, monthly, bodies.cdkkt, Period.month(2023, 2))
    submit_and_approve(plan, bodies.cdkkt, Period.month(2023, 2), ld_officer, ld_leader)
    message = refused("period_locked", lambda: record(ld_officer, plan, quarterly, bodies.cdkkt, Q1))
    assert "Tháng 02/2023" in message
    refused("period_locked", lambda: record(ld_officer, plan, yearly, bodies.cdkkt, Period.year(2023)))
    record(ld_officer, plan, quarterly, bodies.cdkkt, Period.quarter(2023, 3))
    record(ld_officer, plan, monthly, bodies.cdkkt, MARCH)


def test_a_submitted_period_is_locked_too_with_its_own_code(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly
) -> None:
    value = record(ld_officer, plan, quarterly, bodies.cdkkt, Q1, 20000)
    services.submit_period(actor=ld_officer, plan=plan, agency=bodies.cdkkt, period=Q1)
    message = refused("period_submitted", lambda: record(ld_officer, plan, monthly, bodies.cdkkt, MARCH))
    assert "Quý I/2023 của Công đoàn Khu kinh tế Hải Phòng đã gửi duyệt" in message
    refused(
        "period_submitted",
        lambda: services.update_value(actor=ld_officer, reported_value=value, data={"value": 5}, expected_version=1),
    )
    services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=Q1, reason="Thiếu nguồn")
    changed = services.update_value(actor=ld_officer, reported_value=value, data={"value": 5}, expected_version=1)
    assert changed.value == 5


def test_fixing_december_while_the_fourth_quarter_is_approved_needs_both_returned(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly
) -> None:
    """The user guide's example: December approved, and the fourth quarter approved over it."""
    december = record(ld_officer, plan, monthly, bodies.cdkkt, DECEMBER, 1060)
    record(ld_officer, plan, quarterly, bodies.cdkkt, Q4, 25000)
    submit_and_approve(plan, bodies.cdkkt, DECEMBER, ld_officer, ld_leader)
    submit_and_approve(plan, bodies.cdkkt, Q4, ld_officer, ld_leader)
    services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=DECEMBER, reason="Sai số")
    change = {"value": 1160}
    message = refused(
        "period_locked",
        lambda: services.update_value(actor=ld_officer, reported_value=december, data=change, expected_version=1),
    )
    assert "Quý IV/2023" in message
    services.return_period(actor=ld_leader, plan=plan, agency=bodies.cdkkt, period=Q4, reason="Sai số tháng 12")
    changed = services.update_value(actor=ld_officer, reported_value=december, data={"value": 1160}, expected_version=1)
    assert changed.value == 1160


def test_a_bulk_import_reports_every_refused_row_and_saves_nothing(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly, yearly
) -> None:
    record(ld_officer, plan, quarterly, bodies.cdkkt, Q1, 20000)
    submit_and_approve(plan, bodies.cdkkt, Q1, ld_officer, ld_leader)
    before = rows()
    with pytest.raises(ValidationError) as error:
        services.import_values(
            actor=ld_officer,
            plan=plan,
            rows=[
                {"indicator": "THANG", "agency": "CĐKKT", "period": "2023-04", "value": "10"},
                {"indicator": "THANG", "agency": "CĐKKT", "period": "2023-02", "value": "1"},
                {"indicator": "NAM", "agency": "CĐKKT", "period": "2023", "value": "1"},
                {"indicator": "QUY", "agency": "CĐKKT", "period": "2023-Q1", "value": "5"},
                {"indicator": "QUY", "agency": "CĐKKT", "period": "2023-05", "value": "5"},
            ],
        )
    messages = error.value.messages
    assert [m.split(":")[0] for m in messages] == ["Dòng 3", "Dòng 4", "Dòng 5", "Dòng 6"]
    assert all("Quý I/2023" in m and "đã được phê duyệt" in m for m in messages[:3])
    assert "báo cáo theo quý, không theo kỳ Tháng 5/2023" in messages[3]
    assert rows() == before  # the good row was not saved either


# --- The value form and the admin -----------------------------------------------------------------------------


def test_the_value_form_refuses_a_month_inside_an_approved_quarter(  # type: ignore[no-untyped-def]
    plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly
) -> None:
    record(ld_officer, plan, quarterly, bodies.cdkkt, Q1, 20000)
    submit_and_approve(plan, bodies.cdkkt, Q1, ld_officer, ld_leader)
    client = Client(enforce_csrf_checks=True)
    client.force_login(ld_officer)
    url = f"/so-lieu/them/?plan={plan.pk}&indicator={monthly.pk}"
    form = client.get(url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token is not None
    data = {"indicator": monthly.pk, "agency": bodies.cdkkt.pk, "period": "2023-02", "value": "7"}
    answer = client.post(url, {**data, "csrfmiddlewaretoken": token.group(1)})
    assert answer.status_code == 422
    page = answer.content.decode()
    assert "Quý I/2023 của Công đoàn Khu kinh tế Hải Phòng đã được phê duyệt" in page
    assert not ReportedValue.objects.filter(indicator=monthly).exists()
    # The quarter's value shows why it cannot be edited, and offers no edit button.
    detail = client.get(ReportedValue.objects.get(indicator=quarterly).get_absolute_url()).content.decode()
    assert "Số liệu này đang khóa" in detail
    assert "/sua/" not in detail


def test_a_month_inside_an_approved_quarter_shows_as_locked(  # type: ignore[no-untyped-def]
    client_for, plan, bodies: Bodies, ld_officer, ld_leader, monthly, quarterly
) -> None:
    march = record(ld_officer, plan, monthly, bodies.cdkkt, MARCH, 40)
    record(ld_officer, plan, quarterly, bodies.cdkkt, Q1, 20000)
    submit_and_approve(plan, bodies.cdkkt, Q1, ld_officer, ld_leader)
    page = client_for(ld_officer).get(march.get_absolute_url()).content.decode()
    assert "Số liệu này đang khóa" in page
    assert "Kỳ Tháng 3/2023 nằm trong hoặc chồng lên kỳ Quý I/2023" in page
    assert f"/so-lieu/{march.pk}/sua/" not in page


def test_the_admin_changes_no_value_and_no_approval(plan, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    value = ReportedValueFactory(plan=plan, agency=bodies.cdkkt, value=1720)
    approval = PeriodApproval.objects.create(
        plan=plan,
        agency=bodies.cdkkt,
        period_type=MARCH.type,
        period_start=MARCH.start,
        period_end=MARCH.end,
        status=ApprovalStatus.APPROVED,
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(bodies.user(Role.ADMIN, is_staff=True, is_superuser=True))
    for model, pk in (("reportedvalue", value.pk), ("periodapproval", approval.pk), ("indicator", value.indicator_id)):
        assert client.get(f"/quan-tri/indicators/{model}/add/").status_code == 403
        change = client.get(f"/quan-tri/indicators/{model}/{pk}/change/")
        assert change.status_code == 200  # a view page without a form to save
        assert 'name="_save"' not in change.content.decode()
        assert client.get(f"/quan-tri/indicators/{model}/{pk}/delete/").status_code == 403
    value.refresh_from_db()
    assert value.value == 1720


# --- One reporting frequency per indicator --------------------------------------------------------------------


def test_an_indicator_keeps_one_frequency(plan, bodies: Bodies, ld_officer, secretariat) -> None:  # type: ignore[no-untyped-def]
    unset = IndicatorFactory(code="TUDO", name="Chưa đặt kỳ")
    assert services.reporting_frequency(unset) == ""
    record(ld_officer, plan, unset, bodies.cdkkt, Period.quarter(2023, 2))
    assert services.reporting_frequency(unset) == PeriodType.QUARTER
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, unset, bodies.ldldtp, Period.month(2023, 7))
    assert error.value.error_dict["period"][0].code == "wrong_frequency"
    # Nor can a manager switch it to a frequency its values contradict; the one they have is accepted.
    with pytest.raises(ValidationError) as error:
        services.update_indicator(actor=secretariat, indicator=unset, data={"frequency": "month"}, expected_version=1)
    assert error.value.error_dict["frequency"][0].code == "wrong_frequency"
    assert "đã có số liệu báo cáo theo quý" in error.value.messages[0]
    updated = services.update_indicator(
        actor=secretariat, indicator=unset, data={"frequency": "quarter"}, expected_version=1
    )
    assert updated.frequency == PeriodType.QUARTER

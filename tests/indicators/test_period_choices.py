"""The value form's period is a choice among the periods of the indicator's frequency within the plan (up to its
cut-off date); the choices follow the indicator chosen (htmx), and the service refuses a period of another
frequency."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError

from phoihop.indicators import services
from phoihop.indicators.choices import Measure, PeriodType
from phoihop.indicators.forms import ValueForm
from phoihop.indicators.models import Indicator, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.indicators.factories import IndicatorFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def offered(form: ValueForm) -> list[str]:
    """The period labels of the select as the user sees them (groups flattened)."""
    labels: list[str] = []
    for _key, label in form.fields["period"].choices:  # type: ignore[attr-defined]
        if isinstance(label, list | tuple):
            labels.extend(str(inner) for _k, inner in label)
        elif _key:
            labels.append(str(label))
    return labels


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        (PeriodType.MONTH, ["Tháng 01/2023", "Tháng 02/2023", "Tháng 3/2023", "Tháng 4/2023", "Tháng 5/2023"]),
        (PeriodType.QUARTER, ["Quý I/2023", "Quý II/2023"]),
        (PeriodType.YEAR, ["Năm 2023"]),
    ],
)
def test_the_period_select_offers_the_periods_of_the_indicators_frequency(  # type: ignore[no-untyped-def]
    plan: Plan, bodies: Bodies, frequency: str, expected: list[str]
) -> None:
    indicator = IndicatorFactory(code=f"T_{frequency}", measure=Measure.SUM_VALUES, frequency=frequency)
    plan.cut_off_date = dt.date(2023, 5, 15)  # periods that start after the cut-off are not offered
    if frequency == PeriodType.YEAR:
        plan.cut_off_date = None
    form = ValueForm(plan=plan, agencies=bodies.ldldtp.__class__.objects.all(), initial={"indicator": indicator.pk})
    assert offered(form) == expected


def test_without_a_frequency_every_period_of_the_plan_is_offered_grouped(  # type: ignore[no-untyped-def]
    plan: Plan, bodies: Bodies, members: Indicator
) -> None:
    form = ValueForm(plan=plan, agencies=bodies.ldldtp.__class__.objects.all())
    groups = [label for key, label in form.fields["period"].choices if isinstance(label, list)]  # type: ignore[attr-defined]
    assert [str(group) for group, _options in form.fields["period"].choices[1:]] == ["Tháng", "Quý", "Năm"]  # type: ignore[attr-defined]
    assert [len(options) for options in groups] == [12, 4, 1]
    assert offered(form)[0] == "Tháng 01/2023"
    assert offered(form)[-1] == "Năm 2023"


def test_choosing_the_indicator_refreshes_the_period_select(  # type: ignore[no-untyped-def]
    client_for, ld_officer, plan: Plan, bodies: Bodies
) -> None:
    quarterly = IndicatorFactory(code="QUY", measure=Measure.SUM_VALUES, frequency=PeriodType.QUARTER)
    client = client_for(ld_officer)
    page = client.get(f"/so-lieu/them/?plan={plan.pk}").content.decode()
    indicator_select = re.search(r'<select name="indicator"[^>]*>', page)
    assert indicator_select is not None
    assert 'hx-get="/so-lieu/them/?plan=' in indicator_select.group(0)
    assert 'hx-select="#id_period"' in indicator_select.group(0)
    # What htmx asks when the indicator changes: the form, whose period select now lists quarters only.
    fragment = client.get(
        f"/so-lieu/them/?plan={plan.pk}", {"indicator": quarterly.pk, "period": "2023-Q2"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    period_select = re.search(r'<select name="period".*?</select>', fragment, re.S)
    assert period_select is not None
    options = re.findall(r"<option[^>]*>([^<]*)</option>", period_select.group(0))
    assert options == ["—", "Quý I/2023", "Quý II/2023", "Quý III/2023", "Quý IV/2023"]
    assert '<option value="2023-Q2" selected>' in period_select.group(0)


def test_a_period_of_another_frequency_is_refused_with_a_clear_message(  # type: ignore[no-untyped-def]
    client_for, ld_officer, plan: Plan, bodies: Bodies
) -> None:
    quarterly = IndicatorFactory(code="QUY", name="Số vụ đình công", measure=Measure.SUM_VALUES, frequency="quarter")
    with pytest.raises(ValidationError) as error:
        services.record_value(
            actor=ld_officer,
            plan=plan,
            indicator=quarterly,
            agency=bodies.cdkkt,
            period=Period.parse("2023-03"),
            value=1,
        )
    assert error.value.error_dict["period"][0].code == "wrong_frequency"
    assert "báo cáo theo quý, không theo kỳ Tháng 3/2023" in error.value.messages[0]
    data = {"indicator": quarterly.pk, "agency": bodies.cdkkt.pk, "period": "2023-03", "value": "1"}
    response = client_for(ld_officer).post(f"/so-lieu/them/?plan={plan.pk}", data)
    assert response.status_code == 422
    assert "Kỳ “2023-03” không có trong danh sách" in response.content.decode()
    response = client_for(ld_officer).post(f"/so-lieu/them/?plan={plan.pk}", {**data, "period": "2023-Q1"})
    assert response.status_code == 302
    assert ReportedValue.objects.get().period.label == "Quý I/2023"

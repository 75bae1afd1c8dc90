"""Persons and person-times (người / lượt người) are never added or compared together."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from phoihop.directory.models import Enterprise
from phoihop.indicators import services
from phoihop.indicators.choices import UnitKind
from phoihop.indicators.models import Indicator, ValidationRule
from phoihop.indicators.registry import record_kinds
from tests.indicators.factories import IndicatorFactory, ValidationRuleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def persons(db: None) -> Indicator:
    return IndicatorFactory(code="CB", name="Cán bộ công đoàn được tập huấn", unit="người", unit_kind=UnitKind.PERSONS)


@pytest.fixture
def person_times(db: None) -> Indicator:
    return IndicatorFactory(
        code="LCB", name="Lượt cán bộ công đoàn được tập huấn", unit="lượt", unit_kind=UnitKind.PERSON_TIMES
    )


def test_a_rule_cannot_compare_persons_with_person_times(secretariat, persons, person_times) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.create_rule(
            actor=secretariat,
            data={"left": persons, "operator": "le", "right": person_times, "message": "Không vượt"},
        )
    assert error.value.error_dict["right"][0].code == "persons_and_person_times"
    assert "số người với số lượt người" in error.value.messages[0]
    assert not ValidationRule.objects.exists()


def test_a_composite_cannot_add_persons_and_person_times(secretariat, persons, person_times) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.create_indicator(
            actor=secretariat,
            data={
                "code": "TONG",
                "name": "Tổng cán bộ được tập huấn",
                "unit": "người",
                "unit_kind": "persons",
                "measure": "sum_of_indicators",
            },
            components=[persons, person_times],
        )
    assert error.value.error_dict["components"][0].code == "persons_and_person_times"
    assert not Indicator.objects.filter(code="TONG").exists()


def test_a_sum_cannot_count_a_person_times_field_as_persons(secretariat) -> None:  # type: ignore[no-untyped-def]
    record_kinds.register(
        key="test.enterprise_visits",
        label="Lượt lao động (thử nghiệm)",
        model=Enterprise,
        date_field="created_at",
        agency_field="owner_agency",
        sum_fields={"workforce": UnitKind.PERSON_TIMES},
    )
    try:
        with pytest.raises(ValidationError) as error:
            services.create_indicator(
                actor=secretariat,
                data={
                    "code": "NLD",
                    "name": "Người lao động",
                    "unit": "người",
                    "unit_kind": "persons",
                    "measure": "sum_records",
                    "record_kind": "test.enterprise_visits",
                    "sum_field": "workforce",
                },
            )
        assert error.value.error_dict["sum_field"][0].code == "persons_and_person_times"
    finally:
        record_kinds.unregister("test.enterprise_visits")


def test_changing_a_unit_kind_under_a_rule_is_refused(secretariat, persons) -> None:  # type: ignore[no-untyped-def]
    admitted = IndicatorFactory(code="KN", unit_kind=UnitKind.PERSONS)
    ValidationRuleFactory(left=admitted, right=persons)
    with pytest.raises(ValidationError) as error:
        services.update_indicator(
            actor=secretariat, indicator=admitted, data={"unit_kind": "person_times"}, expected_version=1
        )
    assert error.value.error_dict["unit_kind"][0].code == "persons_and_person_times"
    admitted.refresh_from_db()
    assert admitted.unit_kind == UnitKind.PERSONS


def test_other_different_kinds_do_not_mix_either(secretariat, persons) -> None:  # type: ignore[no-untyped-def]
    money = IndicatorFactory(code="TIEN", unit_kind=UnitKind.VND)
    with pytest.raises(ValidationError) as error:
        services.create_rule(
            actor=secretariat, data={"left": persons, "operator": "le", "right": money, "message": "x"}
        )
    assert error.value.error_dict["right"][0].code == "unit_kind_mismatch"


def test_the_api_refuses_mixing_with_422(api_for, secretariat, persons, person_times) -> None:  # type: ignore[no-untyped-def]
    response = api_for(secretariat).post(
        "/indicators/rules",
        {"left_id": persons.pk, "operator": "le", "right_id": person_times.pk, "message": "Không vượt"},
    )
    assert response.status_code == 422
    assert response.json()["code"] == "persons_and_person_times"

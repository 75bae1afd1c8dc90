"""Counting indicators count records of registered kinds; a new kind plugs in without touching indicator code."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.core.audit import record_event
from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.indicators import selectors, services
from phoihop.indicators.registry import record_kinds
from phoihop.planning.models import Plan
from tests.directory.factories import EnterpriseFactory
from tests.indicators.factories import TargetFactory
from tests.planning.factories import PlanFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_year(db: None) -> Plan:
    """Enterprises are placed in a period by the day they were registered, i.e. today."""
    year = timezone.localdate().year
    return PlanFactory(year=year)


def counting(secretariat, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "code": "DN-FDI",
        "name": "Doanh nghiệp FDI trong danh mục",
        "unit": "doanh nghiệp",
        "unit_kind": "organisations",
        "measure": "count_records",
        "record_kind": "directory.enterprise",
        "record_filter": {"ownership__in": ["wholly_foreign", "foreign_invested"]},
    }
    data.update(overrides)
    return services.create_indicator(actor=secretariat, data=data)


def test_enterprises_are_counted_by_ownership_and_body(secretariat, bodies: Bodies, this_year: Plan) -> None:  # type: ignore[no-untyped-def]
    indicator = counting(secretariat)
    EnterpriseFactory.create_batch(3, owner_agency=bodies.cdkkt, ownership="wholly_foreign")
    EnterpriseFactory(owner_agency=bodies.ldldtp, ownership="foreign_invested")
    EnterpriseFactory(owner_agency=bodies.ldldtp, ownership="domestic")  # not FDI
    EnterpriseFactory(owner_agency=bodies.bqlkkt, ownership="wholly_foreign")  # another body
    target = TargetFactory(indicator=indicator, plan=this_year, agency=bodies.ldldtp, value=Decimal(8))
    _target, line = selectors.target_progress(user=secretariat, pk=target.pk)
    assert line.actual == 4  # the federation's own FDI enterprise and the three of its unit
    assert line.fraction_text == "4/8"
    assert line.ratio_text == "50%"
    assert {row.object_id for row in line.provenance} == set(
        Enterprise.objects.filter(
            owner_agency__in=[bodies.ldldtp, bodies.cdkkt], ownership__in=["wholly_foreign", "foreign_invested"]
        ).values_list("pk", flat=True)
    )
    assert line.provenance_total == line.actual


def test_records_outside_the_reporting_period_do_not_count(secretariat, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    indicator = counting(secretariat)
    EnterpriseFactory(owner_agency=bodies.ldldtp, ownership="wholly_foreign")
    last_year = PlanFactory(year=timezone.localdate().year - 1)
    target = TargetFactory(indicator=indicator, plan=last_year, agency=bodies.ldldtp, value=Decimal(1))
    _target, line = selectors.target_progress(user=secretariat, pk=target.pk)
    assert line.actual == 0
    assert line.provenance == ()


def test_summing_a_numeric_field(secretariat, bodies: Bodies, this_year: Plan) -> None:  # type: ignore[no-untyped-def]
    indicator = services.create_indicator(
        actor=secretariat,
        data={
            "code": "LD",
            "name": "Lao động tại doanh nghiệp trong danh mục",
            "unit": "người",
            "unit_kind": "persons",
            "measure": "sum_records",
            "record_kind": "directory.enterprise",
            "sum_field": "workforce",
        },
    )
    EnterpriseFactory(owner_agency=bodies.bqlkkt, workforce=1200)
    EnterpriseFactory(owner_agency=bodies.bqlkkt, workforce=300)
    EnterpriseFactory(owner_agency=bodies.bqlkkt, workforce=None)  # unknown: neither counted nor listed
    target = TargetFactory(indicator=indicator, plan=this_year, agency=bodies.bqlkkt, value=Decimal(3000))
    _target, line = selectors.target_progress(user=secretariat, pk=target.pk)
    assert line.actual == 1500
    assert len(line.provenance) == 2
    assert line.provenance_total == 1500


@pytest.mark.parametrize(
    ("record_filter", "code", "named"),
    [
        ({"colour": "red"}, "unknown_filter_field", "colour"),
        ({"ownership__icontains": "foreign"}, "unknown_lookup", "icontains"),
        ({"ownership": "foreign"}, "invalid_filter_value", "foreign"),
        ({"ownership__in": "wholly_foreign"}, "invalid_filter_value", "ownership__in"),
    ],
)
def test_a_bad_filter_is_refused_naming_it(secretariat, record_filter, code: str, named: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        counting(secretariat, record_filter=record_filter)
    assert error.value.error_dict["record_filter"][0].code == code
    assert named in error.value.messages[0]


def test_unknown_kind_and_sum_field_are_refused(secretariat) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        counting(secretariat, record_kind="housing.project")
    assert error.value.error_dict["record_kind"][0].code == "unknown_record_kind"
    with pytest.raises(ValidationError) as error:
        counting(secretariat, measure="sum_records", record_filter={}, sum_field="tax_code", unit_kind="persons")
    assert error.value.error_dict["sum_field"][0].code == "unknown_sum_field"


def test_bad_filter_through_the_api_is_422(api_for, secretariat) -> None:  # type: ignore[no-untyped-def]
    response = api_for(secretariat).post(
        "/indicators/indicators",
        {
            "code": "DN",
            "name": "Doanh nghiệp",
            "unit": "doanh nghiệp",
            "unit_kind": "organisations",
            "measure": "count_records",
            "record_kind": "directory.enterprise",
            "record_filter": {"colour": "red"},
        },
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_filter_field"
    assert "colour" in response.json()["message"]


@pytest.fixture
def audit_kind() -> Iterator[None]:
    """A second record kind, registered as any records app registers its own in AppConfig.ready()."""
    record_kinds.register(
        key="test.audit_event",
        label="Sự kiện nhật ký (thử nghiệm)",
        model=AuditEvent,
        date_field="occurred_at",
        agency_field="agency",
        filter_fields={"action": ("exact", "in")},
    )
    yield
    record_kinds.unregister("test.audit_event")


def test_a_second_record_kind_plugs_in(audit_kind: None, secretariat, bodies: Bodies, this_year: Plan) -> None:  # type: ignore[no-untyped-def]
    indicator = services.create_indicator(
        actor=secretariat,
        data={
            "code": "DN-LOGIN",
            "name": "Lượt đăng nhập của cán bộ",
            "unit": "lượt",
            "unit_kind": "person_times",
            "measure": "count_records",
            "record_kind": "test.audit_event",
            "record_filter": {"action": "login"},
        },
    )
    officer = bodies.user(Role.OFFICER, bodies.cdkkt)
    for _ in range(3):
        record_event(actor=officer, action="login", obj=officer)
    record_event(actor=bodies.user(Role.OFFICER, bodies.bqlkkt), action="login", obj=officer)
    target = TargetFactory(indicator=indicator, plan=this_year, agency=bodies.ldldtp, value=Decimal(6))
    _target, line = selectors.target_progress(user=secretariat, pk=target.pk)
    assert line.actual == 3
    assert line.fraction_text == "3/6"
    assert all(row.source == "test.audit_event" for row in line.provenance)
    assert line.provenance_total == 3

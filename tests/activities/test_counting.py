"""Activities as indicators count them: registered record kinds, persons and person-times kept apart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from phoihop.accounts.models import User
from phoihop.activities.models import ParticipantInPersons, ParticipantInPersonTimes
from phoihop.directory.models import Agency
from phoihop.directory.selectors import agency_scopes
from phoihop.indicators.progress import compute_plan_progress
from phoihop.indicators.registry import record_kinds
from phoihop.indicators.services import create_indicator, create_target
from phoihop.planning.models import Plan
from tests.activities.factories import ActivityFactory, ParticipantFactory


@pytest.fixture
def plan(db: None) -> Plan:
    return Plan.objects.create(
        year=2023,
        title="Kế hoạch phối hợp năm 2023",
        period_start=dt.date(2023, 1, 1),
        period_end=dt.date(2023, 12, 31),
    )


def test_the_record_kinds_are_registered() -> None:
    keys = {kind.key for kind in record_kinds.all()}
    assert {
        "activities.activity",
        "activities.participants_persons",
        "activities.participants_person_times",
        "activities.outputs",
        "organizing.founding",
    } <= keys
    assert record_kinds.get("activities.participants_persons").sum_fields == {"count": "persons"}
    assert record_kinds.get("activities.participants_person_times").sum_fields == {"count": "person_times"}


def test_a_person_time_count_is_refused_where_persons_are_required(admin_user: User) -> None:
    with pytest.raises(ValidationError) as caught:
        create_indicator(
            actor=admin_user,
            data={
                "code": "CB-DUOC-TAP-HUAN",
                "name": "Cán bộ công đoàn được tập huấn",
                "unit": "người",
                "unit_kind": "persons",
                "measure": "sum_records",
                "record_kind": "activities.participants_person_times",
                "record_filter": {"group": "union_cadres"},
                "sum_field": "count",
            },
        )
    assert caught.value.error_dict["sum_field"][0].code == "persons_and_person_times"
    assert "người" in caught.value.messages[0]


def test_sums_in_persons_never_take_person_times(admin_user: User, plan: Plan, federation: Agency) -> None:
    classes = ActivityFactory(owner_agency=federation, kind="training_class", start_date=dt.date(2023, 5, 4))
    ParticipantFactory(activity=classes, group="union_cadres", unit="person_times", count=2500)
    course = ActivityFactory(owner_agency=federation, kind="training_class", start_date=dt.date(2023, 7, 17))
    ParticipantFactory(activity=course, group="union_cadres", unit="persons", count=46)
    ActivityFactory(owner_agency=federation, kind="training_class", start_date=dt.date(2024, 1, 10))
    for code, key, unit_kind in (
        ("CB-NGUOI", "activities.participants_persons", "persons"),
        ("CB-LUOT", "activities.participants_person_times", "person_times"),
    ):
        indicator = create_indicator(
            actor=admin_user,
            data={
                "code": code,
                "name": code,
                "unit": unit_kind,
                "unit_kind": unit_kind,
                "measure": "sum_records",
                "record_kind": key,
                "record_filter": {"group": "union_cadres", "activity__kind": "training_class"},
                "sum_field": "count",
            },
        )
        create_target(actor=admin_user, plan=plan, data={"indicator": indicator, "agency": federation})
    progress = compute_plan_progress(plan, scopes=agency_scopes(), check_rules=False, with_provenance=True)
    by_code = {line.code: line for line in progress.lines}
    assert by_code["CB-NGUOI"].actual_text == "46"
    assert by_code["CB-LUOT"].actual_text == "2.500"
    assert [row.url for row in by_code["CB-NGUOI"].provenance] == [course.get_absolute_url()]
    assert ParticipantInPersons.objects.count() == 1
    assert ParticipantInPersonTimes.objects.count() == 1


def test_an_unknown_filter_field_is_refused(admin_user: User) -> None:
    with pytest.raises(ValidationError) as caught:
        create_indicator(
            actor=admin_user,
            data={
                "code": "HD-X",
                "name": "Hoạt động",
                "unit": "hoạt động",
                "unit_kind": "other",
                "measure": "count_records",
                "record_kind": "activities.activity",
                "record_filter": {"title": "Chợ Tết"},
            },
        )
    assert caught.value.error_dict["record_filter"][0].code == "unknown_filter_field"

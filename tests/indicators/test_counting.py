"""An indicator computed from records says what it counts: rows, distinct enterprises, distinct persons or the sum
of a field. Random record sets are counted by the calculator and recounted in plain Python; the provenance of a
figure adds up to it; the kind decides which modes an indicator may use, and the pages say the mode in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phoihop.directory.models import Agency, Enterprise
from phoihop.indicators import services
from phoihop.indicators.choices import Counting, Measure
from phoihop.indicators.models import Indicator, ReportedValue
from phoihop.indicators.progress import Calculator
from phoihop.indicators.registry import record_kinds
from phoihop.organizing.models import Founding
from phoihop.oversight.models import Inspection, InspectionEnterprise
from phoihop.planning.models import Plan
from tests.directory.factories import EnterpriseFactory
from tests.planning.fixtures import Bodies

DB_EXAMPLES = settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
DAYS = st.integers(min_value=0, max_value=400)  # some records fall after 2023: they never count


@pytest.fixture
def world(plan: Plan, bodies: Bodies) -> dict[str, Any]:
    return {
        "plan": plan,
        "agencies": [bodies.ldldtp, bodies.cdkkt, bodies.bqlkkt],
        "enterprises": [EnterpriseFactory() for _ in range(5)],
    }


@contextmanager
def rolled_back() -> Iterator[None]:
    """Each hypothesis example writes its records in a savepoint that is rolled back, so examples never mix."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def _indicator(**fields: Any) -> Indicator:
    base = {"code": "T-" + fields.get("counting", "x"), "name": "Chỉ tiêu thử", "unit": "đơn vị"}
    return Indicator.objects.create(
        **{"unit_kind": "organisations", "measure": Measure.COUNT_RECORDS, **base, **fields}
    )


def _figures(plan: Plan, indicator: Indicator, scope: frozenset[int] | None) -> tuple[Decimal, Decimal, Any]:
    """The figure, its provenance total (from a second calculation with rows) and each body's own figure."""
    calculator = Calculator(plan)
    calculator.add(indicator, scope)
    calculator.add_per_agency(indicator)
    calculator.load()
    figure = calculator.result(indicator, scope).actual or Decimal(0)
    with_rows = Calculator(plan, with_rows=True)
    with_rows.add(indicator, scope)
    with_rows.load()
    total = sum((row.value for row in with_rows.result(indicator, scope).rows), Decimal(0))
    return figure, total, calculator.grouped[indicator.pk]


def _in_2023(day: int) -> bool:
    return day < 365


visits = st.lists(
    st.tuples(
        st.integers(0, 2),  # owning body
        DAYS,
        st.sampled_from(["supervision", "inspection"]),
        st.sets(st.integers(0, 4), min_size=1, max_size=4),  # enterprises visited
    ),
    max_size=8,
)


@pytest.mark.parametrize("counting", [Counting.ROWS, Counting.DISTINCT_ENTERPRISES])
@DB_EXAMPLES
@given(visits=visits, scoped=st.booleans())
def test_counting_visits_matches_a_plain_recount(
    world: dict[str, Any], counting: str, visits: list[Any], scoped: bool
) -> None:
    agencies: list[Agency] = world["agencies"]
    enterprises: list[Enterprise] = world["enterprises"]
    with rolled_back():
        indicator = _indicator(
            record_kind="oversight.inspection_enterprise",
            record_filter={"inspection__kind": "supervision"},
            counting=counting,
        )
        for body, day, kind, visited in visits:
            inspection = Inspection.objects.create(
                kind=kind,
                title="Giám sát",
                owner_agency=agencies[body],
                start_date=dt.date(2023, 1, 1) + dt.timedelta(day),
            )
            for index in visited:
                InspectionEnterprise.objects.create(inspection=inspection, enterprise=enterprises[index])
        scope = frozenset({agencies[0].pk, agencies[1].pk}) if scoped else None
        counted = [
            (agencies[body].pk, enterprises[index].pk)
            for body, day, kind, visited in visits
            for index in visited
            if kind == "supervision" and _in_2023(day) and (scope is None or agencies[body].pk in scope)
        ]
        distinct = {enterprise for _body, enterprise in counted}
        expected = len(counted) if counting == Counting.ROWS else len(distinct)
        figure, total, per_body = _figures(world["plan"], indicator, scope)
        assert figure == expected
        assert total == expected
        for agency in agencies:
            own = [e for body, e in counted if body == agency.pk] if scope is None else None
            if own is not None:
                mine = len(own) if counting == Counting.ROWS else len(set(own))
                assert per_body.get(agency.pk, Decimal(0)) == mine


@DB_EXAMPLES
@given(
    foundings=st.lists(
        st.tuples(
            st.integers(0, 4),
            st.sampled_from(["grassroots_union", "party_cell"]),
            DAYS,
            st.none() | st.integers(0, 300),
        ),
        max_size=8,
        unique_by=lambda row: (row[0], row[1]),
    )
)
def test_summing_a_field_matches_a_plain_recount(world: dict[str, Any], foundings: list[Any]) -> None:
    agencies: list[Agency] = world["agencies"]
    enterprises: list[Enterprise] = world["enterprises"]
    with rolled_back():
        indicator = _indicator(
            record_kind="organizing.founding",
            measure=Measure.SUM_RECORDS,
            sum_field="members_at_founding",
            counting=Counting.SUM,
            unit_kind="persons",
        )
        for index, kind, day, members in foundings:
            Founding.objects.create(
                kind=kind,
                enterprise=enterprises[index],
                owner_agency=agencies[index % 3],
                founded_on=dt.date(2023, 1, 1) + dt.timedelta(day),
                members_at_founding=members,
            )
        expected = sum(members or 0 for _i, _k, day, members in foundings if _in_2023(day))
        figure, total, _per_body = _figures(world["plan"], indicator, None)
        assert figure == total == expected


@pytest.fixture
def persons_kind() -> Iterator[str]:
    """A kind whose records name a person: the values a user entered (the person is who entered them). No records
    app names persons today; the registry supports it for those that will."""
    record_kinds.register(
        key="tests.values_by_person",
        label="Số liệu được nhập",
        model=ReportedValue,
        date_field="period_start",
        agency_field="agency",
        person_field="entered_by",
        noun="số liệu được nhập",
        done="đã nhập số liệu",
    )
    yield "tests.values_by_person"
    record_kinds.unregister("tests.values_by_person")


@DB_EXAMPLES
@given(values=st.lists(st.tuples(st.integers(0, 2), st.none() | st.integers(0, 3)), max_size=12))
def test_counting_distinct_persons_matches_a_plain_recount(
    world: dict[str, Any], persons_kind: str, bodies: Bodies, values: list[Any]
) -> None:
    agencies: list[Agency] = world["agencies"]
    with rolled_back():
        people = [bodies.user("officer", agencies[0], username=f"nguoi{i}") for i in range(4)]
        source = Indicator.objects.create(
            code="NHAP", name="Nguồn", unit="người", unit_kind="persons", measure="sum_values"
        )
        for month, (body, person) in enumerate(values, start=1):
            start = dt.date(2023, month, 1)
            ReportedValue.objects.create(
                indicator=source,
                plan=world["plan"],
                agency=agencies[body],
                period_type="month",
                period_start=start,
                period_end=start + dt.timedelta(days=27),
                value=1,
                entered_by=people[person] if person is not None else None,
            )
        indicator = _indicator(record_kind=persons_kind, counting=Counting.DISTINCT_PERSONS, unit_kind="persons")
        expected = len({person for _body, person in values if person is not None})
        figure, total, _per_body = _figures(world["plan"], indicator, None)
        assert figure == total == expected


# --- The service, the registry and the pages ------------------------------------------------------------------


def _data(**fields: Any) -> dict[str, Any]:
    return {
        "code": "GS-DN",
        "name": "Doanh nghiệp được giám sát",
        "unit": "doanh nghiệp",
        "unit_kind": "organisations",
        "measure": Measure.COUNT_RECORDS,
        "record_kind": "oversight.inspection_enterprise",
        **fields,
    }


def test_the_counting_reads_in_words(db: None) -> None:
    visits = record_kinds.get("oversight.inspection_enterprise")
    assert visits.counting_text(Counting.DISTINCT_ENTERPRISES) == "số doanh nghiệp khác nhau được kiểm tra, giám sát"
    assert (
        visits.counting_text(Counting.ROWS) == "số lượt doanh nghiệp được kiểm tra, giám sát (mỗi bản ghi tính một lần)"
    )
    foundings = record_kinds.get("organizing.founding")
    assert foundings.counting_text(Counting.SUM, "members_at_founding") == (
        "tổng số thành viên khi thành lập (người) của các tổ chức được thành lập"
    )
    assert visits.countings() == [Counting.ROWS, Counting.DISTINCT_ENTERPRISES]


def test_an_indicator_without_a_counting_keeps_counting_as_before(secretariat: Any) -> None:
    rows = services.create_indicator(actor=secretariat, data=_data())
    assert rows.counting == Counting.ROWS
    summed = services.create_indicator(
        actor=secretariat,
        data=_data(
            code="TV",
            unit_kind="persons",
            measure=Measure.SUM_RECORDS,
            record_kind="organizing.founding",
            sum_field="members_at_founding",
        ),
    )
    assert summed.counting == Counting.SUM
    values = services.create_indicator(
        actor=secretariat, data=_data(code="V", measure=Measure.SUM_VALUES, counting=Counting.DISTINCT_ENTERPRISES)
    )
    assert (values.counting, values.record_kind) == ("", "")


def test_a_kind_refuses_a_counting_it_cannot_do(secretariat: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        services.create_indicator(actor=secretariat, data=_data(counting=Counting.DISTINCT_PERSONS))
    error = caught.value.error_dict["counting"][0]
    assert error.code == "unsupported_counting"
    assert "không đếm được theo cách “số người khác nhau”" in error.message
    with pytest.raises(ValidationError) as caught:
        services.create_indicator(
            actor=secretariat, data=_data(record_kind="activities.activity", counting=Counting.DISTINCT_ENTERPRISES)
        )
    assert caught.value.error_dict["counting"][0].code == "unsupported_counting"
    with pytest.raises(ValidationError) as caught:
        services.create_indicator(actor=secretariat, data=_data(counting=Counting.SUM))
    assert caught.value.error_dict["counting"][0].code == "counting_conflicts_measure"


def test_a_counting_changed_alone_keeps_the_measure_in_step(secretariat: Any) -> None:
    indicator = services.create_indicator(actor=secretariat, data=_data())
    indicator = services.update_indicator(
        actor=secretariat,
        indicator=indicator,
        data={"counting": Counting.DISTINCT_ENTERPRISES},
        expected_version=indicator.version,
    )
    assert (indicator.measure, indicator.counting) == (Measure.COUNT_RECORDS, Counting.DISTINCT_ENTERPRISES)
    indicator = services.update_indicator(
        actor=secretariat, indicator=indicator, data={"name": "Doanh nghiệp FDI"}, expected_version=indicator.version
    )
    assert indicator.counting == Counting.DISTINCT_ENTERPRISES  # an edit of something else keeps it


def test_a_many_valued_path_cannot_be_a_distinct_count() -> None:
    with pytest.raises(ValueError, match="not a path of foreign keys"):
        record_kinds.register(
            key="tests.activities_by_enterprise",
            label="Hoạt động",
            model=__import__("phoihop.activities.models", fromlist=["Activity"]).Activity,
            date_field="start_date",
            agency_field="owner_agency",
            enterprise_field="enterprises",
        )
    assert "tests.activities_by_enterprise" not in record_kinds


def test_stored_indicators_get_their_counting_from_the_migration(db: None) -> None:
    from importlib import import_module

    from django.apps import apps

    migration = import_module("phoihop.indicators.migrations.0003_add_indicator_counting")
    rows = _indicator(code="R", record_kind="organizing.founding")
    summed = _indicator(
        code="S", record_kind="organizing.founding", measure=Measure.SUM_RECORDS, sum_field="members_at_founding"
    )
    migration.fill_counting(apps, None)
    rows.refresh_from_db()
    summed.refresh_from_db()
    assert (rows.counting, summed.counting) == (Counting.ROWS, Counting.SUM)


def test_the_form_and_the_page_say_what_is_counted(client: Any, secretariat: Any) -> None:
    indicator = services.create_indicator(actor=secretariat, data=_data(counting=Counting.DISTINCT_ENTERPRISES))
    client.force_login(secretariat)
    page = client.get(indicator.get_absolute_url()).content.decode()
    assert "Số doanh nghiệp khác nhau được kiểm tra, giám sát" in page
    form = client.get(f"/chi-tieu/{indicator.pk}/sua/").content.decode()
    assert "Chỉ tiêu đang tính: <strong>số doanh nghiệp khác nhau được kiểm tra, giám sát</strong>" in form
    assert "Khi đếm doanh nghiệp được kiểm tra, giám sát, chỉ tiêu có thể là:" in form


def test_the_api_takes_and_gives_the_counting(secretariat: Any, api_for: Any) -> None:
    api = api_for(secretariat, token=True)
    created = api.post("/indicators/indicators", {**_data(), "counting": "distinct_enterprises"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["counting"] == "distinct_enterprises"
    assert body["counting_text"] == "số doanh nghiệp khác nhau được kiểm tra, giám sát"
    refused = api.post("/indicators/indicators", {**_data(code="X"), "counting": "distinct_persons"})
    assert refused.status_code == 422
    assert "unsupported_counting" in refused.content.decode()
    older = api.post("/indicators/indicators", _data(code="Y"))  # a client that knows nothing of countings
    assert (older.status_code, older.json()["counting"]) == (201, "rows")


def test_null_for_a_required_field_in_a_patch_is_a_422(secretariat: Any, api_for: Any) -> None:
    api = api_for(secretariat, token=True)
    created = api.post("/indicators/indicators", _data(code="NULL")).json()
    refused = api.patch(f"/indicators/indicators/{created['id']}", {"version": created["version"], "unit_kind": None})
    assert refused.status_code == 422, refused.content
    assert refused.json()["code"] == "null_not_allowed"

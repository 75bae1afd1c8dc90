"""A record kind that declares `row_text` describes long lists of its records (a report's provenance) from a few
column values instead of whole records. What it says must be what `describe` says of the same record, and its link
the record's own page — for every record of the demo and for every figure of the 2023 report."""

from __future__ import annotations

import pytest

from phoihop.indicators.registry import RowText, record_kinds
from phoihop.organizing.models import Founding, founding_text

pytestmark = pytest.mark.django_db


def test_every_declared_row_text_says_what_describe_says(whole_demo: None) -> None:
    declared = [kind for kind in record_kinds.all() if kind.row_text is not None]
    assert {kind.key for kind in declared} >= {
        "activities.activity",
        "activities.participants_persons",
        "activities.participants_person_times",
        "activities.outputs",
        "organizing.founding",
        "oversight.inspection",
        "oversight.inspection_enterprise",
    }
    checked = 0
    for kind in declared:
        assert kind.row_text is not None
        assert kind.link is not None
        manager = kind.model._default_manager
        paths = ("pk", kind.link[1], *kind.row_text.fields)
        rows = {row["pk"]: row for row in manager.values(*paths)}
        link = kind.value_linker()
        records = list(manager.all())
        assert records, kind.key  # the demo has records of every kind that declares a row text
        for record in records:
            row = rows[record.pk]
            assert kind.row_text.text(row) == kind.describe(record), (kind.key, record.pk)
            assert link(row) == kind.url_of(record), (kind.key, record.pk)
            checked += 1
    assert checked >= 150


def test_report_rows_read_as_values_equal_rows_read_as_records(whole_demo: None) -> None:
    """The 2023 plan's figures with their rows, once as values and once from whole records: the same rows."""
    from dataclasses import replace

    from phoihop.indicators.selectors import plan_progress
    from phoihop.planning.models import Plan

    plan = Plan.objects.get(year=2023)
    as_values = plan_progress(plan=plan, with_provenance=True)
    saved = dict(record_kinds._kinds)
    try:
        for key, kind in saved.items():
            record_kinds._kinds[key] = replace(kind, row_text=None)
        as_records = plan_progress(plan=plan, with_provenance=True)
    finally:
        record_kinds._kinds.update(saved)
    rows = [row for line in as_values.lines for row in line.provenance]
    assert len(rows) > 100
    assert {row.source for row in rows} >= {"organizing.founding", "activities.participants_person_times"}
    assert as_values == as_records


def test_a_founding_without_a_name_is_named_by_its_kind_and_enterprise() -> None:
    assert founding_text("", "party_cell", "Công ty TNHH Maple") == "Chi bộ Công ty TNHH Maple"
    assert founding_text("Công đoàn cơ sở Maple", "party_cell", "Công ty TNHH Maple") == "Công đoàn cơ sở Maple"
    assert founding_text("", "party_cell", None) == "Chi bộ"


def test_a_row_text_reading_an_unknown_field_is_refused_at_registration() -> None:
    with pytest.raises(ValueError, match="not a field path"):
        record_kinds.register(
            key="test.bad_row_text",
            label="x",
            model=Founding,
            date_field="founded_on",
            agency_field="owner_agency",
            link=("organizing:founding_detail", "pk"),
            row_text=RowText(("enterprise__no_such_field",), lambda row: ""),
        )
    with pytest.raises(ValueError, match="needs link"):
        record_kinds.register(
            key="test.bad_row_text",
            label="x",
            model=Founding,
            date_field="founded_on",
            agency_field="owner_agency",
            row_text=RowText(("name",), lambda row: ""),
        )
    assert "test.bad_row_text" not in {kind.key for kind in record_kinds.all()}

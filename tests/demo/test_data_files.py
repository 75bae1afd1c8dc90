"""The demo as data: one file per app under src/phoihop/demo/data/, each declared by its app (core/plugins.py,
`demo_data`), read by the one loader, which goes through the services and leaves an audit event per record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from phoihop.core.models import AuditEvent
from phoihop.core.plugins import demo_data
from phoihop.demo import DATA_DIR
from phoihop.demo.loader import LoadReport, load_demo
from phoihop.oversight.models import Finding
from phoihop.planning.models import PlanItem
from phoihop.reports.models import ReportBlock
from phoihop.workforce.models import LabourReport, WageRegionAssignment


def test_every_data_file_is_declared_by_an_app_and_every_row_has_a_declared_kind() -> None:
    on_disk = {path.stem for path in DATA_DIR.glob("*.json")}
    assert on_disk == set(demo_data.files)
    for demo_file in demo_data.files.values():
        data = json.loads((DATA_DIR / f"{demo_file.name}.json").read_text(encoding="utf-8"))
        kinds = set(data) - {"about"}  # where the rows come from, what is illustrative
        assert kinds == set(demo_file.kinds), f"{demo_file.name}.json holds kinds its declaration does not load"
        assert all(key in demo_data.kinds for key in demo_file.kinds)


def _keys_sorted(value: Any) -> bool:
    if isinstance(value, dict):
        return list(value) == sorted(value) and all(_keys_sorted(item) for item in value.values())
    if isinstance(value, list):
        return all(_keys_sorted(item) for item in value)
    return True


@pytest.mark.parametrize("name", sorted(path.stem for path in DATA_DIR.glob("*.json")))
def test_data_files_are_readable_text(name: str) -> None:
    """Sorted keys, so a diff shows what changed; Vietnamese as written, not as \\u escapes."""
    text = (DATA_DIR / f"{name}.json").read_text(encoding="utf-8")
    assert "\\u" not in text
    assert _keys_sorted(json.loads(text))


@pytest.fixture(scope="module")
def loaded_twice(django_db_setup: None, django_db_blocker: Any) -> Iterator[tuple[LoadReport, LoadReport, int]]:
    with django_db_blocker.unblock(), transaction.atomic():
        first = load_demo()
        events = AuditEvent.objects.count()
        second = load_demo()
        yield first, second, events
        transaction.set_rollback(True)


@pytest.fixture
def loads(loaded_twice: tuple[LoadReport, LoadReport, int], db: None) -> tuple[LoadReport, LoadReport, int]:
    return loaded_twice


def test_loading_twice_creates_nothing_the_second_time(loads: tuple[LoadReport, LoadReport, int]) -> None:
    first, second, events = loads
    assert first.created["directory.enterprise"] == 46
    assert first.created["oversight.finding"] == 66
    assert second.created == {}
    assert AuditEvent.objects.count() == events


def _has_create_event(record: Any) -> bool:
    return AuditEvent.objects.filter(
        object_type=record._meta.label_lower, object_id=str(record.pk), action="create"
    ).exists()


def test_records_of_every_depth_carry_the_audit_event_of_their_service(
    loads: tuple[LoadReport, LoadReport, int],
) -> None:
    """Rows nested in other rows (an inspection's findings, a report's blocks) and kinds a data file names by a
    natural key (a plan item carried over, a zone's wage region) all went through their service."""
    finding = Finding.objects.select_related("enterprise").filter(compliant=False).first()
    assert finding is not None
    carried = PlanItem.objects.get(carried_from__plan__year=2023)
    for record in (
        finding,
        carried,
        ReportBlock.objects.first(),
        WageRegionAssignment.objects.first(),
        LabourReport.objects.first(),
    ):
        assert record is not None
        assert _has_create_event(record), record
    approved = LabourReport.objects.filter(status="approved").count()
    assert approved == LabourReport.objects.count() == 26
    assert AuditEvent.objects.filter(object_type="workforce.labourreport", action="approve").count() == approved

"""A listing whose sentence reads only plain columns (and the record's name, for a kind that writes it from columns)
is read with `values()`, without model instances: its rows must be exactly those the model path gives — the same
records in the same order, the same dates, names, links, field texts, numbers and enterprises. Checked on every
listing of the 2023 report and on every source with every column field it offers, over the whole demo."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.reports.models import Listing
from phoihop.reports.sources import RecordSource, SourceResult, Window, all_sources, get_source

pytestmark = pytest.mark.django_db


def both_ways(source: RecordSource, monkeypatch: pytest.MonkeyPatch, **params: Any) -> tuple[SourceResult, ...]:
    fast = source.rows(**params)
    with monkeypatch.context() as patch:
        patch.setattr(RecordSource, "_from_values", lambda self, specs: False)
        slow = source.rows(**params)
    return fast, slow


def test_every_listing_of_the_report_reads_the_same_rows_from_values(
    demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from phoihop.reports import patterns

    from_values = 0
    for listing in Listing.objects.select_related("report__plan").order_by("pk"):
        source = get_source(listing.source)
        if not isinstance(source, RecordSource):
            continue
        default = frozenset(patterns.fields_of(patterns.parse(listing.pattern)))
        own = {
            entry.record_id: frozenset(patterns.fields_of(patterns.parse(entry.pattern)))
            for entry in listing.entries.all()
            if entry.pattern.strip()
        }
        used = set(default).union(*own.values())
        specs = [source.fields()[name] for name in used if name in source.fields()]
        from_values += source._from_values(specs)
        plan = listing.report.plan
        params = {
            "record_filter": listing.record_filter or {},
            "agency": None,
            "agency_ids": None,
            "window": Window(plan.period_start, plan.period_end),
            "used": sorted(used),
            "value_field": listing.value_field,
            "fields_of_row": lambda record_id, own=own, default=default: own.get(record_id, default),
        }
        fast, slow = both_ways(source, monkeypatch, **params)
        assert fast == slow, listing.key
    assert from_values >= 1, "at least one listing of the report (the party cells: {ten|thuong}) reads from values"


def test_every_column_field_of_every_source_reads_the_same_from_values(
    demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = 0
    for source in all_sources().values():
        if not isinstance(source, RecordSource) or source.kind.link is None:
            continue
        names = [name for name, spec in source.fields().items() if spec.column]
        if source.kind.row_text is not None and source.kind.describe is str:
            names.append("ten")
        params = {"record_filter": {}, "agency": None, "agency_ids": None, "window": Window(None, None)}
        fast, slow = both_ways(source, monkeypatch, used=sorted(names), **params)
        assert source._from_values([source.fields()[name] for name in names])
        assert fast == slow, source.key
        checked += len(fast.rows)
    assert checked > 100  # the demo's foundings, inspections, practices, labour reports… all compared

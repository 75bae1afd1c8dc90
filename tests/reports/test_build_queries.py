"""The builder reads everything in a fixed number of queries: the same for the demo data and for ten times as many
records (foundings, activities, cases, housing projects, supervised enterprises, reported values), pinned."""

from __future__ import annotations

import pytest
from bench.report import add_records
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.reports.builders import build_report_data
from phoihop.reports.checker import check_report
from tests.reports.conftest import demo_report

pytestmark = pytest.mark.usefixtures("demo")

# Report, sections, blocks, issuers, figures, listings, plan, documents, scopes, the plan's progress and the rows
# behind each of its lines, the plan items of this year and the next, and each listing's records.
BUILD_QUERIES = 60
CHECK_QUERIES = 12


def count(fn) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


def test_the_builder_and_the_checker_query_as_much_for_ten_times_the_records(
    db: None,
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    report = demo_report()
    build_report_data(report)  # warm the per-process caches (field catalogues, profiles)
    with django_assert_max_num_queries(BUILD_QUERIES):
        one = build_report_data(report)
    built_1x = count(lambda: build_report_data(report))
    checked_1x = count(lambda: check_report(report, one))
    added = add_records(10)
    assert added["foundings"] >= 900
    assert added["cases"] >= 80
    assert added["reported values"] >= 400
    with django_assert_max_num_queries(BUILD_QUERIES):
        ten = build_report_data(report)
    assert count(lambda: build_report_data(report)) == built_1x
    assert count(lambda: check_report(report, ten)) == checked_1x <= CHECK_QUERIES
    # The records are there: the figures grew tenfold and more.
    assert one.figures["TC_DANG"].text == "09/09"
    assert ten.figures["TC_DANG"].text == "324/09"
    assert int(ten.figures["TU_VAN_NLD.so_luong"].value) > 80


def test_a_document_without_the_source_rows_is_the_same_document_in_fewer_queries(db: None) -> None:
    """Word and PDF exports build without each figure's source rows (tasks.render_bytes): the .docx must be the
    same bytes as one built with them, and the lean build reads no more than the full one, at any size."""
    from phoihop.reports.rendering import render_docx

    report = demo_report()
    full = build_report_data(report)
    lean = build_report_data(report, with_provenance=False)
    assert lean.text == full.text
    indicator = [key for key, figure in full.figures.items() if figure.kind == "indicator" and figure.provenance]
    assert indicator  # the full build lists the rows behind the indicator figures...
    assert not any(lean.figures[key].provenance for key in indicator)  # ...the lean one does not
    assert render_docx(lean) == render_docx(full)
    lean_1x = count(lambda: build_report_data(report, with_provenance=False))
    add_records(10)
    assert count(lambda: build_report_data(report, with_provenance=False)) == lean_1x
    assert lean_1x <= count(lambda: build_report_data(report))

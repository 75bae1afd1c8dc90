"""Columns that name records: a whole file's names are looked up in one query per column whatever its size, a name not
found is a problem on its own cell (several unknown tax codes in one cell: one message naming them all; unknown
partner bodies: one message each), a tax code is found however it was typed, and the row comes back with records
and choice values in place of the names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.organizing.sheets import COLUMNS as FOUNDING_COLUMNS
from phoihop.spreadsheets.columns import Resolved, row_data
from phoihop.spreadsheets.registry import Checked, Row
from phoihop.spreadsheets.services import import_file
from tests.directory.factories import EnterpriseFactory
from tests.planning.factories import DocumentFactory
from tests.spreadsheets.helpers import sheet_kind, xlsx

pytestmark = pytest.mark.django_db


def founding(n: int, **cells: Any) -> Row:
    values = {
        "kind": "Công đoàn cơ sở",
        "enterprise": f"02{n:08d}",
        "founded_on": dt.date(2023, 6, 1),
        "decision_document": f"{n + 1:02d}-KH/BDVTU-BQLKKT-LĐLĐTP",
        "owner_agency": "LĐLĐTP",
        **cells,
    }
    return Row(n + 3, values)


def test_a_file_is_looked_up_in_one_query_per_reference_column(union_officer, federation) -> None:  # type: ignore[no-untyped-def]
    for n in range(30):
        EnterpriseFactory(tax_code=f"02{n:08d}")
        DocumentFactory(number=f"{n + 1:02d}")
    rows = [founding(n) for n in range(30)]
    counts = []
    for size in (3, 30):
        checked = Checked()
        with CaptureQueriesContext(connection) as queries:
            cells = Resolved(union_officer, rows[:size], FOUNDING_COLUMNS, checked)
        counts.append(len(queries.captured_queries))
        values, known = cells.row(rows[size - 1])
        assert known
        assert values["kind"] == "grassroots_union"
        assert values["enterprise"].tax_code == f"02{size - 1:08d}"
        assert values["decision_document"].number == f"{size:02d}"
        assert values["owner_agency"] == federation
        assert not checked.problems
    assert counts == [3, 3]  # the enterprises, the documents, the bodies


def test_unknown_names_are_problems_on_their_cells(union_officer) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0201234567")
    kind = sheet_kind("organizing.founding")
    rows = [
        {"kind": "Công đoàn cơ sở", "enterprise": "0209999999", "founded_on": dt.date(2023, 6, 1)},
        {
            "kind": "Công đoàn cơ sở",
            "enterprise": "0201 234.567",
            "founded_on": dt.date(2023, 6, 1),
            "decision_document": "15 - QĐ/CĐKKT",
        },
    ]
    outcome = import_file(actor=union_officer, kind=kind, content=xlsx(kind, rows), filename="tl.xlsx")
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 3, cột Doanh nghiệp (mã số thuế): "
        "không có doanh nghiệp mang mã số thuế 0209999999 trong danh mục",
        "Trang tính Dữ liệu, dòng 4, cột Quyết định thành lập (số, ký hiệu): "
        "không có văn bản số, ký hiệu “15 - QĐ/CĐKKT” trong sổ văn bản",
    ]


def test_unknown_names_in_a_cell_of_several(officer) -> None:  # type: ignore[no-untyped-def]
    EnterpriseFactory(tax_code="0201234567")
    practices = sheet_kind("practices.practice")
    row = {
        "title": "Mô hình",
        "year": 2023,
        "field": practices.column("field").choices(officer)[0],  # type: ignore[misc]
        "status": practices.column("status").choices(officer)[0],  # type: ignore[misc]
        "enterprises": "0201 234 567; 0209999999, 0208888888",
    }
    outcome = import_file(actor=officer, kind=practices, content=xlsx(practices, [row]), filename="mh.xlsx")
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 3, cột Doanh nghiệp (mã số thuế): "
        "không có doanh nghiệp mang mã số thuế 0209999999, 0208888888 trong danh mục"
    ]
    inspections = sheet_kind("oversight.inspection")
    row = {
        "kind": inspections.column("kind").choices(officer)[0],  # type: ignore[misc]
        "title": "Kiểm tra",
        "start_date": dt.date(2023, 6, 1),
        "partner_agencies": "XYZ; ABC",
        "enterprises": "0201234567",
        "topics": "Không có nội dung này",
    }
    outcome = import_file(actor=officer, kind=inspections, content=xlsx(inspections, [row]), filename="kt.xlsx")
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 3, cột Cơ quan phối hợp: không có đơn vị mang ký hiệu “XYZ”",
        "Trang tính Dữ liệu, dòng 3, cột Cơ quan phối hợp: không có đơn vị mang ký hiệu “ABC”",
        "Trang tính Dữ liệu, dòng 3, cột Nội dung: "
        "không có nội dung “Không có nội dung này” trong danh mục nội dung kiểm tra, giám sát",
    ]


def test_a_rows_service_data_comes_from_its_columns(union_officer) -> None:  # type: ignore[no-untyped-def]
    enterprise = EnterpriseFactory(tax_code="0201234567")
    checked = Checked()
    row = founding(
        0,
        enterprise="0201234567",
        name="  Chi bộ\u00a0 Công ty   Maple ",
        notes="Dòng một\n  Dòng hai  ",
        members_at_founding=12,
        decision_document=None,
    )
    values, known = Resolved(union_officer, [row], FOUNDING_COLUMNS, checked).row(row)
    data = row_data(values, FOUNDING_COLUMNS, skip=("owner_agency",))
    assert known
    assert data == {
        "kind": "grassroots_union",
        "enterprise": enterprise,
        "name": "Chi bộ Công ty Maple",  # a name on one line, its spaces collapsed
        "founded_on": dt.date(2023, 6, 1),
        "members_at_founding": 12,
        "decision_document": None,
        "notes": "Dòng một\n  Dòng hai",  # a note keeps its lines
    }

"""A large file is read, parsed and checked a chunk of rows at a time (reader.CHUNK_ROWS, 10 here): an error in the
last chunk still stops the whole file, every message names the sheet's own row whatever its chunk, a duplicate is
found across chunks, an existing report is found in any chunk, and the progress follows the chunks. Also the
enterprise import's bulk path (COPY on PostgreSQL from 500 rows)."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import pytest
from django.utils import timezone

from phoihop.directory.choices import Ownership
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets import reader
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.services import import_file
from phoihop.workforce.models import LabourReport
from tests.directory.factories import EnterpriseFactory
from tests.spreadsheets.helpers import kind, labour_months, xlsx

pytestmark = pytest.mark.django_db

CHUNK = 10
CODES = [f"03{n:08d}" for n in range(3)]
months = partial(labour_months, codes=CODES, headcount=200, women=50)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "CHUNK_ROWS", CHUNK)


@pytest.fixture
def enterprises() -> None:
    for code in CODES:
        EnterpriseFactory(tax_code=code)


@pytest.mark.parametrize("size", [CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 1])
def test_an_error_in_the_last_chunk_writes_nothing(officer: Any, enterprises: None, size: int) -> None:
    rows = months(size)
    rows[-1]["women"] = 10_000  # more women than workers, on the file's last row (sheet row size + 2)
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="bc.xlsx")
    assert outcome.status == "invalid"
    assert outcome.messages == [
        f"Trang tính Dữ liệu, dòng {size + 2}, cột Lao động nữ: “lao động nữ” (10.000) không được lớn hơn "
        f"tổng số lao động ({200 + size - 1})."
    ]
    assert not LabourReport.objects.exists()
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize("size", [CHUNK - 1, CHUNK, CHUNK + 1])
def test_a_file_at_a_chunk_boundary_is_written_whole(officer: Any, enterprises: None, size: int) -> None:
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), months(size)), filename="bc.xlsx")
    assert outcome.status == "imported"
    assert outcome.created == size
    assert LabourReport.objects.count() == size
    last = LabourReport.objects.get(headcount=200 + size - 1)
    assert last.women == 50
    assert last.created_at <= timezone.now()
    assert last.created_at > timezone.now() - dt.timedelta(hours=1)


def test_row_numbers_stay_the_sheets_across_chunks_and_blank_rows(officer: Any, enterprises: None) -> None:
    rows: list[Any] = months(25)
    rows.insert(5, {})  # blank rows are skipped, and still counted in the sheet's numbering
    rows.insert(6, {"notes": "   "})
    rows[20]["headcount"] = "nhiều"  # sheet row 23, in the third chunk of sheet rows
    rows[26]["enterprise"] = "0399999999"  # sheet row 29
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="bc.xlsx")
    assert outcome.status == "invalid"
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 23, cột Tổng số lao động: phải là một số nguyên, không phải “nhiều”",
        "Trang tính Dữ liệu, dòng 29, cột Mã số thuế doanh nghiệp: "
        "không có doanh nghiệp mang mã số thuế 0399999999 trong danh mục",
    ]
    assert outcome.rows == 25
    assert not LabourReport.objects.exists()


def test_a_duplicate_in_a_later_chunk_names_the_first_row(officer: Any, enterprises: None) -> None:
    rows = months(15)
    rows[13] = dict(rows[0], headcount=300)  # sheet row 16, second chunk
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="bc.xlsx")
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 16, cột Ngày đầu kỳ báo cáo: trùng doanh nghiệp, loại và kỳ báo cáo với dòng 3"
    ]
    assert not LabourReport.objects.exists()


def test_an_existing_report_in_a_later_chunk_is_previewed_then_updated(officer: Any, enterprises: None) -> None:
    rows = months(15)
    content = xlsx(kind(), rows)
    assert import_file(actor=officer, kind=kind(), content=content, filename="a.xlsx").status == "imported"
    rows[12]["headcount"] = 999  # sheet row 15, second chunk
    again = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="b.xlsx")
    assert again.status == "confirm"
    assert [(change.row, change.fields) for change in again.changes] == [(15, {"Tổng số lao động": ("212", "999")})]
    assert again.unchanged == 14
    done = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="b.xlsx", confirm=True)
    assert done.status == "imported"
    assert LabourReport.objects.get(headcount=999).version == 2
    assert LabourReport.objects.count() == 15


def test_the_progress_follows_the_chunks(officer: Any, enterprises: None) -> None:
    seen: list[tuple[int | None, int | None]] = []

    def progress(phase: str, *, read: int | None = None, checked: int | None = None, written: int | None = None):  # type: ignore[no-untyped-def]
        seen.append((read, checked))

    outcome = import_file(
        actor=officer, kind=kind(), content=xlsx(kind(), months(25)), filename="bc.xlsx", progress=progress
    )
    assert outcome.status == "imported"
    assert (10, 0) in seen
    assert (20, 10) in seen
    assert (25, 20) in seen
    assert seen[-1] == (25, 25)


def test_six_hundred_enterprises_go_in_with_the_bulk_path(officer: Any) -> None:
    # From 500 rows PostgreSQL takes them with COPY; SQLite with bulk_create: the same enterprises either way.
    enterprise_kind = kind("directory.enterprise")
    ownership = str(Ownership.DOMESTIC.label)
    rows = [
        {"name": f"Công ty May Đông Á số {n}", "tax_code": f"04{n:08d}", "workforce": n, "ownership": ownership}
        for n in range(600)
    ]
    outcome = import_file(actor=officer, kind=enterprise_kind, content=xlsx(enterprise_kind, rows), filename="dn.xlsx")
    assert outcome.status == "imported", outcome.messages[:3]
    assert outcome.created == 600
    last = Enterprise.objects.get(tax_code="0400000599")
    assert last.name == "Công ty May Đông Á số 599"
    assert last.workforce == 599
    assert last.owner_agency == officer.agency
    assert "dong a" in last.search_text
    assert last.created_at is not None

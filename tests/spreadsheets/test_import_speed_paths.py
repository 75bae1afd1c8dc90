"""The short paths a large labour-report file takes give what the long ones give: a row parsed in one go has the
values and problems of a row parsed cell by cell, a chunk whose numbers are all within bounds skips only checks its
rows pass, the text cleaned once per distinct value is what the service would store, SQLite gets the dates, decimals
and booleans as its driver would send them, and the garbage collector is left as it was found."""

from __future__ import annotations

import datetime as dt
import gc
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection

from phoihop.spreadsheets import reader
from phoihop.spreadsheets.registry import Row, SheetKind, spreadsheets
from phoihop.spreadsheets.services import import_file
from phoihop.workforce import sheets
from phoihop.workforce.models import LabourReport
from phoihop.workforce.services.reports import MONEY_FIELDS, _clean
from tests.directory.factories import EnterpriseFactory
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.django_db

MONTHLY = "Hằng tháng (công đoàn theo dõi tình hình)"
CODES = [f"05{n:08d}" for n in range(3)]


def kind() -> SheetKind:
    found = spreadsheets.get("workforce.labour_report")
    assert found is not None
    return found


def months(count: int) -> list[dict[str, Any]]:
    out = []
    for n in range(count):
        year, month = divmod(n // len(CODES), 12)
        out.append(
            {
                "enterprise": CODES[n % len(CODES)],
                "report_type": MONTHLY,
                "period_start": dt.date(2024 + year, month + 1, 1),
                "headcount": 300 + n,
                "women": 100,
                "overtime_avg_hours": 10.5,
                "overtime_max_hours": 20,
                "has_collective_agreement": "Có",
                "agreement_expires_on": dt.date(2028, 1, 31),
                "has_democracy_regulation": "Không",
                "notes": "Ổn định",
            }
        )
    return out


@pytest.fixture
def enterprises() -> None:
    for code in CODES:
        EnterpriseFactory(tax_code=code)


def test_a_row_parsed_in_one_go_has_the_values_and_problems_of_the_cell_by_cell_parse(officer: Any) -> None:
    rows: list[Any] = months(4)
    rows[1]["headcount"] = "nhiều"
    rows[1]["period_start"] = "31/02/2024"
    rows[2]["notes"] = "  Co\u0302ng ty  "  # NFD, with spaces around
    rows[3]["overtime_avg_hours"] = "12,5"
    reading = reader.open_sheet(xlsx(kind(), rows), kind(), user=officer)
    parsed = [row for chunk in reading.chunks() for row in chunk]
    assert [row.number for row in parsed] == [3, 4, 5, 6]
    assert "headcount" not in parsed[1].values
    assert "period_start" not in parsed[1].values
    assert parsed[1].values["women"] == 100
    assert parsed[2].values["notes"] == "Công ty"
    assert parsed[3].values["overtime_avg_hours"] == Decimal("12.5")
    assert parsed[0].values["headcount"] == 300
    assert parsed[0].values["period_start"] == dt.date(2024, 1, 1)
    assert [(problem.row, problem.column) for problem in reading.problems] == [
        (4, "period_start"),
        (4, "headcount"),
    ]
    # Cell by cell, the way a row with a refused cell is parsed: the same values for every row.
    again = reader.open_sheet(xlsx(kind(), rows), kind(), user=officer)
    lines = list(again.lines)
    for row, raw in zip(parsed, lines, strict=True):
        assert row.values == again._row_with_problems(row.number, raw)


def test_text_cleaned_once_per_value_is_what_the_service_stores() -> None:
    texts: dict[str, str] = {}
    for notes in ("", "Ổn định", "Tăng\u200b ca", "Co\u0302ng nhân ", "\ufeffGhi chú"):
        values = {
            "report_type": MONTHLY,
            "period_start": dt.date(2024, 1, 1),
            "headcount": 10,
            "notes": notes,
            "has_collective_agreement": "Có",
        }
        data = sheets._data(values, 7)
        assert sheets._cleaned(dict(data), texts) == _clean(data)
    assert texts["Tăng\u200b ca"] == "Tăng ca"


def test_only_the_rows_with_a_number_out_of_bounds_take_the_row_by_row_checks() -> None:
    limits = sheets._limits()

    def row(number: int, **values: Any) -> Row:
        return Row(number, {"headcount": 100, "overtime_avg_hours": Decimal("10.5"), **values})

    fine = [row(3), row(4, average_income=9_000_000, overtime_max_hours=Decimal("20"))]
    assert sheets._unusual(fine, limits, MONEY_FIELDS) == set()
    assert sheets._unusual([*fine, row(5, women=-1)], limits, MONEY_FIELDS) == {2}
    assert sheets._unusual([*fine, row(5, si_arrears_months=40_000)], limits, MONEY_FIELDS) == {2}
    assert sheets._unusual([*fine, row(5, overtime_avg_hours=Decimal("10.25"))], limits, MONEY_FIELDS) == {0, 1, 2}
    assert sheets._unusual([*fine, row(5, meal_value=Decimal("25000.5"))], limits, MONEY_FIELDS) == {2}


def test_a_bad_number_among_good_rows_is_reported_as_before(officer: Any, enterprises: None) -> None:
    rows = months(6)
    rows[2]["women"] = -3
    rows[4]["overtime_max_hours"] = 20.25
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="bc.xlsx")
    assert outcome.status == "invalid"
    assert outcome.messages == [
        "Trang tính Dữ liệu, dòng 5, cột Lao động nữ: “lao động nữ” không được âm.",
        "Trang tính Dữ liệu, dòng 7, cột Giờ làm thêm cao nhất (giờ/tháng): chỉ ghi 1 chữ số sau dấu phẩy",
    ]
    assert not LabourReport.objects.exists()


def test_the_inserted_reports_hold_the_values_typed_and_the_connection_its_settings(
    officer: Any, enterprises: None
) -> None:
    rows = months(7)
    rows[6]["has_collective_agreement"] = "Không"
    rows[6]["agreement_expires_on"] = None
    rows[6]["notes"] = "Tăng\u200b ca"
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            before = cursor.fetchone()
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), rows), filename="bc.xlsx")
    assert outcome.status == "imported", outcome.messages
    first = LabourReport.objects.get(enterprise__tax_code=CODES[0], period_start=dt.date(2024, 1, 1))
    assert first.overtime_avg_hours == Decimal("10.5")
    assert first.overtime_max_hours == Decimal("20")
    assert first.agreement_expires_on == dt.date(2028, 1, 31)
    assert first.period_end == dt.date(2024, 1, 31)
    assert first.has_collective_agreement is True
    assert first.has_democracy_regulation is False
    assert first.status == "draft"
    assert first.notes == "Ổn định"
    last = LabourReport.objects.get(headcount=306)
    assert last.has_collective_agreement is False
    assert last.agreement_expires_on is None
    assert last.notes == "Tăng ca"
    # What is stored is what the ORM would store: filters on the stored text find the reports.
    assert (
        LabourReport.objects.filter(period_start=dt.date(2024, 1, 1), overtime_avg_hours=Decimal("10.5")).count() == 3
    )
    assert LabourReport.objects.filter(has_collective_agreement=True).count() == 6
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            assert cursor.fetchone() == before


def test_the_garbage_collector_is_left_as_it_was(officer: Any, enterprises: None) -> None:
    assert gc.get_freeze_count() == 0
    outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), months(3)), filename="a.xlsx")
    assert outcome.status == "imported"
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a server that froze its objects before forking keeps them frozen
    try:
        frozen = gc.get_freeze_count()
        failed = import_file(actor=officer, kind=kind(), content=b"not a workbook", filename="b.xlsx")
        assert failed.status == "refused"
        outcome = import_file(actor=officer, kind=kind(), content=xlsx(kind(), months(6)), filename="c.xlsx")
        assert outcome.status == "imported"
        assert gc.get_freeze_count() > frozen // 2  # still frozen (a few of them freed since)
    finally:
        gc.unfreeze()

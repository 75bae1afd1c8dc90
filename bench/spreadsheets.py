"""Excel import and export at 100.000 rows (part of `make bench`; alone: `python -m bench spreadsheets`).

- our import: `spreadsheets.services.import_file` on a 100.000-row file of monthly labour reports
  (`workforce.labour_report`, the template's layout; 1.000 synthetic enterprises × 100 months), every cell checked,
  one transaction, one audit event;
- django-import-export, tuned as its docs advise for bulk imports (`use_bulk`, `batch_size`, `skip_diff`,
  `force_init_instance`, `use_transactions`, no per-row result), on the same rows: it cannot read .xlsx without
  openpyxl, so the file is read with python-calamine into a tablib Dataset, and that read is counted;
- the floor: python-calamine reads the file and the rows go in with `bulk_create` (SQLite) or COPY (PostgreSQL),
  without any check;
- export of the same 100.000 rows through the list's export against bare xlsxwriter (constant_memory) writing the
  same cells from a list in memory;
- peak memory of our import (tracemalloc, a separate run: tracing slows Python down; it counts Python's allocations,
  not python-calamine's own copy of the sheet, about 100 MB at 100.000 rows × 25 columns).

Our import and the floor run in interleaved rounds (BENCH_EXCEL_ROUNDS, 2), as do our export and bare xlsxwriter;
each figure is the best of its rounds. The table also gives the floor's own speed-up over django-import-export, to
read ours against: on PostgreSQL (COPY) it is the ceiling; on SQLite the insert dominates every importer and the
floor's `bulk_create` is slower than our `executemany`, so ours can pass it."""

from __future__ import annotations

import datetime as dt
import io
import os
import random
import sys
import time
import tracemalloc
from typing import Any

ROWS = int(os.environ.get("BENCH_EXCEL_ROWS", "100000"))
ROUNDS = int(os.environ.get("BENCH_EXCEL_ROUNDS", "2"))  # interleaved rounds of each import and export
ENTERPRISES = 1_000  # synthetic enterprises (tax codes 09…, bench.generate), each with ROWS / ENTERPRISES months
KIND = "workforce.labour_report"
FIRST_YEAR = 2000
TYPE_LABEL = "Hằng tháng (công đoàn theo dõi tình hình)"


def _periods() -> list[tuple[str, dt.date]]:
    """(tax code, first day of the month) for ROWS reports: every enterprise, month after month."""
    from phoihop.directory.models import Enterprise

    codes = list(
        Enterprise.objects.filter(tax_code__startswith="09").order_by("tax_code").values_list("tax_code", flat=True)
    )
    months = -(-ROWS // len(codes))
    out: list[tuple[str, dt.date]] = []
    for month in range(months):
        year, index = divmod(month, 12)
        start = dt.date(FIRST_YEAR + year, index + 1, 1)
        out.extend((code, start) for code in codes)
    return out[:ROWS]


def build_file(owner: str) -> bytes:
    import xlsxwriter

    from phoihop.spreadsheets.registry import spreadsheets

    kind = spreadsheets.get(KIND)
    assert kind is not None
    rng = random.Random(7)
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(kind.sheet_name)
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    keys = [column.key for column in kind.columns]
    for index, column in enumerate(kind.columns):
        sheet.write_string(0, index, column.header)
        sheet.write_string(1, index, column.key)
    for i, (code, start) in enumerate(_periods()):
        row = 2 + i
        headcount = rng.randint(50, 5000)
        agreement = rng.random() < 0.6
        values: dict[str, Any] = {
            "enterprise": code,
            "report_type": TYPE_LABEL,
            "period_start": start,
            "headcount": headcount,
            "women": rng.randint(0, headcount),
            "other_province": rng.randint(0, headcount // 2),
            "foreign_workers": rng.randint(0, headcount // 20),
            "hires": rng.randint(0, 200),
            "leavers": rng.randint(0, 200),
            "union_members": rng.randint(0, headcount),
            "average_income": rng.randint(55, 150) * 100_000,
            "lowest_wage": rng.randint(40, 55) * 100_000,
            "meal_value": rng.choice([20_000, 25_000, 30_000]),
            "overtime_avg_hours": 20.5,
            "overtime_max_hours": 38.0,
            "overtime_year_max_hours": 280.0,
            "has_collective_agreement": "Có" if agreement else "Không",
            "agreement_expires_on": dt.date(2027, 12, 31) if agreement else None,
            "has_democracy_regulation": rng.choice(["Có", "Không"]),
            "last_workers_conference": dt.date(start.year, 1, 15),
            "si_arrears_amount": rng.choice([0, 0, 0, 12_500_000]),
            "si_arrears_months": rng.choice([0, 0, 2]),
            "wage_delay_days": rng.choice([0, 0, 0, 5]),
            "notes": rng.choice(["", "Ổn định", "Tăng ca cuối năm"]),
            "owner_agency": owner,
        }
        for index, key in enumerate(keys):
            value = values[key]
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(row, index, value)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, index, dt.datetime(value.year, value.month, value.day), date_format)
            else:
                sheet.write_number(row, index, value)
    workbook.close()
    return output.getvalue()


def _clear() -> None:
    from phoihop.spreadsheets.models import ImportBatch
    from phoihop.workforce.models import LabourReport

    reports = LabourReport.objects.filter(enterprise__tax_code__startswith="09")
    reports._raw_delete(reports.db)  # nothing refers to the benchmark's reports
    ImportBatch.objects.all().delete()


def _count() -> int:
    from phoihop.workforce.models import LabourReport

    return LabourReport.objects.filter(enterprise__tax_code__startswith="09").count()


def ours(user: Any, content: bytes) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.services import import_file

    kind = spreadsheets.get(KIND)
    assert kind is not None
    _clear()
    start = time.perf_counter()
    outcome = import_file(actor=user, kind=kind, content=content, filename="bench.xlsx", confirm=True)
    elapsed = time.perf_counter() - start
    assert outcome.status == "imported", (outcome.message, outcome.messages[:5])
    assert outcome.created == ROWS
    assert _count() == ROWS
    return elapsed


def profile(user: Any, content: bytes) -> None:
    """`BENCH_EXCEL_PROFILE=1 python -m bench spreadsheets`: where our import spends its time (cProfile)."""
    import cProfile
    import pstats

    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.services import import_file

    kind = spreadsheets.get(KIND)
    assert kind is not None
    _clear()
    profiler = cProfile.Profile()
    profiler.enable()
    outcome = import_file(actor=user, kind=kind, content=content, filename="bench.xlsx", confirm=True)
    profiler.disable()
    assert outcome.status == "imported", (outcome.message, outcome.messages[:5])
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def peak_memory(user: Any, content: bytes) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.services import import_file

    kind = spreadsheets.get(KIND)
    assert kind is not None
    _clear()
    tracemalloc.start()
    outcome = import_file(actor=user, kind=kind, content=content, filename="bench.xlsx", confirm=True)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert outcome.status == "imported"
    return peak / 1048576


def calamine_rows(content: bytes) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name("Dữ liệu").to_python()


def django_import_export(content: bytes) -> float:
    import tablib
    from import_export import fields, resources, widgets

    from phoihop.directory.models import Agency, Enterprise
    from phoihop.workforce.models import LabourReport, period_end_of

    class ChoiceWidget(widgets.Widget):
        def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
            return "monthly" if value == TYPE_LABEL else value

    class YesNoWidget(widgets.Widget):
        def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
            return value == "Có"

    class ReportResource(resources.ModelResource):
        enterprise = fields.Field(
            attribute="enterprise", column_name="enterprise", widget=widgets.ForeignKeyWidget(Enterprise, "tax_code")
        )
        owner_agency = fields.Field(
            attribute="owner_agency",
            column_name="owner_agency",
            widget=widgets.ForeignKeyWidget(Agency, "short_code"),
        )
        report_type = fields.Field(attribute="report_type", column_name="report_type", widget=ChoiceWidget())
        has_collective_agreement = fields.Field(
            attribute="has_collective_agreement", column_name="has_collective_agreement", widget=YesNoWidget()
        )
        has_democracy_regulation = fields.Field(
            attribute="has_democracy_regulation", column_name="has_democracy_regulation", widget=YesNoWidget()
        )

        class Meta:
            model = LabourReport
            fields = tuple(column for column in COLUMN_KEYS)
            import_id_fields = ("enterprise", "report_type", "period_start")
            use_bulk = True
            batch_size = 2000
            skip_diff = True
            force_init_instance = True
            use_transactions = True
            skip_html_diff = True

        def before_save_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
            instance.period_end = period_end_of(instance.report_type, instance.period_start)
            for name in ("si_arrears_months", "wage_delay_days"):
                if getattr(instance, name) is None:
                    setattr(instance, name, 0)
            instance.notes = instance.notes or ""

    _clear()
    start = time.perf_counter()
    cells = calamine_rows(content)
    dataset = tablib.Dataset(*[tuple(row) for row in cells[2:]], headers=[str(key) for key in cells[1]])
    result = ReportResource().import_data(dataset, dry_run=False, raise_errors=True, collect_failed_rows=False)
    elapsed = time.perf_counter() - start
    assert not result.has_errors()
    assert _count() == ROWS
    return elapsed


COLUMN_KEYS = (
    "enterprise",
    "report_type",
    "period_start",
    "headcount",
    "women",
    "other_province",
    "foreign_workers",
    "hires",
    "leavers",
    "union_members",
    "average_income",
    "lowest_wage",
    "meal_value",
    "overtime_avg_hours",
    "overtime_max_hours",
    "overtime_year_max_hours",
    "has_collective_agreement",
    "agreement_expires_on",
    "has_democracy_regulation",
    "last_workers_conference",
    "si_arrears_amount",
    "si_arrears_months",
    "wage_delay_days",
    "notes",
    "owner_agency",
)


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if value == "":
        return None
    return value


def floor(content: bytes) -> float:
    """calamine, the references as two dicts, and the rows straight in: no check at all."""
    from decimal import Decimal

    from django.db import connection, transaction
    from django.utils import timezone

    from phoihop.directory.models import Agency, Enterprise
    from phoihop.workforce.models import LabourReport, period_end_of

    _clear()
    enterprises = dict(Enterprise.objects.filter(tax_code__startswith="09").values_list("tax_code", "pk"))
    owners = dict(Agency.objects.values_list("short_code", "pk"))
    start = time.perf_counter()
    now = timezone.now()
    records = []
    for raw in calamine_rows(content)[2:]:
        row = dict(zip(COLUMN_KEYS, (_cell(value) for value in raw), strict=False))
        period = row["period_start"]
        values = [enterprises[row["enterprise"]], owners[row["owner_agency"]], "monthly", period]
        values.append(period_end_of("monthly", period))
        for key in COLUMN_KEYS[3:13]:
            values.append(None if row[key] is None else int(row[key]))
        for key in COLUMN_KEYS[13:16]:
            values.append(None if row[key] is None else Decimal(str(row[key])))
        values += [row["has_collective_agreement"] == "Có", row["agreement_expires_on"]]
        values += [row["has_democracy_regulation"] == "Có", row["last_workers_conference"]]
        arrears = None if row["si_arrears_amount"] is None else int(row["si_arrears_amount"])
        values += [arrears, int(row["si_arrears_months"] or 0), int(row["wage_delay_days"] or 0)]
        values += [row["notes"] or "", "draft", "", now, now, 1]
        records.append(values)
    names = ["enterprise_id", "owner_agency_id", "report_type", "period_start", "period_end", *COLUMN_KEYS[3:24]]
    names += ["status", "return_reason", "created_at", "updated_at", "version"]
    if connection.vendor == "postgresql":
        table = LabourReport._meta.db_table
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy,
        ):
            for values in records:
                copy.write_row(values)
    else:
        with transaction.atomic():
            LabourReport.objects.bulk_create(
                [LabourReport(**dict(zip(names, values, strict=True))) for values in records], batch_size=2000
            )
    elapsed = time.perf_counter() - start
    assert _count() == ROWS
    return elapsed


def export_ours(user: Any) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.workbook import write_workbook

    kind = spreadsheets.get(KIND)
    assert kind is not None
    start = time.perf_counter()
    write_workbook(kind, user=user, rows=kind.export_rows(user, {}))
    return time.perf_counter() - start


def export_bare(user: Any) -> float:
    import xlsxwriter

    from phoihop.spreadsheets.registry import spreadsheets

    kind = spreadsheets.get(KIND)
    assert kind is not None
    rows = [list(row.values()) for row in kind.export_rows(user, {})]
    start = time.perf_counter()
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet("Dữ liệu")
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    for number, row in enumerate(rows, start=2):
        for index, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(number, index, value)
            elif isinstance(value, dt.date):
                sheet.write_datetime(number, index, dt.datetime(value.year, value.month, value.day), date_format)
            else:
                sheet.write_number(number, index, value)
    workbook.close()
    return time.perf_counter() - start


def _setup() -> tuple[Any, bytes]:
    from bench.generate import seed
    from phoihop.accounts.models import User

    seed(enterprises=ENTERPRISES)
    user = User.objects.get(username="bqlkkt.canbo")
    assert user.agency is not None
    return user, build_file(user.agency.short_code)


def _said(name: str, value: float) -> float:
    """Each figure on stderr as soon as it is measured: a long run on a loaded machine shows where it is."""
    print(f"  {name}: {value:.2f}", file=sys.stderr, flush=True)
    return value


def rows() -> list[tuple[str, str]]:
    from django.db import connection

    user, content = _setup()
    if os.environ.get("BENCH_EXCEL_PROFILE"):  # the profile of our import instead of the table
        profile(user, content)
        return []
    # Rounds interleaved (ours, the floor, ours, the floor...): a load that changes during the run weighs on both.
    ours_runs: list[float] = []
    floor_runs: list[float] = []
    for _round in range(ROUNDS):
        ours_runs.append(_said("our import", ours(user, content)))
        floor_runs.append(_said("floor", floor(content)))
    ours_s, floor_s = min(ours_runs), min(floor_runs)
    iex_s = _said("django-import-export", django_import_export(content))
    memory = _said("import peak memory (MB)", peak_memory(user, content))
    ours(user, content)  # the reports to export
    export_rows_count = _count()
    export_runs: list[float] = []
    bare_runs: list[float] = []
    for _round in range(ROUNDS):
        export_runs.append(_said("our export", export_ours(user)))
        bare_runs.append(_said("bare xlsxwriter", export_bare(user)))
    export_s, bare_s = min(export_runs), min(bare_runs)
    _clear()
    floor_name = "calamine + COPY" if connection.vendor == "postgresql" else "calamine + bulk_create"
    return [
        ("file", f"{ROWS:,} labour-report rows".replace(",", ".") + f"; {len(content) / 1048576:.1f} MB"),
        ("our import", f"{ours_s:.2f} s ({ROWS / ours_s:,.0f} rows/s)".replace(",", ".")),
        ("django-import-export (tuned)", f"{iex_s:.2f} s ({ROWS / iex_s:,.0f} rows/s)".replace(",", ".")),
        (f"floor: {floor_name}", f"{floor_s:.2f} s ({ROWS / floor_s:,.0f} rows/s)".replace(",", ".")),
        ("speed-up vs import-export", f"{iex_s / ours_s:.1f}x (target >= 20x)"),
        # What the line above is to be read against: the floor checks nothing (on SQLite its bulk_create is not the
        # fastest insert, so there our import can beat it; on PostgreSQL its COPY is).
        ("  the floor's own speed-up", f"{iex_s / floor_s:.1f}x (the floor checks nothing)"),
        ("cost vs floor", f"{ours_s / floor_s:.2f}x (target <= 2x)"),
        ("import peak memory", f"{memory:.0f} MB (tracemalloc: Python's allocations; target < 256 MB)"),
        (f"our export ({export_rows_count:,} rows)".replace(",", "."), f"{export_s:.2f} s"),
        ("bare xlsxwriter constant_memory", f"{bare_s:.2f} s"),
        ("export cost vs bare", f"{export_s / bare_s:.2f}x (target <= 1.3x)"),
    ]


def print_rows(table: list[tuple[str, str]]) -> None:
    from django.db import connection

    print(f"\nExcel import/export ({connection.vendor})")
    for name, value in table:
        print(f"{name:<36}{value}")

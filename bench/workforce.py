"""Early-warning evaluation over every enterprise (`phoihop evaluate_warnings`) at 1.000 and 10.000 enterprises, each
with two approved monthly labour reports (one in three with social-insurance arrears, one in five with a lowest wage
below the regional minimum): time and statements of the first run (opens), a second run (nothing changes) and a run
after the arrears are corrected (closes). The statement count should not grow with the data (bulk writes per rule;
Django splits very large bulk inserts into batches)."""

from __future__ import annotations

import datetime as dt
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.generate import seed
from phoihop.directory.models import Agency, Enterprise
from phoihop.workforce.choices import ReportStatus, ReportType
from phoihop.workforce.models import LabourReport
from phoihop.workforce.services import evaluate_warnings


def _timed(label: str, scale: str) -> tuple[str, str, float, int]:
    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        evaluate_warnings()
        elapsed = time.perf_counter() - start
    return label, scale, elapsed * 1000, len(captured.captured_queries)


def _reports(enterprises: list[Enterprise], owner: Agency) -> None:
    rows = []
    for number, enterprise in enumerate(enterprises):
        for month in (2, 3):
            start = dt.date(2023, month, 1)
            rows.append(
                LabourReport(
                    enterprise=enterprise,
                    owner_agency=owner,
                    report_type=ReportType.MONTHLY,
                    period_start=start,
                    period_end=dt.date(2023, month + 1, 1) - dt.timedelta(days=1),
                    status=ReportStatus.APPROVED,
                    headcount=500,
                    women=300,
                    lowest_wage=4_000_000 if number % 5 == 0 else 5_200_000,
                    meal_value=22_000,
                    si_arrears_months=4 if number % 3 == 0 else 0,
                    has_collective_agreement=True,
                    last_workers_conference=dt.date(2023, 1, 10),
                )
            )
    LabourReport.objects.bulk_create(rows, batch_size=2000)


def rows() -> list[tuple[str, str, float, int]]:
    owner = Agency.objects.get(short_code="BQLKKT")
    found = []
    for scale, n in (("1x", 1_000), ("10x", 10_000)):
        seed(enterprises=n)
        synthetic = Enterprise.objects.filter(tax_code__startswith="09").order_by("pk")
        done = set(LabourReport.objects.filter(enterprise__in=synthetic).values_list("enterprise_id", flat=True))
        _reports([e for e in synthetic if e.pk not in done], owner)
        found.append(_timed("evaluate: opens", scale))
        found.append(_timed("evaluate: no change", scale))
        LabourReport.objects.filter(enterprise__in=synthetic).update(si_arrears_months=0)
        found.append(_timed("evaluate: closes", scale))
    return found


def print_rows(found: list[tuple[str, str, float, int]]) -> None:
    print(f"{'what':<26}{'data':>6}{'median ms':>12}{'queries':>9}")
    for name, scale, ms, queries in found:
        print(f"{name:<26}{scale:>6}{ms:>12.1f}{queries:>9}")
    print(f"\ndatabase: {connection.vendor}; enterprises with two approved reports: 1x = 1.000, 10x = 10.000")

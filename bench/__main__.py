"""`make bench`: timings and query counts at 1x and 10x data, lists under load, the report, Excel and search at
100.000 enterprises, on a throw-away database. `python -m bench search|lists|spreadsheets|home|report|workforce` runs
one group.

SQLite in a temporary file by default; set BENCH_DATABASE_URL to measure PostgreSQL (the database is emptied).
Each group prints one table (bench/table.py: floor, subject, ratio, target, pass); it asserts nothing (tests pin
query counts; this measures time)."""

from __future__ import annotations

import functools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from statistics import median

BENCH_DIR = tempfile.mkdtemp(prefix="phoihop-bench-")
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_DIR}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ["PHOIHOP_VAR_DIR"] = BENCH_DIR

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.generate import seed  # noqa: E402
from bench.table import Row, print_table  # noqa: E402


def measure(fn: Callable[[], object], repeat: int = 5) -> tuple[float, int]:
    times = []
    queries = 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        queries = len(ctx.captured_queries)
    return median(times) * 1000, queries


def scale_rows(measured: list[tuple[str, str, float, int]]) -> list[Row]:
    """One row per page: floor = its median at 1x, subject = at 10x; target: at most twice the time, the same
    number of queries."""
    by_name: dict[str, dict[str, tuple[float, int]]] = {}
    for name, scale, ms, queries in measured:
        by_name.setdefault(name, {})[scale] = (ms, queries)
    out = []
    for name, scales in by_name.items():
        (small, small_queries), (large, large_queries) = scales["1x"], scales["10x"]
        ok = large <= 2 * small and small_queries == large_queries
        note = f"queries {small_queries} / {large_queries}"
        out.append(Row(name, small, large, "ms", "≤ 2×, = queries", ok, note))
    return out


def home_rows(measured: list[tuple[str, str, float, int]]) -> list[Row]:
    """Each role's home page: floor = at 1x, subject = at 10x; target 300 ms at 10x, the same number of queries."""
    by_name: dict[str, dict[str, tuple[float, int]]] = {}
    for name, scale, ms, queries in measured:
        by_name.setdefault(name, {})[scale] = (ms, queries)
    out = []
    for name, scales in by_name.items():
        (small, small_queries), (large, large_queries) = scales["1x"], scales["10x"]
        ok = large <= 300 and small_queries == large_queries
        note = f"queries {small_queries} / {large_queries}"
        out.append(Row(f"{name} 1x → 10x", small, large, "ms", "≤ 300 ms, = queries", ok, note))
    return out


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    from phoihop.accounts.models import User

    if sys.argv[1:] == ["spreadsheets"]:  # the Excel figures alone
        from bench.spreadsheets import print_rows
        from bench.spreadsheets import rows as spreadsheet_rows

        print_rows(spreadsheet_rows())
        return 0
    if sys.argv[1:] == ["lists"]:  # list pages under load through gunicorn at 10x data
        from bench import lists

        print_table(f"lists under load, 10x ({connection.vendor})", lists.rows())
        return 0
    if sys.argv[1:] == ["workforce"]:  # the early-warning evaluation alone
        from bench import workforce

        workforce.print_rows(workforce.rows())
        return 0
    client = Client()
    client.force_login(User.objects.get(username="bqlkkt.canbo"))
    if sys.argv[1:] == ["home"]:  # the home page at 1x and 10x alone
        from bench import home

        print_table(f"home page ({connection.vendor})", home_rows(home.rows(measure)))
        return 0
    if sys.argv[1:] == ["report"]:  # the 2023 joint report at 1x, then 10x its records, alone
        from bench.report import rows as report_rows

        print_table(f"report 1x vs 10x ({connection.vendor})", scale_rows(report_rows()))
        return 0
    if sys.argv[1:] == ["search"]:  # the search at 100.000 enterprises alone
        from bench import search

        search.print_rows(search.rows(client, User.objects.get(username="bqlkkt.canbo")))
        return 0
    rows: list[tuple[str, str, float, int]] = []
    for scale, n in (("1x", 1_000), ("10x", 10_000)):
        seed(enterprises=n)
        for name, url in (
            ("enterprise list", "/danh-muc/doanh-nghiep/"),
            ("search 'trang due'", "/danh-muc/doanh-nghiep/?q=trang+due"),
            ("API search 'dinh vu'", "/api/v1/directory/enterprises?q=dinh%20vu"),
            ("zone list", "/danh-muc/khu/"),
        ):
            ms, queries = measure(functools.partial(client.get, url))
            rows.append((name, scale, ms, queries))
    from bench import lists

    lists_rows = lists.rows()  # at 10x, through gunicorn and wrk, before the report adds its records
    from bench import home
    from bench.report import rows as report_rows

    home_measured = home.rows(measure)  # the leader's home page at 1x, then 10x (target 300 ms)

    rows += report_rows()  # the 2023 joint report at 1x, then 10x its records
    print_table(f"1x vs 10x data ({connection.vendor})", scale_rows(rows))
    print_table(f"home page ({connection.vendor})", home_rows(home_measured))
    print_table(f"lists under load, 10x ({connection.vendor})", lists_rows)
    from bench.spreadsheets import print_rows
    from bench.spreadsheets import rows as spreadsheet_rows

    print_rows(spreadsheet_rows())  # Excel import/export at 100.000 rows
    from bench import search

    search.print_rows(search.rows(client, User.objects.get(username="bqlkkt.canbo")))  # search at 100.000
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Excel import and export at 100.000 rows (part of `make bench`; alone: `python -m bench spreadsheets`).

- our import: `spreadsheets.services.import_file` on a 100.000-row enterprise file (the template's layout), every
  cell checked, one transaction, bulk insert, one audit event;
- django-import-export, tuned as its docs advise for bulk imports (`use_bulk`, `batch_size`, `skip_diff`,
  `force_init_instance`, `use_transactions`, no per-row result), on the same rows: it cannot read .xlsx without
  openpyxl, so the file is read with python-calamine into a tablib Dataset, and that read is counted;
- the floor: python-calamine reads the file and the rows go in with `bulk_create` (SQLite) or COPY (PostgreSQL),
  without any check;
- export of the same 100.000 rows through the list's export against bare xlsxwriter (constant_memory) writing the
  same cells from a list in memory;
- peak memory of our import (tracemalloc, a separate run: tracing slows Python down)."""

from __future__ import annotations

import io
import os
import random
import time
import tracemalloc
from typing import Any

ROWS = int(os.environ.get("BENCH_EXCEL_ROWS", "100000"))
PREFIX = "07"  # tax codes of the benchmark's rows (bench.generate uses 09)


def build_file(zones: list[str], owner: str) -> bytes:
    import xlsxwriter

    from phoihop.spreadsheets.registry import spreadsheets

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    rng = random.Random(7)
    words = ["Hải Phòng", "Đình Vũ", "Tràng Duệ", "Việt Nam", "Điện tử", "May mặc", "Cơ khí", "Nhựa"]
    ownerships = [
        "Doanh nghiệp trong nước",
        "Doanh nghiệp có vốn đầu tư nước ngoài",
        "Doanh nghiệp 100% vốn nước ngoài",
    ]
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet(kind.sheet_name)
    for index, column in enumerate(kind.columns):
        sheet.write_string(0, index, column.header)
        sheet.write_string(1, index, column.key)
    for i in range(ROWS):
        row = 2 + i
        sheet.write_string(row, 0, f"Công ty TNHH {rng.choice(words)} {rng.choice(words)} {i}")
        sheet.write_string(row, 1, f"CT{i}")
        sheet.write_string(row, 2, f"{PREFIX}{i:08d}")
        sheet.write_string(row, 3, rng.choice(zones))
        sheet.write_string(row, 4, f"Lô {i % 500}, đường số {i % 40}")
        sheet.write_string(row, 5, rng.choice(ownerships))
        sheet.write_string(row, 6, rng.choice(["Việt Nam", "Hàn Quốc", "Nhật Bản", ""]) or "Việt Nam")
        sheet.write_string(row, 7, rng.choice(["Điện tử", "May mặc", "Cơ khí"]))
        sheet.write_number(row, 8, rng.randint(10, 20000))
        sheet.write_string(row, 9, owner)
    workbook.close()
    return output.getvalue()


def _clear() -> None:
    from phoihop.directory.models import Enterprise
    from phoihop.spreadsheets.models import ImportBatch

    Enterprise.objects.filter(tax_code__startswith=PREFIX).delete()
    ImportBatch.objects.all().delete()


def ours(user: Any, content: bytes) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.services import import_file

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    _clear()
    start = time.perf_counter()
    outcome = import_file(actor=user, kind=kind, content=content, filename="bench.xlsx", confirm=True)
    elapsed = time.perf_counter() - start
    assert outcome.status == "imported", (outcome.message, outcome.messages[:5])
    assert outcome.created == ROWS
    return elapsed


def peak_memory(user: Any, content: bytes) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.services import import_file

    kind = spreadsheets.get("directory.enterprise")
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

    from phoihop.directory.models import Agency, Enterprise, Zone

    labels = {
        "Doanh nghiệp trong nước": "domestic",
        "Doanh nghiệp có vốn đầu tư nước ngoài": "foreign_invested",
        "Doanh nghiệp 100% vốn nước ngoài": "wholly_foreign",
    }

    class OwnershipWidget(widgets.Widget):
        def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
            return labels.get(value, value)

    class EnterpriseResource(resources.ModelResource):
        zone = fields.Field(attribute="zone", column_name="zone", widget=widgets.ForeignKeyWidget(Zone, "name"))
        owner_agency = fields.Field(
            attribute="owner_agency",
            column_name="owner_agency",
            widget=widgets.ForeignKeyWidget(Agency, "short_code"),
        )
        ownership = fields.Field(attribute="ownership", column_name="ownership", widget=OwnershipWidget())

        class Meta:
            model = Enterprise
            fields = (
                "name",
                "short_name",
                "tax_code",
                "zone",
                "address",
                "ownership",
                "investor_country",
                "sector",
                "workforce",
                "owner_agency",
            )
            import_id_fields = ("tax_code",)
            use_bulk = True
            batch_size = 2000
            skip_diff = True
            force_init_instance = True
            use_transactions = True
            skip_html_diff = True

    _clear()
    start = time.perf_counter()
    cells = calamine_rows(content)
    dataset = tablib.Dataset(*[tuple(row) for row in cells[2:]], headers=[str(key) for key in cells[1]])
    result = EnterpriseResource().import_data(dataset, dry_run=False, raise_errors=True, collect_failed_rows=False)
    elapsed = time.perf_counter() - start
    assert not result.has_errors()
    assert Enterprise.objects.filter(tax_code__startswith=PREFIX).count() == ROWS
    return elapsed


def floor(content: bytes) -> float:
    from django.db import connection, transaction

    from phoihop.core.text import fold_vi
    from phoihop.directory.models import Agency, Enterprise, Zone

    _clear()
    zones = {zone.name: zone.pk for zone in Zone.objects.all()}
    owners = {agency.short_code: agency.pk for agency in Agency.objects.all()}
    labels = {
        "Doanh nghiệp trong nước": "domestic",
        "Doanh nghiệp có vốn đầu tư nước ngoài": "foreign_invested",
        "Doanh nghiệp 100% vốn nước ngoài": "wholly_foreign",
    }
    start = time.perf_counter()
    cells = calamine_rows(content)[2:]
    if connection.vendor == "postgresql":
        from django.utils import timezone

        now = timezone.now().isoformat()
        buffer = io.StringIO()
        for name, short, tax, zone, address, ownership, country, sector, workforce, owner in cells:
            values = [name, short, tax, str(zones[zone]), address, labels[ownership], country, sector]
            values += [str(int(workforce)), str(owners[owner]), fold_vi(f"{name} {short} {tax} {country}")]
            values += [now, now, "1"]
            buffer.write("\t".join(v.replace("\t", " ").replace("\\", "\\\\") for v in values) + "\n")
        buffer.seek(0)
        columns = (
            "name, short_name, tax_code, zone_id, address, ownership, investor_country, sector, workforce, "
            "owner_agency_id, search_text, created_at, updated_at, version"
        )
        table = Enterprise._meta.db_table
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            copy.write(buffer.getvalue())
    else:
        batch = [
            Enterprise(
                name=name,
                short_name=short,
                tax_code=tax,
                zone_id=zones[zone],
                address=address,
                ownership=labels[ownership],
                investor_country=country,
                sector=sector,
                workforce=int(workforce),
                owner_agency_id=owners[owner],
                search_text=fold_vi(f"{name} {short} {tax} {country}"),
            )
            for name, short, tax, zone, address, ownership, country, sector, workforce, owner in cells
        ]
        with transaction.atomic():
            Enterprise.objects.bulk_create(batch, batch_size=2000)
    return time.perf_counter() - start


def export_ours(user: Any) -> float:
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.spreadsheets.workbook import write_workbook

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    start = time.perf_counter()
    write_workbook(kind, user=user, rows=kind.export_rows(user, {"q": ""}))
    return time.perf_counter() - start


def export_bare(user: Any) -> float:
    import xlsxwriter

    from phoihop.spreadsheets.registry import spreadsheets

    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    rows = [list(row.values()) for row in kind.export_rows(user, {"q": ""})]
    start = time.perf_counter()
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True, "in_memory": False})
    sheet = workbook.add_worksheet("Dữ liệu")
    for number, row in enumerate(rows, start=2):
        for index, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(number, index, value)
            else:
                sheet.write_number(number, index, value)
    workbook.close()
    return time.perf_counter() - start


def rows() -> list[tuple[str, str]]:
    from django.db import connection

    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise, Zone

    user = User.objects.get(username="bqlkkt.canbo")
    zones = list(Zone.objects.values_list("name", flat=True))
    assert user.agency is not None
    content = build_file(zones, user.agency.short_code)
    ours_s = min(ours(user, content) for _ in range(2))
    export_rows_count = Enterprise.objects.count()
    export_s = min(export_ours(user) for _ in range(2))
    bare_s = min(export_bare(user) for _ in range(2))
    memory = peak_memory(user, content)
    floor_s = floor(content)
    iex_s = django_import_export(content)
    _clear()
    floor_name = "calamine + COPY" if connection.vendor == "postgresql" else "calamine + bulk_create"
    return [
        ("file", f"{ROWS:,} enterprise rows".replace(",", ".") + f"; {len(content) / 1048576:.1f} MB"),
        ("our import", f"{ours_s:.2f} s ({ROWS / ours_s:,.0f} rows/s)".replace(",", ".")),
        ("django-import-export (tuned)", f"{iex_s:.2f} s ({ROWS / iex_s:,.0f} rows/s)".replace(",", ".")),
        (f"floor: {floor_name}", f"{floor_s:.2f} s ({ROWS / floor_s:,.0f} rows/s)".replace(",", ".")),
        ("speed-up vs import-export", f"{iex_s / ours_s:.1f}x (target >= 20x)"),
        ("cost vs floor", f"{ours_s / floor_s:.2f}x (target <= 2x)"),
        ("import peak memory", f"{memory:.0f} MB (tracemalloc; target < 256 MB)"),
        (f"our export ({export_rows_count:,} rows)".replace(",", "."), f"{export_s:.2f} s"),
        ("bare xlsxwriter constant_memory", f"{bare_s:.2f} s"),
        ("export cost vs bare", f"{export_s / bare_s:.2f}x (target <= 1.3x)"),
    ]


def print_rows(table: list[tuple[str, str]]) -> None:
    from django.db import connection

    print(f"\nExcel import/export ({connection.vendor})")
    for name, value in table:
        print(f"{name:<36}{value}")

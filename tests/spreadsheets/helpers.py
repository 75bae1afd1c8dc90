"""Building .xlsx files the way an officer's spreadsheet program would, with xlsxwriter (no openpyxl), and reading
back what the system wrote with python-calamine."""

from __future__ import annotations

import datetime as dt
import io
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from phoihop.spreadsheets.registry import SheetKind


def xlsx(
    kind: SheetKind,
    rows: Sequence[Sequence[Any]] | Sequence[dict[str, Any]],
    *,
    keys: Sequence[str] | None = None,
    sheet: str | None = None,
) -> bytes:
    """A filled template: headers, the key row, then `rows` (lists in column order, or dicts by key)."""
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "strings_to_numbers": False})
    worksheet = workbook.add_worksheet(sheet or kind.sheet_name)
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    columns = [column.key for column in kind.columns]
    for index, column in enumerate(kind.columns):
        worksheet.write_string(0, index, column.header)
    for index, key in enumerate(keys if keys is not None else columns):
        worksheet.write_string(1, index, key)
    for number, row in enumerate(rows, start=2):
        cells = [row.get(key) for key in columns] if isinstance(row, dict) else list(row)
        for index, value in enumerate(cells):
            if value is None:
                continue
            if isinstance(value, str):
                worksheet.write_string(number, index, value)
            elif hasattr(value, "year"):
                worksheet.write_datetime(number, index, dt.datetime(value.year, value.month, value.day), date_format)
            else:
                worksheet.write_number(number, index, value)
    workbook.close()
    return output.getvalue()


def read_sheet(content: bytes, name: str) -> list[list[Any]]:
    return CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_name(name).to_python()


def sheet_kind(key: str) -> SheetKind:
    """The registered kind, which must be there."""
    from phoihop.spreadsheets.registry import spreadsheets

    found = spreadsheets.get(key)
    assert found is not None
    return found


LABOUR_REPORTS = "workforce.labour_report"
MONTHLY = "Hằng tháng (công đoàn theo dõi tình hình)"


def kind(key: str = LABOUR_REPORTS) -> SheetKind:
    """The registered kind: by default the labour reports', the kind large files are made of."""
    return sheet_kind(key)


def labour_months(count: int, *, codes: Sequence[str], headcount: int, **cells: Any) -> list[dict[str, Any]]:
    """`count` monthly labour reports: the enterprises of `codes` in turn, month after month from January 2024, the
    headcount rising by one a row from `headcount`, and `cells` in every row."""
    out = []
    for n in range(count):
        year, month = divmod(n // len(codes), 12)
        out.append(
            {
                "enterprise": codes[n % len(codes)],
                "report_type": MONTHLY,
                "period_start": dt.date(2024 + year, month + 1, 1),
                "headcount": headcount + n,
                **cells,
            }
        )
    return out


def upload_sheet(client: Any, content: bytes, name: str = "tep.xlsx", *, kind: str) -> str:
    """What the upload page answers (the htmx swap) when the officer sends the file."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    answer = client.post(
        f"/excel/{kind}/nhap/", {"file": SimpleUploadedFile(name, content)}, headers={"HX-Request": "true"}
    )
    return str(answer.content.decode())


def data_rows(content: bytes) -> list[dict[str, Any]]:
    """The data sheet of an exported file as {column key: value} per filled row."""
    cells = read_sheet(content, "Dữ liệu")
    return [dict(zip(cells[1], row, strict=False)) for row in cells[2:] if any(row)]


ROOT = Path(__file__).resolve().parents[2]


def kill_when_written(module: str, env: dict[str, str]) -> None:
    """Run `python -m <module>` (an import that prints "written" once its rows are inserted, before its commit) and
    kill it with SIGKILL at that line: the process dies inside its transaction, as a server losing power would."""
    child = subprocess.Popen(  # noqa: S603 - this interpreter and one of the test suite's own modules
        [sys.executable, "-m", module], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the rows are inserted (or the child fails)
        if line.strip() != "written":
            child.wait(timeout=60)
            pytest.fail(f"{module} did not reach its write: {line!r} {child.stderr.read() if child.stderr else ''}")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

"""Every list page's "Xuất Excel" file opens in LibreOffice Calc, and what Calc saves back imports unchanged.

With the whole demo loaded, each list page that offers the action is opened, its "Xuất Excel" link followed as the
officer would, and all the files converted in one `soffice --headless --convert-to xlsx` run: Calc reads each file and
writes it again in its own way (its own styles, shared strings, number storage). The test then reads the file Calc
wrote: the same sheets, the same cells, the hidden key row kept. For the kinds that can be imported, the body's own
rows are exported, re-saved by Calc and uploaded: every row comes back "không đổi", nothing is written but the
import's own history entry. Needs `soffice` with Calc (libreoffice-calc-nogui); CI installs it."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.core.models import AuditEvent
from phoihop.spreadsheets.registry import SheetKind, spreadsheets
from tests.spreadsheets.helpers import read_sheet

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")
# CI installs LibreOffice Calc and sets PHOIHOP_REQUIRE_SOFFICE=1: there these tests must run, not skip.
REQUIRED = os.environ.get("PHOIHOP_REQUIRE_SOFFICE") == "1"

pytestmark = pytest.mark.skipif(
    (SOFFICE is None or (CALC.parent.exists() and not CALC.exists())) and not REQUIRED,
    reason="LibreOffice Calc is not installed: exports not opened in Calc",
)

# Who opens each list: an officer of a body that reads it. Case topics are read by those who handle cases.
READER = "ldldtp.canbo"
# The kinds an officer imports, with the body whose own rows go back in and the list filter that shows only them.
IMPORTS = {
    "activities.activity": ("ldldtp.canbo", "owner_agency"),
    "directory.enterprise": ("bqlkkt.canbo", "owner_agency"),
    "housing.project": ("ldldtp.canbo", "owner_agency"),
    "indicators.value": ("ldldtp.canbo", "scope"),
    "organizing.founding": ("ldldtp.canbo", "owner_agency"),
    "oversight.inspection": ("ldldtp.canbo", "owner_agency"),
    "practices.practice": ("ldldtp.canbo", "owner_agency"),
    "workforce.labour_report": ("ldldtp.canbo", "owner_agency"),
}


@dataclass
class Export:
    kind: SheetKind
    original: bytes
    resaved: bytes
    username: str


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def export_link(client: Client, kind: SheetKind, query: str = "") -> str:
    """The "Xuất Excel" link of the kind's list page, as the page writes it."""
    page = client.get(reverse(kind.list_url_name) + query)
    assert page.status_code == 200, f"{kind.key}: the list page answers {page.status_code}"
    found = re.search(r'<a [^>]*href="([^"]+)"[^>]*>Xuất Excel</a>', page.content.decode())
    assert found is not None, f"{kind.key}: the list page has no “Xuất Excel” action"
    return html.unescape(found.group(1))


def own_filter(username: str, field: str) -> str:
    """The list filter that shows only the user's body's rows."""
    user = User.objects.get(username=username)
    return f"?{field}=mine" if field == "scope" else f"?{field}={user.agency_id}"


def resave_in_calc(files: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """Every file opened and saved again by LibreOffice Calc, in one run."""
    source, target = folder / "xuat", folder / "calc"
    source.mkdir()
    target.mkdir()
    for name, content in files.items():
        (source / f"{name}.xlsx").write_bytes(content)
    profile = folder / f"lo-{uuid.uuid4().hex}"  # a profile of its own: concurrent runs would fight over the default
    assert SOFFICE is not None
    subprocess.run(  # noqa: S603
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(target),
            *sorted(str(path) for path in source.iterdir()),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    written = {path.stem: path.read_bytes() for path in target.iterdir()}
    assert sorted(written) == sorted(files), "LibreOffice Calc did not write back every file"
    return written


@pytest.fixture(scope="module")
def exports(whole_demo: Any, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Export]:
    originals: dict[str, tuple[SheetKind, bytes, str]] = {}
    with django_db_blocker.unblock():
        for kind in spreadsheets:
            if not kind.list_url_name:
                continue
            username, query = READER, ""
            if kind.key in IMPORTS:
                username, field = IMPORTS[kind.key]
                query = own_filter(username, field)
            client = signed_in(username)
            answer = client.get(export_link(client, kind, query))
            assert answer.status_code == 200, f"{kind.key}: the export answers {answer.status_code}"
            assert answer["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
            originals[kind.key] = (kind, answer.content, username)
    resaved = resave_in_calc(
        {key: content for key, (_, content, _) in originals.items()}, tmp_path_factory.mktemp("lo")
    )
    return {
        key: Export(kind=kind, original=content, resaved=resaved[key], username=username)
        for key, (kind, content, username) in originals.items()
    }


def sheet_names(content: bytes) -> list[str]:
    import io

    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_filelike(io.BytesIO(content)).sheet_names


def same_cells(rows: list[list[Any]]) -> list[list[Any]]:
    """Cells as a reader sees them: trailing empty cells and rows dropped (Calc trims what the writer padded)."""
    trimmed = []
    for row in rows:
        cells = list(row)
        while cells and cells[-1] in ("", None):
            cells.pop()
        trimmed.append(cells)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    return trimmed


def test_every_list_page_with_an_export_is_checked(exports: dict[str, Export]) -> None:
    listed = {kind.key for kind in spreadsheets if kind.list_url_name}
    assert set(exports) == listed
    assert len(exports) >= 20
    assert {kind.key for kind in spreadsheets if not kind.export_only} == set(IMPORTS)  # every importable kind
    for key, export in exports.items():
        rows = [row for row in read_sheet(export.original, export.kind.sheet_name)[2:] if any(c != "" for c in row)]
        assert rows, f"{key}: the demo's list is empty, so its export proves nothing"
        assert export.resaved != export.original, f"{key}: Calc did not write its own file"


@pytest.mark.django_db
def test_calc_reads_every_export_cell_for_cell(exports: dict[str, Export]) -> None:
    for key, export in exports.items():
        assert sheet_names(export.resaved) == sheet_names(export.original), key
        for name in sheet_names(export.original):
            before = same_cells(read_sheet(export.original, name))
            after = same_cells(read_sheet(export.resaved, name))
            assert after == before, f"{key}, sheet {name}: Calc reads other cells than the system wrote"
        data = read_sheet(export.resaved, export.kind.sheet_name)
        assert data[1][: len(export.kind.columns)] == [column.key for column in export.kind.columns], key


@pytest.mark.django_db
def test_the_key_row_stays_hidden_after_calc_saves(exports: dict[str, Export]) -> None:
    import io
    import zipfile

    for key, export in exports.items():
        with zipfile.ZipFile(io.BytesIO(export.resaved)) as archive:
            sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        row_two = re.search(r'<row [^>]*r="2"[^>]*>', sheet_xml)
        assert row_two is not None, key
        assert 'hidden="true"' in row_two.group(0) or 'hidden="1"' in row_two.group(0), f"{key}: key row shown"


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(IMPORTS))
def test_what_calc_saves_imports_back_unchanged(exports: dict[str, Export], key: str) -> None:
    export = exports[key]
    rows = [row for row in read_sheet(export.resaved, export.kind.sheet_name)[2:] if any(cell != "" for cell in row)]
    assert rows, f"{key}: the body's own list is empty in the demo"
    client = signed_in(export.username)
    events = AuditEvent.objects.count()
    answer = client.post(
        f"/excel/{key}/nhap/",
        {"file": SimpleUploadedFile("calc.xlsx", export.resaved)},
        headers={"HX-Request": "true"},
    )
    text = answer.content.decode()
    assert answer.status_code == 200, key
    expected = f"Đã nhập {len(rows)} dòng: 0 bản ghi mới, 0 bản ghi cập nhật, {len(rows)} không đổi."
    shown = " ".join(re.sub(r"<[^>]+>", " ", html.unescape(text)).split())
    assert expected in shown, f"{key}: {shown[:600]}"
    assert AuditEvent.objects.count() == events + 1  # the import's own entry, nothing per row

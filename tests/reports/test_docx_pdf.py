"""The .docx opens in LibreOffice: converted to PDF, the footnotes print at the foot of the page that cites them and
the page number appears from page 2 on. Needs `soffice` (LibreOffice) and `pdftotext` (poppler-utils)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from phoihop.reports.docx import render
from tests.reports.seed_spec import seed_spec

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFFONTS = shutil.which("pdffonts")

# CI installs LibreOffice and poppler-utils and sets PHOIHOP_REQUIRE_SOFFICE=1: there these tests must run, not skip.
REQUIRED = os.environ.get("PHOIHOP_REQUIRE_SOFFICE") == "1"

pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None and not REQUIRED, reason="LibreOffice (soffice) is not installed: PDF conversion not checked"
    ),
    pytest.mark.skipif(
        PDFTOTEXT is None and not REQUIRED, reason="pdftotext (poppler-utils) is not installed: PDF text not checked"
    ),
]

# Where each footnote is cited (end of the sentence, then the superscript number) and how its text begins.
ANCHORS = {
    1: ("vướng mắc trong quan hệ lao động1", "1 Liên đoàn Lao động thành phố tổ chức khảo sát"),
    2: ("khởi công nhiều dự án nhà ở xã hội2", "2 Tháng 3/2023, Hải Phòng khởi công"),
    3: ("các dự án nhà ở cho công nhân lao động3", "3 Dự án đầu tư Xây dựng Khu nhà ở xã hội"),
    4: ("có 100% vốn nước ngoài4", "4 Chi bộ công ty TNHH Crystal Sweater VN"),
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pdf")
    source = work / "bao-cao.docx"
    source.write_bytes(render(seed_spec()))
    profile = work / f"lo-{uuid.uuid4().hex}"  # a profile of its own: concurrent runs would fight over the default
    assert SOFFICE is not None
    subprocess.run(  # noqa: S603
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    result = work / "bao-cao.pdf"
    assert result.exists(), "LibreOffice exited without writing a PDF"
    return result


@pytest.fixture(scope="module")
def pages(pdf: Path) -> list[str]:
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)  # noqa: S603
    return [page for page in out.stdout.split("\f") if page.strip()]


def test_libreoffice_opens_the_document_and_it_spans_pages(pages: list[str]) -> None:
    assert len(pages) >= 2
    assert "BÁO CÁO" in pages[0]
    assert "Số -BC/BDVTU-BQLKKT-LĐLĐTP" in pages[0]
    assert "TM. BAN CHẤP HÀNH" in pages[-1]


def test_page_number_is_shown_from_page_two_only(pages: list[str]) -> None:
    first_lines = [next(line.strip() for line in page.splitlines() if line.strip()) for page in pages]
    assert not first_lines[0].isdigit()
    assert first_lines[1:] == [str(n) for n in range(2, len(pages) + 1)]


def test_each_footnote_prints_at_the_foot_of_the_page_that_cites_it(pages: list[str]) -> None:
    squeezed = [squeeze(page) for page in pages]
    for number, (anchor, start) in ANCHORS.items():
        cited = [i for i, page in enumerate(squeezed) if squeeze(anchor) in page]
        assert len(cited) == 1, f"footnote {number} is cited on pages {cited}"
        page = squeezed[cited[0]]
        assert squeeze(start) in page, f"footnote {number} does not begin on page {cited[0] + 1}"
        assert page.index(squeeze(start)) > page.index(squeeze(anchor)), f"footnote {number} is above its citation"


@pytest.mark.skipif(
    PDFFONTS is None and not REQUIRED, reason="pdffonts (poppler-utils) is not installed: fonts not checked"
)
def test_pdf_embeds_times_new_roman_or_its_metric_twin_only(pdf: Path) -> None:
    assert PDFFONTS is not None
    out = subprocess.run([PDFFONTS, str(pdf)], check=True, capture_output=True, text=True).stdout  # noqa: S603
    names = [line.split()[0].split("+")[-1] for line in out.splitlines()[2:] if line.strip()]
    assert names
    assert all(name.startswith(("TimesNewRoman", "LiberationSerif")) for name in names), names

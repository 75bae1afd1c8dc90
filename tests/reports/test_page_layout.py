"""No page of the PDF holds only the page number: the demo report, a short report from the records, and documents
whose signature table ends at the foot of the first page (where a trailing empty paragraph used to spill onto a
page of its own) all print body text on every page. Needs `soffice` (LibreOffice) and `pdftotext` (poppler-utils)."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from phoihop.reports.docx import Paragraph, render
from phoihop.reports.tasks import render_bytes
from tests.reports.conftest import SmallWorld, demo_report
from tests.reports.seed_spec import BQLKKT, seed_spec

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")

# CI installs LibreOffice and poppler-utils and sets PHOIHOP_REQUIRE_SOFFICE=1: there these tests must run, not skip.
REQUIRED = os.environ.get("PHOIHOP_REQUIRE_SOFFICE") == "1"

pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None and not REQUIRED, reason="LibreOffice (soffice) is not installed: page layout not checked"
    ),
    pytest.mark.skipif(
        (PDFTOTEXT is None or PDFINFO is None) and not REQUIRED,
        reason="pdftotext/pdfinfo (poppler-utils) are not installed: page layout not checked",
    ),
]

LINE = (
    "- Phối hợp chỉ đạo tăng cường các hoạt động tuyên truyền tại các doanh nghiệp trong khu công nghiệp, khu kinh "
    "tế; nắm tình hình việc làm, tiền lương, thu nhập của người lao động."
)
# (paragraphs, repeats of "xin chào" in a last paragraph): a one-signer document whose signature table ends within a
# line of the foot of page 1. With a 2 pt trailing paragraph LibreOffice 7.4 gave (5, 56), (5, 60), (6, 20), (6, 24)
# and (7, 0) a page 2 that held only the page number.
NEAR_THE_FOOT = [(5, 52), (5, 56), (5, 60), (6, 16), (6, 20), (6, 24), (7, 0), (7, 4)]


def page_texts(pdf: Path) -> list[str]:
    """The text of each page, page by page (`pdftotext -f n -l n`)."""
    assert PDFINFO is not None
    assert PDFTOTEXT is not None
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, text=True).stdout  # noqa: S603
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return [
        subprocess.run(  # noqa: S603
            [PDFTOTEXT, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def body_lines(page: str) -> list[str]:
    """What a reader sees on the page beyond its page number in the header."""
    return [line.strip() for line in page.splitlines() if line.strip() and not line.strip().isdigit()]


def pages_without_body(pdf: Path) -> list[int]:
    return [number for number, page in enumerate(page_texts(pdf), start=1) if not body_lines(page)]


def convert(folder: Path, documents: dict[str, bytes]) -> dict[str, Path]:
    """Every document through one LibreOffice run (a profile of its own), as CI converts them."""
    for name, content in documents.items():
        (folder / f"{name}.docx").write_bytes(content)
    assert SOFFICE is not None
    subprocess.run(  # noqa: S603
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / f'lo-{uuid.uuid4().hex}').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(folder / f"{name}.docx") for name in documents),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return {name: folder / f"{name}.pdf" for name in documents}


def test_a_signature_table_at_the_foot_of_the_page_brings_no_blank_page(tmp_path: Path) -> None:
    documents = {}
    for paragraphs, repeats in NEAR_THE_FOOT:
        blocks = tuple(Paragraph.of(LINE) for _ in range(paragraphs))
        if repeats:
            blocks += (Paragraph.of(" ".join(["xin chào"] * repeats)),)
        documents[f"mot-co-quan-{paragraphs}-{repeats}"] = render(seed_spec(blocks=blocks, issuers=(BQLKKT,)))
        documents[f"khong-noi-nhan-{paragraphs}-{repeats}"] = render(seed_spec(blocks=blocks, recipients=()))
    for name, pdf in convert(tmp_path, documents).items():
        assert pdf.exists(), f"{name}: LibreOffice wrote no PDF"
        assert pages_without_body(pdf) == [], f"{name}: a page holds only the page number"
        assert "PHÓ TRƯỞNG BAN" in page_texts(pdf)[-1], f"{name}: the signature is not on the last page"


def test_a_short_report_from_the_records_has_body_text_on_every_page(small_world: SmallWorld, tmp_path: Path) -> None:
    pdf = tmp_path / "bao-cao-ngan.pdf"
    pdf.write_bytes(render_bytes(small_world.report, "pdf"))
    pages = page_texts(pdf)
    assert pages_without_body(pdf) == []
    assert "BÁO CÁO" in pages[0]
    signed = next(page for page in pages if "TM. BAN CHẤP HÀNH" in page)
    assert "MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2024" in signed  # the signatures stand under the end of the text


@pytest.mark.usefixtures("demo")
def test_the_demo_report_has_body_text_on_every_page(db: None, tmp_path: Path) -> None:
    pdf = tmp_path / "bao-cao-2023.pdf"
    pdf.write_bytes(render_bytes(demo_report(), "pdf"))
    pages = page_texts(pdf)
    assert len(pages) >= 2
    assert pages_without_body(pdf) == []
    assert "TM. BAN CHẤP HÀNH" in pages[-1]

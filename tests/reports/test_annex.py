"""The report's optional "Phụ lục số liệu": off by default, so the 2023 report stays as the seed; on, a page after the
signatures with each chart drawn as an image at print resolution, the sentence that says what it shows and the table
of the same numbers the report prints — in the .docx, the HTML, a frozen report's snapshot, and the PDF."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import numpy
import pytest
from PIL import Image

from phoihop.reports.builders import build_report_data
from phoihop.reports.builders.data import ReportData
from phoihop.reports.docx import extract
from phoihop.reports.pdf import convert_to_pdf, pdf_available
from phoihop.reports.rendering import render_docx, render_html, to_spec
from tests.reports.conftest import demo_report
from tests.reports.test_docx_pdf import REQUIRED

pytestmark = pytest.mark.django_db

UNION_LINE = "Đoàn viên công đoàn phát triển mới (Công đoàn Khu kinh tế Hải Phòng)"
TITLES = (
    "Biểu đồ 1. Tỷ lệ thực hiện các chỉ tiêu so với kế hoạch",
    "Biểu đồ 2. Nội dung phối hợp theo lĩnh vực",
    "Biểu đồ 3. Vụ việc tư vấn, hỗ trợ người lao động theo chủ đề",
)


def _media(docx: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return [package.read(name) for name in package.namelist() if name.startswith("word/media/")]


def _with_annex() -> ReportData:
    report = demo_report()
    report.data_annex = True
    report.save(update_fields=["data_annex"])
    return build_report_data(report)


def test_off_by_default_the_report_is_the_seeds(demo: None) -> None:
    data = build_report_data(demo_report())
    assert data.annex == ()
    docx = render_docx(data)
    assert "PHỤ LỤC SỐ LIỆU" not in "\n".join(p.text for p in extract(docx).paragraphs)
    assert _media(docx) == []


def test_the_annex_charts_the_figures_the_report_prints(demo: None) -> None:
    plain = build_report_data(demo_report())
    data = _with_annex()
    assert data.text == plain.text  # the report's own text does not move
    shares = data.annex[0]
    rows = dict(shares.table)
    assert rows[UNION_LINE] == "13.297/21.500 (61,8%)"
    assert "13.297" in plain.text  # the report prints the same figure
    assert "chỉ tiêu đạt hoặc vượt kế hoạch" in shares.summary
    items = data.annex[1]
    done = sum(value for series in items.series[:1] for value in series.values if value)
    assert done == 19  # "hoàn thành 19/20 nội dung"

    docx = render_docx(data)
    text = "\n".join(p.text for p in extract(docx).paragraphs)
    assert "PHỤ LỤC SỐ LIỆU" in text
    assert "(Kèm theo Báo cáo kết quả thực hiện" in text
    for title in TITLES:
        assert title in text
    assert "13.297/21.500 (61,8%)" in text
    images = _media(docx)
    assert len(images) == 3
    for png in images:
        picture = Image.open(io.BytesIO(png))
        assert picture.format == "PNG"
        assert picture.width >= 1150  # 150 mm at 200 dpi


def test_the_html_shows_the_same_annex_with_text_alternatives(demo: None) -> None:
    html = render_html(_with_annex()).decode()
    assert "PHỤ LỤC SỐ LIỆU" in html
    assert html.count('src="data:image/png;base64,') == 3
    alts = re.findall(r'<img[^>]* alt="([^"]+)"', html.split("PHỤ LỤC SỐ LIỆU", 1)[1])
    assert len(alts) == 3
    assert "chỉ tiêu đạt hoặc vượt kế hoạch" in alts[0]  # each image says in words what it shows
    for title in TITLES:
        assert title in html
    assert "13.297/21.500 (61,8%)" in html


def test_a_frozen_reports_snapshot_draws_the_same_annex(demo: None) -> None:
    data = _with_annex()
    thawed = ReportData.from_json(data.to_json())
    assert [chart.title for chart in thawed.annex] == [chart.title for chart in data.annex]
    assert [figure.image for figure in to_spec(thawed).annex] == [figure.image for figure in to_spec(data).annex]


@pytest.mark.skipif(not pdf_available() and not REQUIRED, reason="LibreOffice is not installed: PDF not checked")
def test_the_pdf_carries_the_annex_titles_and_drawn_charts(demo: None, tmp_path: Path) -> None:
    pdf = convert_to_pdf(render_docx(_with_annex()), timeout=180)
    source = tmp_path / "bao-cao.pdf"
    source.write_bytes(pdf)
    pdftotext = shutil.which("pdftotext")
    pdftoppm = shutil.which("pdftoppm")
    assert pdftotext is not None
    assert pdftoppm is not None
    text = subprocess.run([pdftotext, "-layout", str(source), "-"], capture_output=True, check=True).stdout.decode()  # noqa: S603
    assert "PHỤ LỤC SỐ LIỆU" in text
    for title in TITLES:
        assert " ".join(title.split()) in " ".join(text.split())
    # The page that holds the first chart, rendered: the chart is there, not an empty frame.
    pages = text.split("\f")
    page = next(number for number, content in enumerate(pages, start=1) if "Biểu đồ 1." in content)
    subprocess.run(  # noqa: S603
        [pdftoppm, "-r", "60", "-f", str(page), "-l", str(page), "-png", str(source), str(tmp_path / "trang")],
        check=True,
    )
    pixels = numpy.asarray(Image.open(next(tmp_path.glob("trang*.png"))).convert("RGB")).astype(int)
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    bars = int(((blue > 150) & (red < 60) & (green < 120)).sum())  # the bars' colour, #0a58ca
    assert bars > 200

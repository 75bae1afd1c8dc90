"""The 2023 report of the demo data IS the seed report: every figure of the golden list generated from the records
and found in the rendered Word document (body and footnotes), the seed's four footnotes as real footnotes where the
seed has them, its narrative sentences word for word, the three signature blocks with their own authority marks, A4,
the margins, Times New Roman in every run; the checker finds nothing on it; its pages and API answer.

golden/figures-2023.tsv and golden/seed-2023.txt are copies of shared/golden/figures-2023.tsv and the seed."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from django.test import Client

from phoihop.reports.builders import ReportData, build_report_data
from phoihop.reports.checker import check_report
from phoihop.reports.docx import ExtractedDocument, extract
from phoihop.reports.rendering import render_docx, render_html
from tests.reports.conftest import demo_report, demo_user
from tests.reports.docx_xml import Docx, text_of, w

pytestmark = pytest.mark.usefixtures("demo")

GOLDEN = Path(__file__).parent / "golden"
TNR = "Times New Roman"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
# Where the seed anchors its footnotes: the text just before each mark.
ANCHORS = {
    1: "kịp thời tháo gỡ những khó khăn, vướng mắc trong quan hệ lao động",
    2: "khởi công nhiều dự án nhà ở xã hội",
    3: "đẩy nhanh tiến độ triển khai xây dựng các dự án nhà ở cho công nhân lao động",
    4: "tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài",
}
# Seed sentences the demo writes differently on purpose (the seed's own slips, fixed by the data).
SEED_SLIPS = ("Trảng Duệ", "uỷ", "văn hoá", "BDV-", "Nghị quyết 28-NQ", "Ctr/TU", "18.500m²")


def golden_figures() -> list[tuple[str, str, str]]:
    with (GOLDEN / "figures-2023.tsv").open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#") and line.strip()]
    return [(row[0], row[1], row[2]) for row in csv.reader(rows, delimiter="\t")]


@pytest.fixture(scope="module")
def data(demo: None, django_db_blocker: pytest.FixtureRequest) -> ReportData:
    """Built once for the module: nothing here changes the data."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return build_report_data(demo_report())


@pytest.fixture(scope="module")
def document(data: ReportData) -> bytes:
    return render_docx(data)


@pytest.fixture(scope="module")
def extracted(document: bytes) -> ExtractedDocument:
    return extract(document)


def section_texts(data: ReportData, extracted: ExtractedDocument) -> dict[str, str]:
    """Body text by section as the seed numbers them ("I.2", "I.8.1", "II.3"), read from the Word document."""
    headings: dict[str, str] = {}
    part = ""
    for section in data.sections:
        if section.level == 1:
            part = section.number
        if section.level:
            key = part if section.level == 1 else f"{part}.{section.number}"
            headings[f"{section.number}. {section.title}".upper() if section.level == 1 else section.heading] = key
    texts: dict[str, list[str]] = {}
    current = "opening"
    for paragraph in extracted.paragraphs:
        if paragraph.text in headings:
            current = headings[paragraph.text]
            continue
        texts.setdefault(current, []).append(paragraph.text)
    return {key: "\n".join(lines) for key, lines in texts.items()}


@pytest.mark.parametrize(("figure", "where", "meaning"), golden_figures())
def test_every_golden_figure_is_generated_and_printed_where_the_seed_prints_it(
    data: ReportData, extracted: ExtractedDocument, figure: str, where: str, meaning: str
) -> None:
    if where.startswith("footnote"):
        number = int(where.split()[1])
        text = extracted.footnotes[number]
    else:
        text = section_texts(data, extracted)[where]
    assert re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d,]|\.\d)", text), f"{figure} ({meaning}) not in {where}"


def test_every_golden_figure_of_the_body_is_printed_by_a_placeholder(data: ReportData) -> None:
    """Not typed: in the section the seed prints it, the figure is the text of a run bound to a computed figure."""
    bound: dict[str, list[str]] = {}
    part = ""
    for section in data.sections:
        if section.level == 1:
            part = section.number
        key = f"{part}.{section.number}" if section.level >= 2 else part
        bound.setdefault(key, []).extend(
            run.text for block in section.blocks for p in block.paragraphs for run in p.runs if run.figure
        )
    for figure, where, meaning in golden_figures():
        if where.startswith("footnote"):
            continue
        runs = bound.get(where, [])
        assert any(re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d,]|\.\d)", text) for text in runs), (
            f"{figure} ({meaning}) is not printed by a placeholder in {where}"
        )


def test_no_figure_is_missing_and_each_has_its_provenance(data: ReportData) -> None:
    assert [key for key, figure in data.figures.items() if figure.error] == []
    for key in ("DV_MOI", "CDCS_MOI", "TC_DANG", "GS_FDI", "ke_hoach.ket_qua", "TU_VAN_NLD.so_luong"):
        assert data.figures[key].provenance, key
    assert sum(1 for row in data.figures["DV_MOI"].provenance) == 12  # twelve monthly values behind 13.297
    assert len(data.figures["TC_DANG"].provenance) == 9  # nine party cells behind 09/09


def test_the_four_footnotes_are_real_footnotes_in_the_seeds_places(
    document: bytes, extracted: ExtractedDocument
) -> None:
    docx = Docx(document)
    notes = docx.real_footnotes()
    assert sorted(notes) == [1, 2, 3, 4]
    refs = [int(ref.get(w("id"))) for ref in docx.body.iter(w("footnoteReference"))]
    assert refs == [1, 2, 3, 4]
    for number, anchor in ANCHORS.items():
        (paragraph,) = [p for p in extracted.paragraphs if number in p.footnote_ids]
        assert anchor in paragraph.text, number
        # The mark follows the anchor text: the run before the reference ends with it.
        runs = [text_of(r) for r in docx.paragraph_with(paragraph.text).iter(w("r"))]
        before = "".join(
            runs[
                : next(
                    i
                    for i, r in enumerate(docx.paragraph_with(paragraph.text).iter(w("r")))
                    if r.find(w("footnoteReference")) is not None
                )
            ]
        )
        assert before.endswith(anchor), number
    assert extracted.footnotes[1].startswith("Liên đoàn Lao động thành phố tổ chức khảo sát")
    assert "Tư vấn 05 vụ việc" in extracted.footnotes[1]
    assert extracted.footnotes[2].startswith("Tháng 3/2023, Hải Phòng khởi công dự án khu nhà ở xã hội")
    assert extracted.footnotes[3].startswith("Dự án đầu tư xây dựng Khu nhà ở xã hội tại phường Đông Hải 2")
    assert extracted.footnotes[4].count("hi bộ Công ty") == 9


def test_footnote_one_reads_as_the_seeds(extracted: ExtractedDocument) -> None:
    seed = seed_footnotes()
    assert extracted.footnotes[1] == seed[1]


def test_the_2024_groundbreaking_says_it_is_counted_up_to_the_report(extracted: ExtractedDocument) -> None:
    assert "Tính đến thời điểm báo cáo, tháng 01/2024: khởi công Dự án nhà ở xã hội Tràng Cát" in extracted.footnotes[2]


def seed_text() -> str:
    return (GOLDEN / "seed-2023.txt").read_text(encoding="utf-8")


def seed_footnotes() -> dict[int, str]:
    notes = {}
    for line in seed_text().splitlines():
        if line and line[0] in SUPERSCRIPTS:
            notes[SUPERSCRIPTS.index(line[0]) + 1] = line[1:].strip()
    return notes


def seed_sentences() -> list[str]:
    """The seed's narrative cut into sentences: footnotes and signature blocks left out, paragraphs that a page break
    split (a line going on in lower case) joined again, headings left out (they are checked on their own)."""
    paragraphs: list[str] = []
    for line in seed_text().split("**")[0].splitlines():
        line = line.strip()
        if not line or line[0] in SUPERSCRIPTS:
            continue
        if paragraphs and line[0].islower():
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    sentences = []
    for paragraph in paragraphs:
        if re.match(r"^([IVX]+|\d+(\.\d+)?)\. ", paragraph):
            continue
        paragraph = re.sub(f"[{SUPERSCRIPTS}]", "", paragraph).replace("*", "")
        sentences += [s.strip() for s in re.split(r"(?<=[.;:])\s+", paragraph) if len(s.strip()) > 30]
    return sentences


def test_the_narrative_is_the_seeds_sentence_for_sentence(extracted: ExtractedDocument) -> None:
    generated = re.sub(r"\s+", " ", extracted.text)
    checked = 0
    for sentence in seed_sentences():
        if any(slip in sentence for slip in SEED_SLIPS):
            continue
        assert sentence in generated, sentence
        checked += 1
    assert checked > 100


def test_the_headings_are_the_seeds(extracted: ExtractedDocument) -> None:
    lines = [p.text for p in extracted.paragraphs]
    for heading in (
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Phối hợp trong công tác lãnh đạo, chỉ đạo",
        "7. Phối hợp trong công tác kiểm tra, giám sát",
        "8. Đánh giá chung",
        "8.1. Về ưu điểm",
        "8.2. Về hạn chế và nguyên nhân",
        "II. MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2024",
        "3. Phối hợp chăm lo đời sống vật chất, tinh thần cho công nhân lao động; xây dựng quan hệ lao động hài hòa, "
        "ổn định, tiến bộ trong doanh nghiệp",
    ):
        assert heading in lines, heading
    assert (
        lines.index("I. KẾT QUẢ THỰC HIỆN")
        < lines.index("8.2. Về hạn chế và nguyên nhân")
        < lines.index("II. MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2024")
    )
    assert "Số -BC/BDVTU-BQLKKT-LĐLĐTP" in lines
    assert "(Dự thảo)" in lines
    assert "kết quả thực hiện Chương trình phối hợp năm 2023" in lines
    assert lines[-1] != ""
    assert any(line.endswith("điều kiện thực tế./.") for line in lines)


def test_three_signature_blocks_each_with_its_own_authority_mark(document: bytes) -> None:
    docx = Docx(document)
    signature_table = docx.tables()[-1]
    cells = [text_of(cell) for cell in signature_table.iter(w("tc"))]
    assert len(cells) == 3
    assert "BAN DÂN VẬN THÀNH ỦYK/T TRƯỞNG BANPHÓ TRƯỞNG BAN" in cells[0]
    assert "BAN QUẢN LÝ KHU KINH TẾKT. TRƯỞNG BANPHÓ TRƯỞNG BAN" in cells[1]
    assert "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐTM. BAN CHẤP HÀNHPHÓ CHỦ TỊCH" in cells[2]
    assert "Nơi nhận:" in [text_of(p) for p in docx.top_paragraphs()]


def test_a4_margins_and_times_new_roman_in_every_run(document: bytes) -> None:
    docx = Docx(document)
    size = docx.sect_pr.find(w("pgSz"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    margins = docx.sect_pr.find(w("pgMar"))
    assert [round(int(margins.get(w(side))) / 1440 * 25.4) for side in ("top", "bottom", "left", "right")] == [
        20,
        20,
        30,
        15,
    ]
    checked = 0
    for name in ["word/document.xml", "word/footnotes.xml"]:
        for run in docx.xml(name).iter(w("r")):
            assert set(docx.resolved_fonts(run).values()) == {TNR}, (name, text_of(run))
            checked += 1
    assert checked > 150


def test_the_clean_demo_gives_the_checker_nothing_to_say(db: None, data: ReportData) -> None:
    assert check_report(demo_report(), data) == []


def test_the_html_document_links_each_figure_to_its_rows(data: ReportData) -> None:
    html = render_html(data).decode()
    assert 'href="#so-lieu-DV_MOI"' in html
    assert 'id="so-lieu-DV_MOI"' in html
    assert "13.297/21.500" in html
    assert "Phần mềm quản lý đoàn viên" in html


def test_pages_show_the_report_its_preview_and_its_provenance(db: None, client: Client) -> None:
    report = demo_report()
    client.force_login(demo_user("bqlkkt.xem"))
    assert client.get("/bao-cao/").status_code == 200
    page = client.get(f"/bao-cao/{report.pk}/")
    assert page.status_code == 200
    assert "Xác nhận và ký duyệt" in page.content.decode()
    preview = client.get(f"/bao-cao/{report.pk}/xem-truoc/").content.decode()
    assert '<a class="report-figure" href="#so-lieu-DV_MOI"' in preview
    assert "Nguồn của từng số liệu" in preview
    assert "Báo cáo của Công đoàn Khu kinh tế" in preview
    check = client.get(f"/bao-cao/{report.pk}/kiem-tra/").content.decode()
    assert "Không phát hiện vấn đề nào" in check


def test_the_api_gives_figures_with_provenance_and_the_checker(db: None, client: Client) -> None:
    report = demo_report()
    client.force_login(demo_user("ldldtp.canbo"))
    listing = client.get("/api/v1/reports/reports").json()
    assert [row["year"] for row in listing] == [2023]
    payload = client.get(f"/api/v1/reports/reports/{report.pk}/data").json()
    assert payload["figures"]["DV_MOI"]["text"] == "13.297/21.500"
    assert payload["figures"]["GT_DANG_CDKKT.ty_le"]["text"] == "165,7%"
    assert len(payload["figures"]["CDCS_MOI"]["provenance"]) == 22
    assert client.get(f"/api/v1/reports/reports/{report.pk}/check").json() == []

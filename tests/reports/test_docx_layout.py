"""Page format, fonts, header, title, body, signatures and recipients, read from the produced XML."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import docx
import pytest

from phoihop.reports.docx import Authority, DocumentNumber, Issuer, Signature, render
from tests.reports.docx_xml import Docx, text_of, w, xpath
from tests.reports.seed_spec import BDVTU, BQLKKT, LDLDTP, NUMBER_LINE, RECIPIENTS, SUMMARY_LINES, seed_spec

TNR = "Times New Roman"


@pytest.fixture(scope="module")
def seed() -> Docx:
    return Docx(render(seed_spec()))


def mm(twips: str | None) -> float:
    assert twips is not None
    return round(int(twips) / 1440 * 25.4, 1)


# --- page --------------------------------------------------------------------------------------------------------


def test_page_is_a4_with_margins_20_20_30_15(seed: Docx) -> None:
    size = seed.sect_pr.find(w("pgSz"))
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert size.get(w("orient")) in (None, "portrait")
    margins = seed.sect_pr.find(w("pgMar"))
    assert [mm(margins.get(w(side))) for side in ("top", "bottom", "left", "right")] == [20, 20, 30, 15]


def test_page_number_field_is_centred_in_the_header_from_page_two(seed: Docx) -> None:
    assert seed.sect_pr.find(w("titlePg")) is not None
    headers = seed.header_parts()
    assert set(headers) == {"default", "first"}
    default = seed.xml(headers["default"])
    instructions = "".join(t.text for t in default.iter(w("instrText")))
    assert instructions.strip() == "PAGE"
    kinds = [f.get(w("fldCharType")) for f in default.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    (paragraph,) = default.findall(w("p"))
    assert paragraph.find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "center"
    first = seed.xml(headers["first"])
    assert text_of(first) == ""
    assert list(first.iter(w("instrText"))) == []
    assert list(first.iter(w("fldSimple"))) == []


# --- fonts -------------------------------------------------------------------------------------------------------


def all_headers(doc: Docx) -> list[str]:
    names = sorted(n for n in doc.names if n.startswith("word/header") and n.endswith(".xml"))
    assert names == sorted(doc.header_parts().values())
    return names


def test_every_run_everywhere_resolves_to_times_new_roman(seed: Docx) -> None:
    parts = ["word/document.xml", "word/footnotes.xml", *all_headers(seed)]
    checked = 0
    for name in parts:
        root = seed.xml(name)
        for run in root.iter(w("r")):
            fonts = seed.resolved_fonts(run)
            assert set(fonts.values()) == {TNR}, (name, text_of(run), fonts)
            checked += 1
    assert checked > 50
    # Tables included: the header table and the signature table hold runs.
    assert all(list(table.iter(w("r"))) for table in seed.tables())


def test_each_run_names_the_font_in_all_four_slots(seed: Docx) -> None:
    for name in ["word/document.xml", "word/footnotes.xml", *all_headers(seed)]:
        for run in seed.xml(name).iter(w("r")):
            fonts = run.find(f"{w('rPr')}/{w('rFonts')}")
            assert fonts is not None, (name, text_of(run))
            assert [fonts.get(w(slot)) for slot in ("ascii", "hAnsi", "cs", "eastAsia")] == [TNR] * 4


def test_styles_set_times_new_roman_and_no_theme_font_anywhere(seed: Docx) -> None:
    defaults = seed.styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert [defaults.get(w(s)) for s in ("ascii", "hAnsi", "cs", "eastAsia")] == [TNR] * 4
    for style_id in ("Normal", "FootnoteText", "TableNormal", "BangKhongVien", "Heading1"):
        fonts = seed.style_rpr(style_id).find(w("rFonts"))
        assert [fonts.get(w(s)) for s in ("ascii", "hAnsi", "cs", "eastAsia")] == [TNR] * 4, style_id
    styles_xml = seed.raw("word/styles.xml")
    for attr in (b"asciiTheme", b"hAnsiTheme", b"eastAsiaTheme", b"cstheme"):
        assert attr not in styles_xml


def test_template_leftovers_are_gone(seed: Docx) -> None:
    assert "docProps/thumbnail.jpeg" not in seed.names
    assert "word/stylesWithEffects.xml" not in seed.names
    assert b"python-docx" not in seed.raw("docProps/core.xml")


# --- header ------------------------------------------------------------------------------------------------------


def header_cells(doc: Docx) -> list[list[list[str]]]:
    table = doc.tables()[0]
    return [[[text_of(p) for p in tc.findall(w("p"))] for tc in tr.findall(w("tc"))] for tr in table.findall(w("tr"))]


def test_joint_header_stacks_the_bodies_lead_first_with_the_party_motto(seed: Docx) -> None:
    (issuers, motto), (number, date) = header_cells(seed)
    shown = [line for line in issuers if line]
    assert shown == [
        "THÀNH ỦY HẢI PHÒNG",
        "BAN DÂN VẬN",
        "*",  # the Party body's own separator
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG",
        "BAN QUẢN LÝ KHU KINH TẾ",
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
        "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG",
    ]
    assert [line for line in motto if line] == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert number == [NUMBER_LINE, "(Dự thảo)"]
    assert date == ["Hải Phòng, ngày    tháng    năm 2024"]


def test_issuing_body_lines_are_bold_and_parent_lines_are_not(seed: Docx) -> None:
    for text, bold in (
        ("THÀNH ỦY HẢI PHÒNG", False),
        ("BAN DÂN VẬN", True),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", False),
        ("BAN QUẢN LÝ KHU KINH TẾ", True),
        ("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG", True),
        ("ĐẢNG CỘNG SẢN VIỆT NAM", True),
    ):
        paragraph = seed.paragraph_with(text)
        for run in paragraph.findall(w("r")):
            assert (run.find(f"{w('rPr')}/{w('b')}") is not None) is bold, text


def test_state_and_union_bodies_get_a_short_rule_under_their_name(seed: Docx) -> None:
    cell = seed.tables()[0].find(w("tr")).find(w("tc"))
    paragraphs = cell.findall(w("p"))
    ruled = [i for i, p in enumerate(paragraphs) if p.find(f"{w('pPr')}/{w('pBdr')}/{w('bottom')}") is not None]
    names = [text_of(paragraphs[i - 1]) for i in ruled]
    assert names == ["BAN QUẢN LÝ KHU KINH TẾ", "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG"]


def test_place_and_date_line_is_italic_and_uses_the_issue_date() -> None:
    doc = Docx(render(seed_spec(issue_date=dt.date(2024, 1, 5), draft=False)))
    paragraph = doc.paragraph_with("Hải Phòng, ngày 05 tháng 01 năm 2024")
    assert all(run.find(f"{w('rPr')}/{w('i')}") is not None for run in paragraph.findall(w("r")))
    assert "(Dự thảo)" not in [text_of(p) for p in doc.body.iter(w("p"))]


def test_number_is_zero_padded_in_party_style() -> None:
    doc = Docx(render(seed_spec(number=DocumentNumber(kind="BC", symbol="BDVTU-BQLKKT-LĐLĐTP", number=5))))
    doc.paragraph_with("Số 05-BC/BDVTU-BQLKKT-LĐLĐTP")


def test_state_led_document_uses_state_number_and_national_motto() -> None:
    spec = seed_spec(
        issuers=(BQLKKT,), number=DocumentNumber(kind="BC", symbol="BQLKKT", number=5), issue_date=dt.date(2024, 1, 5)
    )
    doc = Docx(render(spec))
    (_, motto), (number, _) = header_cells(doc)
    assert number[0] == "Số: 05/BC-BQLKKT"
    assert [line for line in motto if line] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    blank = Docx(render(seed_spec(issuers=(BQLKKT,), number=DocumentNumber(kind="BC", symbol="BQLKKT"))))
    assert header_cells(blank)[1][0][0] == "Số:      /BC-BQLKKT"


def test_motto_can_be_overridden_by_the_spec() -> None:
    doc = Docx(render(seed_spec(motto=("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))))
    motto = [line for line in header_cells(doc)[0][1] if line]
    assert motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]


def test_number_line_column_is_wide_enough_for_the_joint_symbol(seed: Docx) -> None:
    """The joint symbol is long; the column split moves so "Số -BC/BDVTU-BQLKKT-LĐLĐTP" stays on one line."""
    grid = [mm(col.get(w("w"))) for col in seed.tables()[0].find(w("tblGrid")).findall(w("gridCol"))]
    assert sum(grid) == pytest.approx(165, abs=0.2)
    assert grid[0] >= 79  # 14 pt "Số -BC/BDVTU-BQLKKT-LĐLĐTP" is about 75 mm wide
    assert grid[1] >= 78  # "Hải Phòng, ngày 05 tháng 01 năm 2024" and the motto still fit


# --- title and body ----------------------------------------------------------------------------------------------


def test_document_type_and_summary_are_bold_and_centred(seed: Docx) -> None:
    for text in ("BÁO CÁO", *SUMMARY_LINES):
        paragraph = seed.paragraph_with(text)
        assert paragraph.find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "center"
        assert all(r.find(f"{w('rPr')}/{w('b')}") is not None for r in paragraph.findall(w("r")))
    assert seed.resolved_size(seed.paragraph_with("BÁO CÁO").find(w("r"))) == 16


def body_paragraphs(doc: Docx) -> list:  # type: ignore[type-arg]
    """Top-level paragraphs after the title: those with a first-line indent."""
    return [p for p in doc.top_paragraphs() if text_of(p) and xpath(p, "w:pPr/w:ind[@w:firstLine!='0']")]


def test_body_paragraphs_are_justified_14_pt_with_first_line_indent_and_6_pt_spacing(seed: Docx) -> None:
    paragraphs = body_paragraphs(seed)
    assert len(paragraphs) >= 15
    for paragraph in paragraphs:
        ppr = paragraph.find(w("pPr"))
        assert ppr.find(w("jc")).get(w("val")) == "both"
        assert mm(ppr.find(w("ind")).get(w("firstLine"))) == 10
        assert ppr.find(w("spacing")).get(w("before")) == "120"
        for run in paragraph.findall(w("r")):
            if run.find(w("footnoteReference")) is None:
                assert seed.resolved_size(run) == 14
    normal = seed.style_ppr("Normal")
    assert normal.find(w("jc")).get(w("val")) == "both"
    assert mm(normal.find(w("ind")).get(w("firstLine"))) == 10


@pytest.mark.parametrize(
    ("text", "italic", "level"),
    [
        ("I. KẾT QUẢ THỰC HIỆN", False, 1),
        ("II. MỘT SỐ NHIỆM VỤ TRỌNG TÂM NĂM 2024", False, 1),
        ("1. Phối hợp trong công tác lãnh đạo, chỉ đạo", False, 2),
        ("8.1. Về ưu điểm", True, 3),
    ],
)
def test_headings_read_as_in_the_seed(seed: Docx, text: str, italic: bool, level: int) -> None:
    paragraph = seed.paragraph_with(text)
    ppr = paragraph.find(w("pPr"))
    assert ppr.find(w("pStyle")).get(w("val")) == f"Heading{level}"
    assert ppr.find(w("keepNext")) is not None
    runs = paragraph.findall(w("r"))
    assert all(r.find(f"{w('rPr')}/{w('b')}") is not None for r in runs)
    assert all((r.find(f"{w('rPr')}/{w('i')}") is not None) is italic for r in runs)


def test_emphasis_in_body_text_is_kept(seed: Docx) -> None:
    runs = [r for r in seed.document.iter(w("r")) if text_of(r) == "đạt 100% kế hoạch"]
    assert runs
    assert runs[0].find(f"{w('rPr')}/{w('i')}") is not None


# --- signatures and recipients -----------------------------------------------------------------------------------


def signature_cells(doc: Docx) -> list[list[str]]:
    table = doc.tables()[-1]
    return [[text_of(p) for p in tc.findall(w("p"))] for tc in table.find(w("tr")).findall(w("tc"))]


def test_signature_table_has_three_borderless_cells_with_each_bodys_mark(seed: Docx) -> None:
    table = seed.tables()[-1]
    borders = table.find(f"{w('tblPr')}/{w('tblBorders')}")
    assert {b.get(w("val")) for b in borders} == {"none"}
    assert len(borders) == 6
    assert list(table.iter(w("tcBorders"))) == []
    style = seed._style(table.find(f"{w('tblPr')}/{w('tblStyle')}").get(w("val")))
    assert {b.get(w("val")) for b in style.iter(w("top"), w("left"), w("bottom"), w("right"))} <= {"none"}
    cells = signature_cells(seed)
    assert len(cells) == 3
    assert [c[:3] for c in cells] == [
        ["BAN DÂN VẬN THÀNH ỦY", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
        ["BAN QUẢN LÝ KHU KINH TẾ", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
        ["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ", "TM. BAN CHẤP HÀNH", "PHÓ CHỦ TỊCH"],
    ]
    # Blank space for signature and seal under the title.
    assert all(c[3:8] == [""] * 5 for c in cells)


def test_signature_lines_are_bold_and_the_name_follows_the_space() -> None:
    signed = Issuer(
        header_lines=BDVTU.header_lines,
        profile="hd36",
        signature=Signature(
            authority=Authority.SIGN_FOR, office="Trưởng ban", signer_title="Phó Trưởng ban", signer_name="Nguyễn Văn A"
        ),
    )
    doc = Docx(render(seed_spec(issuers=(signed, BQLKKT, LDLDTP))))
    first = signature_cells(doc)[0]
    assert first[0] == "K/T TRƯỞNG BAN"  # the profile upper-cases the authority line
    assert first[1] == "PHÓ TRƯỞNG BAN"
    assert first[-1] == "Nguyễn Văn A"
    name = doc.paragraph_with("Nguyễn Văn A")
    assert all(r.find(f"{w('rPr')}/{w('b')}") is not None for r in name.findall(w("r")))


def test_recipients_follow_the_signatures_in_the_lead_style(seed: Docx) -> None:
    texts = [text_of(p) for p in seed.top_paragraphs()]
    start = texts.index("Nơi nhận:")
    assert texts[start + 1 : start + 1 + len(RECIPIENTS)] == list(RECIPIENTS)
    heading = seed.top_paragraphs()[start]
    run = heading.find(w("r"))
    assert run.find(f"{w('rPr')}/{w('u')}").get(w("val")) == "single"  # HD 36: underlined
    assert seed.resolved_size(run) == 14
    line = seed.top_paragraphs()[start + 1].find(w("r"))
    assert seed.resolved_size(line) == 12
    body = seed.body
    assert body.index(seed.tables()[-1]) < body.index(heading)


def test_single_state_signer_has_recipients_to_the_left_in_nd30_style() -> None:
    spec = seed_spec(issuers=(BQLKKT,), number=DocumentNumber(kind="BC", symbol="BQLKKT", number=5))
    doc = Docx(render(spec))
    left, right = signature_cells(doc)
    assert left[: 1 + len(RECIPIENTS)] == ["Nơi nhận:", *RECIPIENTS]
    assert right[1] == "KT. TRƯỞNG BAN"
    heading = doc.paragraph_with("Nơi nhận:").find(w("r"))
    rpr = heading.find(w("rPr"))
    assert rpr.find(w("b")) is not None
    assert rpr.find(w("i")) is not None
    assert doc.resolved_size(heading) == 12
    assert doc.resolved_size(doc.paragraph_with(RECIPIENTS[0]).find(w("r"))) == 11


def test_without_recipients_the_document_still_ends_with_a_paragraph() -> None:
    doc = Docx(render(seed_spec(recipients=())))
    assert "Nơi nhận:" not in [text_of(p) for p in doc.body.iter(w("p"))]
    children = [c.tag for c in doc.body]
    assert children[-2] == w("p")
    assert children[-1] == w("sectPr")


# --- editable -----------------------------------------------------------------------------------------------------


def test_python_docx_reopens_edits_and_saves_the_document(seed: Docx) -> None:
    document = docx.Document(BytesIO(seed.data))
    section = document.sections[0]
    assert round(section.page_width.mm) == 210
    assert round(section.page_height.mm) == 297
    assert section.different_first_page_header_footer
    assert len(document.tables) == 2
    assert document.paragraphs[-len(RECIPIENTS) - 1].text == "Nơi nhận:"
    document.add_paragraph("Đoạn thêm khi biên tập.")
    out = BytesIO()
    document.save(out)
    again = docx.Document(BytesIO(out.getvalue()))
    assert again.paragraphs[-1].text == "Đoạn thêm khi biên tập."
    # A paragraph the editor adds takes the body format from the Normal style.
    assert again.paragraphs[-1].style.name == "Normal"
    assert again.styles["Normal"].font.name == TNR
    assert again.styles["Normal"].font.size.pt == 14


def test_the_font_check_notices_theme_fonts() -> None:
    """python-docx's own template resolves to theme fonts (Calibri): the check above is not vacuous."""
    document = docx.Document()
    document.add_paragraph("Chữ")
    out = BytesIO()
    document.save(out)
    plain = Docx(out.getvalue())
    run = next(plain.document.iter(w("r")))
    assert plain.resolved_fonts(run)["ascii"] == "theme:minorHAnsi"

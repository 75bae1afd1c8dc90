"""Text goes in as given and comes out as Word text: escaped, NFC, without characters XML cannot carry; the same spec
always gives the same document."""

from __future__ import annotations

import unicodedata
import zipfile
from io import BytesIO

import docx

from phoihop.reports.docx import Footnote, Heading, Paragraph, Text, extract, render
from tests.reports.docx_xml import Docx, text_of, w
from tests.reports.seed_spec import seed_spec

SPECIAL = "Công ty A & B <\"Sao Vàng\"> 'TNHH'"


def test_xml_special_characters_are_escaped_and_read_back_unchanged() -> None:
    spec = seed_spec(blocks=(Paragraph.of(SPECIAL, Footnote.of(f"Chú thích: {SPECIAL}")), Heading(2, "1", SPECIAL)))
    data = render(spec)
    raw = zipfile.ZipFile(BytesIO(data)).read("word/document.xml")
    assert b"A &amp; B &lt;" in raw
    doc = Docx(data)
    assert doc.paragraph_with(SPECIAL) is not None
    assert doc.paragraph_with(f"1. {SPECIAL}") is not None
    (note,) = doc.real_footnotes().values()
    assert doc.footnote_text(note) == f"Chú thích: {SPECIAL}"
    assert any(p.text == SPECIAL for p in docx.Document(BytesIO(data)).paragraphs)


def test_nfd_input_is_written_as_nfc_everywhere() -> None:
    nfd = unicodedata.normalize("NFD", "Khu công nghiệp Tràng Duệ")
    assert nfd != "Khu công nghiệp Tràng Duệ"
    spec = seed_spec(
        summary_lines=(unicodedata.normalize("NFD", "kết quả thực hiện"),),
        blocks=(Paragraph.of(nfd, Footnote.of(nfd)), Heading(1, "I", unicodedata.normalize("NFD", "kết quả"))),
        recipients=(unicodedata.normalize("NFD", "- Lưu: VT."),),
    )
    data = render(spec)
    extracted = extract(data)
    assert "Khu công nghiệp Tràng Duệ" in extracted.text.splitlines()
    assert "I. KẾT QUẢ" in extracted.text.splitlines()
    assert "kết quả thực hiện" in extracted.text.splitlines()
    assert extracted.footnotes[1] == "Khu công nghiệp Tràng Duệ"
    for name in ("word/document.xml", "word/footnotes.xml"):
        text = zipfile.ZipFile(BytesIO(data)).read(name).decode("utf-8")
        assert unicodedata.is_normalized("NFC", text), name


def test_control_characters_are_dropped_and_line_breaks_and_tabs_kept() -> None:
    spec = seed_spec(blocks=(Paragraph.of("Dòng một\x0bnối\x00 liền\r\nDòng hai\tcột"),))
    doc = Docx(render(spec))
    paragraph = doc.paragraph_with("Dòng mộtnối liền\nDòng hai\tcột")
    run = paragraph.find(w("r"))
    assert run.find(w("br")) is not None
    assert run.find(w("tab")) is not None


def test_leading_and_trailing_spaces_are_preserved() -> None:
    spec = seed_spec(blocks=(Paragraph.of(Text("Đạt "), Text("61,8%", bold=True), Text(" kế hoạch")),))
    doc = Docx(render(spec))
    paragraph = doc.paragraph_with("Đạt 61,8% kế hoạch")
    spaces = [t.get("{http://www.w3.org/XML/1998/namespace}space") for t in paragraph.iter(w("t"))]
    assert spaces == ["preserve", None, "preserve"]


def test_rendering_is_deterministic() -> None:
    first, second = render(seed_spec()), render(seed_spec())
    a, b = zipfile.ZipFile(BytesIO(first)), zipfile.ZipFile(BytesIO(second))
    assert a.namelist() == b.namelist()
    assert a.read("word/document.xml") == b.read("word/document.xml")
    assert a.read("word/footnotes.xml") == b.read("word/footnotes.xml")
    assert first == second  # fixed zip timestamps and metadata: the whole file is byte-identical


def test_core_properties_come_from_the_spec() -> None:
    document = docx.Document(BytesIO(render(seed_spec())))
    props = document.core_properties
    assert props.title.startswith("BÁO CÁO kết quả thực hiện Chương trình phối hợp năm 2023")
    assert props.language == "vi-VN"
    assert props.created is not None
    assert props.created.year == 2024
    assert props.author == ""


def test_empty_text_runs_are_skipped() -> None:
    doc = Docx(render(seed_spec(blocks=(Paragraph.of("", "Có nội dung", Text("")),))))
    paragraph = doc.paragraph_with("Có nội dung")
    assert len(paragraph.findall(w("r"))) == 1
    assert text_of(paragraph) == "Có nội dung"

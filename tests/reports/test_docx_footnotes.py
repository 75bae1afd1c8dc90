"""Real Word footnotes: the footnotes part, its relationship and content type, the references in the body."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from phoihop.reports.docx import Footnote, Heading, NoteParagraph, Paragraph, Text, extract, render
from tests.reports.docx_xml import FOOTNOTES_CT, FOOTNOTES_RT, NS, Docx, text_of, w, xpath
from tests.reports.seed_spec import FOOTNOTES, PARTY_CELLS, seed_spec


@pytest.fixture(scope="module")
def seed() -> Docx:
    return Docx(render(seed_spec()))


def test_footnotes_part_holds_the_two_separators_and_exactly_the_four_notes(seed: Docx) -> None:
    assert "word/footnotes.xml" in seed.names
    notes = seed.footnotes.findall(w("footnote"))
    special = {(n.get(w("id")), n.get(w("type"))) for n in notes if n.get(w("type"))}
    assert special == {("-1", "separator"), ("0", "continuationSeparator")}
    separator = next(n for n in notes if n.get(w("id")) == "-1")
    assert separator.find(f".//{w('separator')}") is not None
    continuation = next(n for n in notes if n.get(w("id")) == "0")
    assert continuation.find(f".//{w('continuationSeparator')}") is not None
    assert sorted(seed.real_footnotes()) == [1, 2, 3, 4]
    assert len(notes) == 6


def test_references_are_numbered_in_document_order_and_point_at_existing_notes(seed: Docx) -> None:
    refs = [int(r.get(w("id"))) for r in seed.document.iter(w("footnoteReference"))]
    assert refs == [1, 2, 3, 4]
    assert set(refs) <= set(seed.real_footnotes())


def test_each_footnote_reads_exactly_as_given(seed: Docx) -> None:
    notes = seed.real_footnotes()
    for number, expected in enumerate(FOOTNOTES, start=1):
        assert seed.footnote_text(notes[number]) == expected
    # Footnote 4 is the listing of the nine party cells founded at FDI enterprises.
    text4 = seed.footnote_text(notes[4])
    assert all(cell.lower() in text4.lower() for cell in PARTY_CELLS)
    assert text4.count("Công ty") + text4.count("công ty") == 9


def test_footnotes_sit_where_the_seed_has_them(seed: Docx) -> None:
    """¹ after "quan hệ lao động", ² after "nhà ở xã hội", ³ after "công nhân lao động", ⁴ after "vốn nước ngoài"."""
    anchors = {}
    for ref in seed.document.iter(w("footnoteReference")):
        run = ref.getparent()
        paragraph = run.getparent()
        before = ""
        for sibling in paragraph.iterchildren(w("r")):
            if sibling is run:
                break
            before += text_of(sibling)
        anchors[int(ref.get(w("id")))] = before
    assert anchors[1].endswith("vướng mắc trong quan hệ lao động")
    assert anchors[2].endswith("khởi công nhiều dự án nhà ở xã hội")
    assert anchors[3].endswith("xây dựng các dự án nhà ở cho công nhân lao động")
    assert anchors[4].endswith("tổ chức đảng tại doanh nghiệp có 100% vốn nước ngoài")


def test_content_types_and_relationship_declare_the_part(seed: Docx) -> None:
    types = seed.xml("[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    assert overrides["/word/footnotes.xml"] == FOOTNOTES_CT
    rels = seed.xml("word/_rels/document.xml.rels")
    targets = [r.get("Target") for r in rels.findall("rel:Relationship", NS) if r.get("Type") == FOOTNOTES_RT]
    assert targets == ["footnotes.xml"]


def test_footnotes_root_declares_the_relationship_namespace(seed: Docx) -> None:
    # Without xmlns:r some readers (docx2python) cannot open the part.
    assert seed.footnotes.nsmap.get("r") == NS["r"]


def test_settings_name_the_separators_as_word_does(seed: Docx) -> None:
    settings = seed.xml("word/settings.xml")
    ids = [f.get(w("id")) for f in xpath(settings, "w:footnotePr/w:footnote")]
    assert ids == ["-1", "0"]
    # footnotePr precedes compat in the schema's sequence.
    tags = [child.tag for child in settings]
    assert tags.index(w("footnotePr")) < tags.index(w("compat"))


def test_reference_runs_use_the_superscript_footnote_reference_style(seed: Docx) -> None:
    style = seed.style_rpr("FootnoteReference")
    assert style.find(w("vertAlign")).get(w("val")) == "superscript"
    for ref in seed.document.iter(w("footnoteReference")):
        rpr = ref.getparent().find(w("rPr"))
        assert rpr.find(w("rStyle")).get(w("val")) == "FootnoteReference"
        assert rpr.find(w("vertAlign")).get(w("val")) == "superscript"
    for note in seed.real_footnotes().values():
        first_run = note.find(f"{w('p')}/{w('r')}")
        assert first_run.find(w("footnoteRef")) is not None
        assert first_run.find(f"{w('rPr')}/{w('rStyle')}").get(w("val")) == "FootnoteReference"


def test_footnote_paragraphs_use_the_footnote_text_style_at_12_pt(seed: Docx) -> None:
    style = seed._style("FootnoteText")
    assert style.find(w("name")).get(w("val")) == "footnote text"
    assert style.find(f"{w('rPr')}/{w('sz')}").get(w("val")) == "24"
    for note in seed.real_footnotes().values():
        for paragraph in note.findall(w("p")):
            assert paragraph.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) == "FootnoteText"
            for run in paragraph.findall(w("r")):
                assert seed.resolved_size(run) == 12


def test_a_document_without_footnotes_is_valid_and_has_only_the_separators() -> None:
    spec = seed_spec(blocks=(Heading(1, "I", "Kết quả"), Paragraph.of("Không có chú thích.")))
    data = render(spec)
    doc = Docx(data)
    assert list(doc.document.iter(w("footnoteReference"))) == []
    assert seed_ids(doc) == ["-1", "0"]
    reopened = docx.Document(BytesIO(data))
    assert any(p.text == "Không có chú thích." for p in reopened.paragraphs)


def seed_ids(doc: Docx) -> list[str]:
    return [n.get(w("id")) for n in doc.footnotes.findall(w("footnote"))]


def test_numbering_follows_document_order_whatever_the_content() -> None:
    """Two footnotes in one paragraph and one in a later paragraph are 1, 2, 3 in reading order."""
    spec = seed_spec(
        blocks=(
            Paragraph.of("Đầu", Footnote.of("ba"), " giữa", Footnote.of("một")),
            Paragraph.of("Sau", Footnote.of("hai")),
        )
    )
    doc = Docx(render(spec))
    refs = [int(r.get(w("id"))) for r in doc.document.iter(w("footnoteReference"))]
    assert refs == [1, 2, 3]
    notes = doc.real_footnotes()
    assert [doc.footnote_text(notes[i]) for i in (1, 2, 3)] == ["ba", "một", "hai"]


def test_footnote_content_keeps_its_paragraphs_and_emphasis() -> None:
    note = Footnote(
        (
            NoteParagraph.of("Dự án A ", Text("đã khởi công", italic=True), "."),
            NoteParagraph.of(Text("Dự án B", bold=True), " đang xây dựng."),
        )
    )
    doc = Docx(render(seed_spec(blocks=(Paragraph.of("Nhà ở", note, "."),))))
    (only,) = doc.real_footnotes().values()
    paragraphs = only.findall(w("p"))
    assert [text_of(p) for p in paragraphs] == [" Dự án A đã khởi công.", "Dự án B đang xây dựng."]
    italic = [r for r in paragraphs[0].findall(w("r")) if text_of(r) == "đã khởi công"]
    assert italic[0].find(f"{w('rPr')}/{w('i')}") is not None
    bold = [r for r in paragraphs[1].findall(w("r")) if text_of(r) == "Dự án B"]
    assert bold[0].find(f"{w('rPr')}/{w('b')}") is not None


def test_python_docx_reopens_the_document_and_sees_the_footnotes_part(seed: Docx) -> None:
    document = docx.Document(BytesIO(seed.data))
    parts = [rel.target_part for rel in document.part.rels.values() if rel.reltype == FOOTNOTES_RT]
    assert len(parts) == 1
    assert b"Crystal Sweater" in parts[0].blob


def test_extract_reads_body_text_and_footnotes_in_order(seed: Docx) -> None:
    extracted = extract(seed.data)
    assert extracted.footnote_order == (1, 2, 3, 4)
    assert extracted.footnotes == dict(enumerate(FOOTNOTES, start=1))
    assert "Số -BC/BDVTU-BQLKKT-LĐLĐTP" in extracted.text
    assert "13.297/21.500" in extracted.text

"""Real Word footnotes, which python-docx has no API for.

A footnote in WordprocessingML needs four things, all written here:
1. the part /word/footnotes.xml (content type `…wordprocessingml.footnotes+xml`; python-docx writes its override in
   [Content_Types].xml from the part's content type) holding the separator (id -1) and continuation-separator (id 0)
   footnotes, then one <w:footnote w:id="n"> per note whose first run carries <w:footnoteRef/> (Word prints the
   number there);
2. a relationship of type …/relationships/footnotes from the document part to it;
3. <w:footnotePr> in settings.xml naming the two separators, as Word itself writes it;
4. in the body, a run <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>…</w:rPr><w:footnoteReference w:id="n"/></w:r>
   where the superscript number is to appear. The styles FootnoteText and FootnoteReference are added by `styles.py`.

Word and LibreOffice number footnotes by the order of their references in the document, not by id; ids are given
1, 2, 3... in document order anyway so the file reads the same way it prints."""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from phoihop.reports.docx.ooxml import (
    Element,
    ParagraphFormat,
    RunFormat,
    el,
    paragraph_properties,
    run_properties,
    special_run,
)

FOOTNOTE_TEXT_STYLE = "FootnoteText"
FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"
PARTNAME = "/word/footnotes.xml"

# Namespaces Word declares on <w:footnotes>; `r` at least must be there or some readers (docx2python) fail.
_ROOT = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"/>'
)


class FootnoteWriter:
    """Creates the footnotes part of a document and adds notes to it in order."""

    def __init__(self, document: DocxDocument, *, size: float) -> None:
        self._size = size
        self._next_id = 1
        self.root: Element = parse_xml(_ROOT.encode())
        mark = RunFormat(size=size)
        tight = ParagraphFormat(align="left")
        for note_id, kind, child in (
            ("-1", "separator", "w:separator"),
            ("0", "continuationSeparator", "w:continuationSeparator"),
        ):
            sep_paragraph = el("w:p", children=[paragraph_properties(tight), special_run(el(child), mark)])
            self.root.append(el("w:footnote", {"w:type": kind, "w:id": note_id}, [sep_paragraph]))
        package = document.part.package
        self.part = XmlPart(PackURI(PARTNAME), CT.WML_FOOTNOTES, self.root, package)
        document.part.relate_to(self.part, RT.FOOTNOTES)
        _declare_separators(document)

    def add(self, paragraphs: Sequence[Element]) -> int:
        """Append a footnote whose content is `paragraphs` (w:p elements, FootnoteText style) and return its id.
        The footnote mark and a space are put at the start of the first paragraph."""
        if not paragraphs:
            raise ValueError("a footnote needs at least one paragraph")
        note_id = self._next_id
        self._next_id += 1
        first = paragraphs[0]
        ref = special_run(
            el("w:footnoteRef"), RunFormat(size=self._size, style_id=FOOTNOTE_REFERENCE_STYLE, superscript=True)
        )
        position = 1 if first.find(qn("w:pPr")) is not None else 0
        first.insert(position, ref)
        space = el("w:r", children=[run_properties(RunFormat(size=self._size)), _space()])
        first.insert(position + 1, space)
        self.root.append(el("w:footnote", {"w:id": str(note_id)}, paragraphs))
        return note_id

    def reference_run(self, note_id: int, size: float) -> Element:
        """The run placed in the body where the footnote number appears."""
        return special_run(
            el("w:footnoteReference", {"w:id": str(note_id)}),
            RunFormat(size=size, style_id=FOOTNOTE_REFERENCE_STYLE, superscript=True),
        )

    @property
    def count(self) -> int:
        return self._next_id - 1


def _space() -> Element:
    t = el("w:t")
    t.text = " "
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return t


# Children of <w:settings> that come after <w:footnotePr> in the schema; footnotePr goes before the first present.
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _declare_separators(document: DocxDocument) -> None:
    settings = document.settings.element
    existing = settings.find(qn("w:footnotePr"))
    if existing is not None:
        settings.remove(existing)
    footnote_pr = el("w:footnotePr", children=[el("w:footnote", {"w:id": "-1"}), el("w:footnote", {"w:id": "0"})])
    for tag in _AFTER_FOOTNOTE_PR:
        successor = settings.find(qn(tag))
        if successor is not None:
            successor.addprevious(footnote_pr)
            return
    settings.append(footnote_pr)

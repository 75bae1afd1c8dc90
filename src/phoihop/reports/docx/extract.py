"""Read back the text of a .docx: body paragraphs in order (table cells included) with the footnotes each one
anchors, and the footnote texts. Used by tests and by checks that look for figures in the rendered document."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO

from defusedxml import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class ExtractedParagraph:
    text: str
    footnote_ids: tuple[int, ...]


@dataclass(frozen=True)
class ExtractedDocument:
    paragraphs: tuple[ExtractedParagraph, ...]
    footnotes: dict[int, str]  # real footnotes only (id >= 1), text of their paragraphs joined by "\n"

    @property
    def text(self) -> str:
        """Body text, one paragraph per line."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def footnote_order(self) -> tuple[int, ...]:
        """Footnote ids in the order their references appear in the body."""
        return tuple(note for p in self.paragraphs for note in p.footnote_ids)


def _paragraph_text(p: object) -> tuple[str, tuple[int, ...]]:
    parts: list[str] = []
    notes: list[int] = []
    for node in p.iter():  # type: ignore[attr-defined]
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag == f"{W}tab":
            parts.append("\t")
        elif node.tag == f"{W}br":
            parts.append("\n")
        elif node.tag == f"{W}footnoteReference":
            notes.append(int(node.get(f"{W}id")))
    return "".join(parts), tuple(notes)


def extract(data: bytes) -> ExtractedDocument:
    with zipfile.ZipFile(BytesIO(data)) as package:
        document = ElementTree.fromstring(package.read("word/document.xml"))
        names = set(package.namelist())
        footnotes_xml = package.read("word/footnotes.xml") if "word/footnotes.xml" in names else None
    paragraphs = tuple(ExtractedParagraph(*_paragraph_text(p)) for p in document.iter(f"{W}p"))
    footnotes: dict[int, str] = {}
    if footnotes_xml is not None:
        for note in ElementTree.fromstring(footnotes_xml).iter(f"{W}footnote"):
            note_id = int(note.get(f"{W}id"))
            if note_id >= 1:
                texts = [_paragraph_text(p)[0] for p in note.iter(f"{W}p")]
                footnotes[note_id] = "\n".join(texts).strip()
    return ExtractedDocument(paragraphs=paragraphs, footnotes=footnotes)

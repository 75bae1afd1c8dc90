"""Read a rendered .docx the way Word does: unzip it and parse its parts with lxml. Independent of the renderer's code,
so the tests check the file, not the implementation."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import cached_property
from io import BytesIO
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W_NS,
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
SLOTS = ("ascii", "hAnsi", "cs", "eastAsia")
THEME = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "cs": "cstheme", "eastAsia": "eastAsiaTheme"}


def w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def xpath(node: Any, path: str) -> list[Any]:
    return list(node.xpath(path, namespaces=NS))


def text_of(node: Any) -> str:
    """The visible text of an element: w:t, tabs and breaks, in order."""
    parts = []
    for el in node.iter(w("t"), w("tab"), w("br")):
        parts.append(el.text or "" if el.tag == w("t") else ("\t" if el.tag == w("tab") else "\n"))
    return "".join(parts)


@dataclass
class Docx:
    data: bytes

    @cached_property
    def zip(self) -> zipfile.ZipFile:
        return zipfile.ZipFile(BytesIO(self.data))

    def raw(self, name: str) -> bytes:
        return self.zip.read(name)

    def xml(self, name: str) -> Any:
        return etree.fromstring(self.raw(name))

    @property
    def names(self) -> list[str]:
        return self.zip.namelist()

    @cached_property
    def document(self) -> Any:
        return self.xml("word/document.xml")

    @cached_property
    def footnotes(self) -> Any:
        return self.xml("word/footnotes.xml")

    @cached_property
    def styles(self) -> Any:
        return self.xml("word/styles.xml")

    @property
    def body(self) -> Any:
        return self.document.find(w("body"))

    @property
    def sect_pr(self) -> Any:
        return self.body.find(w("sectPr"))

    def header_parts(self) -> dict[str, str]:
        """Header type (default, first) -> part name, from the section's header references."""
        rels = self.xml("word/_rels/document.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels.findall("rel:Relationship", NS)}
        return {
            ref.get(w("type")): "word/" + targets[ref.get(f"{{{NS['r']}}}id")]
            for ref in self.sect_pr.findall(w("headerReference"))
        }

    def top_paragraphs(self) -> list[Any]:
        """Paragraphs directly in the body (not in tables)."""
        return list(self.body.findall(w("p")))

    def tables(self) -> list[Any]:
        return list(self.body.findall(w("tbl")))

    def paragraph_with(self, text: str) -> Any:
        matches = [p for p in self.body.iter(w("p")) if text_of(p) == text]
        assert matches, f"no paragraph reads {text!r}"
        return matches[0]

    def real_footnotes(self) -> dict[int, Any]:
        return {
            int(f.get(w("id"))): f
            for f in self.footnotes.findall(w("footnote"))
            if f.get(w("type")) is None and int(f.get(w("id"))) > 0
        }

    def footnote_text(self, note: Any) -> str:
        """Text of a footnote without its number mark and the space after it."""
        texts = []
        for p in note.findall(w("p")):
            texts.append(text_of(p))
        joined = "\n".join(texts)
        return joined[1:] if joined.startswith(" ") else joined

    # --- style resolution -------------------------------------------------------------------------------------

    def _style(self, style_id: str) -> Any:
        for style in self.styles.findall(w("style")):
            if style.get(w("styleId")) == style_id:
                return style
        raise AssertionError(f"style {style_id} is not defined")

    def _default_style(self, kind: str) -> Any:
        for style in self.styles.findall(w("style")):
            if style.get(w("type")) == kind and style.get(w("default")) in ("1", "true"):
                return style
        return None

    def _style_chain(self, style: Any) -> list[Any]:
        chain = []
        while style is not None:
            chain.append(style)
            based = style.find(w("basedOn"))
            style = self._style(based.get(w("val"))) if based is not None else None
        return chain

    def style_rpr(self, style_id: str) -> Any:
        return self._style(style_id).find(w("rPr"))

    def style_ppr(self, style_id: str) -> Any:
        return self._style(style_id).find(w("pPr"))

    def resolved_fonts(self, run: Any) -> dict[str, str]:
        """The font of each slot of a run, following Word's order: direct formatting, the character style chain,
        the paragraph style chain (or the default paragraph style), the table style chain, the document defaults.
        A theme reference anywhere on the way counts as that theme font ("theme:...")."""
        levels: list[Any] = [run.find(w("rPr"))]
        r_style = run.find(f"{w('rPr')}/{w('rStyle')}")
        if r_style is not None:
            levels += [s.find(w("rPr")) for s in self._style_chain(self._style(r_style.get(w("val"))))]
        paragraph = next(a for a in run.iterancestors() if a.tag == w("p"))
        p_style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        p_style_el = self._style(p_style.get(w("val"))) if p_style is not None else self._default_style("paragraph")
        if p_style_el is not None:
            levels += [s.find(w("rPr")) for s in self._style_chain(p_style_el)]
        table = next((a for a in run.iterancestors() if a.tag == w("tbl")), None)
        if table is not None:
            t_style = table.find(f"{w('tblPr')}/{w('tblStyle')}")
            t_style_el = self._style(t_style.get(w("val"))) if t_style is not None else self._default_style("table")
            if t_style_el is not None:
                levels += [s.find(w("rPr")) for s in self._style_chain(t_style_el)]
        levels.append(self.styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}"))
        resolved: dict[str, str] = {}
        for slot in SLOTS:
            for rpr in levels:
                fonts = rpr.find(w("rFonts")) if rpr is not None else None
                if fonts is None:
                    continue
                if fonts.get(w(THEME[slot])) is not None:
                    resolved[slot] = "theme:" + fonts.get(w(THEME[slot]))
                    break
                if fonts.get(w(slot)) is not None:
                    resolved[slot] = fonts.get(w(slot))
                    break
            else:
                resolved[slot] = "(unset)"
        return resolved

    def resolved_size(self, run: Any) -> float:
        """Font size in points of a run: direct, character style, paragraph style chain, defaults."""
        candidates = [run.find(w("rPr"))]
        paragraph = next(a for a in run.iterancestors() if a.tag == w("p"))
        p_style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
        p_style_el = self._style(p_style.get(w("val"))) if p_style is not None else self._default_style("paragraph")
        if p_style_el is not None:
            candidates += [s.find(w("rPr")) for s in self._style_chain(p_style_el)]
        candidates.append(self.styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}"))
        for rpr in candidates:
            size = rpr.find(w("sz")) if rpr is not None else None
            if size is not None:
                return int(size.get(w("val"))) / 2
        raise AssertionError("no size anywhere")

"""Small builders for WordprocessingML elements, written in the schema's element order.

Every run gets explicit Times New Roman in all four font slots (ascii, hAnsi, cs, eastAsia) and an explicit size,
so the document looks the same whatever the reader's defaults or theme are."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

FONT = "Times New Roman"
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
TWIPS_PER_MM = 1440 / 25.4

# Characters XML 1.0 cannot carry (C0 controls other than tab, newline, carriage return; lone surrogates; U+FFFE/F).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PIECES = re.compile(r"(\n|\t)")

Element = Any  # lxml elements created through python-docx's parser; lxml ships no type information


def twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


def half_points(pt: float) -> int:
    return round(pt * 2)


def clean(text: str) -> str:
    """NFC, line ends unified to "\\n", characters XML cannot hold removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return _NOT_XML.sub("", text)


def el(tag: str, attrs: dict[str, str] | None = None, children: Iterable[Element] = ()) -> Element:
    element = OxmlElement(tag, attrs={qn(k): v for k, v in (attrs or {}).items()})
    for child in children:
        element.append(child)
    return element


def fonts() -> Element:
    return el("w:rFonts", dict.fromkeys(FONT_SLOTS, FONT))


@dataclass(frozen=True)
class RunFormat:
    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    style_id: str = ""
    superscript: bool = False


def run_properties(fmt: RunFormat) -> Element:
    """<w:rPr> in schema order: rStyle, rFonts, b, bCs, i, iCs, sz, szCs, u, vertAlign."""
    rpr = el("w:rPr")
    if fmt.style_id:
        rpr.append(el("w:rStyle", {"w:val": fmt.style_id}))
    rpr.append(fonts())
    if fmt.bold:
        rpr.append(el("w:b"))
        rpr.append(el("w:bCs"))
    if fmt.italic:
        rpr.append(el("w:i"))
        rpr.append(el("w:iCs"))
    rpr.append(el("w:sz", {"w:val": str(half_points(fmt.size))}))
    rpr.append(el("w:szCs", {"w:val": str(half_points(fmt.size))}))
    if fmt.underline:
        rpr.append(el("w:u", {"w:val": "single"}))
    if fmt.superscript:
        rpr.append(el("w:vertAlign", {"w:val": "superscript"}))
    return rpr


def text_run(text: str, fmt: RunFormat) -> Element:
    """A run of text; "\\n" becomes <w:br/> and "\\t" <w:tab/>."""
    run = el("w:r", children=[run_properties(fmt)])
    for piece in _PIECES.split(clean(text)):
        if piece == "\n":
            run.append(el("w:br"))
        elif piece == "\t":
            run.append(el("w:tab"))
        elif piece:
            t = el("w:t")
            t.text = piece
            if piece != piece.strip():
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(t)
    return run


def special_run(child: Element, fmt: RunFormat) -> Element:
    """A run holding one non-text child (footnote reference, field character, separator)."""
    return el("w:r", children=[run_properties(fmt), child])


@dataclass(frozen=True)
class ParagraphFormat:
    align: str = "left"  # left, center, right, both
    first_line_mm: float = 0
    left_mm: float = 0
    right_mm: float = 0
    before_pt: float = 0
    after_pt: float = 0
    line: float = 1.0  # multiple of single spacing
    exact_line_pt: float | None = None  # a fixed line height instead of `line`
    keep_next: bool = False
    keep_lines: bool = False
    style_id: str = ""
    outline_level: int | None = None
    border_top: bool = False
    border_bottom: bool = False


def paragraph_properties(fmt: ParagraphFormat, mark: RunFormat | None = None) -> Element:
    """<w:pPr> in schema order: pStyle, keepNext, keepLines, pBdr, spacing, ind, jc, outlineLvl, rPr."""
    ppr = el("w:pPr")
    if fmt.style_id:
        ppr.append(el("w:pStyle", {"w:val": fmt.style_id}))
    if fmt.keep_next:
        ppr.append(el("w:keepNext"))
    if fmt.keep_lines:
        ppr.append(el("w:keepLines"))
    if fmt.border_top or fmt.border_bottom:
        border = {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "auto"}
        sides = [el("w:top", border)] if fmt.border_top else []
        sides += [el("w:bottom", border)] if fmt.border_bottom else []
        ppr.append(el("w:pBdr", children=sides))
    ppr.append(
        el(
            "w:spacing",
            {
                "w:before": str(round(fmt.before_pt * 20)),
                "w:after": str(round(fmt.after_pt * 20)),
                "w:line": str(round(fmt.exact_line_pt * 20 if fmt.exact_line_pt else fmt.line * 240)),
                "w:lineRule": "exact" if fmt.exact_line_pt else "auto",
            },
        )
    )
    ppr.append(
        el(
            "w:ind",
            {
                "w:left": str(twips(fmt.left_mm)),
                "w:right": str(twips(fmt.right_mm)),
                "w:firstLine": str(twips(fmt.first_line_mm)),
            },
        )
    )
    ppr.append(el("w:jc", {"w:val": fmt.align}))
    if fmt.outline_level is not None:
        ppr.append(el("w:outlineLvl", {"w:val": str(fmt.outline_level)}))
    if mark is not None:
        ppr.append(run_properties(mark))
    return ppr


def paragraph(fmt: ParagraphFormat, runs: Iterable[Element] = (), mark: RunFormat | None = None) -> Element:
    return el("w:p", children=[paragraph_properties(fmt, mark), *runs])


def page_field_runs(fmt: RunFormat) -> list[Element]:
    """The PAGE field as Word writes it: begin, instruction, separate, cached result, end."""
    instr = el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return [
        special_run(el("w:fldChar", {"w:fldCharType": "begin"}), fmt),
        special_run(instr, fmt),
        special_run(el("w:fldChar", {"w:fldCharType": "separate"}), fmt),
        text_run("2", fmt),
        special_run(el("w:fldChar", {"w:fldCharType": "end"}), fmt),
    ]


BORDERLESS_STYLE_ID = "BangKhongVien"
_BORDER_SIDES = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")


def no_borders() -> Element:
    return el(
        "w:tblBorders",
        children=[
            el(side, {"w:val": "none", "w:sz": "0", "w:space": "0", "w:color": "auto"}) for side in _BORDER_SIDES
        ],
    )


def single_borders() -> Element:
    return el(
        "w:tblBorders",
        children=[
            el(side, {"w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"}) for side in _BORDER_SIDES
        ],
    )


def table(
    widths_mm: Sequence[float],
    rows: Sequence[Sequence[Sequence[Element]]],
    *,
    cell_margin_mm: float = 1,
    borders: bool = False,
) -> Element:
    """A table of fixed column widths, borderless unless `borders` (a data table); `rows[r][c]` holds the paragraphs
    of one cell. Rows do not split across pages."""
    widths = [twips(w) for w in widths_mm]
    margin = str(twips(cell_margin_mm))
    tbl_pr = el(
        "w:tblPr",
        children=[
            el("w:tblStyle", {"w:val": BORDERLESS_STYLE_ID}),
            el("w:tblW", {"w:w": str(sum(widths)), "w:type": "dxa"}),
            el("w:jc", {"w:val": "center"}),
            single_borders() if borders else no_borders(),
            el("w:tblLayout", {"w:type": "fixed"}),
            el(
                "w:tblCellMar",
                children=[
                    el("w:top", {"w:w": "0", "w:type": "dxa"}),
                    el("w:left", {"w:w": margin, "w:type": "dxa"}),
                    el("w:bottom", {"w:w": "0", "w:type": "dxa"}),
                    el("w:right", {"w:w": margin, "w:type": "dxa"}),
                ],
            ),
            # No conditional formatting (first row, banding...): only w:val, which every Word version reads.
            el("w:tblLook", {"w:val": "0000"}),
        ],
    )
    grid = el("w:tblGrid", children=[el("w:gridCol", {"w:w": str(w)}) for w in widths])
    tbl = el("w:tbl", children=[tbl_pr, grid])
    for cells in rows:
        row = el("w:tr", children=[el("w:trPr", children=[el("w:cantSplit")])])
        for width, paragraphs in zip(widths, cells, strict=True):
            tc_pr = el(
                "w:tcPr", children=[el("w:tcW", {"w:w": str(width), "w:type": "dxa"}), el("w:vAlign", {"w:val": "top"})]
            )
            # A cell must end with a paragraph, even when it has nothing to show.
            row.append(el("w:tc", children=[tc_pr, *(paragraphs or [paragraph(ParagraphFormat())])]))
        tbl.append(row)
    return tbl

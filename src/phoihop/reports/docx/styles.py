"""Document-wide styles: Times New Roman everywhere, the body format of the lead profile, footnote styles and the
borderless table style.

The python-docx template refers to theme fonts (Calibri, Cambria) through `w:asciiTheme` and friends, which win over
`w:ascii`; they are removed from every style so nothing falls back to them in tables, footnotes or headers (LibreOffice
would otherwise print Carlito or Caladea)."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from phoihop.reports.docx.footnotes import FOOTNOTE_REFERENCE_STYLE, FOOTNOTE_TEXT_STYLE
from phoihop.reports.docx.ooxml import (
    BORDERLESS_STYLE_ID,
    FONT,
    FONT_SLOTS,
    Element,
    ParagraphFormat,
    RunFormat,
    el,
    fonts,
    half_points,
    no_borders,
    paragraph_properties,
    run_properties,
)
from phoihop.reports.docx.profiles import FormatProfile

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Children of <w:style> that follow rPr in the schema.
_AFTER_RPR = ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")


def _force_fonts(rfonts: Element) -> None:
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(slot), FONT)


def _set_props(style: Element, ppr: Element | None = None, rpr: Element | None = None) -> None:
    """Replace a style's pPr and/or rPr, keeping the schema order of its children (… pPr, rPr, tblPr …)."""

    def first(tags: tuple[str, ...]) -> Element | None:
        for child in style:
            if child.tag in {qn(tag) for tag in tags}:
                return child
        return None

    for tag, new in (("w:rPr", rpr), ("w:pPr", ppr)):
        if new is None:
            continue
        old = style.find(qn(tag))
        if old is not None:
            style.remove(old)
        successor = first(_AFTER_RPR if tag == "w:rPr" else ("w:rPr", *_AFTER_RPR))
        if successor is not None:
            successor.addprevious(new)
        else:
            style.append(new)


def _style(styles: Element, style_id: str) -> Element | None:
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return style
    return None


def _new_style(styles: Element, kind: str, style_id: str, name: str, *, based_on: str = "", link: str = "") -> Element:
    """A fresh style (replacing one of the same id) with its identity children in schema order."""
    old = _style(styles, style_id)
    if old is not None:
        styles.remove(old)
    children = [el("w:name", {"w:val": name})]
    if based_on:
        children.append(el("w:basedOn", {"w:val": based_on}))
    if link:
        children.append(el("w:link", {"w:val": link}))
    children += [el("w:uiPriority", {"w:val": "99"}), el("w:unhideWhenUsed")]
    style = el("w:style", {"w:type": kind, "w:styleId": style_id}, children)
    styles.append(style)
    return style


def apply_styles(document: DocxDocument, profile: FormatProfile) -> None:
    styles = document.styles.element
    body = profile.body

    for rfonts in styles.iter(qn("w:rFonts")):
        _force_fonts(rfonts)

    # Document defaults: Times New Roman, body size, Vietnamese proofing; single spacing, no space after.
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr_default.remove(rpr_default.find(qn("w:rPr")))
    rpr = run_properties(RunFormat(size=body.size))
    rpr.append(el("w:lang", {"w:val": "vi-VN", "w:eastAsia": "en-US", "w:bidi": "ar-SA"}))
    rpr_default.append(rpr)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    ppr_default.remove(ppr_default.find(qn("w:pPr")))
    ppr_default.append(el("w:pPr", children=[el("w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})]))

    # Normal is the body paragraph, so a paragraph the user adds in Word already has the right format.
    normal = _style(styles, "Normal")
    body_format = ParagraphFormat(
        align="both",
        first_line_mm=body.first_line_indent_mm,
        before_pt=body.spacing_before_pt,
        after_pt=body.spacing_after_pt,
        line=body.line_spacing,
    )
    _set_props(normal, paragraph_properties(body_format), run_properties(RunFormat(size=body.size)))

    for level in (1, 2, 3):
        heading = _style(styles, f"Heading{level}")
        text_style = profile.styles.heading(level)
        fmt = ParagraphFormat(
            align="both",
            first_line_mm=body.first_line_indent_mm,
            before_pt=body.spacing_before_pt,
            after_pt=body.spacing_after_pt,
            line=body.line_spacing,
            keep_next=True,
            outline_level=level - 1,
        )
        run = RunFormat(size=text_style.size, bold=text_style.bold, italic=text_style.italic)
        _set_props(heading, paragraph_properties(fmt), run_properties(run))

    table_normal = _style(styles, "TableNormal")
    _set_props(table_normal, rpr=el("w:rPr", children=[fonts()]))

    borderless = _new_style(styles, "table", BORDERLESS_STYLE_ID, "Bảng không viền", based_on="TableNormal")
    borderless.append(
        el(
            "w:pPr",
            children=[
                el("w:spacing", {"w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"}),
                el("w:ind", {"w:firstLine": "0"}),
            ],
        )
    )
    borderless.append(el("w:rPr", children=[fonts()]))
    borderless.append(el("w:tblPr", children=[no_borders()]))

    note = profile.styles.footnote
    footnote_text = _new_style(
        styles, "paragraph", FOOTNOTE_TEXT_STYLE, "footnote text", based_on="Normal", link="FootnoteTextChar"
    )
    footnote_text.append(paragraph_properties(ParagraphFormat(align="both")))
    footnote_text.append(run_properties(RunFormat(size=note.size)))
    footnote_char = _new_style(
        styles,
        "character",
        "FootnoteTextChar",
        "Footnote Text Char",
        based_on="DefaultParagraphFont",
        link=FOOTNOTE_TEXT_STYLE,
    )
    footnote_char.append(run_properties(RunFormat(size=note.size)))
    reference = _new_style(
        styles, "character", FOOTNOTE_REFERENCE_STYLE, "footnote reference", based_on="DefaultParagraphFont"
    )
    reference.append(el("w:rPr", children=[fonts(), el("w:vertAlign", {"w:val": "superscript"})]))

    header = _style(styles, "Header")
    if header is not None:
        size = profile.styles.page_number.size
        hdr_rpr = el(
            "w:rPr",
            children=[
                fonts(),
                el("w:sz", {"w:val": str(half_points(size))}),
                el("w:szCs", {"w:val": str(half_points(size))}),
            ],
        )
        _set_props(header, rpr=hdr_rpr)

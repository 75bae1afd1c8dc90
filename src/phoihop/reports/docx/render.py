"""render(spec) -> bytes: a DocumentSpec as an editable Word document in the Vietnamese administrative format.

Layout, top to bottom (NĐ 30/2020 Phụ lục I, HD 36-HD/VPTW, and the seed report):
- a borderless two-column table: the issuing bodies stacked on the left (parent lines upright, the issuing body bold,
  then its separator: "*" for a Party body, a short rule otherwise), the lead system's motto on the right with a rule
  under it; second row: the number line and "(Dự thảo)" on the left, the place and date in italics on the right;
- the document type and the summary lines, bold and centred, then the lead profile's separator;
- the body: headings "I." / "1." / "8.1." and justified paragraphs with a first-line indent, footnotes as real Word
  footnotes;
- the signature blocks side by side in a borderless table, one column per body in header order, each with its own
  profile's authority mark; "Nơi nhận:" and the recipients under them (or to the left of a single signature);
- page numbers centred in the header from page 2 on (w:titlePg with an empty first-page header).

The output is deterministic: the same spec gives the same bytes (fixed zip timestamps, metadata from the spec)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from collections.abc import Mapping, Sequence
from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Mm, Twips

from phoihop.core.vnformat import format_issue_line
from phoihop.reports.docx.footnotes import FOOTNOTE_TEXT_STYLE, FootnoteWriter
from phoihop.reports.docx.metrics import text_width_mm
from phoihop.reports.docx.ooxml import (
    Element,
    ParagraphFormat,
    RunFormat,
    clean,
    page_field_runs,
    paragraph,
    table,
    text_run,
    twips,
)
from phoihop.reports.docx.profiles import FormatProfile, MottoLine, Separator, TextStyle, get_profile
from phoihop.reports.docx.spec import AnnexFigure, DocumentSpec, Footnote, Heading, Issuer, Paragraph, Text
from phoihop.reports.docx.styles import apply_styles

CELL_MARGIN_MM = 1
WIDTH_SLACK = 0.04  # the width estimate is within a few per cent of the real advance
RULE_SIZE_PT = 2
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><Application>Phối hợp</Application><DocSecurity>0</DocSecurity>"
    "</Properties>"
)


def render(spec: DocumentSpec, *, profiles: Mapping[str, FormatProfile] | None = None) -> bytes:
    """Render `spec` to the bytes of a .docx file. Raises SpecError (Vietnamese message) for an unknown profile or an
    authority mark the signer's profile does not define; nothing is produced then."""
    lead = get_profile(spec.lead.profile, profiles)
    own = [get_profile(issuer.profile, profiles) for issuer in spec.issuers]
    # Resolve every authority line before building anything, so a bad signer fails fast.
    authority_lines = [
        profile.authority_line(issuer.signature.authority, clean(issuer.signature.office))
        for issuer, profile in zip(spec.issuers, own, strict=True)
    ]

    document = docx.Document()
    _prune_template(document)
    apply_styles(document, lead)
    _page_setup(document, lead)
    notes = FootnoteWriter(document, size=lead.styles.footnote.size)
    writer = _Writer(document, lead, notes)

    writer.append(_header_table(spec, lead, own))
    writer.extend(_title(spec, lead))
    body: Element | None = None
    for block in spec.blocks:
        body = writer.heading(block) if isinstance(block, Heading) else writer.paragraph(block)
        writer.append(body)
    if body is not None:
        # The signatures never open a page of their own: the last paragraph of the body goes with them.
        _keep_with_next(body)
    writer.extend(_closing(spec, lead, own, authority_lines))
    if spec.annex:
        writer.extend(_annex(document, spec, lead))

    _page_header(document, lead)
    _properties(document, spec)
    return _save(document)


def _fmt(style: TextStyle, text: Text | None = None) -> RunFormat:
    return RunFormat(
        size=style.size,
        bold=style.bold or bool(text and text.bold),
        italic=style.italic or bool(text and text.italic),
        underline=style.underline or bool(text and text.underline),
    )


def _shown(text: str, style: TextStyle) -> str:
    text = clean(text)
    return text.upper() if style.upper else text


def _line(text: str, style: TextStyle, fmt: ParagraphFormat | None = None) -> Element:
    """One centred line of fixed text in a style (header, title, signature)."""
    fmt = fmt or ParagraphFormat(align="center")
    return paragraph(fmt, [text_run(_shown(text, style), _fmt(style))], mark=_fmt(style))


def _rule(width_mm: float, room_mm: float) -> Element:
    """A tiny empty paragraph whose bottom border draws a centred rule `width_mm` long in a space `room_mm` wide,
    just under the line above it. Its indents give the rule its length."""
    width = min(width_mm, room_mm)
    side = max((room_mm - width) / 2, 0)
    fmt = ParagraphFormat(align="center", left_mm=side, right_mm=side, border_bottom=True)
    return paragraph(fmt, mark=RunFormat(size=RULE_SIZE_PT))


def _separator(kind: Separator, style: TextStyle, width_mm: float, room_mm: float, ratio: float) -> list[Element]:
    if kind is Separator.ASTERISK:
        return [_line("*", TextStyle(size=style.size))]
    if kind is Separator.DASHES:
        return [_line("-----", TextStyle(size=style.size))]
    if kind is Separator.RULE:
        return [_rule(width_mm * ratio, room_mm)]
    return []


def _header_table(spec: DocumentSpec, lead: FormatProfile, own: Sequence[FormatProfile]) -> Element:
    styles = lead.styles
    motto_lines = _motto_lines(spec, lead)
    number_text = lead.format_number(
        number=spec.number.number, kind=clean(spec.number.kind), symbol=clean(spec.number.symbol)
    )
    if spec.issue_date is not None:
        date_text = format_issue_line(clean(spec.place), spec.issue_date)
    else:
        gap = lead.date_blank
        date_text = f"{clean(spec.place)}, ngày{gap}tháng{gap}năm {spec.year}"
    left_mm, right_mm = _header_columns(spec, lead, number_text, date_text, motto_lines)
    left_room, right_room = left_mm - 2 * CELL_MARGIN_MM, right_mm - 2 * CELL_MARGIN_MM

    issuers: list[Element] = []
    for index, (issuer, profile) in enumerate(zip(spec.issuers, own, strict=True)):
        issuers.extend(_issuer_lines(issuer, profile, lead, left_room, first=index == 0))

    motto = [_line(line.text, TextStyle(size=line.size, bold=line.bold, italic=line.italic)) for line in motto_lines]
    if lead.motto_rule and motto_lines:
        last = motto_lines[-1]
        motto.append(_rule(text_width_mm(clean(last.text), last.size, bold=last.bold), right_room))

    number = [_line(number_text, styles.number, ParagraphFormat(align="center", before_pt=6))]
    if spec.draft:
        number.append(_line(lead.draft_mark, styles.draft_mark))
    date = [_line(date_text, styles.date, ParagraphFormat(align="center", before_pt=6))]
    return table((left_mm, right_mm), [[issuers, motto], [number, date]], cell_margin_mm=CELL_MARGIN_MM)


def _motto_lines(spec: DocumentSpec, lead: FormatProfile) -> tuple[MottoLine, ...]:
    """The lead profile's motto, or the spec's own lines set in the profile's motto styles (line by line)."""
    styles = lead.styles.motto_lines
    if spec.motto is None:
        return styles
    return tuple(dataclasses.replace(styles[min(i, len(styles) - 1)], text=text) for i, text in enumerate(spec.motto))


def _header_columns(
    spec: DocumentSpec, lead: FormatProfile, number_text: str, date_text: str, motto: Sequence[MottoLine]
) -> tuple[float, float]:
    """The profile's column split, moved right when the number line or a body's name would wrap and the motto
    column has room to spare (a joint symbol such as "-BC/BDVTU-BQLKKT-LĐLĐTP" is long). The motto column never
    gets narrower than its own lines need. Widths are estimates, so keep a margin."""
    left, right = lead.page.header_columns_mm
    total = left + right
    styles = lead.styles

    def need(width: float) -> float:
        return width * (1 + WIDTH_SLACK) + 2 * CELL_MARGIN_MM

    left_lines = [(number_text, styles.number)]
    for issuer in spec.issuers:
        *parents, name = [clean(line) for line in issuer.header_lines if line.strip()]
        left_lines += [(parent, styles.parent_line) for parent in parents] + [(name, styles.issuer_line)]
    need_left = need(max(text_width_mm(_shown(t, st), st.size, bold=st.bold) for t, st in left_lines))
    need_right = need(
        max(
            [text_width_mm(date_text, styles.date.size, bold=styles.date.bold)]
            + [text_width_mm(clean(line.text), line.size, bold=line.bold) for line in motto]
        )
    )
    if need_left > left:
        left = max(left, min(need_left, total - need_right))
    return left, total - left


def _issuer_lines(
    issuer: Issuer, profile: FormatProfile, lead: FormatProfile, room_mm: float, *, first: bool
) -> list[Element]:
    """The header lines of one body (sizes from the lead profile, separator from the body's own profile)."""
    lines = [clean(line) for line in issuer.header_lines if line.strip()]
    *parents, name = lines
    styles = lead.styles
    out: list[Element] = []
    for i, parent in enumerate(parents):
        before = 0 if first or i else 6
        out.append(_line(parent, styles.parent_line, ParagraphFormat(align="center", before_pt=before)))
    before = 0 if first or parents else 6
    out.append(_line(name, styles.issuer_line, ParagraphFormat(align="center", before_pt=before)))
    style = styles.issuer_line
    width = text_width_mm(_shown(name, style), style.size, bold=style.bold)
    out.extend(_separator(profile.issuer_separator, style, min(width, room_mm), room_mm, profile.rule_ratio))
    return out


def _title(spec: DocumentSpec, lead: FormatProfile) -> list[Element]:
    styles = lead.styles
    text_width = lead.page.text_width_mm
    out = [_line(spec.doc_type, styles.doc_type, ParagraphFormat(align="center", before_pt=18))]
    out.extend(_line(line, styles.summary) for line in spec.summary_lines)
    if spec.summary_lines:
        style = styles.summary
        widest = max(text_width_mm(_shown(line, style), style.size, bold=style.bold) for line in spec.summary_lines)
        out.extend(_separator(lead.summary_separator, style, min(widest, text_width), text_width, lead.rule_ratio))
    # Breathing space between the title and the body.
    out.append(paragraph(ParagraphFormat(align="center"), mark=RunFormat(size=lead.body.size / 2)))
    return out


def _closing(
    spec: DocumentSpec, lead: FormatProfile, own: Sequence[FormatProfile], authority_lines: Sequence[str]
) -> list[Element]:
    """Signature blocks and "Nơi nhận"."""
    blocks = [
        _signature(issuer, profile, authority)
        for issuer, profile, authority in zip(spec.issuers, own, authority_lines, strict=True)
    ]
    recipients = _recipients(spec, lead)
    if len(blocks) == 1 and recipients:
        return [table(lead.page.header_columns_mm, [[recipients, blocks[0]]], cell_margin_mm=CELL_MARGIN_MM), _end()]
    width = lead.page.text_width_mm / len(blocks)
    out = [table([width] * len(blocks), [blocks], cell_margin_mm=CELL_MARGIN_MM)]
    if recipients:
        out.extend(recipients)
    else:
        out.append(_end())
    return out


# The paragraph after a closing table, as low as Word and LibreOffice allow: 1 pt, fixed.
END_LINE_PT = 1


def _end() -> Element:
    """Word wants a paragraph after a table that ends the body. When the signature table ends near the foot of a
    page this paragraph is all that spills over, and LibreOffice starts a page for it that holds only the page
    number; at a fixed height of 1 pt (a 2 pt mark took about 2.3 pt) it stays on the table's page."""
    return paragraph(ParagraphFormat(exact_line_pt=END_LINE_PT), mark=RunFormat(size=END_LINE_PT))


def _signature(issuer: Issuer, profile: FormatProfile, authority_line: str) -> list[Element]:
    signature = issuer.signature
    styles = profile.styles
    out: list[Element] = []
    first = ParagraphFormat(align="center", before_pt=12)
    if signature.organisation.strip():
        out.append(_line(signature.organisation, styles.organisation, first))
    out.append(_line(authority_line, styles.authority, None if out else first))
    if signature.signer_title.strip():
        out.append(_line(signature.signer_title, styles.signer_title))
    blank = _fmt(styles.signer_name)
    out.extend(paragraph(ParagraphFormat(align="center"), mark=blank) for _ in range(profile.signature_space_lines))
    if signature.signer_name.strip():
        out.append(_line(signature.signer_name, styles.signer_name))
    return out


def _recipients(spec: DocumentSpec, lead: FormatProfile) -> list[Element]:
    """ "Nơi nhận:" and its lines, chained so that the heading never ends a page without them."""
    if not spec.recipients:
        return []
    styles = lead.styles
    last = len(spec.recipients) - 1
    out = [
        _line(
            lead.recipients_heading,
            styles.recipients_heading,
            ParagraphFormat(align="left", before_pt=12, keep_next=True),
        )
    ]
    out.extend(
        _line(line, styles.recipients, ParagraphFormat(align="left", keep_next=index < last))
        for index, line in enumerate(spec.recipients)
    )
    return out


ANNEX_TITLE = "PHỤ LỤC SỐ LIỆU"


def _annex(document: DocxDocument, spec: DocumentSpec, lead: FormatProfile) -> list[Element]:
    """A new page: the annex's title and note, then each chart as "Biểu đồ n. title", its image, the sentence that
    says what it shows, and the table of its numbers."""
    size = lead.body.size
    small = max(size - 2, 10)
    page_break = OxmlElement("w:r")
    page_break.append(OxmlElement("w:br"))
    page_break[0].set(qn("w:type"), "page")
    out = [
        paragraph(ParagraphFormat(), [page_break]),
        paragraph(ParagraphFormat(align="center"), [text_run(ANNEX_TITLE, RunFormat(size=size, bold=True))]),
    ]
    if spec.annex_note:
        out.append(
            paragraph(
                ParagraphFormat(align="center", after_pt=6),
                [text_run(spec.annex_note, RunFormat(size=small, italic=True))],
            )
        )
    for number, figure in enumerate(spec.annex, start=1):
        out.extend(_annex_figure(document, number, figure, size, small, lead.page.text_width_mm))
    return out


def _annex_figure(
    document: DocxDocument, number: int, figure: AnnexFigure, size: float, small: float, room_mm: float
) -> list[Element]:
    title = paragraph(
        ParagraphFormat(align="left", before_pt=12, after_pt=3, keep_next=True),
        [text_run(f"Biểu đồ {number}. {clean(figure.title)}", RunFormat(size=size, bold=True))],
    )
    width = min(figure.width_mm, room_mm)
    inline = document.part.new_pic_inline(BytesIO(figure.image), Mm(width), None)
    picture = OxmlElement("w:r")
    picture.add_drawing(inline)
    image = paragraph(ParagraphFormat(align="center", keep_next=True), [picture])
    said = paragraph(
        ParagraphFormat(align="both", after_pt=3, keep_next=True),
        [text_run(clean(figure.summary), RunFormat(size=small, italic=True))],
    )
    first = room_mm * 0.68
    widths = [first, room_mm - first]

    def cell(text: str, *, bold: bool = False, align: str = "left") -> list[Element]:
        return [paragraph(ParagraphFormat(align=align), [text_run(clean(text), RunFormat(size=small, bold=bold))])]

    rows = [[cell(figure.columns[0], bold=True), cell(figure.columns[1], bold=True, align="right")]]
    rows += [[cell(label), cell(value, align="right")] for label, value in figure.rows]
    return [title, image, said, table(widths, rows, cell_margin_mm=CELL_MARGIN_MM, borders=True), _end()]


def _keep_with_next(element: Element) -> None:
    """Keep a body paragraph on the page of what follows it, whole (w:keepNext, w:keepLines after w:pStyle)."""
    properties = element.find(qn("w:pPr"))
    style = properties.find(qn("w:pStyle"))
    index = 0 if style is None else list(properties).index(style) + 1
    for tag in ("w:keepLines", "w:keepNext"):
        if properties.find(qn(tag)) is None:
            properties.insert(index, OxmlElement(tag))


class _Writer:
    """Appends body content before the section properties and turns footnotes into real Word footnotes."""

    def __init__(self, document: DocxDocument, profile: FormatProfile, notes: FootnoteWriter) -> None:
        self._sect_pr = document.element.body.find(qn("w:sectPr"))
        self._profile = profile
        self._notes = notes

    def append(self, element: Element) -> None:
        self._sect_pr.addprevious(element)

    def extend(self, elements: Sequence[Element]) -> None:
        for element in elements:
            self.append(element)

    def _body_format(self) -> ParagraphFormat:
        body = self._profile.body
        return ParagraphFormat(
            align="both",
            first_line_mm=body.first_line_indent_mm,
            before_pt=body.spacing_before_pt,
            after_pt=body.spacing_after_pt,
            line=body.line_spacing,
        )

    def heading(self, heading: Heading) -> Element:
        style = self._profile.styles.heading(heading.level)
        fmt = dataclasses.replace(
            self._body_format(), style_id=f"Heading{heading.level}", keep_next=True, outline_level=heading.level - 1
        )
        return paragraph(fmt, [text_run(_shown(heading.text, style), _fmt(style))], mark=_fmt(style))

    def paragraph(self, block: Paragraph) -> Element:
        size = self._profile.body.size
        base = TextStyle(size=size)
        runs: list[Element] = []
        for run in block.runs:
            if isinstance(run, Footnote):
                runs.append(self._notes.reference_run(self._notes.add(self._footnote(run)), size))
            elif run.text:
                runs.append(text_run(run.text, _fmt(base, run)))
        return paragraph(self._body_format(), runs, mark=RunFormat(size=size))

    def _footnote(self, note: Footnote) -> list[Element]:
        base = self._profile.styles.footnote
        fmt = ParagraphFormat(align="both", style_id=FOOTNOTE_TEXT_STYLE)
        return [
            paragraph(fmt, [text_run(run.text, _fmt(base, run)) for run in part.runs if run.text], mark=_fmt(base))
            for part in note.paragraphs
        ]


def _prune_template(document: DocxDocument) -> None:
    """Drop what python-docx's template carries that a report should not: its thumbnail picture (shown by file
    browsers as the document's preview) and the duplicate stylesWithEffects part."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rid]
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(rid)
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _APP_XML.encode()


def _page_setup(document: DocxDocument, profile: FormatProfile) -> None:
    page = profile.page
    section = document.sections[0]
    section.page_width = Twips(twips(page.width_mm))
    section.page_height = Twips(twips(page.height_mm))
    section.top_margin = Twips(twips(page.top_mm))
    section.bottom_margin = Twips(twips(page.bottom_mm))
    section.left_margin = Twips(twips(page.left_mm))
    section.right_margin = Twips(twips(page.right_mm))
    section.header_distance = Twips(twips(page.header_mm))
    section.footer_distance = Twips(twips(page.header_mm))
    section.gutter = Twips(0)


def _page_header(document: DocxDocument, profile: FormatProfile) -> None:
    """Page number centred in the top margin from page 2 on: the first page has its own, empty header."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    style = profile.styles.page_number
    fmt = RunFormat(size=style.size, bold=style.bold, italic=style.italic)
    centred = ParagraphFormat(align="center", style_id="Header")
    for header, runs in ((section.header, page_field_runs(fmt)), (section.first_page_header, [])):
        header.is_linked_to_previous = False
        element = header._element
        for child in list(element):
            element.remove(child)
        element.append(paragraph(centred, runs, mark=fmt))


def _properties(document: DocxDocument, spec: DocumentSpec) -> None:
    props = document.core_properties
    when = spec.issue_date or dt.date(spec.year, 1, 1)
    stamp = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
    props.title = clean(spec.document_title)
    props.subject = ""
    props.author = ""
    props.comments = ""
    props.last_modified_by = ""
    props.language = "vi-VN"
    props.revision = 1
    props.created = stamp
    props.modified = stamp


def _save(document: DocxDocument) -> bytes:
    """Save with fixed zip timestamps, so the same spec gives the same bytes."""
    raw = BytesIO()
    document.save(raw)
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(raw.getvalue())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()

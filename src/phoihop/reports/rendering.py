"""Renderers of ReportData: the Word document (through reports.docx), the HTML document (the preview's content, as a
file of its own) and, through pdf.py, the PDF. They read ReportData only: no query, no model."""

from __future__ import annotations

import base64
import datetime as dt

from django.template.loader import render_to_string

from phoihop.core.chartimage import chart_png
from phoihop.core.charts import ChartSpec
from phoihop.core.vnformat import format_date, format_issue_line
from phoihop.reports.builders.data import ReportData
from phoihop.reports.docx import (
    AnnexFigure,
    Authority,
    DocumentNumber,
    DocumentSpec,
    Footnote,
    Heading,
    Issuer,
    Paragraph,
    Signature,
    SpecError,
    Text,
    get_profile,
    render,
)
from phoihop.reports.docx.render import ANNEX_TITLE

# The annex's charts, as wide as the body text of an A4 page in the administrative format allows.
ANNEX_WIDTH_MM = 150

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


def to_spec(data: ReportData) -> DocumentSpec:
    """The document the renderer draws: header, title, headings and paragraphs with real footnotes, signatures."""
    notes = {note.number: note for note in data.notes}
    blocks: list[Heading | Paragraph] = []
    for section in data.sections:
        if section.level:
            blocks.append(Heading(section.level, section.number, section.title))
        for block in section.blocks:
            for paragraph in block.paragraphs:
                parts: list[Text | Footnote] = []
                for run in paragraph.runs:
                    if run.note:
                        parts.append(Footnote.of(notes[run.note].text))
                    elif run.text:
                        parts.append(Text(run.text, bold=run.bold, italic=run.italic))
                if parts:
                    blocks.append(Paragraph(tuple(parts)))
    issuers = tuple(
        Issuer(
            header_lines=signer.header_lines or (signer.agency_name.upper(),),
            profile=signer.profile,
            signature=Signature(
                authority=Authority(signer.authority),
                office=signer.office,
                signer_title=signer.signer_title,
                signer_name=signer.signer_name,
                organisation=signer.organisation,
            ),
        )
        for signer in data.issuers
    )
    if not issuers:
        raise SpecError("Báo cáo chưa có cơ quan ban hành.", code="no_issuer")
    return DocumentSpec(
        issuers=issuers,
        number=DocumentNumber(kind=data.doc_code, symbol=data.symbol, number=data.number),
        place=data.place,
        year=data.issue_year,
        issue_date=dt.date.fromisoformat(data.issue_date) if data.issue_date else None,
        draft=data.draft,
        summary_lines=data.summary_lines,
        blocks=tuple(blocks),
        recipients=data.recipients,
        title=" ".join(["BÁO CÁO", *data.summary_lines]),
        annex=tuple(annex_figure(chart) for chart in data.annex),
        annex_note=annex_note(data) if data.annex else "",
    )


def annex_figure(chart: ChartSpec) -> AnnexFigure:
    """A chart of the annex as the document draws it: the image at print resolution and its table."""
    return AnnexFigure(
        title=chart.title,
        image=chart_png(chart, width_mm=ANNEX_WIDTH_MM),
        columns=("Nội dung", "Số liệu"),
        rows=tuple((str(row[0]), str(row[1])) for row in chart.table),
        summary=chart.summary,
        width_mm=ANNEX_WIDTH_MM,
    )


def annex_note(data: ReportData) -> str:
    summary = " ".join(data.summary_lines)
    built = dt.datetime.fromisoformat(data.built_at).date() if data.built_at else None
    until = f" đến ngày {format_date(built)}" if built else ""
    return f"(Kèm theo Báo cáo {summary}; số liệu tính từ hồ sơ trong hệ thống{until})"


def render_docx(data: ReportData) -> bytes:
    return render(to_spec(data))


def render_html(data: ReportData, *, standalone: bool = True) -> bytes:
    """The report as an HTML document of its own: headings, paragraphs with numbered footnotes, signatures, and under
    it the provenance of every figure (what a reader clicks from "13.297/21.500")."""
    html = render_to_string("reports/export.html", {"data": data, "view": html_view(data), "standalone": standalone})
    return html.encode("utf-8")


def html_view(data: ReportData) -> dict[str, object]:
    """What the HTML templates show: sections with their paragraphs, each run knowing its figure and footnote."""
    notes = {note.number: note for note in data.notes}
    sections = []
    for section in data.sections:
        paragraphs = []
        for block in section.blocks:
            for paragraph in block.paragraphs:
                runs = []
                for run in paragraph.runs:
                    figure = data.figures.get(run.figure) if run.figure else None
                    runs.append(
                        {
                            "run": run,
                            "figure": figure,
                            "anchor": anchor(run.figure) if run.figure else "",
                            "note": notes.get(run.note) if run.note else None,
                        }
                    )
                paragraphs.append({"block": block, "runs": runs})
        sections.append({"section": section, "paragraphs": paragraphs})
    figures = [
        {"figure": data.figures[key], "anchor": anchor(key)}
        for key in sorted(data.figures)
        if data.figures[key].kind != "tasks"
    ]
    lead = get_profile(data.issuers[0].profile) if data.issuers else None
    number_line = (
        lead.format_number(number=data.number, kind=data.doc_code, symbol=data.symbol)
        if lead
        else f"Số {data.number or ''}-{data.doc_code}/{data.symbol}"
    )
    if data.issue_date:
        issue_line = format_issue_line(data.place, dt.date.fromisoformat(data.issue_date))
    else:
        issue_line = f"{data.place}, ngày     tháng     năm {data.issue_year}"
    signers = []
    for signer in data.issuers:
        try:
            line = get_profile(signer.profile).authority_line(Authority(signer.authority), signer.office)
        except (SpecError, ValueError):
            line = signer.office
        signers.append({"signer": signer, "authority_line": line})
    return {
        "sections": sections,
        "notes": data.notes,
        "figures": figures,
        "number_line": number_line,
        "motto": [line.text for line in lead.styles.motto_lines] if lead else [],
        "issue_line": issue_line,
        "signers": signers,
        "annex": [
            {"number": number, "chart": chart, "image": base64.b64encode(chart_png(chart)).decode("ascii")}
            for number, chart in enumerate(data.annex, start=1)
        ],
        "annex_title": ANNEX_TITLE,
        "annex_note": annex_note(data) if data.annex else "",
    }


def anchor(key: str) -> str:
    """An HTML id for a figure key ("DV_MOI.ty_le" -> "so-lieu-DV_MOI-ty_le")."""
    return "so-lieu-" + "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in key)

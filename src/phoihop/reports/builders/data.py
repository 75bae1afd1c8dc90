"""ReportData: everything a renderer needs, as frozen plain data. The builder fills it from the records through the
selectors; the .docx, HTML and PDF renderers only read it; a final report stores it (as JSON) and is rendered from
that snapshot ever after, so later data changes do not alter it.

Every value a block binds is a `Figure`: its value, the text printed, and its provenance (the reported values or
records it is made of), which the HTML preview links to."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from phoihop.core.charts import ChartSpec, Series

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Provenance:
    """One row behind a figure: a reported value, a record, a plan item, a registered document, a case id."""

    source: str
    label: str
    value: str = ""
    date: str = ""  # ISO date, or ""
    agency: str = ""
    url: str = ""
    note: str = ""
    approved: bool = True  # False: a reported value whose period its body has not had approved


@dataclass(frozen=True)
class Figure:
    """A value bound by a placeholder. `text` is what the report prints; `error` says why it could not be computed
    (the text then reads "[…]" and the checker reports it); `unapproved` names the periods of reported values it
    counts that are not approved yet ("tháng 12/2023 của Liên đoàn Lao động thành phố Hải Phòng"), which only a
    draft may count."""

    key: str
    kind: str  # indicator | plan | document | listing | report | tasks
    label: str
    text: str
    value: str = ""
    target: str = ""
    ratio: str = ""
    error: str = ""
    provenance: tuple[Provenance, ...] = ()
    unapproved: tuple[str, ...] = ()


@dataclass(frozen=True)
class Run:
    """A piece of a paragraph: text (with the figure it shows, if any) or a footnote anchor (`note` is its number,
    1-based in document order)."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    figure: str = ""
    note: int = 0


@dataclass(frozen=True)
class ParagraphData:
    runs: tuple[Run, ...]
    block_id: int | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class BlockData:
    """A block as written (for the checker and the preview's edit links) and the paragraphs it became."""

    block_id: int
    owner_code: str
    owner_name: str
    source: str
    paragraphs: tuple[ParagraphData, ...]


@dataclass(frozen=True)
class SectionData:
    section_id: int
    kind: str
    level: int  # 0: no heading; 1: "I."; 2: "1."; 3: "8.1."
    number: str
    title: str
    blocks: tuple[BlockData, ...]

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass(frozen=True)
class ListingRow:
    record_id: int
    text: str
    date: str = ""
    url: str = ""
    out_of_period: bool = False


@dataclass(frozen=True)
class ListingData:
    key: str
    title: str
    source: str
    period_mode: str
    intro: str
    text: str
    rows: tuple[ListingRow, ...]
    count: int
    error: str = ""


@dataclass(frozen=True)
class NoteData:
    """A footnote, numbered in document order: the listing it prints and its text."""

    number: int
    listing: str
    text: str
    block_id: int | None = None


@dataclass(frozen=True)
class SignerData:
    agency_code: str
    agency_name: str
    header_lines: tuple[str, ...]
    profile: str
    authority: str
    office: str
    signer_title: str
    signer_name: str
    organisation: str


@dataclass(frozen=True)
class ReportData:
    report_id: int
    plan_year: int
    period_start: str
    period_end: str
    status: str
    title: str
    doc_code: str
    symbol: str
    number: int | None
    place: str
    issue_date: str
    issue_year: int
    draft: bool
    rounding: str
    summary_lines: tuple[str, ...]
    recipients: tuple[str, ...]
    issuers: tuple[SignerData, ...]
    sections: tuple[SectionData, ...]
    figures: dict[str, Figure]
    listings: dict[str, ListingData]
    notes: tuple[NoteData, ...]
    violations: tuple[str, ...] = ()
    built_at: str = ""
    schema: int = SCHEMA_VERSION
    # The "Phụ lục số liệu": its charts, as data (the renderers draw them); empty unless the report asks for it.
    annex: tuple[ChartSpec, ...] = ()

    @property
    def paragraphs(self) -> list[ParagraphData]:
        return [p for section in self.sections for block in section.blocks for p in block.paragraphs]

    @property
    def text(self) -> str:
        """Headings and paragraphs, one per line (what a reader reads, without the footnotes)."""
        lines: list[str] = []
        for section in self.sections:
            if section.level:
                lines.append(section.heading)
            lines.extend(p.text for block in section.blocks for p in block.paragraphs)
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        encoded: dict[str, Any] = _encode(self)
        return encoded

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportData:
        decoded: ReportData = _decode(cls, data)
        return decoded


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_TYPES: dict[str, type] = {
    "Provenance": Provenance,
    "Figure": Figure,
    "Run": Run,
    "ParagraphData": ParagraphData,
    "BlockData": BlockData,
    "SectionData": SectionData,
    "ListingRow": ListingRow,
    "ListingData": ListingData,
    "NoteData": NoteData,
    "SignerData": SignerData,
    "ChartSpec": ChartSpec,
    "Series": Series,
}
# Which nested type each container field holds.
_NESTED: dict[tuple[str, str], str] = {
    ("Figure", "provenance"): "Provenance",
    ("ParagraphData", "runs"): "Run",
    ("BlockData", "paragraphs"): "ParagraphData",
    ("SectionData", "blocks"): "BlockData",
    ("ListingData", "rows"): "ListingRow",
    ("ReportData", "issuers"): "SignerData",
    ("ReportData", "sections"): "SectionData",
    ("ReportData", "figures"): "Figure",
    ("ReportData", "listings"): "ListingData",
    ("ReportData", "notes"): "NoteData",
    ("ReportData", "annex"): "ChartSpec",
    ("ChartSpec", "series"): "Series",
}


def _decode(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    values: dict[str, Any] = {}
    for name, raw in data.items():
        if name not in names:
            continue  # a field dropped since the snapshot was taken
        nested = _NESTED.get((cls.__name__, name))
        if nested is not None:
            inner = _TYPES[nested]
            if isinstance(raw, dict):
                values[name] = {key: _decode(inner, item) for key, item in raw.items()}
            else:
                values[name] = tuple(_decode(inner, item) for item in raw)
        elif isinstance(raw, list):
            values[name] = tuple(raw)
        else:
            values[name] = raw
    return cls(**values)


__all__ = [
    "BlockData",
    "Figure",
    "ListingData",
    "ListingRow",
    "NoteData",
    "ParagraphData",
    "Provenance",
    "ReportData",
    "Run",
    "SectionData",
    "SignerData",
]

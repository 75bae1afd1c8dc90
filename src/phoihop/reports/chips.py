"""A block's source as its author reads it in the editor: each placeholder and footnote marker becomes a labelled
chip with what it currently prints, so "{{TUYEN_TRUYEN_PL}}" reads "Tuyên truyền pháp luật: 1.250/1.000"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phoihop.reports import placeholders
from phoihop.reports.builders.data import ReportData

_EXAMPLE = re.compile(r" \([^()]*\d[^()]*\)$")


@dataclass(frozen=True)
class Segment:
    text: str = ""
    bold: bool = False
    italic: bool = False
    chip: bool = False
    label: str = ""
    value: str = ""
    raw: str = ""  # the placeholder as written, shown on hover
    error: str = ""
    footnote: bool = False


def _ref_segment(token: placeholders.Token, ref: placeholders.Ref, data: ReportData | None) -> Segment:
    raw = f"{{{{{ref.key}}}}}"
    figure = data.figures.get(ref.key) if data is not None else None
    if figure is None and data is not None and ref.kind == "tasks":
        figure = next((f for key, f in data.figures.items() if key.startswith(f"{ref.key}@")), None)
    if figure is None:
        return Segment(chip=True, label=ref.name, value="", raw=raw, bold=token.bold, italic=token.italic)
    value = figure.text if not figure.error else ""
    if ref.kind == "tasks":
        value = _("%(n)s dòng") % {"n": len(figure.text.splitlines())} if figure.text else ""
    label = figure.label or ref.name
    if ref.kind in ("plan", "report"):
        # The plan's labels end with an example ("(19/20)") that would read as a second, wrong value beside the chip's.
        label = _EXAMPLE.sub("", label)
    return Segment(
        chip=True,
        label=label,
        value=value,
        raw=raw,
        error=figure.error,
        bold=token.bold,
        italic=token.italic,
    )


def _listing_segment(token: placeholders.Token, data: ReportData | None) -> Segment:
    kind = "chu_thich" if token.footnote else "danh_sach"
    raw = f"[[{kind}:{token.listing}]]"
    listing = data.listings.get(token.listing) if data is not None else None
    what = _("Chú thích") if token.footnote else _("Danh sách")
    if listing is None:
        return Segment(chip=True, label=f"{what}: {token.listing}", raw=raw, footnote=token.footnote)
    return Segment(
        chip=True,
        label=f"{what}: {listing.title}",
        value=_("%(n)s mục") % {"n": listing.count},
        raw=raw,
        error=listing.error,
        footnote=token.footnote,
    )


def source_paragraphs(text: str, data: ReportData | None) -> list[list[Segment]]:
    """The block's paragraphs as text and chips. Text that no longer parses is shown as written."""
    try:
        parsed = placeholders.parse(text)
    except ValidationError:
        return [[Segment(text=line)] for line in text.splitlines() if line.strip()]
    paragraphs: list[list[Segment]] = []
    for tokens in parsed.paragraphs:
        segments: list[Segment] = []
        for token in tokens:
            if token.ref is not None:
                segments.append(_ref_segment(token, token.ref, data))
            elif token.listing:
                segments.append(_listing_segment(token, data))
            else:
                segments.append(Segment(text=token.text, bold=token.bold, italic=token.italic))
        paragraphs.append(segments)
    return paragraphs


@dataclass(frozen=True)
class Insertable:
    code: str
    label: str
    value: str = ""


def insertables(
    report_figures: list[tuple[str, str]], listings: list[tuple[str, str]], data: ReportData | None
) -> list[Insertable]:
    """What the editor offers to insert: the report's figure names, its listings and the plan's sentences."""
    items: list[Insertable] = []
    for name, label in report_figures:
        figure = data.figures.get(name) if data is not None else None
        items.append(Insertable(f"{{{{{name}}}}}", label, figure.text if figure and not figure.error else ""))
    for key, title in listings:
        items.append(Insertable(f"[[chu_thich:{key}]]", _("Chú thích: %(title)s") % {"title": title}))
    for attr, description in placeholders.PLAN_ATTRS.items():
        items.append(Insertable(f"{{{{{placeholders.PLAN}.{attr}}}}}", _("Kế hoạch: %(d)s") % {"d": description}))
    return items

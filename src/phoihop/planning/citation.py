"""How a cited document is written in running text, the Vietnamese way. The one place that renders a citation:
"Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023", "Nghị quyết số 09-NQ/TU, ngày 13/11/2023 của Ban Chấp
hành Đảng bộ thành phố về phát triển nhà ở xã hội đến năm 2030"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from phoihop.core.text import clean_text, fold_vi
from phoihop.core.vnformat import format_date_phrase
from phoihop.planning.choices import DocumentKind

if TYPE_CHECKING:
    from phoihop.planning.models import Document

_SPACES = re.compile(r"\s+")


def kind_label(document: Document) -> str:
    return document.designation.strip() or str(DocumentKind(document.kind).label)


def issuer_of(document: Document) -> str:
    if document.issuer.strip():
        return document.issuer.strip()
    if document.issuer_agency_id is not None:
        return document.issuer_agency.name if document.issuer_agency else ""
    return ""


def citation(document: Document, *, with_issuer: bool = False, with_title: bool = False) -> str:
    """ "<Tên loại> số <số>-<ký hiệu>[, ngày dd/mm/yyyy][ của <cơ quan ban hành>][ <trích yếu>]"; the abstract
    (trích yếu) keeps its own opening word, usually "về" ("về phát triển nhà ở xã hội đến năm 2030").

    An unknown date is left out rather than guessed; so is an unknown issuer or title."""
    text = f"{kind_label(document)} số {document.number}-{document.symbol}"
    if document.issued_on:
        text += f", {format_date_phrase(document.issued_on)}"
    if with_issuer:
        issuer = issuer_of(document)
        if issuer:
            text += f" của {issuer}"
    if with_title and document.title.strip():
        text += f" {inline_title(document.title)}"
    return text


def inline_title(title: str) -> str:
    """The abstract as it runs on after the citation: "Về phát triển…" becomes "về phát triển…". A title that opens
    with a quotation mark or a capitalised abbreviation is left alone."""
    text = clean_text(title)
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def reference_key(number: str, symbol: str) -> str:
    """Case- and space-insensitive key of a number and symbol: "02-Ctr/TU" and "02-CTr/TU" are one document."""
    return _SPACES.sub("", fold_vi(f"{number}-{symbol}"))


def split_reference(reference: str) -> tuple[str, str]:
    """ "02-KH/BDVTU-BQLKKT-LĐLĐTP" -> ("02", "KH/BDVTU-BQLKKT-LĐLĐTP"); the number ends at the first hyphen."""
    text = clean_text(reference).removeprefix("số ").removeprefix("Số ").strip()
    number, sep, symbol = text.partition("-")
    if not sep:
        return text, ""
    return number.strip(), symbol.strip()

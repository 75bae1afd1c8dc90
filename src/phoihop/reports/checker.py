"""The checker run before signing: what a careful reader of the seed report would have caught by hand.

- a figure or listing that could not be computed (an indicator without values, a name no longer there);
- a document cited in two forms ("02-KH/BDV-BQLKKT-LĐLĐTP" beside "02-KH/BDVTU-BQLKKT-LĐLĐTP"), or one missing from
  the registry;
- a zone, enterprise or body named otherwise than in the directory ("Trảng Duệ" for "Tràng Duệ"): names are
  compared without diacritics, and a near miss of one letter is reported too;
- a record dated outside the reporting period used in the report (the groundbreaking of 01/2024 in the 2023 report),
  unless the text says "tính đến thời điểm báo cáo";
- a date after the period typed into the narrative of part I, the results ("Tháng 01/2024, khởi công…" in the
  2023 report); part II, the next year's tasks, may name next year;
- a figure built on a reported value whose period is not approved (a draft may show it; the leaders may not sign it);
- a signature mark of another system than the issuing body's (a State body signing "K/T" instead of NĐ 30's "KT.");
- the same enterprise or place named twice in one listing line ("phường Đông Hải 2, phường Đông Hải 2");
- a broken validation rule (admitted to the Party > introduced);
- text not in NFC; figures typed into the narrative instead of bound ("19/20", "48 lớp", "61,8%", "13.297"), except
  inside a quoted title, a cited document's number or date, or a fixed expression of the report ("24/7"); a report
  without "Nơi nhận".

Each finding says where it is, what is wrong and how to fix it. Errors block the leaders' sign-off."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from django.urls import reverse

from phoihop.core.text import fold_vi
from phoihop.core.vnformat import format_date
from phoihop.reports.builders.data import BlockData, ReportData
from phoihop.reports.choices import ListingPeriod

if TYPE_CHECKING:
    from phoihop.reports.models import Report, ReportBlock

ERROR = "error"
WARNING = "warning"
UNTIL_REPORT_WORDING = "tính đến thời điểm báo cáo"
_REFERENCE = re.compile(r"(?<![\w/-])(\d{1,5})-([A-Za-zĐđ]{1,8})/([A-Za-zĐđ0-9]+(?:[-/][A-Za-zĐđ0-9]+)*)")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\[\[.*?\]\]")
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"")
# Nouns a typed count stands before ("48 lớp", "13 doanh nghiệp"); the indicators' own units are added to these.
_UNIT_NOUNS = (
    "doanh nghiệp", "công ty", "lớp", "người", "lượt", "đoàn viên", "đảng viên", "hội viên", "công nhân",
    "lao động", "học viên", "cán bộ", "tổ chức", "chi bộ", "công đoàn", "CĐCS", "hội nghị", "buổi", "cuộc", "đợt",
    "vụ", "vụ việc", "trường hợp", "suất", "phần quà", "căn", "căn hộ", "hộ", "ki-ốt", "gian hàng", "đơn vị",
    "mô hình", "công trình", "dự án", "cuốn", "triệu", "tỷ", "nghìn", "đồng", "khu", "nội dung", "văn bản",
)  # fmt: skip
_NUMBER = r"\d+(?:[.,]\d+)*"
_TYPED_FORMS = (
    rf"{_NUMBER}/{_NUMBER}",  # fractions: 19/20, 13.297/21.500
    r"\d+(?:,\d+)?\s?%",  # percentages: 61,8% or 100%
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?",  # thousands separators: 13.297
)
# Dates typed in the narrative: 15/01/2024, 15-01-2024, 01/2024, ngày 15 tháng 01 năm 2024, tháng 01 năm 2024.
# A legal document's number ("12/2024/TT-BLĐTBXH") is not a date: a "/" and a letter may not follow.
_DATE_DMY = re.compile(r"(?<![\w/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\w/]|-[A-Za-zĐđ])")
_DATE_MY = re.compile(r"(?<![\w/.-])(\d{1,2})/(\d{4})(?![\w/]|-[A-Za-zĐđ])")
_DATE_WORDS = re.compile(r"(?:ngày\s+(\d{1,2})\s+)?tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)", re.IGNORECASE)
_PLACE_KINDS = ("thành phố", "thị trấn", "thị xã", "phường", "quận", "huyện", "tỉnh", "xã")
_PLACE = re.compile(r"(?<!\w)(" + "|".join(_PLACE_KINDS) + r")\s+", re.IGNORECASE)
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_ZONE_PREFIXES = ("khu công nghiệp ", "kcn ", "khu kinh tế ", "kkt ")


@dataclass(frozen=True)
class Finding:
    severity: str
    code: str
    where: str
    message: str
    fix: str
    url: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def severity_label(self) -> str:
        return "Lỗi" if self.is_error else "Lưu ý"


@dataclass(frozen=True)
class _Piece:
    """A text of the report the rules read, with where it is."""

    text: str
    where: str
    url: str
    source: str = ""  # what the body typed, for the rules about typed text
    block_id: int | None = None


def check_report(report: Report, data: ReportData | None = None) -> list[Finding]:
    from phoihop.reports.builders import build_report_data

    data = data or build_report_data(report)
    pieces = list(_pieces(data))
    directory = _directory_names()
    findings: list[Finding] = []
    findings += _computation(data, pieces)
    findings += _unapproved(data, pieces)
    findings += _citations(pieces)
    findings += _names(pieces, directory)
    links = _listing_links(report)
    findings += _repeated_names(data, links, directory)
    findings += _period(data, links)
    findings += _narrative_dates(data, report)
    findings += _signature_marks(data, report)
    findings += [
        Finding(
            ERROR,
            "rule_violation",
            "Số liệu của các đơn vị",
            text,
            "Đơn vị báo cáo số liệu sửa lại giá trị đã nhập (lãnh đạo trả lại kỳ đã duyệt nếu cần).",
        )
        for text in data.violations
    ]
    findings += _nfc(report, pieces)
    findings += _typed(pieces, report)
    findings += _tone_marks(pieces)
    if not data.recipients:
        findings.append(
            Finding(
                ERROR,
                "no_recipients",
                "Phần cuối văn bản",
                "Báo cáo chưa có “Nơi nhận”.",
                "Ghi danh sách nơi nhận trong phần thông tin chung của báo cáo (mỗi dòng một nơi, dòng cuối "
                "“- Lưu: VT.”).",
                _report_url(report, "reports:report_update"),
            )
        )
    return findings


def _report_url(report: Report, name: str) -> str:
    return reverse(name, args=[report.pk])


def _block_url(block_id: int | None) -> str:
    return reverse("reports:block_update", args=[block_id]) if block_id else ""


def _pieces(data: ReportData) -> Iterator[_Piece]:
    part = ""
    block_where: dict[int, str] = {}
    for section in data.sections:
        if section.level == 1:
            part = section.number
        number = f"{part}.{section.number}" if section.level >= 2 and part else section.number
        title = section.title if len(section.title) <= 60 else section.title[:57] + "…"
        heading = f"Mục {number} “{title}”" if number else "Phần mở đầu"
        for block in section.blocks:
            where = f"{heading}, đoạn của {block.owner_name}"
            block_where[block.block_id] = where
            yield _Piece(
                text="\n".join(p.text for p in block.paragraphs),
                where=unicodedata.normalize("NFC", where),
                url=_block_url(block.block_id),
                source=block.source,
                block_id=block.block_id,
            )
    for note in data.notes:
        where = f"Chú thích {note.number} (danh sách {note.listing})"
        yield _Piece(text=note.text, where=where, url=_block_url(note.block_id))


def _computation(data: ReportData, pieces: list[_Piece]) -> list[Finding]:
    used: dict[str, list[int]] = {}
    for section in data.sections:
        for block in section.blocks:
            for paragraph in block.paragraphs:
                for run in paragraph.runs:
                    if run.figure:
                        used.setdefault(run.figure, []).append(block.block_id)
    where_of = {p.url: p.where for p in pieces}
    findings = []
    for key, figure in sorted(data.figures.items()):
        if not figure.error:
            continue
        blocks = used.get(key, [])
        url = _block_url(blocks[0]) if blocks else ""
        findings.append(
            Finding(
                ERROR,
                "figure_unavailable",
                where_of.get(url, f"Số liệu {{{{{key}}}}}"),
                f"Không tính được {{{{{key}}}}}: {figure.error}",
                "Bổ sung số liệu hoặc sửa tên trong đoạn (xem danh sách tên số liệu của báo cáo).",
                url,
            )
        )
    for listing in data.listings.values():
        if listing.error:
            findings.append(
                Finding(
                    ERROR,
                    "listing_unavailable",
                    f"Danh sách {listing.key}",
                    f"Không lập được danh sách “{listing.title}”: {listing.error}",
                    "Sửa nguồn, điều kiện lọc hoặc mẫu câu của danh sách.",
                )
            )
    return findings


def _registry() -> dict[str, str]:
    from phoihop.planning.models import Document

    return {doc.reference_key: doc.reference for doc in Document.objects.only("number", "symbol", "reference_key")}


def _citations(pieces: list[_Piece]) -> list[Finding]:
    from phoihop.planning.citation import reference_key

    registry = _registry()
    by_number_kind: dict[tuple[str, str], list[str]] = {}
    for reference in registry.values():
        number, _sep, rest = reference.partition("-")
        by_number_kind.setdefault((number, fold_vi(rest.split("/")[0])), []).append(reference)
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for piece in pieces:
        for match in _REFERENCE.finditer(piece.text):
            number, kind, issuer = match.groups()
            found = match.group(0)
            key = reference_key(number, f"{kind}/{issuer}")
            if (found, piece.where) in seen:
                continue
            seen.add((found, piece.where))
            registered = registry.get(key)
            if registered is not None:
                if registered != found:
                    findings.append(_two_forms(piece, found, registered))
                continue
            similar = by_number_kind.get((number, fold_vi(kind)), [])
            if similar:
                best = min(similar, key=lambda ref: _distance(fold_vi(ref), fold_vi(found)))
                findings.append(_two_forms(piece, found, best))
            else:
                findings.append(
                    Finding(
                        WARNING,
                        "unregistered_document",
                        piece.where,
                        f"Văn bản “{found}” chưa có trong sổ văn bản.",
                        f"Đăng ký văn bản trong sổ văn bản rồi trích dẫn bằng {{{{van_ban:{found}}}}}.",
                        piece.url,
                    )
                )
    return findings


def _two_forms(piece: _Piece, found: str, registered: str) -> Finding:
    return Finding(
        ERROR,
        "document_two_forms",
        piece.where,
        f"Văn bản được ghi là “{found}”, trong khi sổ văn bản (và các chỗ khác của báo cáo) ghi “{registered}”.",
        f"Thay bằng {{{{van_ban:{registered}}}}} để số, ký hiệu được in từ sổ văn bản, giống nhau ở mọi chỗ.",
        piece.url,
    )


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (short strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@cache
def _fold_char(ch: str) -> str:
    folded = fold_vi(ch) if ch.strip() else " "
    return folded if len(folded) == 1 else ch.lower()[:1] or " "


def _fold_chars(text: str) -> str:
    """Diacritic-free, lower-case, one character for one character (so positions map back to the text)."""
    return "".join(_fold_char(ch) for ch in text)


def _directory_names() -> list[tuple[str, str]]:
    """(name as the directory writes it, what kind of name) for zones, enterprises and bodies; zones also by their
    name without "KCN"/"Khu kinh tế"."""
    from phoihop.directory.models import Agency, Enterprise, Zone

    names: list[tuple[str, str]] = []
    for name in Zone.objects.values_list("name", flat=True):
        names.append((name, "khu"))
        lowered = name.lower()
        for prefix in _ZONE_PREFIXES:
            if lowered.startswith(prefix):
                names.append((re.sub(r"\s*\(.*?\)\s*$", "", name[len(prefix) :]).strip(), "khu"))
    names += [(name, "doanh nghiệp") for name in Enterprise.objects.values_list("name", flat=True)]
    names += [(name, "cơ quan") for name in Agency.objects.values_list("name", flat=True)]
    return [(n, kind) for n, kind in names if len(n.split()) >= 2]


def _names(pieces: list[_Piece], directory: list[tuple[str, str]]) -> list[Finding]:
    names = sorted(directory, key=lambda item: -len(item[0]))  # "KCN Tràng Duệ" before "Tràng Duệ"
    words = {word for piece in pieces for word in _fold_chars(piece.text).split()}
    # A directory of a hundred thousand enterprises: only names whose every word is in the report can be in it.
    # Zones and bodies (a few) are kept whole for the near-miss search.
    folded_names = [
        (name, kind, _fold_chars(name))
        for name, kind in names
        if kind != "doanh nghiệp" or all(word in words for word in _fold_chars(name).split())
    ]
    findings: list[Finding] = []
    for piece in pieces:
        text = unicodedata.normalize("NFC", piece.text)
        folded = _fold_chars(text)
        starts = [i for i, ch in enumerate(folded) if ch.isalnum() and (i == 0 or not folded[i - 1].isalnum())]
        spans: list[tuple[int, int]] = []  # names found here, right or wrong: a shorter name inside is not news

        def seen(start: int, end: int, spans: list[tuple[int, int]] = spans) -> bool:
            return any(s <= start and end <= e for s, e in spans)

        for name, kind, fname in folded_names:
            for start in _word_positions(folded, fname):
                end = start + len(name)
                if seen(start, end):
                    continue
                spans.append((start, end))
                written = text[start:end]
                if written.lower() != name.lower():
                    findings.append(_name_finding(piece, written, name, kind))
        for name, kind, fname in folded_names:
            if kind == "doanh nghiệp" or len(fname) < 8:
                continue
            for start, written in _near_misses(text, folded, fname, starts):
                if seen(start, start + len(fname)) or any(s <= start < e for s, e in spans):
                    continue
                spans.append((start, start + len(fname)))
                findings.append(_name_finding(piece, written, name, kind))
    return findings


def _word_positions(folded: str, fname: str) -> Iterator[int]:
    start = folded.find(fname)
    while start >= 0:
        end = start + len(fname)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not before.isalnum() and not after.isalnum():
            yield start
        start = folded.find(fname, start + 1)


def _near_misses(text: str, folded: str, fname: str, starts: list[int]) -> Iterator[tuple[int, str]]:
    """Word-aligned windows of the same length differing from the name in exactly one letter: "trang duc"."""
    size = len(fname)
    for start in starts:
        if start + size > len(folded) or (folded[start] != fname[0] and folded[start + 1] != fname[1]):
            continue
        window = folded[start : start + size]
        after = folded[start + size] if start + size < len(folded) else " "
        if after.isalnum() or window == fname:
            continue
        diffs = [(a, b) for a, b in zip(window, fname, strict=True) if a != b]
        if len(diffs) == 1 and diffs[0][0].isalpha() and diffs[0][1].isalpha():
            yield start, text[start : start + size]


def _name_finding(piece: _Piece, written: str, name: str, kind: str) -> Finding:
    return Finding(
        ERROR,
        "name_not_in_directory",
        piece.where,
        f"“{written}” không khớp tên {kind} trong danh mục: “{name}”.",
        f"Sửa thành “{name}” (tên lấy theo danh mục), hoặc sửa danh mục nếu danh mục ghi sai.",
        piece.url,
    )


def _period(data: ReportData, links: dict[str, str]) -> list[Finding]:
    used = {note.listing: note for note in data.notes}
    anchors = {
        note.listing: " ".join(
            p.text
            for s in data.sections
            for b in s.blocks
            for p in b.paragraphs
            if any(r.note == note.number for r in p.runs)
        )
        for note in data.notes
    }
    start, end = _iso(data.period_start), _iso(data.period_end)
    findings: list[Finding] = []
    wording = fold_vi(UNTIL_REPORT_WORDING)
    for key, listing in data.listings.items():
        note = used.get(key)
        where = f"Chú thích {note.number} (danh sách {key})" if note else f"Danh sách {key}"
        context = fold_vi(" ".join([listing.intro, anchors.get(key, "")]))
        for row in listing.rows:
            if not row.out_of_period:
                continue
            said = wording in fold_vi(row.text) or wording in context
            if listing.period_mode == ListingPeriod.UNTIL_REPORT and said:
                continue
            findings.append(
                Finding(
                    ERROR,
                    "outside_period",
                    where,
                    f"“{_short(row.text)}” ghi sự việc ngày {format_date(_iso(row.date))}, ngoài kỳ báo cáo "
                    f"{format_date(start)} - {format_date(end)}, mà văn bản không nói rõ.",
                    f"Bỏ bản ghi này khỏi danh sách, hoặc chọn thời gian “{ListingPeriod.UNTIL_REPORT.label}” và ghi "
                    f"rõ “{UNTIL_REPORT_WORDING}” trong câu (ví dụ: “Tính đến thời điểm báo cáo, …”).",
                    links.get(key, ""),
                )
            )
    return findings


def _listing_links(report: Report) -> dict[str, str]:
    """Each listing's edit address by key: one query for every listing, one reverse() filled with each id."""
    template = reverse("reports:listing_update", args=[0]).replace("/0/", "/{}/")
    return {key: template.format(pk) for key, pk in report.listings.values_list("key", "pk")}


def _iso(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nfc(report: Report, pieces: list[_Piece]) -> list[Finding]:
    findings: list[Finding] = []
    stored: list[tuple[str, str, str]] = [
        (
            report.summary + report.recipients + report.symbol,
            "Thông tin chung của báo cáo",
            _report_url(report, "reports:report_update"),
        ),
    ]
    block_where = {p.block_id: p.where for p in pieces if p.block_id}
    for block in _blocks_of(report):
        stored.append((block.text, block_where.get(block.pk, f"Đoạn số {block.pk}"), _block_url(block.pk)))
    for listing in report.listings.all():
        stored.append(
            (
                listing.intro + listing.pattern,
                f"Danh sách {listing.key}",
                reverse("reports:listing_update", args=[listing.pk]),
            )
        )
    seen: set[str] = set()
    for text, where, url in stored + [(p.text, p.where, p.url) for p in pieces]:
        if where in seen or unicodedata.is_normalized("NFC", text):
            continue
        seen.add(where)
        findings.append(
            Finding(
                ERROR,
                "not_nfc",
                where,
                "Có chữ tiếng Việt không ở dạng chuẩn NFC (dấu tách rời chữ, thường do dán từ PDF): tìm kiếm và "
                "so khớp tên sẽ sai.",
                "Mở và lưu lại nội dung (hệ thống chuẩn hóa khi lưu); nếu chữ lấy từ danh mục hay bản ghi, sửa "
                "bản ghi đó.",
                url,
            )
        )
    return findings


def _blocks_of(report: Report) -> Iterable[ReportBlock]:
    from phoihop.reports.models import ReportBlock

    return ReportBlock.objects.filter(section__report=report).order_by("section__position", "position", "pk")


def _unit_nouns() -> list[str]:
    from phoihop.indicators.models import Indicator

    units = {unit.split("/")[0].strip() for unit in Indicator.objects.values_list("unit", flat=True)}
    nouns = {noun.lower() for noun in (*_UNIT_NOUNS, *units) if noun and not any(ch.isdigit() for ch in noun)}
    return sorted(nouns, key=len, reverse=True)  # "vụ việc" before "vụ"


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the given spans replaced by spaces (the same length, so later positions still hold)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (_DATE_DMY, _DATE_MY, _DATE_WORDS) for m in pattern.finditer(text)]


def _not_figures(text: str, fixed: list[str]) -> str:
    """What the typed-figure rule reads: the typed text without placeholders, quoted titles, cited documents'
    numbers and dates, and the report's fixed expressions."""
    text = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for phrase in fixed:
        start = lowered.find(phrase.lower())
        while start >= 0:
            spans.append((start, start + len(phrase)))
            start = lowered.find(phrase.lower(), start + 1)
    spans += [m.span() for m in _QUOTED.finditer(text)]
    spans += [m.span() for m in _REFERENCE.finditer(text)]
    spans += _date_spans(text)
    return _blank(text, spans)


def _typed_pattern(nouns: list[str]) -> re.Pattern[str]:
    counts = rf"{_NUMBER}\s+(?:{'|'.join(re.escape(noun) for noun in nouns)})(?!\w)"
    return re.compile(rf"(?<![\w.,/])(?:{'|'.join((*_TYPED_FORMS, counts))})(?![\w/]|[.,]\d)", re.IGNORECASE)


def _typed(pieces: list[_Piece], report: Report) -> list[Finding]:
    findings: list[Finding] = []
    typed_pieces = [piece for piece in pieces if piece.source]
    if not typed_pieces:
        return findings
    pattern = _typed_pattern(_unit_nouns())
    fixed = report.fixed_expression_lines
    for piece in typed_pieces:
        typed = [m.group(0) for m in pattern.finditer(_not_figures(piece.source, fixed))]
        if typed:
            shown = ", ".join(f"“{t}”" for t in dict.fromkeys(typed))
            findings.append(
                Finding(
                    WARNING,
                    "typed_figure",
                    piece.where,
                    f"Số liệu gõ tay trong đoạn: {shown}. Số gõ tay không tự cập nhật và không truy được nguồn.",
                    "Thay bằng tên số liệu, ví dụ {{DV_MOI}} (danh sách tên ở trang “Tên số liệu” của báo cáo). Nếu "
                    "đó là một cụm từ cố định (như “24/7”), thêm nó vào “Cụm từ cố định có chữ số” của báo cáo.",
                    piece.url,
                )
            )
    return findings


def _unapproved(data: ReportData, pieces: list[_Piece]) -> list[Finding]:
    """Each body's period whose values a figure counts before they are approved: one finding per period, where the
    first figure using it stands, linked to the value."""
    where_of = {p.block_id: (p.where, p.url) for p in pieces if p.block_id}
    first_use: dict[str, int] = {}
    for section in data.sections:
        for block in section.blocks:
            for paragraph in block.paragraphs:
                for run in paragraph.runs:
                    if run.figure:
                        first_use.setdefault(run.figure, block.block_id)
    periods: dict[str, list[str]] = {}
    for key, figure in sorted(data.figures.items()):
        for period in figure.unapproved:
            periods.setdefault(period, []).append(key)
    findings = []
    for period, keys in periods.items():
        figure = data.figures[keys[0]]
        row = next((r for r in figure.provenance if not r.approved), None)
        block_id = next((first_use[k] for k in keys if k in first_use), None)
        where, _block = where_of.get(block_id or 0, (f"Số liệu {{{{{keys[0]}}}}}", ""))
        names = ", ".join(f"{{{{{k}}}}}" for k in keys)
        findings.append(
            Finding(
                ERROR,
                "unapproved_value",
                where,
                f"Số liệu {period} chưa được phê duyệt (dùng trong {names}).",
                "Đơn vị gửi duyệt và lãnh đạo đơn vị phê duyệt số liệu kỳ này (trang “Phê duyệt số liệu”); báo cáo "
                "chỉ được ký trên số liệu đã phê duyệt.",
                row.url if row is not None else "",
            )
        )
    return findings


def _part_one_blocks(data: ReportData) -> Iterator[tuple[str, BlockData]]:
    """The blocks of the opening and of part I (the results), with where they are; part II may name next year."""
    parts = 0
    for section in data.sections:
        if section.level == 1:
            parts += 1
            if parts > 1:
                return
        number = f"I.{section.number}" if section.level >= 2 and parts else section.number
        title = section.title if len(section.title) <= 60 else section.title[:57] + "…"
        heading = f"Mục {number} “{title}”" if number else "Phần mở đầu"
        for block in section.blocks:
            yield unicodedata.normalize("NFC", f"{heading}, đoạn của {block.owner_name}"), block


def _typed_dates(text: str) -> Iterator[tuple[str, dt.date, bool]]:
    """(as written, the first day it names, whether it names a whole month) for each date typed in the text."""
    for m in _DATE_DMY.finditer(text):
        day, _sep, month, year = m.groups()
        with suppress(ValueError):
            yield m.group(0), dt.date(int(year), int(month), int(day)), False
    for m in _DATE_MY.finditer(text):
        month, year = m.groups()
        with suppress(ValueError):
            yield m.group(0), dt.date(int(year), int(month), 1), True
    for m in _DATE_WORDS.finditer(text):
        day, month, year = m.groups()
        with suppress(ValueError):
            yield m.group(0), dt.date(int(year), int(month), int(day or 1)), day is None


def _narrative_dates(data: ReportData, report: Report) -> list[Finding]:
    end = report.plan.period_end
    wording = fold_vi(UNTIL_REPORT_WORDING)
    findings: list[Finding] = []
    for where, block in _part_one_blocks(data):
        typed = _PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), block.source)
        typed = _blank(typed, [m.span() for m in _REFERENCE.finditer(typed)])
        for line in typed.splitlines():
            for sentence_text in re.split(r"(?<=[.;!?])\s+", line):
                if wording in fold_vi(sentence_text):
                    continue
                for written, day, _whole_month in _typed_dates(sentence_text):
                    if day <= end:
                        continue
                    findings.append(
                        Finding(
                            ERROR,
                            "date_after_period",
                            where,
                            f"“{_short(sentence_text.strip())}” ghi sự việc “{written}”, sau ngày kết thúc kỳ báo "
                            f"cáo {format_date(end)}, trong phần kết quả thực hiện.",
                            "Bỏ sự việc này khỏi phần I (nêu ở phần nhiệm vụ năm sau nếu cần), hoặc ghi rõ "
                            f"“{UNTIL_REPORT_WORDING}” trong câu (ví dụ: “Tính đến thời điểm báo cáo, …”).",
                            _block_url(block.block_id),
                        )
                    )
    return findings


def _signature_marks(data: ReportData, report: Report) -> list[Finding]:
    """The mark before the office follows the issuing body's system: a State body signs "KT. TRƯỞNG BAN" (NĐ 30),
    a Party body "K/T TRƯỞNG BAN" (HD 36). A profile of another system, or a mark typed into the office, prints the
    wrong one."""
    from phoihop.directory.choices import AgencyKind
    from phoihop.reports.docx import Authority, get_profile
    from phoihop.reports.docx.profiles import default_profiles

    profiles = default_profiles()
    all_marks = {mark for p in profiles.values() for mark in p.authority_marks.values() if mark}
    issuers = {i.agency.short_code: i for i in report.issuers.select_related("agency")}
    findings: list[Finding] = []
    for signer in data.issuers:
        issuer = issuers.get(signer.agency_code)
        if issuer is None or signer.profile not in profiles:
            continue
        url = reverse("reports:issuer_update", args=[report.pk, issuer.pk])
        where = f"Chữ ký của {signer.agency_name}"
        profile = get_profile(signer.profile)
        kind = issuer.agency.kind
        own = [p for p in profiles.values() if p.system == kind]
        authority = Authority(signer.authority)
        printed = profile.authority_marks.get(authority, "")
        expected = {p.authority_marks.get(authority, "") for p in own}
        if own and profile.system != kind and printed not in expected:
            right = own[0]
            shown = profile.authority_line(authority, signer.office)
            wanted = f"{right.authority_marks.get(authority, '')} {signer.office}".strip()
            findings.append(
                Finding(
                    ERROR,
                    "signature_mark",
                    where,
                    f"{signer.agency_name} là {AgencyKind(kind).in_sentence} nhưng chữ ký in “{shown}” theo thể "
                    f"thức {profile.display_name}; theo {right.display_name} phải là “{wanted}”.",
                    f"Chọn thể thức văn bản “{right.display_name}” cho cơ quan này trong phần cơ quan ban hành.",
                    url,
                )
            )
        for field_label, text in (("chức vụ được ký thay", signer.office), ("chức vụ người ký", signer.signer_title)):
            typed = next((m for m in sorted(all_marks, key=len, reverse=True) if _starts_with_mark(text, m)), "")
            if typed:
                findings.append(
                    Finding(
                        ERROR,
                        "signature_mark_typed",
                        where,
                        f"Ký hiệu thẩm quyền “{typed}” được gõ vào {field_label} (“{text}”): chữ ký sẽ in ký hiệu "
                        "hai lần hoặc sai thể thức của cơ quan.",
                        f"Xóa “{typed}” khỏi {field_label} và chọn thẩm quyền ký; ký hiệu được in theo thể thức.",
                        url,
                    )
                )
    return findings


def _starts_with_mark(text: str, mark: str) -> bool:
    text = text.strip().upper()
    if not text.startswith(mark.upper()):
        return False
    rest = text[len(mark) :]
    return not rest or rest[0] == " " or mark.endswith(".")


def _named_in(text: str, folded_names: list[tuple[str, str]]) -> list[str]:
    """Places ("phường Đông Hải 2") and directory names (longest first) named in a line, folded, once per mention.
    A name inside a longer one is not counted again: "An Dương" in "huyện An Dương" is the district."""
    folded = _fold_chars(text)
    spans: list[tuple[int, int]] = []
    found: list[str] = []
    for m in _PLACE.finditer(text):
        words: list[str] = []
        for word in text[m.end() :].split():
            clean = word.rstrip(",.;:)(")
            if not clean or not (clean[0].isupper() or clean.isdigit()):
                break
            words.append(clean)
            if clean != word:
                break
        if words:
            end = text.find(words[-1], m.end()) + len(words[-1])
            spans.append((m.start(), end))
            found.append(" ".join(folded[m.start() : end].split()))
    for _name, fname in folded_names:
        for start in _word_positions(folded, fname):
            end = start + len(fname)
            if any(s < end and start < e for s, e in spans):
                continue
            spans.append((start, end))
            found.append(fname)
    return found


def _repeated_names(data: ReportData, links: dict[str, str], directory: list[tuple[str, str]]) -> list[Finding]:
    candidates = {fold_vi(row.text) for listing in data.listings.values() for row in listing.rows}
    words = {word for text in candidates for word in text.split()}
    folded_names = sorted(
        (
            (name, _fold_chars(name))
            for name, kind in directory
            if kind != "cơ quan" and all(word in words for word in _fold_chars(name).split())
        ),
        key=lambda item: -len(item[0]),
    )
    notes = {note.listing: note for note in data.notes}
    findings: list[Finding] = []
    for key, listing in data.listings.items():
        note = notes.get(key)
        where = f"Chú thích {note.number} (danh sách {key})" if note else f"Danh sách {key}"
        for row in listing.rows:
            named = _named_in(row.text, folded_names)
            twice = [name for name in dict.fromkeys(named) if named.count(name) > 1]
            for name in twice:
                start = _fold_chars(row.text).find(name)
                written = row.text[start : start + len(name)] if start >= 0 else name
                findings.append(
                    Finding(
                        ERROR,
                        "name_repeated",
                        where,
                        f"“{written}” được nêu hai lần trong cùng một dòng: “{_short(row.text)}”.",
                        "Sửa mẫu câu của danh sách (hoặc mẫu câu riêng của bản ghi này) để mỗi tên chỉ in một lần.",
                        links.get(key, ""),
                    )
                )
    return findings


def _tone_marks(pieces: list[_Piece]) -> list[Finding]:
    """The same word with its tone mark placed two ways ("Thành uỷ" and "Thành ủy") in one report."""
    new_forms: set[str] = set()
    old_hits: list[tuple[_Piece, str, str]] = []
    for piece in pieces:
        for word in re.findall(r"\w+", piece.text.lower()):
            old = next((o for o in _OLD_TONES if o in word), None)
            if old:
                old_hits.append((piece, word, word.replace(old, _OLD_TONES[old])))
            elif any(new in word for new in _OLD_TONES.values()):
                new_forms.add(word)
    findings = []
    reported: set[tuple[str, str]] = set()
    for piece, word, modern in old_hits:
        if modern in new_forms and (word, piece.where) not in reported:
            reported.add((word, piece.where))
            findings.append(
                Finding(
                    WARNING,
                    "tone_mark_style",
                    piece.where,
                    f"“{word}” và “{modern}” cùng có trong báo cáo (hai kiểu đặt dấu thanh).",
                    f"Thống nhất một kiểu, ví dụ “{modern}”.",
                    piece.url,
                )
            )
    return findings

"""The checker run before signing: what a careful reader of the seed report would have caught by hand.

- a figure or listing that could not be computed (an indicator without values, a name no longer there);
- a document cited in two forms ("02-KH/BDV-BQLKKT-LĐLĐTP" beside "02-KH/BDVTU-BQLKKT-LĐLĐTP"), or one missing from
  the registry;
- a zone, enterprise or body named otherwise than in the directory ("Trảng Duệ" for "Tràng Duệ"): names are
  compared without diacritics, and a near miss of one letter is reported too;
- a record dated outside the reporting period used in the report (the groundbreaking of 01/2024 in the 2023 report),
  unless the text says "tính đến thời điểm báo cáo";
- a broken validation rule (admitted to the Party > introduced);
- text not in NFC; figures typed into the narrative instead of bound; a report without "Nơi nhận".

Each finding says where it is, what is wrong and how to fix it. Errors block the leaders' sign-off."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from django.urls import reverse

from phoihop.core.text import fold_vi
from phoihop.core.vnformat import format_date
from phoihop.reports.builders.data import ReportData
from phoihop.reports.choices import ListingPeriod

if TYPE_CHECKING:
    from phoihop.reports.models import Report, ReportBlock

ERROR = "error"
WARNING = "warning"
UNTIL_REPORT_WORDING = "tính đến thời điểm báo cáo"
_REFERENCE = re.compile(r"(?<![\w/-])(\d{1,5})-([A-Za-zĐđ]{1,8})/([A-Za-zĐđ0-9]+(?:[-/][A-Za-zĐđ0-9]+)*)")
_TYPED_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+\s?%)(?![\w.,]\d)")
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\[\[.*?\]\]")
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
    findings: list[Finding] = []
    findings += _computation(data, pieces)
    findings += _citations(pieces)
    findings += _names(pieces)
    findings += _period(data, report)
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
    findings += _typed(pieces)
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


def _names(pieces: list[_Piece]) -> list[Finding]:
    names = sorted(_directory_names(), key=lambda item: -len(item[0]))  # "KCN Tràng Duệ" before "Tràng Duệ"
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


def _period(data: ReportData, report: Report) -> list[Finding]:
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
                    reverse("reports:listing_update", args=[_listing_id(report, key)])
                    if _listing_id(report, key)
                    else "",
                )
            )
    return findings


def _listing_id(report: Report, key: str) -> int | None:
    return report.listings.filter(key=key).values_list("pk", flat=True).first()


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


def _typed(pieces: list[_Piece]) -> list[Finding]:
    findings: list[Finding] = []
    for piece in pieces:
        if not piece.source:
            continue
        typed = _TYPED_NUMBER.findall(_PLACEHOLDER.sub(" ", piece.source))
        if typed:
            shown = ", ".join(f"“{t}”" for t in dict.fromkeys(typed))
            findings.append(
                Finding(
                    WARNING,
                    "typed_figure",
                    piece.where,
                    f"Số liệu gõ tay trong đoạn: {shown}. Số gõ tay không tự cập nhật và không truy được nguồn.",
                    "Thay bằng tên số liệu, ví dụ {{DV_MOI}} (danh sách tên ở trang “Tên số liệu” của báo cáo).",
                    piece.url,
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

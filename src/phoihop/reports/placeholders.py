"""The placeholder language of report blocks, for officers (see docs/report-rendering.md):

    {{DV_MOI}}                      13.297/21.500     a named figure (or an indicator code with one line in the plan)
    {{DV_MOI.thuc_hien}}            13.297            .ke_hoach 21.500 · .ty_le 61,8% · .dat "đạt 61,8% kế hoạch"
    {{ke_hoach.hoan_thanh}}         19/20             the plan's items done / all items (and .so_hieu, .ket_qua…)
    {{van_ban:28-NQ/TU}}            Nghị quyết số 28-NQ/TU, ngày 10/11/2009   (.day_du, .ten, .so_hieu, .ngay…)
    {{TU_VAN_NLD.so_luong}}         05                the number of records a listing stands for
    {{BUA_AN.khoang}}               20.000đ - 25.000đ min - max of the listing's value field (.tong, .so_doanh_nghiep…)
    [[chu_thich:NHA_O_KHOI_CONG]]   a listing placed as a real footnote ([[danh_sach:KEY]] prints it in the text)
    *nghiêng*  **đậm**              emphasis

Each non-blank line of a block is a paragraph. Names are written without diacritics; what they stand for is checked
when the block is saved, and an unknown name, attribute, document or listing is refused with a message naming it.

This module only parses; `Vocabulary` (what names exist in a report) is filled by the selectors, and the builder
turns the parsed tokens into text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIGURE_ATTRS: dict[str, str] = {
    "": "thực hiện/kế hoạch (13.297/21.500), hoặc số thực hiện khi không có kế hoạch",
    "thuc_hien": "số thực hiện (13.297)",
    "ke_hoach": "kế hoạch năm (21.500)",
    "phan_so": "thực hiện/kế hoạch (13.297/21.500)",
    "ty_le": "tỷ lệ so với kế hoạch (61,8%)",
    "dat": "“đạt 61,8% kế hoạch”",
}
PLAN_ATTRS: dict[str, str] = {
    "so_hieu": "trích dẫn văn bản kế hoạch (Kế hoạch số 02-KH/…, ngày 04/01/2023)",
    "trich_yeu": "trích dẫn kèm trích yếu của kế hoạch",
    "hoan_thanh": "số nội dung hoàn thành/tổng số (19/20)",
    "da_hoan_thanh": "số nội dung hoàn thành (19)",
    "so_noi_dung": "tổng số nội dung phối hợp (20)",
    "chua_hoan_thanh": "số nội dung chưa hoàn thành (01)",
    "ket_qua": "câu “Hoàn thành 19/20 nội dung phối hợp tại Kế hoạch số …”",
    "chua_trien_khai": "các câu “Còn 01 nội dung phối hợp chưa được triển khai: …” và nguyên nhân",
    "nam": "năm của kế hoạch (2023)",
    "nam_sau": "năm sau (2024)",
    "giai_doan": "giai đoạn của chương trình (2021 - 2025)",
}
REPORT_ATTRS: dict[str, str] = {
    "so_co_quan": "số cơ quan ban hành (03)",
}
DOCUMENT_ATTRS: dict[str, str] = {
    "": "Nghị quyết số 28-NQ/TU, ngày 10/11/2009",
    "day_du": "kèm cơ quan ban hành và trích yếu",
    "co_quan": "kèm cơ quan ban hành",
    "ten": "Nghị quyết số 28-NQ/TU (không ghi ngày)",
    "so_hieu": "28-NQ/TU",
    "ngay": "ngày 10/11/2009",
}
LISTING_ATTRS: dict[str, str] = {
    "so_luong": "số bản ghi (vụ việc) của danh sách (05)",
    # Measures over the listing's records, of its value field (see Listing.value_field):
    "khoang": "thấp nhất - cao nhất của trường số (20.000đ - 25.000đ)",
    "thap_nhat": "giá trị thấp nhất của trường số",
    "cao_nhat": "giá trị cao nhất của trường số",
    "tong": "tổng của trường số",
    "tong_khong_trung": "tổng của trường số, mỗi doanh nghiệp tính một lần (lần lớn nhất)",
    "so_doanh_nghiep": "số doanh nghiệp khác nhau có bản ghi trong danh sách",
}
MEASURE_ATTRS = ("khoang", "thap_nhat", "cao_nhat", "tong", "tong_khong_trung", "so_doanh_nghiep")
TASK_ATTRS: dict[str, str] = {
    "": "các nội dung của lĩnh vực này trong kế hoạch năm sau, mỗi nội dung một dòng",
    "chuyen_tiep": "chỉ các nội dung chuyển tiếp từ năm trước",
}
NOTE_KINDS = {"chu_thich": "footnote", "danh_sach": "inline"}

PLAN = "ke_hoach"
REPORT = "bao_cao"
DOCUMENT = "van_ban"
TASKS = "nhiem_vu"

_TOKEN = re.compile(r"(\{\{.*?\}\}|\[\[.*?\]\]|\*\*|\*)")
_NAME = re.compile(r"^[A-Za-z0-9_\-]+$")


@dataclass(frozen=True)
class Ref:
    """What a placeholder points at: `kind` is figure | listing | plan | report | document | tasks."""

    kind: str
    name: str
    attr: str = ""

    @property
    def key(self) -> str:
        """The canonical placeholder text, the key of the figure in ReportData."""
        if self.kind == "document":
            base = f"{DOCUMENT}:{self.name}"
        elif self.kind in ("plan", "report", "tasks"):
            base = {"plan": PLAN, "report": REPORT, "tasks": TASKS}[self.kind]
        else:
            base = self.name
        return f"{base}.{self.attr}" if self.attr else base


@dataclass(frozen=True)
class Token:
    """A piece of a paragraph: literal text, a value placeholder, or a listing (footnote or inline)."""

    text: str = ""
    ref: Ref | None = None
    listing: str = ""
    footnote: bool = False
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ParsedBlock:
    paragraphs: tuple[tuple[Token, ...], ...]

    @property
    def refs(self) -> list[Ref]:
        return [t.ref for p in self.paragraphs for t in p if t.ref is not None]

    @property
    def listings(self) -> list[str]:
        return [t.listing for p in self.paragraphs for t in p if t.listing]


@dataclass
class Vocabulary:
    """The names a report's blocks may use. Figure names map to a target id; indicator codes to the target ids of
    their lines in the plan (one line: usable directly; several: the message asks for a named figure)."""

    figures: Mapping[str, int] = field(default_factory=dict)
    indicators: Mapping[str, Sequence[tuple[int, str]]] = field(default_factory=dict)  # code -> [(target, body)]
    listings: Iterable[str] = ()
    documents: Mapping[str, str] = field(default_factory=dict)  # reference key -> printed reference
    has_plan_document: bool = True
    tasks_allowed: bool = False

    def resolve_document(self, reference: str) -> str | None:
        from phoihop.planning.citation import reference_key, split_reference

        return self.documents.get(reference_key(*split_reference(reference)))


def _error(message: str, code: str) -> ValidationError:
    return ValidationError({"text": ValidationError(message, code=code)})


def _split_attr(content: str, known: Mapping[str, str], *, document: bool = False) -> tuple[str, str]:
    """ "DV_MOI.ty_le" -> ("DV_MOI", "ty_le"); a document reference keeps its dots unless the tail reads as an
    attribute (lower-case letters and "_"), so a mistyped attribute is named as such."""
    head, dot, tail = content.rpartition(".")
    if not dot:
        return content, ""
    if tail in known:
        return head, tail
    looks_like_attr = re.fullmatch(r"[a-z_]+", tail) if document else _NAME.match(tail)
    return (head, tail) if looks_like_attr else (content, "")


def parse_ref(content: str) -> Ref:
    """Parse the inside of {{…}} without checking that the name exists."""
    content = content.strip()
    if not content:
        raise _error(_("Có cặp {{ }} trống trong đoạn."), "empty_placeholder")
    lowered = content.lower()
    if lowered.startswith(f"{DOCUMENT}:"):
        reference, attr = _split_attr(content[len(DOCUMENT) + 1 :].strip(), DOCUMENT_ATTRS, document=True)
        return Ref("document", reference.strip(), attr)
    name, attr = _split_attr(content, FIGURE_ATTRS)
    if name.lower() == PLAN:
        return Ref("plan", PLAN, attr)
    if name.lower() == REPORT:
        return Ref("report", REPORT, attr)
    if name.lower() == TASKS:
        return Ref("tasks", TASKS, attr)
    if not _NAME.match(name):
        raise _error(
            _("Tên “%(name)s” trong {{%(raw)s}} chỉ được gồm chữ không dấu, số, dấu gạch dưới và gạch ngang.")
            % {"name": name, "raw": content},
            "bad_placeholder",
        )
    return Ref("figure", name, attr)


def parse(text: str) -> ParsedBlock:
    """Split a block into paragraphs of tokens. Syntax errors (an unclosed {{ or [[, an unknown [[kind:…]]) are
    refused here; names are checked by `check`."""
    paragraphs: list[tuple[Token, ...]] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        paragraphs.append(_parse_line(line.strip(), line_number))
    return ParsedBlock(tuple(paragraphs))


def _parse_line(line: str, line_number: int) -> tuple[Token, ...]:
    for opener, closer in (("{{", "}}"), ("[[", "]]")):
        if line.count(opener) != line.count(closer):
            raise _error(
                _("Dòng %(n)s: thiếu dấu đóng “%(closer)s” hoặc dấu mở “%(opener)s”.")
                % {"n": line_number, "opener": opener, "closer": closer},
                "unbalanced_placeholder",
            )
    parts = _TOKEN.split(line)
    # Emphasis marks only count when they pair up; a lone "*" is printed as it is.
    marks = [p for p in parts if p in ("*", "**")]
    pairable = {m: marks.count(m) % 2 == 0 for m in ("*", "**")}
    tokens: list[Token] = []
    bold = italic = False
    for part in parts:
        if not part:
            continue
        if part == "**" and pairable["**"]:
            bold = not bold
            continue
        if part == "*" and pairable["*"]:
            italic = not italic
            continue
        if part.startswith("{{") and part.endswith("}}"):
            tokens.append(Token(ref=parse_ref(part[2:-2]), bold=bold, italic=italic))
        elif part.startswith("[[") and part.endswith("]]"):
            kind, colon, key = part[2:-2].partition(":")
            kind = kind.strip().lower()
            if not colon or kind not in NOTE_KINDS or not key.strip():
                raise _error(
                    _(
                        "Dòng %(n)s: “%(raw)s” không đúng dạng; dùng [[chu_thich:TEN_DANH_SACH]] hoặc "
                        "[[danh_sach:TEN_DANH_SACH]]."
                    )
                    % {"n": line_number, "raw": part},
                    "bad_listing_placeholder",
                )
            tokens.append(Token(listing=key.strip(), footnote=NOTE_KINDS[kind] == "footnote", bold=bold, italic=italic))
        else:
            tokens.append(Token(text=part, bold=bold, italic=italic))
    return tuple(tokens)


def _attr_error(ref: Ref, known: Mapping[str, str], what: str) -> ValidationError:
    allowed = ", ".join(f".{name}" for name in known if name) or _("không có")
    return _error(
        _("{{%(raw)s}}: %(what)s không có thuộc tính “%(attr)s” (dùng được: %(allowed)s).")
        % {"raw": ref.key, "what": what, "attr": ref.attr, "allowed": allowed},
        "unknown_attribute",
    )


def check(parsed: ParsedBlock, vocabulary: Vocabulary) -> None:
    """Refuse a block that names something the report does not have, naming it and saying what exists."""
    listings = set(vocabulary.listings)
    for ref in parsed.refs:
        _check_ref(ref, vocabulary, listings)
    for key in parsed.listings:
        if key not in listings:
            raise _error(
                _("Không có danh sách “%(key)s” trong báo cáo (các danh sách hiện có: %(known)s).")
                % {"key": key, "known": ", ".join(sorted(listings)) or _("chưa có")},
                "unknown_listing",
            )


def _check_ref(ref: Ref, vocabulary: Vocabulary, listings: set[str]) -> None:
    if ref.kind == "plan":
        if ref.attr not in PLAN_ATTRS:
            raise _attr_error(ref, PLAN_ATTRS, _("kế hoạch"))
        if ref.attr in ("so_hieu", "trich_yeu") and not vocabulary.has_plan_document:
            raise _error(
                _("{{%(raw)s}}: kế hoạch chưa gắn với văn bản trong sổ văn bản.") % {"raw": ref.key},
                "plan_without_document",
            )
        return
    if ref.kind == "report":
        if ref.attr not in REPORT_ATTRS:
            raise _attr_error(ref, REPORT_ATTRS, _("báo cáo"))
        return
    if ref.kind == "tasks":
        if ref.attr not in TASK_ATTRS:
            raise _attr_error(ref, TASK_ATTRS, _("nhiệm vụ năm sau"))
        if not vocabulary.tasks_allowed:
            raise _error(
                _("{{%(raw)s}} chỉ dùng được trong các mục nhiệm vụ trọng tâm năm sau.") % {"raw": ref.key},
                "tasks_outside_next_year",
            )
        return
    if ref.kind == "document":
        if ref.attr not in DOCUMENT_ATTRS:
            raise _attr_error(ref, DOCUMENT_ATTRS, _("văn bản"))
        if vocabulary.resolve_document(ref.name) is None:
            raise _error(
                _("Văn bản “%(ref)s” chưa có trong sổ văn bản; hãy đăng ký văn bản trước rồi trích dẫn.")
                % {"ref": ref.name},
                "unknown_document",
            )
        return
    # A figure name, an indicator code or a listing.
    if ref.name in listings:
        if ref.attr not in LISTING_ATTRS:
            raise _error(
                _(
                    "{{%(raw)s}}: “%(name)s” là một danh sách; đặt nó bằng [[chu_thich:%(name)s]] hoặc "
                    "[[danh_sach:%(name)s]], lấy số bản ghi bằng {{%(name)s.so_luong}}, hoặc một số tính trên "
                    "trường số của nó (%(measures)s)."
                )
                % {
                    "raw": ref.key,
                    "name": ref.name,
                    "measures": ", ".join(f"{{{{{ref.name}.{attr}}}}}" for attr in MEASURE_ATTRS),
                },
                "listing_as_figure",
            )
        return
    if ref.attr not in FIGURE_ATTRS:
        raise _attr_error(ref, FIGURE_ATTRS, _("số liệu “%(name)s”") % {"name": ref.name})
    if ref.name in vocabulary.figures:
        return
    lines = vocabulary.indicators.get(ref.name)
    if lines is None:
        known = sorted(set(vocabulary.figures) | set(vocabulary.indicators))
        raise _error(
            _(
                "Không có số liệu “%(name)s” trong báo cáo (tên số liệu hoặc mã chỉ tiêu của kế hoạch). "
                "Các tên hiện có: %(known)s."
            )
            % {"name": ref.name, "known": ", ".join(known) or _("chưa có")},
            "unknown_figure",
        )
    if len(lines) != 1:
        bodies = ", ".join(body or _("chung") for _target, body in lines)
        raise _error(
            _("Chỉ tiêu “%(name)s” có %(n)s dòng trong kế hoạch (%(bodies)s); hãy đặt tên số liệu cho dòng cần dùng.")
            % {"name": ref.name, "n": len(lines), "bodies": bodies},
            "ambiguous_figure",
        )


def target_of(ref: Ref, vocabulary: Vocabulary) -> int | None:
    """The target line a figure reference stands for (after `check`)."""
    if ref.kind != "figure":
        return None
    if ref.name in vocabulary.figures:
        return vocabulary.figures[ref.name]
    lines = vocabulary.indicators.get(ref.name) or []
    return lines[0][0] if len(lines) == 1 else None

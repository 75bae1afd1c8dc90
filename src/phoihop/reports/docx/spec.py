"""The document to render, as plain frozen data.

A builder fills these dataclasses from the records; `render()` turns them into a .docx. Nothing here knows about
Django, the database or Word's XML. Text is given as it should read; the renderer normalises it to NFC, upper-cases
what the format profile says is upper-case, and escapes it.

Sequences are stored as tuples (lists given to a constructor are converted), so a spec is hashable and cannot be
changed after it is built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class SpecError(ValueError):
    """The specification cannot be rendered. `message` is Vietnamese, for the person who fills the report in;
    `code` names the problem for programs."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class Authority(StrEnum):
    """Why the signer signs. Each format profile prints its own mark for it ("K/T" in Party documents, "KT." in
    State and trade-union documents)."""

    HEAD = "head"  # the head signs in their own name: no mark
    SIGN_FOR = "sign_for"  # ký thay: a deputy signs for the head
    ON_BEHALF = "on_behalf"  # thay mặt: on behalf of a collective body (Ban Chấp hành, Ban Thường vụ)
    BY_ORDER = "by_order"  # thừa lệnh
    AUTHORISED = "authorised"  # thừa ủy quyền
    ACTING = "acting"  # quyền: the acting head


def _tuple(value: Iterable[object]) -> tuple[object, ...]:
    if isinstance(value, str):
        raise SpecError("Danh sách không được là một chuỗi ký tự đơn lẻ.", code="not_a_sequence")
    return tuple(value)


def _freeze(obj: object, *names: str) -> None:
    for name in names:
        object.__setattr__(obj, name, _tuple(getattr(obj, name)))


@dataclass(frozen=True)
class Text:
    """A run of text with its emphasis. "\\n" becomes a line break and "\\t" a tab in the document."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass(frozen=True)
class NoteParagraph:
    """One paragraph of a footnote's content."""

    runs: tuple[Text, ...]

    def __post_init__(self) -> None:
        _freeze(self, "runs")
        for run in self.runs:
            if not isinstance(run, Text):
                raise SpecError("Chú thích chỉ chứa văn bản, không chứa chú thích lồng nhau.", code="nested_footnote")

    @classmethod
    def of(cls, *parts: str | Text) -> NoteParagraph:
        return cls(tuple(Text(part) if isinstance(part, str) else part for part in parts))


@dataclass(frozen=True)
class Footnote:
    """A footnote anchored where it stands in a paragraph. Footnotes are numbered 1, 2, 3... in document order;
    the number is not part of the spec."""

    paragraphs: tuple[NoteParagraph, ...]

    def __post_init__(self) -> None:
        _freeze(self, "paragraphs")
        if not self.paragraphs:
            raise SpecError("Chú thích không có nội dung.", code="empty_footnote")

    @classmethod
    def of(cls, *paragraphs: str | Text | NoteParagraph) -> Footnote:
        """Footnote.of("Chi bộ công ty A, chi bộ công ty B."): one paragraph per argument."""
        return cls(tuple(p if isinstance(p, NoteParagraph) else NoteParagraph.of(p) for p in paragraphs))


Inline = Text | Footnote


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph: justified, first-line indent, body size. `runs` mixes text and footnote anchors."""

    runs: tuple[Inline, ...]

    def __post_init__(self) -> None:
        _freeze(self, "runs")
        for run in self.runs:
            if not isinstance(run, Text | Footnote):
                raise SpecError("Đoạn văn chỉ chứa văn bản và chú thích.", code="bad_inline")

    @classmethod
    def of(cls, *parts: str | Text | Footnote) -> Paragraph:
        """Paragraph.of("... khởi công nhiều dự án nhà ở xã hội", Footnote.of("Tháng 3/2023, ..."), ".")"""
        return cls(tuple(Text(part) if isinstance(part, str) else part for part in parts))

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        return tuple(run for run in self.runs if isinstance(run, Footnote))


@dataclass(frozen=True)
class Heading:
    """A numbered heading as the seed writes them: level 1 "I. KẾT QUẢ THỰC HIỆN" (the profile upper-cases it),
    level 2 "1. Phối hợp trong công tác lãnh đạo, chỉ đạo", level 3 "8.1. Về ưu điểm". `number` is printed as
    given ("I", "1", "8.1") followed by ". "; an empty number prints the title alone."""

    level: int
    number: str
    title: str

    def __post_init__(self) -> None:
        if self.level not in (1, 2, 3):
            raise SpecError(f"Đề mục chỉ có 3 cấp (1, 2, 3), không có cấp {self.level}.", code="heading_level")

    @property
    def text(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


Block = Heading | Paragraph


@dataclass(frozen=True)
class Signature:
    """One body's signature block.

    `office` is what the signer signs for ("TRƯỞNG BAN", "BAN CHẤP HÀNH"); the authority line is the profile's mark
    for `authority` followed by it ("K/T TRƯỞNG BAN", "TM. BAN CHẤP HÀNH"). `signer_title` is the signer's own
    position ("PHÓ TRƯỞNG BAN"), `signer_name` may be blank in a draft. `organisation`, when set, is printed above the
    authority line, as joint documents do ("BAN DÂN VẬN THÀNH ỦY")."""

    authority: Authority
    office: str
    signer_title: str = ""
    signer_name: str = ""
    organisation: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.authority, Authority):
            raise SpecError("Thiếu thẩm quyền ký (K/T, TM., ...) của người ký.", code="authority_missing")
        if not self.office.strip():
            raise SpecError("Thiếu chức vụ hoặc tập thể được ký thay (ví dụ TRƯỞNG BAN).", code="office_missing")


@dataclass(frozen=True)
class Issuer:
    """An issuing body: its header lines (parent body first, the issuing body last), the key of its format profile
    (see `profiles.toml`), and its signature block."""

    header_lines: tuple[str, ...]
    profile: str
    signature: Signature

    def __post_init__(self) -> None:
        _freeze(self, "header_lines")
        if not any(line.strip() for line in self.header_lines):
            raise SpecError("Cơ quan ban hành chưa có tên in trên văn bản.", code="issuer_name_missing")


@dataclass(frozen=True)
class DocumentNumber:
    """Number and symbol. `kind` is the document type code ("BC"), `symbol` the issuers' codes ("BDVTU-BQLKKT-
    LĐLĐTP"). `number` is None while the document is a draft: the profile prints its blank instead."""

    kind: str
    symbol: str
    number: int | None = None

    def __post_init__(self) -> None:
        if self.number is not None and self.number <= 0:
            raise SpecError("Số văn bản phải là số nguyên dương.", code="number_invalid")


@dataclass(frozen=True)
class AnnexFigure:
    """A chart of the document's annex: its title, the image (PNG bytes, drawn `width_mm` wide), the table of the
    same numbers (a header and rows), and the sentence that says what it shows."""

    title: str
    image: bytes
    columns: tuple[str, str]
    rows: tuple[tuple[str, str], ...]
    summary: str
    width_mm: float = 150


@dataclass(frozen=True)
class DocumentSpec:
    """A whole document. The first issuer leads: its profile decides the page, the motto, the number line, the
    title and the body format; every signature block follows its own body's profile.

    `issue_date` None prints a blank date for the year `year` ("Hải Phòng, ngày    tháng    năm 2024").
    `motto` overrides the lead profile's motto lines. `recipients` are printed as given, one line each
    ("- Thường trực Thành ủy (để b/c);" ... "- Lưu: VT.")."""

    issuers: tuple[Issuer, ...]
    number: DocumentNumber
    place: str
    year: int
    issue_date: dt.date | None = None
    draft: bool = False
    doc_type: str = "BÁO CÁO"
    summary_lines: tuple[str, ...] = ()
    blocks: tuple[Block, ...] = ()
    recipients: tuple[str, ...] = ()
    motto: tuple[str, ...] | None = None
    title: str = ""
    # After the signatures, on a page of its own: "PHỤ LỤC SỐ LIỆU" and its charts.
    annex: tuple[AnnexFigure, ...] = ()
    annex_note: str = ""

    def __post_init__(self) -> None:
        _freeze(self, "issuers", "summary_lines", "blocks", "recipients")
        if self.motto is not None:
            _freeze(self, "motto")
        if not self.issuers:
            raise SpecError("Văn bản phải có ít nhất một cơ quan ban hành.", code="no_issuer")
        for block in self.blocks:
            if not isinstance(block, Heading | Paragraph):
                raise SpecError("Nội dung văn bản chỉ gồm đề mục và đoạn văn.", code="bad_block")
        if self.issue_date is not None and self.issue_date.year != self.year:
            raise SpecError(
                f"Ngày ban hành {self.issue_date:%d/%m/%Y} không thuộc năm {self.year}.", code="issue_year_mismatch"
            )

    @property
    def lead(self) -> Issuer:
        return self.issuers[0]

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """Every footnote in document order: footnote n of the rendered document is footnotes[n - 1]."""
        return tuple(note for block in self.blocks if isinstance(block, Paragraph) for note in block.footnotes)

    @property
    def document_title(self) -> str:
        """The title stored in the file's properties: `title` if given, else the type and the summary."""
        if self.title:
            return self.title
        return " ".join([self.doc_type, *self.summary_lines]).strip()

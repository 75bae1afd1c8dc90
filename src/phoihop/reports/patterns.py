"""Sentence patterns of listings: one sentence per record, made of the record's fields.

    {ten}                     a field, formatted the Vietnamese way (4.456; 42,08; 04/01/2023)
    {du_an.can_ho}            a field of a related record
    {so_toa|02}               filters: |02 pads a whole number to two digits (06), |thuong lower-cases the first
                              letter, |hoa capitalises it
    [ (quy mô {can_ho})]      an optional part: printed only when every field directly inside has a value
    \\{ \\[ \\] \\}              the characters themselves

So "[{thang}, ]khởi công {du_an}[ (quy mô {du_an.can_ho})]." gives "Tháng 5/2023, khởi công Dự án … (quy mô 2.538
căn hộ)." for one record and "Khởi công Dự án …." for a record without a month or a size. There is no way to type a
figure into a pattern that the check would not see: numbers come from fields."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phoihop.core.text import lower_first

FILTERS = {"thuong": "chữ đầu viết thường", "hoa": "chữ đầu viết hoa", "02": "thêm số 0 cho đủ 2 chữ số"}
_PAD = re.compile(r"^0(\d)$")


@dataclass(frozen=True)
class Literal:
    text: str


@dataclass(frozen=True)
class Field:
    path: str
    filters: tuple[str, ...] = ()


@dataclass(frozen=True)
class Optional:
    parts: tuple[Literal | Field | Optional, ...]


Part = Literal | Field | Optional


def _error(field_name: str, message: str, code: str) -> ValidationError:
    return ValidationError({field_name: ValidationError(message, code=code)})


def parse(pattern: str, *, field_name: str = "pattern") -> tuple[Part, ...]:
    """Parse a pattern; unbalanced brackets or braces and unknown filters are refused, naming them."""
    stack: list[list[Part]] = [[]]
    text: list[str] = []
    i = 0

    def flush() -> None:
        if text:
            stack[-1].append(Literal("".join(text)))
            text.clear()

    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern) and pattern[i + 1] in "{}[]\\":
            text.append(pattern[i + 1])
            i += 2
            continue
        if ch == "{":
            end = pattern.find("}", i)
            if end < 0:
                raise _error(field_name, _("Mẫu câu thiếu dấu “}” sau “{”."), "unbalanced_pattern")
            flush()
            stack[-1].append(_field(pattern[i + 1 : end], field_name))
            i = end + 1
            continue
        if ch == "}":
            raise _error(field_name, _("Mẫu câu có dấu “}” không có “{” mở."), "unbalanced_pattern")
        if ch == "[":
            flush()
            stack.append([])
            i += 1
            continue
        if ch == "]":
            if len(stack) == 1:
                raise _error(field_name, _("Mẫu câu có dấu “]” không có “[” mở."), "unbalanced_pattern")
            flush()
            group = stack.pop()
            stack[-1].append(Optional(tuple(group)))
            i += 1
            continue
        text.append(ch)
        i += 1
    if len(stack) != 1:
        raise _error(field_name, _("Mẫu câu thiếu dấu “]” đóng phần tùy chọn."), "unbalanced_pattern")
    flush()
    return tuple(stack[0])


def _field(inner: str, field_name: str) -> Field:
    path, *filters = [part.strip() for part in inner.split("|")]
    if not path:
        raise _error(field_name, _("Mẫu câu có cặp { } trống."), "empty_field")
    for name in filters:
        if name not in FILTERS and not _PAD.match(name):
            raise _error(
                field_name,
                _("Bộ lọc “|%(name)s” không có (dùng được: %(known)s).")
                % {"name": name, "known": ", ".join(f"|{k}" for k in FILTERS)},
                "unknown_filter",
            )
    return Field(path, tuple(filters))


def fields_of(parts: tuple[Part, ...]) -> list[str]:
    found: list[str] = []
    for part in parts:
        if isinstance(part, Field):
            found.append(part.path)
        elif isinstance(part, Optional):
            found.extend(fields_of(part.parts))
    return found


def check(parts: tuple[Part, ...], known: Collection[str], *, field_name: str = "pattern") -> None:
    for path in fields_of(parts):
        if path not in known:
            raise _error(
                field_name,
                _("Mẫu câu dùng trường “%(path)s” mà nguồn bản ghi này không có (dùng được: %(known)s).")
                % {"path": path, "known": ", ".join(sorted(known))},
                "unknown_field",
            )


def _apply(value: str, filters: tuple[str, ...]) -> str:
    for name in filters:
        pad = _PAD.match(name)
        if pad:
            if value.isdigit():
                value = value.zfill(int(pad.group(1)))
        elif name == "thuong":
            value = lower_first(value)
        elif name == "hoa":
            value = value[:1].upper() + value[1:]
    return value


def render(parts: tuple[Part, ...], value_of: Callable[[str], str]) -> str:
    """The sentence for one record; `value_of(path)` gives the field's text ("" when it has no value)."""
    return tidy(_render(parts, value_of))


def _render(parts: tuple[Part, ...], value_of: Callable[[str], str]) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, Literal):
            out.append(part.text)
        elif isinstance(part, Field):
            out.append(_apply(value_of(part.path), part.filters))
        else:
            direct = [p for p in part.parts if isinstance(p, Field)]
            if all(value_of(p.path) for p in direct):
                out.append(_render(part.parts, value_of))
    return "".join(out)


_TIDY: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\s+"), " "),
    (re.compile(r"\(\s*[,;:]?\s*\)"), ""),
    (re.compile(r"\(\s*[,;]\s*"), "("),
    (re.compile(r"\s*[,;]\s*\)"), ")"),
    (re.compile(r"\(\s+"), "("),
    (re.compile(r"\s+([,.;:)])"), r"\1"),
    (re.compile(r",\s*,"), ","),
    (re.compile(r"\s+"), " "),
)


def tidy(text: str) -> str:
    """Mend what dropped optional parts leave behind: doubled spaces, a comma before a closing parenthesis, empty
    parentheses, a space before punctuation."""
    for pattern, replacement in _TIDY:
        text = pattern.sub(replacement, text)
    return text.strip()


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_rows(rows: list[str], *, intro: str, separator: str, ending: str) -> str:
    """Rows into one text. A row opens a sentence (capitalised) when it comes first after an empty intro or an
    intro ending in "." or ":", and every row does when rows are separated as sentences (" " or ". ")."""
    sentences = separator.strip() in ("", ".")
    opens = not intro.strip() or intro.rstrip().endswith((".", ":"))
    shaped = [capitalise(row) if (sentences or (i == 0 and opens)) else row for i, row in enumerate(rows)]
    body = separator.join(shaped)
    if ending and body.endswith(ending):
        ending = ""
    intro = intro.strip()
    text = " ".join(part for part in (intro, body + ending if body else "") if part)
    return capitalise(re.sub(r"\s+", " ", text).strip())


def values_from(mapping: Mapping[str, str]) -> Callable[[str], str]:
    return lambda path: mapping.get(path, "")

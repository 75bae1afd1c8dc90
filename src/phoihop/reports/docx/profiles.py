"""Format profiles: the rules of one rulebook version (Party HD 36, State NĐ 30, trade union QĐ 933) as data.

The values live in `profiles.toml` beside this module. `load_profiles()` reads that file (or any TOML text with the
same shape, e.g. profiles kept in the database later) into frozen `FormatProfile` values and refuses unknown keys,
missing keys and values of the wrong type, naming where they are."""

from __future__ import annotations

import dataclasses
import string
import tomllib
import types
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from functools import cache
from importlib import resources
from typing import Any, get_args, get_origin, get_type_hints

from phoihop.reports.docx.spec import Authority, SpecError


class Separator(StrEnum):
    """What is printed under the issuing body's name and under the summary line."""

    RULE = "rule"  # a short solid line
    ASTERISK = "asterisk"  # "*"
    DASHES = "dashes"  # "-----"
    NONE = "none"


@dataclass(frozen=True)
class TextStyle:
    size: float
    bold: bool = False
    italic: bool = False
    underline: bool = False
    upper: bool = False


@dataclass(frozen=True)
class MottoLine:
    text: str
    size: float
    bold: bool = True
    italic: bool = False


@dataclass(frozen=True)
class PageSetup:
    width_mm: float
    height_mm: float
    top_mm: float
    bottom_mm: float
    left_mm: float
    right_mm: float
    header_mm: float
    header_columns_mm: tuple[float, float]

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass(frozen=True)
class BodyFormat:
    size: float
    first_line_indent_mm: float
    spacing_before_pt: float
    spacing_after_pt: float
    line_spacing: float


@dataclass(frozen=True)
class Styles:
    motto_lines: tuple[MottoLine, ...]
    parent_line: TextStyle
    issuer_line: TextStyle
    number: TextStyle
    draft_mark: TextStyle
    date: TextStyle
    doc_type: TextStyle
    summary: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    heading3: TextStyle
    footnote: TextStyle
    organisation: TextStyle
    authority: TextStyle
    signer_title: TextStyle
    signer_name: TextStyle
    recipients_heading: TextStyle
    recipients: TextStyle
    page_number: TextStyle

    def heading(self, level: int) -> TextStyle:
        return (self.heading1, self.heading2, self.heading3)[level - 1]


@dataclass(frozen=True)
class FormatProfile:
    key: str
    label: str
    system: str
    number_template: str
    number_blank: str
    number_pad: int
    draft_mark: str
    date_blank: str
    issuer_separator: Separator
    summary_separator: Separator
    rule_ratio: float
    signature_space_lines: int
    recipients_heading: str
    motto_rule: bool
    page: PageSetup
    body: BodyFormat
    styles: Styles
    authority_marks: Mapping[Authority, str]
    # What pages call the profile ("Nhà nước (NĐ 30)"); `label` is the full rulebook citation.
    name: str = ""

    @property
    def display_name(self) -> str:
        return self.name or self.label

    def format_number(self, *, number: int | None, kind: str, symbol: str) -> str:
        """ "Số -BC/BDVTU-BQLKKT-LĐLĐTP" (hd36, draft), "Số: 05/BC-BQLKKT" (nd30)."""
        shown = self.number_blank if number is None else str(number).zfill(self.number_pad)
        return self.number_template.format(number=shown, kind=kind, symbol=symbol)

    def authority_line(self, authority: Authority, office: str) -> str:
        """ "K/T TRƯỞNG BAN" (hd36), "KT. TRƯỞNG BAN" (nd30), "TRƯỞNG BAN" when the head signs."""
        try:
            mark = self.authority_marks[authority]
        except KeyError:
            raise SpecError(
                f"Thể thức {self.key} ({self.label}) chưa quy định ký hiệu thẩm quyền ký cho trường hợp "
                f"“{authority.value}”.",
                code="authority_mark_missing",
            ) from None
        return f"{mark} {office}".strip()


class ProfileError(ValueError):
    """profiles.toml (or another profile source) is malformed."""


_TEMPLATE_FIELDS = {"number", "kind", "symbol"}


def _convert(tp: Any, value: Any, where: str) -> Any:
    origin = get_origin(tp)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, dict):
            raise ProfileError(f"{where}: expected a table")
        return _build(tp, value, where)
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, list):
            raise ProfileError(f"{where}: expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], item, f"{where}[{i}]") for i, item in enumerate(value))
        if len(value) != len(args):
            raise ProfileError(f"{where}: expected {len(args)} values")
        return tuple(
            _convert(arg, item, f"{where}[{i}]") for i, (arg, item) in enumerate(zip(args, value, strict=True))
        )
    if origin is Mapping:
        key_type, value_type = get_args(tp)
        if not isinstance(value, dict):
            raise ProfileError(f"{where}: expected a table")
        return types.MappingProxyType(
            {_convert(key_type, k, f"{where} key"): _convert(value_type, v, f"{where}.{k}") for k, v in value.items()}
        )
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(value)
        except ValueError:
            choices = ", ".join(str(member.value) for member in tp)
            raise ProfileError(f"{where}: {value!r} is not one of {choices}") from None
    if tp is bool:
        if not isinstance(value, bool):
            raise ProfileError(f"{where}: expected true or false")
        return value
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProfileError(f"{where}: expected a number")
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ProfileError(f"{where}: expected a whole number")
        return value
    if tp is str:
        if not isinstance(value, str):
            raise ProfileError(f"{where}: expected text")
        return value
    raise ProfileError(f"{where}: unsupported type {tp!r}")  # pragma: no cover  (a programming error)


def _build(cls: type[Any], data: Mapping[str, Any], where: str) -> Any:
    hints = get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        if name in data:
            values[name] = _convert(hints[name], data[name], f"{where}.{name}")
        elif spec.default is dataclasses.MISSING:
            raise ProfileError(f"{where}: missing key {name}")
    return cls(**values)


def _merge(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _resolve(key: str, tables: Mapping[str, Any], seen: tuple[str, ...] = ()) -> dict[str, Any]:
    if key in seen:
        raise ProfileError(f"profile {key}: `extends` loops through {' -> '.join((*seen, key))}")
    if key not in tables:
        raise ProfileError(f"profile {seen[-1]}: extends unknown profile {key}")
    table = dict(tables[key])
    parent = table.pop("extends", None)
    if parent is None:
        return table
    return _merge(_resolve(parent, tables, (*seen, key)), table)


def _check(profile: FormatProfile) -> None:
    where = f"profile {profile.key}"
    fields = {name for _, name, _, _ in string.Formatter().parse(profile.number_template) if name}
    if not fields <= _TEMPLATE_FIELDS:
        raise ProfileError(f"{where}.number_template: unknown field(s) {', '.join(sorted(fields - _TEMPLATE_FIELDS))}")
    if not profile.styles.motto_lines:
        raise ProfileError(f"{where}.styles.motto_lines: at least one line")
    left, right = profile.page.header_columns_mm
    if left + right > profile.page.text_width_mm + 0.01:
        raise ProfileError(f"{where}.page.header_columns_mm: wider than the text width")
    if not 0 < profile.rule_ratio <= 1:
        raise ProfileError(f"{where}.rule_ratio: between 0 and 1")


def load_profiles(text: str) -> dict[str, FormatProfile]:
    """Parse profiles from TOML text: one table per profile key, optionally `extends = "<other key>"`."""
    try:
        tables = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"profiles: {exc}") from exc
    profiles: dict[str, FormatProfile] = {}
    for key in tables:
        data = _resolve(key, tables)
        profile = _build(FormatProfile, {**data, "key": key}, f"profile {key}")
        _check(profile)
        profiles[key] = profile
    return profiles


@cache
def default_profiles() -> Mapping[str, FormatProfile]:
    """The profiles shipped in profiles.toml, read once."""
    text = resources.files("phoihop.reports.docx").joinpath("profiles.toml").read_text(encoding="utf-8")
    return types.MappingProxyType(load_profiles(text))


def get_profile(key: str, profiles: Mapping[str, FormatProfile] | None = None) -> FormatProfile:
    available = default_profiles() if profiles is None else profiles
    try:
        return available[key]
    except KeyError:
        raise SpecError(
            f"Không có thể thức văn bản “{key}”. Các thể thức hiện có: {', '.join(sorted(available))}.",
            code="unknown_profile",
        ) from None

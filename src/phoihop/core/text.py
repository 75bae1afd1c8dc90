"""Text helpers for Vietnamese: NFC normalisation, invisible control characters removed, and diacritic folding for
search."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from django.conf import settings
from django.db.models import Choices
from django.utils.translation import get_language

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a mark: Unicode decomposition leaves them alone.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})
# Zero-width characters (U+200B-U+200D), the directional marks and embeddings/overrides/isolates (U+200E-U+200F,
# U+202A-U+202E, U+2066-U+2069) and the byte-order mark / zero-width no-break space (U+FEFF). Pasted from web pages
# and chat apps, they are invisible yet make "Ho\u200bạt động" a different word to search, sorting and comparison,
# and the bidi ones can make a name display in another order than it is stored. Vietnamese text needs none of them.
INVISIBLE_CONTROLS = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\ufeff"]
)
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE_CONTROLS))


def nfc(text: str) -> str:
    """Stored text is NFC, whatever the keyboard or the pasted document produced, without invisible controls."""
    return unicodedata.normalize("NFC", strip_invisible(text))


def strip_invisible(text: str) -> str:
    """The text without zero-width and bidi control characters (INVISIBLE_CONTROLS)."""
    return text.translate(_DROP_INVISIBLE)


def clean_text(text: str) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space (for names and titles)."""
    return _SPACES.sub(" ", nfc(text)).strip()


def lower_first(text: str) -> str:
    """A label inside a sentence: only its first letter lowered, so names keep their capitals ("Vùng I" -> "vùng I",
    "Chi bộ Đảng" -> "chi bộ Đảng")."""
    return text[:1].lower() + text[1:]


def fold_vi(text: str) -> str:
    """Lower-case, diacritic-free form used for search: "Tràng Duệ" -> "trang due", "Đình Vũ" -> "dinh vu"."""
    decomposed = unicodedata.normalize("NFD", strip_invisible(text).translate(_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


@cache
def _only_language() -> str | None:
    """The project's language when it has only one (settings.LANGUAGES): every label is then the same whatever
    language is active, and a report describing thousands of rows need not ask for it each time (`get_language()`
    reads a context-local variable: a few microseconds a call)."""
    return settings.LANGUAGES[0][0] if len(settings.LANGUAGES) == 1 else None


def choice_label(choices: type[Choices], value: object) -> str:
    """A stored choice's label, as get_FOO_display() gives it (the raw value when it is no longer a choice), without
    rebuilding the field's whole table of choices on each call — that costs one translation per choice, which shows
    when a report describes thousands of rows."""
    key = (choices, value, _only_language() or get_language())
    label = _CHOICE_LABELS.get(key)
    if label is None:
        try:
            label = str(choices(value).label)
        except ValueError:
            return str(value)
        _CHOICE_LABELS[key] = label  # one entry per choice and language: the table stays small
    return label


_CHOICE_LABELS: dict[tuple[type[Choices], object, str | None], str] = {}

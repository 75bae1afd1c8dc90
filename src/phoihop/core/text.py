"""Text helpers for Vietnamese: NFC normalisation and diacritic folding for search."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a mark: Unicode decomposition leaves them alone.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def nfc(text: str) -> str:
    """Stored text is NFC, whatever the keyboard or the pasted document produced."""
    return unicodedata.normalize("NFC", text)


def clean_text(text: str) -> str:
    """NFC, trimmed, inner runs of white space collapsed to one space (for names and titles)."""
    return _SPACES.sub(" ", nfc(text)).strip()


def fold_vi(text: str) -> str:
    """Lower-case, diacritic-free form used for search: "Tràng Duệ" -> "trang due", "Đình Vũ" -> "dinh vu"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()

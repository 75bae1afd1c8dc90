"""Approximate printed width of a line in Times New Roman, to size the short rules drawn under the motto, the issuing
body and the summary ("as long as the text", "1/3 to 1/2 of the text").

Widths are the Adobe core-font metrics of Times Roman and Times Bold (per 1000 units of the em), which Times New Roman
and Liberation Serif match closely. A Vietnamese letter is measured as its base letter: the marks sit above or below
it and hardly change the advance."""

from __future__ import annotations

import unicodedata

_ROMAN = {
    " ": 250, "-": 333, ",": 250, ".": 250, "/": 278, ":": 278, "(": 333, ")": 333, "*": 500, "%": 833,
    "A": 722, "B": 667, "C": 667, "D": 722, "E": 611, "F": 556, "G": 722, "H": 722, "I": 333, "J": 389, "K": 722,
    "L": 611, "M": 889, "N": 722, "O": 722, "P": 556, "Q": 722, "R": 667, "S": 556, "T": 611, "U": 722, "V": 722,
    "W": 944, "X": 722, "Y": 722, "Z": 611,
    "a": 444, "b": 500, "c": 444, "d": 500, "e": 444, "f": 333, "g": 500, "h": 500, "i": 278, "j": 278, "k": 500,
    "l": 278, "m": 778, "n": 500, "o": 500, "p": 500, "q": 500, "r": 333, "s": 389, "t": 278, "u": 500, "v": 500,
    "w": 722, "x": 500, "y": 500, "z": 444,
}  # fmt: skip
_BOLD = {
    " ": 250, "-": 333, ",": 250, ".": 250, "/": 278, ":": 333, "(": 333, ")": 333, "*": 500, "%": 1000,
    "A": 722, "B": 667, "C": 722, "D": 722, "E": 667, "F": 611, "G": 778, "H": 778, "I": 389, "J": 500, "K": 778,
    "L": 667, "M": 944, "N": 722, "O": 778, "P": 611, "Q": 778, "R": 722, "S": 556, "T": 667, "U": 722, "V": 722,
    "W": 1000, "X": 722, "Y": 722, "Z": 667,
    "a": 500, "b": 556, "c": 444, "d": 556, "e": 444, "f": 333, "g": 500, "h": 556, "i": 278, "j": 333, "k": 556,
    "l": 278, "m": 833, "n": 556, "o": 500, "p": 556, "q": 556, "r": 444, "s": 389, "t": 333, "u": 556, "v": 500,
    "w": 722, "x": 500, "y": 500, "z": 444,
}  # fmt: skip
_BASE = str.maketrans({"đ": "d", "Đ": "D"})
_DIGIT = 500
_OTHER = 500
_MM_PER_PT = 25.4 / 72


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Estimated width of `text` set on one line at `size_pt`."""
    table = _BOLD if bold else _ROMAN
    base = unicodedata.normalize("NFD", text.translate(_BASE))
    units = 0
    for char in base:
        if unicodedata.combining(char):
            continue
        units += _DIGIT if char.isdigit() else table.get(char, _OTHER)
    return units / 1000 * size_pt * _MM_PER_PT

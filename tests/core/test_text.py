"""Diacritic folding for search, NFC storage and whitespace cleaning."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from phoihop.core.text import clean_text, fold_vi, nfc


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Tràng Duệ", "trang due"),
        ("Đình Vũ", "dinh vu"),
        ("đình vũ", "dinh vu"),
        ("ĐÌNH VŨ - CÁT HẢI", "dinh vu - cat hai"),
        ("Khu kinh tế Đình Vũ - Cát Hải", "khu kinh te dinh vu - cat hai"),
        ("Liên đoàn Lao động", "lien doan lao dong"),
        ("Công đoàn cơ sở", "cong doan co so"),
        ("Hội đồng", "hoi dong"),  # ộ: circumflex and dot below stacked
        ("những người thợ", "nhung nguoi tho"),  # ữ, ờ, ợ: horn plus tone
        ("Ỷ Lan, Ỹ, ỵ", "y lan, y, y"),
        ("  Tràng   Duệ \n", "trang due"),
        ("LG Display", "lg display"),
        ("0201234567-001", "0201234567-001"),
    ],
)
def test_fold_vi(text: str, folded: str) -> None:
    assert fold_vi(text) == folded


def test_fold_vi_accepts_decomposed_input() -> None:
    decomposed = unicodedata.normalize("NFD", "Tràng Duệ, Đình Vũ, Hội đồng, những")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    assert fold_vi(decomposed) == "trang due, dinh vu, hoi dong, nhung"


def test_upper_case_d_with_stroke_folds_to_plain_d() -> None:
    # Đ is a letter of its own: neither Unicode decomposition nor SQLite's full-text search turns it into D.
    assert unicodedata.normalize("NFD", "Đ") == "Đ"
    assert fold_vi("Đ") == "d"
    assert fold_vi("ĐẢNG ỦY") == "dang uy"


def test_nfc_composes_what_a_keyboard_decomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Tràng Duệ")
    assert len(decomposed) > len("Tràng Duệ")
    assert nfc(decomposed) == "Tràng Duệ"


def test_clean_text_trims_and_collapses_spaces() -> None:
    assert clean_text("  Công ty  TNHH\tLG   Display \n") == "Công ty TNHH LG Display"
    assert clean_text(unicodedata.normalize("NFD", " Duệ ")) == "Duệ"


@given(st.text(alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậđĐÀÁÂÃỆỘỮ  ")))
def test_folding_is_stable_and_plain(text: str) -> None:
    folded = fold_vi(text)
    assert fold_vi(folded) == folded
    assert fold_vi(unicodedata.normalize("NFD", text)) == folded
    assert folded.isascii()

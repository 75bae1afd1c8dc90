"""The specification is plain frozen data and refuses what cannot be rendered, with a Vietnamese message."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from phoihop.reports.docx import (
    Authority,
    DocumentNumber,
    DocumentSpec,
    Footnote,
    Heading,
    Issuer,
    NoteParagraph,
    Paragraph,
    Signature,
    SpecError,
    Text,
)
from tests.reports.seed_spec import FOOTNOTES, seed_spec


def test_spec_is_frozen_and_hashable_with_lists_turned_into_tuples() -> None:
    spec = seed_spec(recipients=["- Lưu: VT."], summary_lines=["kết quả"])
    assert spec.recipients == ("- Lưu: VT.",)
    assert spec.summary_lines == ("kết quả",)
    assert hash(spec) == hash(seed_spec(recipients=("- Lưu: VT.",), summary_lines=("kết quả",)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        spec.place = "Hà Nội"  # type: ignore[misc]


def test_footnotes_are_listed_in_document_order() -> None:
    spec = seed_spec()
    assert [note.paragraphs[0].runs[0].text for note in spec.footnotes] == list(FOOTNOTES)


def test_heading_text_joins_number_and_title() -> None:
    assert Heading(3, "8.1", "Về ưu điểm").text == "8.1. Về ưu điểm"
    assert Heading(2, "", "Đánh giá chung").text == "Đánh giá chung"


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: Heading(4, "1", "x"), "heading_level"),
        (lambda: seed_spec(issuers=()), "no_issuer"),
        (lambda: seed_spec(issue_date=dt.date(2023, 12, 31)), "issue_year_mismatch"),
        (lambda: Footnote(()), "empty_footnote"),
        (lambda: NoteParagraph((Footnote.of("x"),)), "nested_footnote"),  # type: ignore[arg-type]
        (lambda: Paragraph(("x",)), "bad_inline"),  # type: ignore[arg-type]
        (lambda: seed_spec(blocks=("x",)), "bad_block"),
        (lambda: Signature(authority="K/T", office="TRƯỞNG BAN"), "authority_missing"),  # type: ignore[arg-type]
        (lambda: Signature(authority=Authority.SIGN_FOR, office="  "), "office_missing"),
        (
            lambda: Issuer(header_lines=(" ",), profile="hd36", signature=Signature(Authority.HEAD, "X")),
            "issuer_name_missing",
        ),
        (lambda: DocumentNumber(kind="BC", symbol="X", number=0), "number_invalid"),
        (lambda: seed_spec(recipients="- Lưu: VT."), "not_a_sequence"),
    ],
)
def test_invalid_specs_are_refused_with_a_code(build, code: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SpecError) as caught:
        build()
    assert caught.value.code == code
    assert caught.value.message  # Vietnamese, for the person filling the report in


def test_convenience_constructors_wrap_strings() -> None:
    paragraph = Paragraph.of("a", Text("b", bold=True), Footnote.of("c"))
    assert paragraph.runs[0] == Text("a")
    assert paragraph.runs[1] == Text("b", bold=True)
    assert isinstance(paragraph.runs[2], Footnote)
    assert paragraph.footnotes == (Footnote.of("c"),)


def test_spec_is_independent_of_django_models() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import phoihop.reports.docx as d; "
        "bad = [m for m in sys.modules if m.startswith('django.db') or m.endswith('.models')]; "
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603
    assert result.stdout.strip() == ""
    assert isinstance(DocumentSpec, type)

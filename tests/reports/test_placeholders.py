"""The placeholder language of blocks and the sentence patterns of listings: what an officer types, what is refused
and with which message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from phoihop.reports import patterns, placeholders
from phoihop.reports.placeholders import Ref, Vocabulary


def vocabulary(**overrides: object) -> Vocabulary:
    values: dict[str, object] = {
        "figures": {"DV_MOI": 1},
        "indicators": {"CD-PTDV": [(1, "Công đoàn Khu kinh tế")], "CD-GTD": [(2, "CĐKKT"), (3, "LĐLĐTP")]},
        "listings": ["CHI_BO_FDI"],
        "documents": {"28-nq/tu": "28-NQ/TU"},
    }
    values.update(overrides)
    return Vocabulary(**values)  # type: ignore[arg-type]


def message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def test_a_block_is_paragraphs_of_text_figures_listings_and_emphasis() -> None:
    parsed = placeholders.parse(
        "- Thành lập mới {{CDCS_MOI}} tổ chức (*{{CDCS_MOI.dat}}*)[[chu_thich:CHI_BO_FDI]].\n\n**Đậm** ở dòng hai"
    )
    first, second = parsed.paragraphs
    assert [t.text for t in first if t.text] == ["- Thành lập mới ", " tổ chức (", ")", "."]
    assert [t.ref for t in first if t.ref] == [Ref("figure", "CDCS_MOI"), Ref("figure", "CDCS_MOI", "dat")]
    assert [t.italic for t in first if t.ref] == [False, True]
    assert [(t.listing, t.footnote) for t in first if t.listing] == [("CHI_BO_FDI", True)]
    assert second[0].text == "Đậm"
    assert second[0].bold


def test_plan_report_document_and_task_references_have_canonical_keys() -> None:
    refs = placeholders.parse(
        "{{ke_hoach.hoan_thanh}} {{bao_cao.so_co_quan}} {{van_ban:02-KH/BDVTU-BQLKKT-LĐLĐTP.day_du}} {{nhiem_vu}}"
    ).refs
    assert [ref.key for ref in refs] == [
        "ke_hoach.hoan_thanh",
        "bao_cao.so_co_quan",
        "van_ban:02-KH/BDVTU-BQLKKT-LĐLĐTP.day_du",
        "nhiem_vu",
    ]


def test_known_names_pass_the_check() -> None:
    parsed = placeholders.parse(
        "{{DV_MOI}} {{DV_MOI.ty_le}} {{CD-PTDV.thuc_hien}} {{van_ban:28-nq/tu}} "
        "{{CHI_BO_FDI.so_luong}} [[danh_sach:CHI_BO_FDI]] {{ke_hoach.ket_qua}}"
    )
    placeholders.check(parsed, vocabulary())


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("{{DV_MOII}}", "unknown_figure", "DV_MOII"),
        ("{{DV_MOI.ty_lee}}", "unknown_attribute", "ty_lee"),
        ("{{ke_hoach.hoan_thanhh}}", "unknown_attribute", "hoan_thanhh"),
        ("{{CD-GTD}}", "ambiguous_figure", "CD-GTD"),
        ("[[chu_thich:NHA_O]]", "unknown_listing", "NHA_O"),
        ("{{CHI_BO_FDI}}", "listing_as_figure", "CHI_BO_FDI"),
        ("{{van_ban:02-KH/BDV-BQLKKT-LĐLĐTP}}", "unknown_document", "02-KH/BDV-BQLKKT-LĐLĐTP"),
        ("{{van_ban:28-NQ/TU.ngayy}}", "unknown_attribute", "ngayy"),
        ("{{nhiem_vu}}", "tasks_outside_next_year", "nhiem_vu"),
    ],
)
def test_an_unknown_name_is_refused_naming_it(text: str, code: str, named: str) -> None:
    with pytest.raises(ValidationError) as exc:
        placeholders.check(placeholders.parse(text), vocabulary())
    assert exc.value.error_dict["text"][0].code == code
    assert named in message(exc)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Thiếu đóng {{DV_MOI", "unbalanced_placeholder"),
        ("Thừa }} đóng", "unbalanced_placeholder"),
        ("[[ghi_chu:X]]", "bad_listing_placeholder"),
        ("{{ }}", "empty_placeholder"),
        ("{{Đoàn viên}}", "bad_placeholder"),
    ],
)
def test_syntax_errors_say_what_is_wrong(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        placeholders.parse(text)
    assert exc.value.error_dict["text"][0].code == code


def test_the_unknown_name_message_lists_the_names_that_exist() -> None:
    with pytest.raises(ValidationError) as exc:
        placeholders.check(placeholders.parse("{{XYZ}}"), vocabulary())
    assert "DV_MOI" in message(exc)
    assert "CD-PTDV" in message(exc)


def test_a_lone_asterisk_is_printed_not_an_emphasis() -> None:
    (paragraph,) = placeholders.parse("Hệ số 2 * 3").paragraphs
    assert "".join(t.text for t in paragraph) == "Hệ số 2 * 3"
    assert not any(t.italic for t in paragraph)


# --- sentence patterns of listings --------------------------------------------------------------------------


def render(pattern: str, **values: str) -> str:
    return patterns.render(patterns.parse(pattern), patterns.values_from(values))


def test_optional_parts_drop_out_when_a_field_has_no_value() -> None:
    pattern = "[{thang}, ]khởi công {du_an}[ (quy mô {can_ho})][, đáp ứng chỗ ở cho {cho_o}]."
    assert render(pattern, thang="Tháng 5/2023", du_an="Dự án A", can_ho="2.538 căn hộ") == (
        "Tháng 5/2023, khởi công Dự án A (quy mô 2.538 căn hộ)."
    )
    assert render(pattern, du_an="Dự án B", cho_o="10.000 công nhân lao động") == (
        "khởi công Dự án B, đáp ứng chỗ ở cho 10.000 công nhân lao động."
    )


def test_filters_pad_and_change_the_first_letter() -> None:
    assert render("{so_toa|02} tòa, {ten|thuong}, {x|hoa}", so_toa="6", ten="Chi bộ A", x="đã xong") == (
        "06 tòa, chi bộ A, Đã xong"
    )


def test_tidy_mends_what_optional_parts_leave_behind() -> None:
    assert patterns.tidy("Dự án  X ( , quy mô 5 ) , tại  Y .") == "Dự án X (quy mô 5), tại Y."
    assert patterns.tidy("Dự án X () tại Y") == "Dự án X tại Y"


def test_rows_are_joined_as_sentences_or_as_a_list() -> None:
    assert patterns.join_rows(["chi bộ A", "chi bộ B"], intro="", separator=", ", ending=".") == "Chi bộ A, chi bộ B."
    assert (
        patterns.join_rows(
            ["trợ cấp thôi việc", "tiền lương"], intro="Hỏi về các nội dung:", separator="; ", ending="."
        )
        == "Hỏi về các nội dung: Trợ cấp thôi việc; tiền lương."
    )


@pytest.mark.parametrize(
    ("pattern", "code"),
    [
        ("{ten", "unbalanced_pattern"),
        ("[{ten}", "unbalanced_pattern"),
        ("{ten}]", "unbalanced_pattern"),
        ("{ten|in_hoa}", "unknown_filter"),
        ("{}", "empty_field"),
    ],
)
def test_bad_patterns_are_refused(pattern: str, code: str) -> None:
    with pytest.raises(ValidationError) as exc:
        patterns.parse(pattern)
    assert exc.value.error_dict["pattern"][0].code == code


def test_an_unknown_field_is_refused_listing_the_fields_that_exist() -> None:
    with pytest.raises(ValidationError) as exc:
        patterns.check(patterns.parse("{ten} {so_can}"), {"ten", "so_can_ho"})
    assert "so_can" in message(exc)
    assert "so_can_ho" in message(exc)

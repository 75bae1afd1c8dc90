"""Format profiles are data: loaded from TOML, validated, extended; the renderer takes every rule from them."""

from __future__ import annotations

import pytest

from phoihop.reports.docx import (
    Authority,
    DocumentNumber,
    Issuer,
    ProfileError,
    Signature,
    SpecError,
    default_profiles,
    get_profile,
    load_profiles,
    render,
)
from phoihop.reports.docx.metrics import text_width_mm
from phoihop.reports.docx.profiles import Separator
from tests.reports.docx_xml import Docx, text_of, w
from tests.reports.seed_spec import BDVTU, BQLKKT, seed_spec


def test_shipped_profiles_cover_party_state_and_trade_union() -> None:
    profiles = default_profiles()
    assert {"hd36", "nd30", "tld"} <= set(profiles)
    hd36, nd30, tld = profiles["hd36"], profiles["nd30"], profiles["tld"]
    assert hd36.format_number(number=None, kind="BC", symbol="BDVTU-BQLKKT-LĐLĐTP") == "Số -BC/BDVTU-BQLKKT-LĐLĐTP"
    assert hd36.format_number(number=2, kind="KH", symbol="BDVTU-BQLKKT-LĐLĐTP") == "Số 02-KH/BDVTU-BQLKKT-LĐLĐTP"
    assert nd30.format_number(number=5, kind="BC", symbol="BQLKKT") == "Số: 05/BC-BQLKKT"
    assert nd30.format_number(number=127, kind="BC", symbol="BQLKKT") == "Số: 127/BC-BQLKKT"
    assert hd36.authority_line(Authority.SIGN_FOR, "TRƯỞNG BAN") == "K/T TRƯỞNG BAN"
    assert nd30.authority_line(Authority.SIGN_FOR, "TRƯỞNG BAN") == "KT. TRƯỞNG BAN"
    assert tld.authority_line(Authority.ON_BEHALF, "BAN CHẤP HÀNH") == "TM. BAN CHẤP HÀNH"
    assert hd36.authority_line(Authority.ON_BEHALF, "BAN THƯỜNG VỤ") == "T/M BAN THƯỜNG VỤ"
    assert nd30.authority_line(Authority.HEAD, "TRƯỞNG BAN") == "TRƯỞNG BAN"
    assert hd36.issuer_separator is Separator.ASTERISK
    assert nd30.issuer_separator is Separator.RULE
    assert nd30.styles.recipients_heading.bold
    assert nd30.styles.recipients_heading.italic
    assert nd30.styles.recipients_heading.size == 12
    assert nd30.styles.recipients.size == 11
    # The trade-union profile extends NĐ 30 and keeps its values.
    assert tld.system == "union"
    assert tld.page == nd30.page
    assert tld.authority_marks == nd30.authority_marks


@pytest.mark.parametrize("key", ["hd36", "nd30", "tld"])
def test_every_profile_is_a4_with_the_required_margins_and_a_14_pt_body(key: str) -> None:
    profile = default_profiles()[key]
    page = profile.page
    assert (page.width_mm, page.height_mm) == (210, 297)
    assert (page.top_mm, page.bottom_mm, page.left_mm, page.right_mm) == (20, 20, 30, 15)
    assert profile.body.size == 14
    assert profile.body.first_line_indent_mm in (10, 12.7)
    assert profile.body.spacing_before_pt + profile.body.spacing_after_pt >= 6


@pytest.mark.parametrize("key", ["hd36", "nd30", "tld"])
def test_motto_and_date_fit_the_motto_column(key: str) -> None:
    """Estimated with Times metrics: a motto or a date line that wraps would look wrong."""
    profile = default_profiles()[key]
    _, right = profile.page.header_columns_mm
    room = right - 2  # cell margins
    for line in profile.styles.motto_lines:
        assert text_width_mm(line.text, line.size, bold=line.bold) < room, line.text
    assert text_width_mm("Hải Phòng, ngày 25 tháng 12 năm 2024", profile.styles.date.size) < room


def test_a_new_rule_version_is_a_new_profile_value_not_new_code() -> None:
    text = """
[hd36]
label = "Đảng"
system = "party"
number_template = "Số {number}-{kind}/{symbol}"
number_blank = ""
number_pad = 2
draft_mark = "(Dự thảo)"
date_blank = "    "
issuer_separator = "asterisk"
summary_separator = "dashes"
rule_ratio = 0.4
signature_space_lines = 5
recipients_heading = "Nơi nhận:"
motto_rule = true
authority_marks = { head = "", sign_for = "K/T", on_behalf = "T/M" }

[hd36.page]
width_mm = 210
height_mm = 297
top_mm = 20
bottom_mm = 20
left_mm = 30
right_mm = 15
header_mm = 10
header_columns_mm = [75, 90]

[hd36.body]
size = 14
first_line_indent_mm = 10
spacing_before_pt = 6
spacing_after_pt = 0
line_spacing = 1.0

[hd36.styles]
motto_lines = [{ text = "ĐẢNG CỘNG SẢN VIỆT NAM", size = 15 }]
parent_line = { size = 14 }
issuer_line = { size = 14, bold = true }
number = { size = 14 }
draft_mark = { size = 14 }
date = { size = 14, italic = true }
doc_type = { size = 16, bold = true, upper = true }
summary = { size = 14, bold = true }
heading1 = { size = 14, bold = true, upper = true }
heading2 = { size = 14, bold = true }
heading3 = { size = 14, bold = true, italic = true }
footnote = { size = 12 }
organisation = { size = 14, bold = true, upper = true }
authority = { size = 14, bold = true, upper = true }
signer_title = { size = 14, bold = true, upper = true }
signer_name = { size = 14, bold = true }
recipients_heading = { size = 12, underline = true }
recipients = { size = 11 }
page_number = { size = 14 }

[hd05]
extends = "hd36"
label = "Đảng (Hướng dẫn 05-HD/VPTW)"
styles = { doc_type = { size = 14, bold = true, upper = true }, recipients_heading = { size = 12, underline = true } }
authority_marks = { by_order = "T/L" }
"""
    profiles = load_profiles(text)
    assert profiles["hd36"].label == "Đảng"
    hd05 = profiles["hd05"]
    assert hd05.styles.doc_type.size == 14
    assert hd05.styles.summary == profiles["hd36"].styles.summary
    assert hd05.authority_marks[Authority.SIGN_FOR] == "K/T"  # tables merge key by key
    assert hd05.authority_marks[Authority.BY_ORDER] == "T/L"
    issuer = Issuer(header_lines=BDVTU.header_lines, profile="hd05", signature=BDVTU.signature)
    doc = Docx(render(seed_spec(issuers=(issuer,)), profiles=profiles))
    title = doc.paragraph_with("BÁO CÁO").find(w("r"))
    assert doc.resolved_size(title) == 14


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[x]\nextends = 'y'\n", "extends unknown profile y"),
        ("[x]\nextends = 'y'\n[y]\nextends = 'x'\n", "loops"),
        ("[x]\nlabel = 1\n", "profile x.label: expected text"),
        ('[x]\nlabel = "a"\n', "missing key"),
        ("not toml [", "profiles:"),
    ],
)
def test_malformed_profiles_are_refused_naming_where(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        load_profiles(text)


def shipped_text() -> str:
    from importlib import resources

    return resources.files("phoihop.reports.docx").joinpath("profiles.toml").read_text(encoding="utf-8")


def test_unknown_keys_and_bad_values_in_a_profile_are_refused() -> None:
    with pytest.raises(ProfileError, match=r"profile tld: unknown key\(s\) colour"):
        load_profiles(shipped_text() + '\ncolour = "red"\n')
    with pytest.raises(ProfileError, match="issuer_separator: 'wavy' is not one of"):
        load_profiles(shipped_text().replace('issuer_separator = "rule"', 'issuer_separator = "wavy"'))
    with pytest.raises(ProfileError, match="number_template: unknown field"):
        load_profiles(shipped_text().replace("Số: {number}/{kind}-{symbol}", "Số: {so}/{kind}"))
    with pytest.raises(ProfileError, match="authority_marks key: 'thay' is not one of"):
        load_profiles(shipped_text().replace('acting = "Q."', 'thay = "Q."'))


def test_unknown_profile_key_is_a_clear_error() -> None:
    issuer = Issuer(header_lines=("BAN X",), profile="nd99", signature=BDVTU.signature)
    with pytest.raises(SpecError, match="Không có thể thức văn bản “nd99”") as caught:
        render(seed_spec(issuers=(issuer,)))
    assert caught.value.code == "unknown_profile"
    with pytest.raises(SpecError):
        get_profile("nd99")


def test_an_authority_mark_the_profile_does_not_define_is_refused_before_rendering() -> None:
    signer = Signature(authority=Authority.AUTHORISED, office="TRƯỞNG BAN")
    issuer = Issuer(header_lines=BDVTU.header_lines, profile="hd36", signature=signer)
    with pytest.raises(SpecError, match="chưa quy định ký hiệu thẩm quyền ký") as caught:
        render(seed_spec(issuers=(issuer, BQLKKT)))
    assert caught.value.code == "authority_mark_missing"


def test_each_signature_block_follows_its_own_bodys_profile() -> None:
    """The same signer data prints "K/T" under a Party profile and "KT." under a State one."""
    same = Signature(authority=Authority.SIGN_FOR, office="TRƯỞNG BAN")
    party = Issuer(header_lines=BDVTU.header_lines, profile="hd36", signature=same)
    state = Issuer(header_lines=BQLKKT.header_lines, profile="nd30", signature=same)
    doc = Docx(render(seed_spec(issuers=(party, state), number=DocumentNumber(kind="BC", symbol="BDVTU-BQLKKT"))))
    table = doc.tables()[-1]
    firsts = [text_of(tc.find(w("p"))) for tc in table.find(w("tr")).findall(w("tc"))]
    assert firsts == ["K/T TRƯỞNG BAN", "KT. TRƯỞNG BAN"]

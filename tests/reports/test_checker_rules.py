"""The checker's rules for the seed's remaining kinds of mistake, each planted into the demo report through the
services and each shown silent on what is right: the signature mark of another system, a date after the period in
part I, typed figures in the narrative (but not a fixed expression, a quoted title or a cited document), and the same
place or enterprise named twice in one listing line."""

from __future__ import annotations

import pytest
from django.test import Client

from phoihop.core.models import AuditEvent
from phoihop.reports import services
from phoihop.reports.checker import Finding, check_report
from phoihop.reports.choices import SectionKind
from phoihop.reports.models import Listing, ReportIssuer
from tests.reports.conftest import demo_report, demo_user
from tests.reports.test_checker import block, rewrite

pytestmark = pytest.mark.usefixtures("demo")


def findings(code: str) -> list[Finding]:
    return [f for f in check_report(demo_report()) if f.code == code]


def issuer(short_code: str) -> ReportIssuer:
    return demo_report().issuers.select_related("agency").get(agency__short_code=short_code)


def edit_issuer(short_code: str, **data: str) -> ReportIssuer:
    target = issuer(short_code)
    return services.update_issuer(
        actor=demo_user("bdvtu.thuky"), issuer=target, data=data, expected_version=target.version
    )


# --- The signature mark follows the issuing body's system ------------------------------------------------------


def test_a_state_body_signing_with_the_partys_mark_is_an_error(db: None) -> None:
    state = edit_issuer("BQLKKT", profile="hd36")
    (finding,) = findings("signature_mark")
    assert finding.is_error
    assert finding.where == "Chữ ký của Ban Quản lý Khu kinh tế Hải Phòng"
    assert "Ban Quản lý Khu kinh tế Hải Phòng là cơ quan nhà nước nhưng" in finding.message
    assert "“K/T TRƯỞNG BAN”" in finding.message
    assert "phải là “KT. TRƯỞNG BAN”" in finding.message
    assert "Nhà nước (NĐ 30)" in finding.fix
    assert finding.url == f"/bao-cao/{state.report_id}/co-quan/{state.pk}/sua/"


def test_a_party_body_signing_with_the_states_mark_is_an_error(db: None) -> None:
    edit_issuer("BDVTU", profile="nd30")
    (finding,) = findings("signature_mark")
    assert finding.where == "Chữ ký của Ban Dân vận Thành ủy"
    assert "Ban Dân vận Thành ủy là cơ quan Đảng nhưng" in finding.message
    assert "“KT. TRƯỞNG BAN”" in finding.message
    assert "phải là “K/T TRƯỞNG BAN”" in finding.message


def test_a_mark_typed_into_the_office_is_an_error(db: None) -> None:
    edit_issuer("BQLKKT", office="K/T TRƯỞNG BAN")
    (finding,) = findings("signature_mark_typed")
    assert finding.is_error
    assert "“K/T”" in finding.message


def test_each_body_signing_by_its_own_system_is_clean(db: None) -> None:
    assert findings("signature_mark") == findings("signature_mark_typed") == []
    # The union signs "TM." (its profile extends NĐ 30): that is its own system, not a mistake.
    edit_issuer("LĐLĐTP", authority="sign_for", office="CHỦ TỊCH")
    assert findings("signature_mark") == []


# --- Dates after the period in part I ---------------------------------------------------------------------------


def test_a_date_after_the_period_in_a_narrative_block_of_part_one(db: None) -> None:
    target = block(SectionKind.AREA, "BDVTU", "khởi công nhiều dự án")
    rewrite(target, "khởi công nhiều dự án", "Tháng 01/2024, khởi công nhiều dự án")
    (finding,) = findings("date_after_period")
    assert finding.is_error
    assert finding.where.startswith("Mục I.4 ")
    assert "“01/2024”" in finding.message
    assert "31/12/2023" in finding.message
    assert finding.url == f"/bao-cao/doan/{target.pk}/"


@pytest.mark.parametrize(
    "written", ["ngày 15/01/2024", "ngày 05-02-2024", "ngày 15 tháng 01 năm 2024", "tháng 3 năm 2024"]
)
def test_every_way_of_writing_a_date_is_read(db: None, written: str) -> None:
    rewrite(
        block(SectionKind.AREA, "BQLKKT", "thỏa thuận hợp tác"),
        "Chủ trì tổ chức",
        f"{written.capitalize()}, chủ trì tổ chức",
    )
    assert len(findings("date_after_period")) == 1


def test_dates_in_the_period_next_year_in_part_two_and_the_until_report_wording_are_clean(db: None) -> None:
    rewrite(
        block(SectionKind.AREA, "BDVTU", "khởi công nhiều dự án"), "khởi công nhiều", "ngày 28/12/2023 khởi công nhiều"
    )
    rewrite(
        block(SectionKind.AREA, "BQLKKT", "thỏa thuận hợp tác"),
        "Chủ trì tổ chức",
        "Tính đến thời điểm báo cáo, tháng 01/2024 đã chủ trì tổ chức",
    )
    rewrite(
        block(SectionKind.NEXT_AREA, "LĐLĐTP", "thiết chế"), "Phối hợp đẩy nhanh", "Từ tháng 3/2024, phối hợp đẩy nhanh"
    )
    assert findings("date_after_period") == []


# --- Typed figures in the narrative ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "typed"),
    [
        ("cho {{HOC_VIEN_LUAT}} học viên", "cho 19/20 học viên", "19/20"),
        ("Tổ chức {{LOP_TAP_HUAN}} lớp", "Tổ chức 48 lớp", "48 lớp"),
        ("cho {{CB_THANH_TRA}} cán bộ", "cho 13 doanh nghiệp và cán bộ", "13 doanh nghiệp"),
        ("({{GT_DANG_CDKKT.ty_le}})", "(61,8%)", "61,8%"),
        ("({{GT_DANG_CDKKT.ty_le}})", "(95%)", "95%"),
        ("phát triển mới {{DV_MOI}} đoàn viên", "phát triển mới 13.297 đoàn viên", "13.297"),
    ],
)
def test_a_typed_figure_is_flagged(db: None, old: str, new: str, typed: str) -> None:
    rewrite(block(SectionKind.AREA, "LĐLĐTP", old), old, new)
    (finding,) = findings("typed_figure")
    assert f"“{typed}”" in finding.message
    assert finding.where.startswith("Mục I.5 ")


def test_fixed_expressions_quoted_titles_documents_and_dates_are_not_figures(db: None) -> None:
    target = block(SectionKind.AREA, "LĐLĐTP", "Chợ Tết Công đoàn 2023")
    # Already in the demo: "24/7" (a fixed expression), “Chợ Tết Công đoàn 2023” (a quoted title).
    rewrite(
        target,
        "Tư vấn, hỗ trợ người lao động",
        "Theo Nghị định số 145/2020/NĐ-CP và Kế hoạch số 12-KH/LĐLĐ ngày 15/3/2023, phong trào “3 sạch, 100% an "
        "toàn”; tư vấn, hỗ trợ người lao động",
    )
    assert findings("typed_figure") == []


def test_the_secretariat_registers_a_fixed_expression_for_the_report(db: None) -> None:
    rewrite(
        block(SectionKind.AREA, "LĐLĐTP", "Chợ Tết"), "Tư vấn, hỗ trợ", "Đường dây nóng 1900 người gọi; tư vấn, hỗ trợ"
    )
    (finding,) = findings("typed_figure")
    assert "“1900 người”" in finding.message
    report = demo_report()
    services.update_report(
        actor=demo_user("bdvtu.thuky"),
        report=report,
        data={"fixed_expressions": report.fixed_expressions + "\nĐường dây nóng 1900"},
        expected_version=report.version,
    )
    assert findings("typed_figure") == []
    event = AuditEvent.objects.filter(object_id=str(report.pk), changes__has_key="fixed_expressions").latest("pk")
    assert event.actor_name
    assert "Đường dây nóng 1900" in str(event.changes["fixed_expressions"])


def test_the_fixed_expressions_are_on_the_reports_page_for_the_secretariat(db: None, client: Client) -> None:
    client.force_login(demo_user("bdvtu.thuky"))
    page = client.get(f"/bao-cao/{demo_report().pk}/sua/").content.decode()
    assert "Cụm từ cố định có chữ số" in page
    assert "nhiệm kỳ 2023-2028" in page


def test_a_fixed_expression_removed_from_the_list_is_a_typed_figure_again(db: None) -> None:
    report = demo_report()
    services.update_report(
        actor=demo_user("bdvtu.thuky"), report=report, data={"fixed_expressions": ""}, expected_version=report.version
    )
    typed = findings("typed_figure")
    assert any("“24/7”" in f.message for f in typed)
    assert any("“100%”" in f.message for f in typed)


# --- The same enterprise or place twice in one listing line ---------------------------------------------------


def housing_listing() -> Listing:
    return Listing.objects.get(report=demo_report(), key="NHA_O_DANG_TRIEN_KHAI")


def test_a_place_named_twice_in_one_line(db: None) -> None:
    listing = housing_listing()
    (row,) = [row for row in _rows(listing.key) if "Đông Hải 2" in row.text]
    # The seed's mistake: the project's own sentence printing its place twice.
    services.set_entry(
        actor=demo_user("bdvtu.thuky"),
        listing=listing,
        record_id=row.record_id,
        pattern="Dự án {ten} tại {dia_diem}, {dia_diem}.",
    )
    found = findings("name_repeated")
    assert found, "the place printed twice is reported"
    assert any("“phường Đông Hải 2” được nêu hai lần" in f.message for f in found)
    assert all(f.is_error and f.url == f"/bao-cao/danh-sach/{listing.pk}/" for f in found)
    assert found[0].where.startswith("Chú thích ")


def test_an_enterprise_named_twice_in_one_line(db: None) -> None:
    listing = Listing.objects.get(report=demo_report(), key="CHI_BO_FDI")
    services.update_listing(
        actor=demo_user("bdvtu.thuky"),
        listing=listing,
        data={"pattern": listing.pattern + " ({" + _field_of(listing.pattern) + "})"},
        expected_version=listing.version,
    )
    found = findings("name_repeated")
    assert any("“Công ty TNHH Maple” được nêu hai lần" in f.message for f in found)


def test_places_of_the_same_name_but_another_kind_are_clean(db: None) -> None:
    # "thị trấn An Dương và các xã Đông Thái, An Đông, huyện An Dương": a town and a district, both named An Dương.
    assert any("thị trấn An Dương" in row.text for row in _rows("NHA_O_DANG_TRIEN_KHAI"))
    assert findings("name_repeated") == []


def _rows(key: str):  # type: ignore[no-untyped-def]
    from phoihop.reports.builders import build_report_data

    return build_report_data(demo_report()).listings[key].rows


def _field_of(pattern: str) -> str:
    start = pattern.index("{") + 1
    return pattern[start : pattern.index("}", start)]

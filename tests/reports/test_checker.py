"""The checker before signing finds each of the seed's inconsistencies once they are put into the data — the plan cited
two ways, "Trảng Duệ", the 01/2024 groundbreaking without a word, a broken validation rule, text not in NFC, no "Nơi
nhận" — says where and how to fix it, blocks the leaders' sign-off, and finds nothing on the clean demo."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.reports import services
from phoihop.reports.checker import Finding, check_report
from phoihop.reports.choices import SectionKind
from phoihop.reports.models import Listing, ReportBlock
from tests.reports.conftest import demo_report, demo_user

pytestmark = pytest.mark.usefixtures("demo")


def block(kind: str, owner: str, contains: str = "") -> ReportBlock:
    blocks = ReportBlock.objects.filter(
        section__report=demo_report(), section__kind=kind, owner_agency__short_code=owner
    ).order_by("section__position", "position")
    return next(b for b in blocks if contains in b.text)


def rewrite(target: ReportBlock, old: str, new: str) -> None:
    assert old in target.text
    services.update_block(
        actor=demo_user("bdvtu.thuky"),
        block=target,
        data={"text": target.text.replace(old, new)},
        expected_version=target.version,
    )


def findings(code: str) -> list[Finding]:
    return [f for f in check_report(demo_report()) if f.code == code]


def test_nothing_on_the_clean_demo(db: None) -> None:
    assert check_report(demo_report()) == []


def test_the_plan_cited_in_two_forms(db: None) -> None:
    opening = block(SectionKind.OPENING, "BDVTU")
    rewrite(opening, "{{ke_hoach.trich_yeu}}", "Kế hoạch số 02-KH/BDV-BQLKKT-LĐLĐTP, ngày 04/01/2023 về phối hợp")
    (finding,) = findings("document_two_forms")
    assert finding.is_error
    assert finding.where == "Phần mở đầu, đoạn của Ban Dân vận Thành ủy"
    assert "“02-KH/BDV-BQLKKT-LĐLĐTP”" in finding.message
    assert "“02-KH/BDVTU-BQLKKT-LĐLĐTP”" in finding.message
    assert "{{van_ban:02-KH/BDVTU-BQLKKT-LĐLĐTP}}" in finding.fix
    assert finding.url == f"/bao-cao/doan/{opening.pk}/"


def test_a_document_typed_the_registrys_way_but_in_other_case_is_two_forms_too(db: None) -> None:
    target = block(SectionKind.NEXT_AREA, "LĐLĐTP", "Đề án")
    rewrite(target, "{{van_ban:02-CTr/TU.day_du}}", "Chương trình hành động số 02-Ctr/TU, ngày 25/12/2020")
    (finding,) = findings("document_two_forms")
    assert "“02-Ctr/TU”" in finding.message
    assert "“02-CTr/TU”" in finding.message
    assert finding.where.startswith("Mục II.2 ")


def test_a_zone_spelled_otherwise_than_in_the_directory(db: None) -> None:
    target = block(SectionKind.NEXT_AREA, "LĐLĐTP", "thiết chế")
    rewrite(target, "Khu công nghiệp Tràng Duệ", "Khu công nghiệp Trảng Duệ")
    (finding,) = findings("name_not_in_directory")
    assert finding.message == "“Trảng Duệ” không khớp tên khu trong danh mục: “Tràng Duệ”."
    assert "Sửa thành “Tràng Duệ”" in finding.fix
    assert finding.where.startswith("Mục II.2 ")
    assert "Liên đoàn Lao động thành phố" in finding.where


def test_a_near_miss_of_one_letter_is_caught_too(db: None) -> None:
    target = block(SectionKind.AREA, "LĐLĐTP", "thiết chế công đoàn tại KCN")
    rewrite(target, "KCN Tràng Duệ", "KCN Tràng Duê")  # a tone mark lost: the same letters without diacritics
    rewrite(block(SectionKind.NEXT_AREA, "LĐLĐTP", "thiết chế"), "Tràng Duệ", "Trang Dua")
    written = sorted(f.message.split("”")[0].lstrip("“") for f in findings("name_not_in_directory"))
    assert written == ["KCN Tràng Duê", "Trang Dua"]


def test_a_record_after_the_period_without_a_word(db: None) -> None:
    """The seed's footnote 2 as the draft wrote it: the 01/2024 groundbreaking with no "tính đến thời điểm báo cáo"."""
    from phoihop.reports.models import ListingEntry

    listing = Listing.objects.get(report=demo_report(), key="NHA_O_KHOI_CONG")
    entry = ListingEntry.objects.filter(listing=listing, pattern__startswith="Tính đến").get()
    services.set_entry(
        actor=demo_user("bdvtu.thuky"),
        listing=listing,
        record_id=entry.record_id,
        position=entry.position,
        pattern="{thang}: Khởi công {du_an}, {du_an.quan} (với {du_an.so_can_ho} căn nhà, đáp ứng chỗ ở cho "
        "{du_an.cho_o}).",
    )
    (finding,) = findings("outside_period")
    assert finding.where == "Chú thích 2 (danh sách NHA_O_KHOI_CONG)"
    assert "Tháng 01/2024: Khởi công Dự án nhà ở xã hội Tràng Cát" in finding.message
    assert "ngày 01/01/2024, ngoài kỳ báo cáo 01/01/2023 - 31/12/2023" in finding.message
    assert "tính đến thời điểm báo cáo" in finding.fix
    assert finding.url == f"/bao-cao/danh-sach/{listing.pk}/"


def test_a_listing_of_the_current_state_that_picks_a_later_record(db: None) -> None:
    listing = Listing.objects.get(report=demo_report(), key="NHA_O_KHOI_CONG")
    services.update_listing(
        actor=demo_user("bdvtu.thuky"),
        listing=listing,
        data={"period_mode": "current"},
        expected_version=listing.version,
    )
    # The wording is there, but a "current state" listing did not promise it: reported.
    assert [f.where for f in findings("outside_period")] == ["Chú thích 2 (danh sách NHA_O_KHOI_CONG)"]


def test_a_broken_validation_rule(db: None) -> None:
    from phoihop.directory.models import Agency
    from phoihop.indicators.models import Indicator
    from phoihop.indicators.periods import Period
    from phoihop.planning.models import Plan
    from tests.indicators.factories import ReportedValueFactory

    plan = Plan.objects.get(year=2023)
    ReportedValueFactory(
        indicator=Indicator.objects.get(code="DU-KND-NLD"),
        plan=plan,
        agency=Agency.objects.get(short_code="ĐUKKT"),
        period=Period.year(2023),
        value=Decimal(50),
    )
    (finding,) = findings("rule_violation")
    assert finding.is_error
    assert "219" in finding.message
    assert "175" in finding.message


def test_text_not_in_nfc(db: None) -> None:
    target = block(SectionKind.AREA, "BDVTU", "Dân vận khéo")
    decomposed = unicodedata.normalize("NFD", target.text)
    ReportBlock.objects.filter(pk=target.pk).update(text=decomposed)  # as a paste from a PDF would store it
    found = findings("not_nfc")
    assert found
    assert found[0].where == "Mục I.6 “Xây dựng các mô hình “Dân vận khéo””, đoạn của Ban Dân vận Thành ủy"
    assert "lưu lại" in found[0].fix


def test_no_recipients(db: None) -> None:
    report = demo_report()
    services.update_report(
        actor=demo_user("bdvtu.thuky"), report=report, data={"recipients": ""}, expected_version=report.version
    )
    (finding,) = findings("no_recipients")
    assert finding.message == "Báo cáo chưa có “Nơi nhận”."


def test_a_typed_figure_and_a_second_way_of_placing_a_tone_mark_are_worth_a_look(db: None) -> None:
    target = block(SectionKind.AREA, "LĐLĐTP", "cho trên {{TUYEN_TRUYEN_PL}}")
    rewrite(target, "cho trên {{TUYEN_TRUYEN_PL}}", "cho trên 4.000")
    rewrite(block(SectionKind.STRENGTHS, "BDVTU"), "Ban Thường vụ Thành ủy đạt", "Ban Thường vụ Thành uỷ đạt")
    typed = findings("typed_figure")
    assert len(typed) == 1
    assert "“4.000”" in typed[0].message
    assert not typed[0].is_error
    (tone,) = findings("tone_mark_style")
    assert "“uỷ” và “ủy”" in tone.message


def test_the_leaders_cannot_sign_while_the_checker_finds_an_error(db: None) -> None:
    report = demo_report()
    rewrite(block(SectionKind.NEXT_AREA, "LĐLĐTP", "thiết chế"), "Tràng Duệ", "Trảng Duệ")
    for code, short in (("bdvtu", "BDVTU"), ("bqlkkt", "BQLKKT"), ("ldldtp", "LĐLĐTP")):
        issuer = report.issuers.get(agency__short_code=short)
        services.confirm_part(actor=demo_user(f"{code}.canbo"), issuer=issuer, expected_version=issuer.version)
    issuer = report.issuers.get(agency__short_code="BDVTU")
    with pytest.raises(ValidationError) as exc:
        services.sign_off(actor=demo_user("bdvtu.lanhdao"), issuer=issuer, expected_version=issuer.version)
    assert exc.value.code == "checker_errors"
    assert "Trảng Duệ" in exc.value.messages[0]
    issuer.refresh_from_db()
    assert not issuer.is_signed_off


def test_the_check_reads_as_much_with_records_outside_the_period_as_without(
    db: None,
    django_assert_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    from phoihop.reports.builders import build_report_data

    report = demo_report()
    clean = build_report_data(report)
    with CaptureQueriesContext(connection) as ctx:
        assert check_report(report, clean) == []
    listing = Listing.objects.get(report=report, key="NHA_O_KHOI_CONG")
    services.update_listing(
        actor=demo_user("bdvtu.thuky"),
        listing=listing,
        data={"period_mode": "current"},
        expected_version=listing.version,
    )
    later = build_report_data(report)
    with django_assert_num_queries(len(ctx.captured_queries)):
        found = [f for f in check_report(report, later) if f.code == "outside_period"]
    assert [f.url for f in found] == [f"/bao-cao/danh-sach/{listing.pk}/"] * len(found)
    assert found

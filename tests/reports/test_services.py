"""Creating a report, writing blocks and listings, naming figures: each write validated, audited, scoped to the body
that drafts it; bad input refused with a clear message and nothing saved."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditEvent
from phoihop.reports import services
from phoihop.reports.builders import build_report_data
from phoihop.reports.choices import SectionKind
from phoihop.reports.docx import extract
from phoihop.reports.models import Listing, ReportBlock, ReportIssuer
from phoihop.reports.rendering import render_docx
from tests.reports.conftest import SmallWorld


def codes(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    if hasattr(exc.value, "error_dict"):
        return {e.code for errors in exc.value.error_dict.values() for e in errors}  # type: ignore[misc]
    return {e.code for e in exc.value.error_list}  # type: ignore[misc]


def section(world: SmallWorld, kind: str, index: int = 0):  # type: ignore[no-untyped-def]
    return list(world.report.sections.filter(kind=kind).order_by("position"))[index]


def test_a_new_report_follows_the_plan_and_generates_its_statements(small_world: SmallWorld) -> None:
    report = small_world.report
    kinds = list(report.sections.order_by("position").values_list("kind", flat=True))
    assert kinds == ["opening", "part", "area", "area", "assessment", "strengths", "shortcomings", "part"]
    # Party first, then State, then the union, whatever order the programme lists them in.
    issuers = list(report.issuers.order_by("position").select_related("agency"))
    assert [(i.agency.short_code, i.profile) for i in issuers] == [("BDV", "hd36"), ("BQL", "nd30"), ("LĐ", "tld")]
    data = build_report_data(report)
    assert "Hoàn thành 02/03 nội dung phối hợp tại Kế hoạch số 07-KH/BDV-BQL-LĐ, ngày 05/01/2023." in data.text
    assert "Còn 01 nội dung phối hợp chưa được triển khai: Nội dung số 3." in data.text
    assert "Nguyên nhân: Chưa bố trí được kinh phí." in data.text
    text = extract(render_docx(data)).text
    assert "K/T TRƯỞNG BAN" in text
    assert "KT. TRƯỞNG BAN" in text
    assert "TM. BAN CHẤP HÀNH" in text
    assert text.rstrip().count("./.") == 1


def test_an_officer_writes_a_block_for_their_own_body_once_audited(small_world: SmallWorld) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    before = AuditEvent.objects.count()
    block = services.create_block(
        actor=officer,
        section=section(small_world, SectionKind.AREA),
        owner_agency=small_world.state,
        text="- Hoàn thành {{ke_hoach.hoan_thanh}} nội dung.",
    )
    assert AuditEvent.objects.count() == before + 1
    assert "Hoàn thành 02/03 nội dung." in build_report_data(small_world.report).text
    updated = services.update_block(actor=officer, block=block, data={"text": "- Sửa lại."}, expected_version=1)
    assert updated.version == 2
    with pytest.raises(ConflictError):
        services.update_block(actor=officer, block=block, data={"text": "- Cũ."}, expected_version=1)


def test_an_officer_may_not_write_for_another_body(small_world: SmallWorld) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    with pytest.raises(PermissionDenied):
        services.create_block(
            actor=officer, section=section(small_world, SectionKind.AREA), owner_agency=small_world.union, text="x"
        )
    assert not ReportBlock.objects.filter(owner_agency=small_world.union, text="x").exists()


def test_a_block_with_an_unknown_placeholder_is_refused_and_nothing_is_saved(small_world: SmallWorld) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    count = ReportBlock.objects.count()
    with pytest.raises(ValidationError) as exc:
        services.create_block(
            actor=officer,
            section=section(small_world, SectionKind.AREA),
            owner_agency=small_world.state,
            text="Phát triển mới {{DV_MOII}} đoàn viên.",
        )
    assert codes(exc) == {"unknown_figure"}
    assert "DV_MOII" in " ".join(exc.value.messages)
    assert ReportBlock.objects.count() == count


def test_a_signer_without_an_authority_mark_is_refused(small_world: SmallWorld) -> None:
    """The Party profile has no mark for an acting head ("Q."): refused when the signer is saved, naming why."""
    issuer = small_world.report.issuers.get(agency=small_world.party)
    with pytest.raises(ValidationError) as exc:
        services.update_issuer(
            actor=small_world.secretariat, issuer=issuer, data={"authority": "acting"}, expected_version=issuer.version
        )
    assert codes(exc) == {"authority_mark_missing"}
    assert "không có ký hiệu thẩm quyền" in " ".join(exc.value.messages)
    issuer.refresh_from_db()
    assert issuer.authority == "sign_for"
    # The State profile has "Q.": the same authority is fine there.
    state = small_world.report.issuers.get(agency=small_world.state)
    services.update_issuer(
        actor=small_world.secretariat, issuer=state, data={"authority": "acting"}, expected_version=state.version
    )
    assert "Q. TRƯỞNG BAN" in extract(render_docx(build_report_data(small_world.report))).text


def test_a_signer_with_a_blank_office_is_refused(small_world: SmallWorld) -> None:
    issuer = ReportIssuer.objects.filter(report=small_world.report).first()
    assert issuer is not None
    with pytest.raises(ValidationError) as exc:
        services.update_issuer(
            actor=small_world.secretariat, issuer=issuer, data={"office": " "}, expected_version=issuer.version
        )
    assert codes(exc) == {"office_missing"}


def test_a_listing_checks_its_source_filter_and_pattern(small_world: SmallWorld) -> None:
    officer = small_world.user(Role.OFFICER, "party")
    base = {
        "key": "CHI_BO",
        "title": "Chi bộ",
        "source": "organizing.founding",
        "record_filter": {"kind": "party_cell"},
        "pattern": "{ten}",
        "separator": ", ",
        "ending": ".",
        "owner_agency": small_world.party,
    }
    for bad, code in (
        ({"source": "khong.co"}, "unknown_source"),
        ({"record_filter": {"mau_sac": "do"}}, "unknown_filter_field"),
        ({"record_filter": {"kind": "chi_bo"}}, "invalid_filter_value"),
        ({"pattern": "{ten_khong_co}"}, "unknown_field"),
        ({"key": "Chi bộ"}, "bad_name"),
        ({"intro": "Có {{KHONG_CO}} chi bộ:"}, "unknown_figure"),
    ):
        with pytest.raises(ValidationError) as exc:
            services.create_listing(actor=officer, report=small_world.report, data={**base, **bad})
        assert code in codes(exc), bad
    assert not Listing.objects.exists()
    listing = services.create_listing(actor=officer, report=small_world.report, data=base)
    services.create_block(
        actor=officer,
        section=section(small_world, SectionKind.AREA),
        owner_agency=small_world.party,
        text="- Thành lập {{CHI_BO.so_luong}} chi bộ[[chu_thich:CHI_BO]].",
    )
    data = build_report_data(small_world.report)
    assert "Thành lập 00 chi bộ." in data.text
    with pytest.raises(ValidationError) as exc:
        services.delete_listing(actor=officer, listing=listing, expected_version=listing.version)
    assert codes(exc) == {"in_use"}


def test_an_undated_source_lists_the_current_state_only(small_world: SmallWorld) -> None:
    with pytest.raises(ValidationError) as exc:
        services.create_listing(
            actor=small_world.secretariat,
            report=small_world.report,
            data={
                "key": "DU_AN",
                "title": "Dự án",
                "source": "housing.project",
                "period_mode": "period",
                "pattern": "{ten}.",
                "owner_agency": small_world.state,
            },
        )
    assert codes(exc) == {"undated_source"}


def test_a_figure_name_binds_a_line_of_the_plan(small_world: SmallWorld) -> None:
    from tests.indicators.factories import IndicatorFactory, ReportedValueFactory, TargetFactory

    indicator = IndicatorFactory(code="CD-PTDV")
    target = TargetFactory(indicator=indicator, plan=small_world.plan, agency=small_world.union, value=190)
    ReportedValueFactory(indicator=indicator, plan=small_world.plan, agency=small_world.union, value=315)
    services.create_figure_name(actor=small_world.secretariat, report=small_world.report, name="GT", target=target)
    officer = small_world.user(Role.OFFICER, "union")
    services.create_block(
        actor=officer,
        section=section(small_world, SectionKind.AREA),
        owner_agency=small_world.union,
        text="Giới thiệu {{GT}} ({{GT.ty_le}}), {{CD-PTDV.dat}}.",
    )
    assert "Giới thiệu 315/190 (165,8%), đạt 165,8% kế hoạch." in build_report_data(small_world.report).text
    report = small_world.report
    services.update_report(
        actor=small_world.secretariat, report=report, data={"rounding": "truncate"}, expected_version=report.version
    )
    assert "Giới thiệu 315/190 (165,7%)" in build_report_data(small_world.report).text
    with pytest.raises(ValidationError) as exc:
        services.create_figure_name(actor=small_world.secretariat, report=report, name="GT", target=target)
    assert codes(exc) == {"duplicate_name"}


def test_part_two_follows_the_next_plan_and_marks_the_items_carried_over(small_world: SmallWorld) -> None:
    import datetime as dt

    from phoihop.planning import services as planning
    from phoihop.planning.models import PlanItem

    keeper = small_world.secretariat
    plan_2024 = planning.create_plan(
        actor=keeper,
        data={
            "programme": small_world.plan.programme,
            "year": 2024,
            "title": "Kế hoạch năm 2024",
            "period_start": dt.date(2024, 1, 1),
            "period_end": dt.date(2024, 12, 31),
        },
    )
    area = planning.create_area(actor=keeper, plan=plan_2024, data={"number": 1, "title": "Tuyên truyền"})
    planning.create_item(
        actor=keeper,
        plan=plan_2024,
        data={
            "area": area,
            "number": 1,
            "title": "tuyên truyền chính sách nhà ở xã hội",
            "lead_agency": small_world.party,
        },
    )
    unfinished = PlanItem.objects.get(plan=small_world.plan, number=3)
    planning.carry_over_item(
        actor=keeper,
        item=unfinished,
        reason="Chưa bố trí được kinh phí.",
        area=area,
        expected_version=unfinished.version,
    )
    report = small_world.report
    assert services.sync_sections(actor=keeper, report=report) == 1
    kinds = list(report.sections.order_by("position").values_list("kind", flat=True))
    assert kinds[-2:] == ["part", "next_area"]
    text = build_report_data(report).text
    assert (
        "II. Một số nhiệm vụ trọng tâm năm 2024\n1. Tuyên truyền\n- Tuyên truyền chính sách nhà ở xã hội.\n"
        "- Nội dung số 3 (chuyển tiếp từ Kế hoạch năm 2023)./." in text
    )
    assert services.sync_sections(actor=keeper, report=report) == 0

"""Reports, their issuing bodies and signers, their sections."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import create_record, update_record
from phoihop.reports import permissions
from phoihop.reports.choices import SectionKind, SignAuthority
from phoihop.reports.docx import Authority, SpecError, get_profile
from phoihop.reports.docx.profiles import default_profiles
from phoihop.reports.models import Report, ReportBlock, ReportIssuer, ReportSection
from phoihop.reports.services.common import DEFAULT_PROFILE, ISSUER_FIELDS, KIND_ORDER, REPORT_FIELDS, clean, require

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency
    from phoihop.planning.models import Plan


def default_summary(plan: Plan, agencies: Iterable[Agency]) -> str:
    names = " - ".join(agency.name for agency in agencies)
    return f"kết quả thực hiện Chương trình phối hợp năm {plan.year}\ngiữa {names}"


@transaction.atomic
def create_report(
    *,
    actor: User | None,
    plan: Plan,
    data: Mapping[str, Any] | None = None,
    issuers: Iterable[Agency] | None = None,
    starter_blocks: bool = True,
) -> Report:
    """A new report of the plan: its issuing bodies (the programme's, Party first, then State, then the union, unless
    given), its sections from the plan's and the next plan's areas, and, unless told otherwise, starter blocks that
    bind the generated statements. `actor=None` only from trusted commands (load_demo)."""
    if actor is not None:
        require(permissions.can_compile(actor))
    if issuers is None:
        bodies = list(plan.programme.bodies.all()) if plan.programme else []
        bodies.sort(key=lambda a: (KIND_ORDER.get(a.kind, 9), a.name))
    else:
        bodies = list(issuers)
    if not bodies:
        raise ValidationError(
            _("Chưa biết cơ quan ban hành: chương trình của kế hoạch chưa ghi các cơ quan phối hợp."), code="no_issuer"
        )
    values: dict[str, Any] = {
        "summary": default_summary(plan, bodies),
        "symbol": "-".join(agency.short_code for agency in bodies),
        "issue_year": plan.year + 1,
    }
    values.update(clean(data or {}, REPORT_FIELDS))
    if Report.objects.filter(plan=plan).exists():
        raise ValidationError(_("Kế hoạch năm %(year)s đã có báo cáo.") % {"year": plan.year}, code="report_exists")
    report = create_record(actor=actor, instance=Report(plan=plan, **values))
    for position, agency in enumerate(bodies, start=1):
        union = agency.kind == "union"
        issuer = ReportIssuer(
            report=report,
            position=position,
            agency=agency,
            profile=DEFAULT_PROFILE.get(agency.kind, "nd30"),
            authority=SignAuthority.ON_BEHALF if union else SignAuthority.SIGN_FOR,
            office="BAN CHẤP HÀNH" if union else "TRƯỞNG BAN",
            organisation=agency.name.upper(),
        )
        _check_signer(issuer)
        create_record(actor=actor, instance=issuer)
    _create_sections(actor, report)
    if starter_blocks:
        _starter_blocks(actor, report, bodies[0])
    return report


def _section_plan(report: Report) -> list[tuple[str, str, Any]]:
    from phoihop.planning.models import Plan

    plan = report.plan
    rows: list[tuple[str, str, Any]] = [(SectionKind.OPENING, "", None), (SectionKind.PART, "Kết quả thực hiện", None)]
    rows += [(SectionKind.AREA, "", area) for area in plan.areas.order_by("number")]
    rows += [
        (SectionKind.ASSESSMENT, "Đánh giá chung", None),
        (SectionKind.STRENGTHS, "Về ưu điểm", None),
        (SectionKind.SHORTCOMINGS, "Về hạn chế và nguyên nhân", None),
        (SectionKind.PART, f"Một số nhiệm vụ trọng tâm năm {plan.year + 1}", None),
    ]
    next_plan = Plan.objects.filter(year=plan.year + 1).first()
    if next_plan is not None:
        rows += [(SectionKind.NEXT_AREA, "", area) for area in next_plan.areas.order_by("number")]
    return rows


def _create_sections(actor: User | None, report: Report) -> None:
    for position, (kind, title, area) in enumerate(_section_plan(report), start=1):
        create_record(
            actor=actor,
            instance=ReportSection(report=report, position=position * 10, kind=kind, title=title, area=area),
        )


@transaction.atomic
def sync_sections(*, actor: User, report: Report) -> int:
    """Add sections for areas added to the plan (or the next plan) since the report was created, keeping the order
    of the plan. Returns how many were added."""
    require(permissions.can_edit_report(actor, report))
    existing = list(report.sections.order_by("position"))
    by_area = {section.area_id: section for section in existing if section.area_id}
    fixed = {(section.kind, section.title): section for section in existing if not section.area_id}
    ordered: list[ReportSection] = []
    added = 0
    lead = report.issuers.order_by("position").select_related("agency").first()
    for kind, title, area in _section_plan(report):
        section = by_area.get(area.pk) if area is not None else fixed.get((kind, title))
        if section is None:
            section = create_record(
                actor=actor,
                instance=ReportSection(report=report, position=10_000 + added, kind=kind, title=title, area=area),
            )
            added += 1
            if kind == SectionKind.NEXT_AREA and lead is not None:
                # Next year's tasks start from the next plan's items (carried-over ones marked), to be reworded.
                block = ReportBlock(section=section, owner_agency=lead.agency, position=1, text="{{nhiem_vu}}")
                create_record(actor=actor, instance=block)
        ordered.append(section)
    ordered += [s for s in existing if s not in ordered]
    if added:
        # Renumber in two steps so the unique (report, position) never collides midway.
        ReportSection.objects.filter(report=report).update(position=F("position") + 20_000)
        for index, section in enumerate(ordered, start=1):
            ReportSection.objects.filter(pk=section.pk).update(position=index * 10)
    return added


def _starter_blocks(actor: User | None, report: Report, lead: Agency) -> None:
    texts: dict[str, str] = {
        SectionKind.OPENING: (
            "Thực hiện {{ke_hoach.trich_yeu}}, các cơ quan thống nhất đánh giá kết quả triển khai công tác phối hợp "
            "như sau:"
            if report.plan.document_id
            else "Các cơ quan thống nhất đánh giá kết quả triển khai công tác phối hợp như sau:"
        ),
        SectionKind.STRENGTHS: "{{ke_hoach.ket_qua}}.",
        SectionKind.SHORTCOMINGS: "{{ke_hoach.chua_trien_khai}}",
        SectionKind.NEXT_AREA: "{{nhiem_vu}}",
    }
    for section in report.sections.all():
        text = texts.get(section.kind)
        if text:
            create_record(actor=actor, instance=ReportBlock(section=section, owner_agency=lead, position=1, text=text))


@transaction.atomic
def update_report(*, actor: User, report: Report, data: Mapping[str, Any], expected_version: int) -> Report:
    require(permissions.can_edit_report(actor, report))
    cleaned = clean(data, REPORT_FIELDS)
    if cleaned.get("issue_date") is not None:
        cleaned["issue_year"] = cleaned["issue_date"].year
    return update_record(actor=actor, instance=report, data=cleaned, expected_version=expected_version)


def _check_signer(issuer: ReportIssuer) -> None:
    """The signer's authority must have a mark in the body's format profile ("K/T" for the Party, "KT." for the
    State); an authority the profile does not define is refused here, not when the document is drawn."""
    if issuer.profile not in default_profiles():
        raise field_error(
            "profile",
            _("Không có thể thức văn bản “%(key)s” (có: %(known)s).")
            % {"key": issuer.profile, "known": ", ".join(sorted(default_profiles()))},
            "unknown_profile",
        )
    if not issuer.authority:
        raise field_error("authority", _("Hãy chọn thẩm quyền ký của người ký (K/T, TM., …)."), "authority_missing")
    if not issuer.office.strip():
        raise field_error(
            "office", _("Hãy ghi chức vụ hoặc tập thể được ký thay, thay mặt (ví dụ TRƯỞNG BAN)."), "office_missing"
        )
    profile = get_profile(issuer.profile)
    try:
        profile.authority_line(Authority(issuer.authority), issuer.office)
    except SpecError as exc:
        label = SignAuthority(issuer.authority).label
        raise field_error(
            "authority",
            _(
                "Người ký của %(body)s không có ký hiệu thẩm quyền: thể thức “%(profile)s” không quy định ký hiệu cho "
                "“%(authority)s”. Hãy chọn thẩm quyền khác hoặc thể thức khác."
            )
            % {"body": issuer.agency.name, "profile": profile.label, "authority": label},
            exc.code,
        ) from exc


@transaction.atomic
def update_issuer(*, actor: User, issuer: ReportIssuer, data: Mapping[str, Any], expected_version: int) -> ReportIssuer:
    require(permissions.can_edit_report(actor, issuer.report))
    cleaned = clean(data, ISSUER_FIELDS)
    probe = ReportIssuer(**{**{name: getattr(issuer, name) for name in ISSUER_FIELDS}, **cleaned})
    probe.agency = issuer.agency
    _check_signer(probe)
    return update_record(actor=actor, instance=issuer, data=cleaned, expected_version=expected_version)

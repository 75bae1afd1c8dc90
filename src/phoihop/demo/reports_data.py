"""The 2023 joint report of the demo data: the seed report (shared/seed/000_5d1f240455ce4299.txt) as the bodies
would write it in the system. Its prose is the seed's, block by block and body by body; every figure in it is a
placeholder bound to the records ({{DV_MOI}} prints "13.297/21.500"), every cited document comes from the registry
({{van_ban:28-NQ/TU}}), and its four footnotes are listings of records. Where the seed slipped, the demo writes it
right: the plan is cited one way, "Tràng Duệ" is spelled as the directory spells it, and the Tràng Cát groundbreaking
of 01/2024 says "tính đến thời điểm báo cáo". Percentages are truncated, as the signed draft printed them (165,7%).

The loader step goes last: it needs the plans, the indicators and every records app's demo data. Indicators the
report needs and no records app defines (the Tet market, the kiosks, the courses…) are added here, through the
indicators' services, counting the activities' records."""

from __future__ import annotations

from typing import Any

from phoihop.demo import read

DATA = read("reports")

YEAR = 2023
SECRETARIAT = "bdvtu.thuky"

# Indicators counting the activities' records for figures of part I that no other step defines.
INDICATORS: list[dict[str, Any]] = DATA["INDICATORS"]
INDICATOR_OWNER = "LĐLĐTP"

# Names the blocks use -> (indicator code, body of the plan line).
FIGURES: dict[str, tuple[str, str]] = DATA["FIGURES"]

REPORT: dict[str, Any] = DATA["REPORT"]

# The signers, in header order: each body's authority as its own rulebook prints it.
ISSUERS: list[dict[str, str]] = DATA["ISSUERS"]

# Footnote 2 in the seed's order: the milestone (project name) and its sentence. Footnote 3: the projects.
GROUNDBREAKINGS: list[tuple[str, str]] = DATA["GROUNDBREAKINGS"]
PROJECTS_IN_PROGRESS: list[tuple[str, str]] = DATA["PROJECTS_IN_PROGRESS"]

LISTINGS: list[dict[str, Any]] = DATA["LISTINGS"]

# The seed's text section by section: (section, body, text). Sections: "opening", an area number of the 2023 plan
# ("I.1" … "I.7"), "8.1", "8.2", or an area number of the 2024 plan ("II.1" … "II.4").
BLOCKS: list[tuple[str, str, str]] = DATA["BLOCKS"]


# --- Loader step ----------------------------------------------------------------------------------------------


def _agencies() -> dict[str, Any]:
    from phoihop.directory.models import Agency

    return {agency.short_code: agency for agency in Agency.objects.all()}


def load_report_indicators(report: Any, plan: Any, admin: Any) -> None:
    from phoihop.indicators.models import Indicator, Target
    from phoihop.indicators.services import create_indicator, create_target

    owner = _agencies()[INDICATOR_OWNER]
    position = Target.objects.filter(plan=plan).count()
    for row in INDICATORS:
        indicator = Indicator.objects.filter(code=row["code"]).first()
        if indicator is None:
            indicator = create_indicator(actor=admin, data={**row, "owner_agency": owner})
            report.count("indicators")
        if not Target.objects.filter(plan=plan, indicator=indicator, agency=owner).exists():
            position += 1
            create_target(
                actor=admin,
                plan=plan,
                data={"indicator": indicator, "agency": owner, "value": None, "position": position},
            )
            report.count("targets")


def _section_map(the_report: Any) -> dict[str, Any]:
    from phoihop.reports.choices import SectionKind

    sections: dict[str, Any] = {}
    for section in the_report.sections.select_related("area", "area__plan"):
        if section.kind == SectionKind.OPENING:
            sections["opening"] = section
        elif section.kind == SectionKind.AREA and section.area is not None:
            sections[f"I.{section.area.number}"] = section
        elif section.kind == SectionKind.NEXT_AREA and section.area is not None:
            sections[f"II.{section.area.number}"] = section
        elif section.kind == SectionKind.STRENGTHS:
            sections["8.1"] = section
        elif section.kind == SectionKind.SHORTCOMINGS:
            sections["8.2"] = section
    return sections


def load_report(report: Any) -> None:
    """Step of `load_demo`: the 2023 joint report (idempotent: an existing report of the 2023 plan is left alone)."""
    from django.core.exceptions import ValidationError

    from phoihop.accounts.models import User
    from phoihop.core.services import create_record
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.housing.models import HousingProject, Milestone
    from phoihop.indicators.models import Target
    from phoihop.planning.models import Plan
    from phoihop.reports import services
    from phoihop.reports.models import Report, ReportBlock

    plan = Plan.objects.filter(year=YEAR).first()
    if plan is None or Report.objects.filter(plan=plan).exists():
        return
    admin = User.objects.get(username=ADMIN_USERNAME)
    actor = User.objects.get(username=SECRETARIAT)
    load_report_indicators(report, plan, admin)
    agencies = _agencies()
    the_report = services.create_report(
        actor=actor,
        plan=plan,
        data=REPORT,
        issuers=[agencies[row["agency"]] for row in ISSUERS],
        starter_blocks=False,
    )
    report.count("reports")
    for row in ISSUERS:
        issuer = the_report.issuers.get(agency=agencies[row["agency"]])
        data = {k: v for k, v in row.items() if k != "agency"}
        services.update_issuer(actor=actor, issuer=issuer, data=data, expected_version=issuer.version)
    missing: list[str] = []
    for name, (code, body) in FIGURES.items():
        target = Target.objects.filter(plan=plan, indicator__code=code, agency=agencies[body]).first()
        if target is None:
            missing.append(name)
            continue
        services.create_figure_name(actor=actor, report=the_report, name=name, target=target)
    for spec in LISTINGS:
        listing = services.create_listing(
            actor=actor,
            report=the_report,
            data={
                "key": spec["key"],
                "title": spec["title"],
                "source": spec["source"],
                "record_filter": spec["record_filter"],
                "agency": agencies[spec["agency"]] if spec["agency"] else None,
                "period_mode": spec["period_mode"],
                "intro": spec["intro"],
                "pattern": spec["pattern"],
                "value_field": spec.get("value_field", ""),
                "separator": spec["separator"],
                "ending": spec["ending"],
                "owner_agency": agencies[spec["owner"]],
            },
        )
        entries: list[tuple[str, str]] = []
        kind = ""
        if "entries" in spec:
            kind, entries = spec["entries"]
        for position, (name, pattern) in enumerate(entries, start=1):
            record: Any
            if kind == "milestone":
                record = Milestone.objects.filter(project__name=name, kind="groundbreaking").first()
            else:
                record = HousingProject.objects.filter(name=name).first()
            if record is not None:
                services.set_entry(
                    actor=actor, listing=listing, record_id=record.pk, position=position, pattern=pattern
                )
    sections = _section_map(the_report)
    for position, (where, body, text) in enumerate(BLOCKS, start=1):
        section = sections.get(where)
        if section is None:
            continue
        try:
            services.create_block(
                actor=actor, section=section, owner_agency=agencies[body], text=text, position=position
            )
        except ValidationError:
            # A figure whose records app has not brought its data yet: the block is kept as written, its placeholder
            # prints as "[NAME]" and the checker reports it, rather than a number being typed in.
            create_record(
                actor=actor,
                instance=ReportBlock(section=section, owner_agency=agencies[body], position=position, text=text),
                note="Một số liệu chưa có dữ liệu; xem kết quả kiểm tra của báo cáo.",
            )
        report.count("report blocks")
    if missing:
        report.count("report figures without data", len(missing))

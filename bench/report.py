"""The joint report's build time at 1x and 10x data: `python -m bench report` (also part of `make bench`).

`add_records(factor)` multiplies what the 2023 report counts and lists — foundings, activities with participants and
outputs, consultation cases, housing projects with milestones, supervised enterprises, reported values — by adding
(factor - 1) times the demo's volume, bulk-inserted. The tests use it too, to pin the builder's query count."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from statistics import median
from typing import Any

DEMO_VOLUME = {"enterprises": 35, "activities": 63, "cases": 9, "projects": 9, "agencies": 2}


def add_records(factor: int = 10) -> dict[str, int]:
    """Add (factor - 1) times the demo's records of the 2023 report, dated in 2023. Returns what was added."""
    from django.utils import timezone

    from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
    from phoihop.cases.models import Case, Topic
    from phoihop.directory.models import Agency, Enterprise
    from phoihop.housing.models import HousingProject, Milestone
    from phoihop.indicators.models import Indicator, ReportedValue
    from phoihop.indicators.periods import Period
    from phoihop.organizing.models import Founding
    from phoihop.oversight.models import Inspection, InspectionEnterprise
    from phoihop.planning.models import Plan

    extra = factor - 1
    agencies = {a.short_code: a for a in Agency.objects.all()}
    plan = Plan.objects.get(year=2023)
    added: dict[str, int] = {}
    start = Enterprise.objects.count()
    enterprises = Enterprise.objects.bulk_create(
        Enterprise(
            name=f"Công ty TNHH Mở rộng {start + i}",
            tax_code=f"08{start + i:08d}",
            ownership="wholly_foreign",
            owner_agency=agencies["BQLKKT"],
        )
        for i in range(DEMO_VOLUME["enterprises"] * extra)
    )
    added["enterprises"] = len(enterprises)
    foundings = []
    for i, enterprise in enumerate(enterprises):
        day = dt.date(2023, 1 + i % 12, 1 + i % 28)
        foundings.append(
            Founding(kind="party_cell", enterprise=enterprise, owner_agency=agencies["ĐUKKT"], founded_on=day)
        )
        foundings.append(
            Founding(kind="grassroots_union", enterprise=enterprise, owner_agency=agencies["CĐKKT"], founded_on=day)
        )
        foundings.append(
            Founding(kind="youth_union", enterprise=enterprise, owner_agency=agencies["ĐTNKKT"], founded_on=day)
        )
    added["foundings"] = len(Founding.objects.bulk_create(foundings))
    activities = Activity.objects.bulk_create(
        Activity(
            kind=("training_class", "communication_campaign", "welfare_event")[i % 3],
            title=f"Hoạt động mở rộng {i}",
            series="Tập huấn, bồi dưỡng cán bộ công đoàn năm 2023" if i % 3 == 0 else "",
            start_date=dt.date(2023, 1 + i % 12, 1 + i % 28),
            owner_agency=agencies["LĐLĐTP"],
        )
        for i in range(DEMO_VOLUME["activities"] * extra)
    )
    participants, outputs = [], []
    for i, activity in enumerate(activities):
        group = ("union_cadres", "workers", "workers")[i % 3]
        participants.append(ActivityParticipant(activity=activity, group=group, count=10 + i % 40, unit="person_times"))
        participants.append(ActivityParticipant(activity=activity, group="students", count=5, unit="persons"))
        outputs.append(
            ActivityOutput(activity=activity, kind=("booklets", "booths", "kiosks")[i % 3], quantity=3, unit="cái")
        )
    added["participants"] = len(ActivityParticipant.objects.bulk_create(participants))
    added["outputs"] = len(ActivityOutput.objects.bulk_create(outputs))
    topics = list(Topic.objects.filter(parent__isnull=False).order_by("pk")[:4])
    received = timezone.make_aware(dt.datetime(2023, 6, 1, 9, 0))
    added["cases"] = len(
        Case.objects.bulk_create(
            Case(
                channel="hotline",
                requester_kind="worker",
                topic=topics[i % len(topics)],
                status="received",
                handling_agency=agencies["LĐLĐTP"],
                received_at=received + dt.timedelta(days=i % 150),
            )
            for i in range(DEMO_VOLUME["cases"] * extra)
        )
    )
    projects = HousingProject.objects.bulk_create(
        HousingProject(
            kind="social_housing",
            name=f"Dự án nhà ở mở rộng {i}",
            owner_agency=agencies["BQLKKT"],
            investor_name="Chủ đầu tư mở rộng",
            district="huyện An Dương",
            apartments=100 + i,
        )
        for i in range(DEMO_VOLUME["projects"] * extra)
    )
    Milestone.objects.bulk_create(
        Milestone(project=project, kind="groundbreaking", date=dt.date(2023, 1 + i % 12, 1), date_precision="month")
        for i, project in enumerate(projects)
    )
    added["housing projects"] = len(projects)
    inspection = Inspection.objects.filter(kind="supervision").order_by("pk").first()
    if inspection is not None:
        added["supervised enterprises"] = len(
            InspectionEnterprise.objects.bulk_create(
                InspectionEnterprise(inspection=inspection, enterprise=enterprise) for enterprise in enterprises[:130]
            )
        )
    units = Agency.objects.bulk_create(
        Agency(
            name=f"Công đoàn cấp trên cơ sở mở rộng {start + i}",
            short_code=f"CĐMR{start + i}",
            kind="union",
            parent=agencies["LĐLĐTP"],
        )
        for i in range(DEMO_VOLUME["agencies"] * extra)
    )
    values: list[Any] = []
    for code in ("CD-GTD", "CD-KND"):
        indicator = Indicator.objects.get(code=code)
        for unit in units:
            for month in range(1, 13):
                period = Period.month(2023, month)
                values.append(
                    ReportedValue(
                        indicator=indicator,
                        plan=plan,
                        agency=unit,
                        period_type=period.type,
                        period_start=period.start,
                        period_end=period.end,
                        value=Decimal(1),
                    )
                )
    added["reported values"] = len(ReportedValue.objects.bulk_create(values))
    return added


def measure_build(repeat: int = 5) -> dict[str, tuple[float, int]]:
    """Median ms and queries of the Word export (what the export job runs: the data without the figures' source
    rows, then the .docx) and of the full data (what the preview, the HTML and the checker read), interleaved."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from phoihop.reports.builders import build_report_data
    from phoihop.reports.models import Report
    from phoihop.reports.tasks import render_bytes

    report = Report.objects.get(plan__year=2023)
    work = {
        "report 2023 (Word export)": lambda: render_bytes(report, "docx"),
        "report 2023 (full data: preview)": lambda: build_report_data(report),
    }
    times: dict[str, list[float]] = {name: [] for name in work}
    queries: dict[str, int] = {}
    for _ in range(repeat):
        for name, fn in work.items():
            with CaptureQueriesContext(connection) as ctx:
                begin = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - begin)
            queries[name] = len(ctx.captured_queries)
    return {name: (median(times[name]) * 1000, queries[name]) for name in work}


def analyze() -> None:
    """Fresh planner statistics, as autovacuum keeps them on a live database: without them PostgreSQL plans the 10x
    side's queries for the tables' sizes before the bulk insert (a nested loop over 239 activities where it expected
    one: 42 instead of 2 ms for one participant query)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def rows() -> list[tuple[str, str, float, int]]:
    """(what, data, median ms, queries) of the 2023 report's Word export and full data, at 1x then 10x."""
    out = []
    analyze()
    for name, (ms, queries) in measure_build().items():
        out.append((name, "1x", ms, queries))
    add_records(10)
    analyze()
    for name, (ms, queries) in measure_build().items():
        out.append((name, "10x", ms, queries))
    return out

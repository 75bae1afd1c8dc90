"""A zone at a glance, computed from records: its enterprises (an economic zone counts those of its parks too), their
workers, the share that has a grassroots union, a party cell and a youth branch (a founding recorded on or before the
year's end), the year's activities and inspections there, the workers' housing planned and in use against the zone's
workers, the year's worker cases by topic (those the user reads), and the zones compared by union coverage. Counts
only: no worker is named. A fixed number of queries whatever the number of enterprises."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse

if TYPE_CHECKING:
    from phoihop.accounts.models import User

from phoihop.activities.models import Activity
from phoihop.cases.selectors import cases_visible_to
from phoihop.core.charts import ChartSpec, Series, share_text
from phoihop.dashboard.casecharts import count_bars
from phoihop.directory.models import Enterprise, Zone
from phoihop.housing.choices import MilestoneKind
from phoihop.housing.models import HousingProject, Milestone
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from phoihop.oversight.models import Inspection

KINDS = (FoundingKind.GRASSROOTS_UNION, FoundingKind.PARTY_CELL, FoundingKind.YOUTH_UNION)
LISTED = 200  # enterprises listed on the page, largest first; the counts cover all of them


@dataclass(frozen=True)
class Coverage:
    kind: str
    label: str
    count: int
    total: int

    @property
    def share(self) -> Decimal | None:
        return Decimal(self.count * 100) / self.total if self.total else None

    @property
    def share_text(self) -> str:
        return share_text(self.count, self.total)


@dataclass(frozen=True)
class EnterpriseRow:
    pk: int
    name: str
    url: str
    workforce: int | None
    marks: list[tuple[str, bool]]  # (organisation, founded) in the order of KINDS


@dataclass(frozen=True)
class Housing:
    """The workers' housing projects of the zone: their planned places, and those in use by the year's end (a project
    with a milestone "đưa vào sử dụng": all its places when wholly in use, else the places its finished phases
    give, where recorded)."""

    projects: int
    places: int
    places_unknown: int
    in_use_projects: int
    in_use_places: int
    workers: int

    @property
    def places_share_text(self) -> str:
        return share_text(self.places, self.workers) if self.workers and self.places else ""


@dataclass
class ZonePicture:
    zone: Zone
    year: int
    enterprises: int
    workers: int
    workers_unknown: int
    coverage: list[Coverage]
    activities: int
    inspections: int
    rows: list[EnterpriseRow] = field(default_factory=list)
    housing: Housing | None = None
    cases: int = 0
    coverage_chart: ChartSpec | None = None
    comparison_chart: ChartSpec | None = None
    cases_chart: ChartSpec | None = None


def _zone_ids(zone: Zone) -> list[int]:
    return [zone.pk, *Zone.objects.filter(parent=zone).values_list("pk", flat=True)]


def _year_q(year: int) -> Q:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return Q(start_date__lte=end) & (Q(end_date__gte=start) | Q(end_date__isnull=True, start_date__gte=start))


def _housing(zone_ids: list[int], year: int, workers: int) -> Housing | None:
    """Two queries: the projects, and their use milestones up to the year's end."""
    projects = list(HousingProject.objects.filter(zone_id__in=zone_ids).values("pk", "capacity"))
    if not projects:
        return None
    used = Milestone.objects.filter(
        project_id__in=[p["pk"] for p in projects],
        kind__in=[MilestoneKind.PHASE_COMPLETED, MilestoneKind.IN_USE],
        date__lte=dt.date(year, 12, 31),
    ).values_list("project_id", "kind", "people")
    whole = {pk for pk, kind, _people in used if kind == MilestoneKind.IN_USE}
    phases: dict[int, int] = {}
    for pk, kind, people in used:
        if kind == MilestoneKind.PHASE_COMPLETED and pk not in whole:
            phases[pk] = phases.get(pk, 0) + (people or 0)
    capacity = {p["pk"]: p["capacity"] for p in projects}
    return Housing(
        projects=len(projects),
        places=sum(c for c in capacity.values() if c),
        places_unknown=sum(1 for c in capacity.values() if not c),
        in_use_projects=len(whole | set(phases)),
        in_use_places=sum(capacity[pk] or 0 for pk in whole) + sum(phases.values()),
        workers=workers,
    )


def zone_picture(*, zone: Zone, year: int, user: User | None = None) -> ZonePicture:
    zone_ids = _zone_ids(zone)
    in_zone = Enterprise.objects.filter(zone_id__in=zone_ids)
    totals = in_zone.aggregate(
        count=Count("pk"),
        workers=Coalesce(Sum("workforce"), 0),
        unknown=Count("pk", filter=Q(workforce__isnull=True)),
    )
    founded = set(
        Founding.objects.filter(enterprise__zone_id__in=zone_ids, founded_on__lte=dt.date(year, 12, 31))
        .values_list("enterprise_id", "kind")
        .distinct()
    )
    counts = {kind: len({pk for pk, k in founded if k == kind}) for kind in KINDS}
    coverage = [Coverage(str(kind), str(kind.label), counts[kind], totals["count"]) for kind in KINDS]
    marker = 987654321
    link = reverse("directory:enterprise_detail", args=[marker])  # once, then each row's id in its place
    listed = in_zone.order_by(Coalesce("workforce", 0).desc(), "name").values("pk", "name", "workforce")[:LISTED]
    rows = [
        EnterpriseRow(
            pk=row["pk"],
            name=row["name"],
            url=link.replace(str(marker), str(row["pk"])),
            workforce=row["workforce"],
            marks=[(str(kind.label), (row["pk"], str(kind)) in founded) for kind in KINDS],
        )
        for row in listed
    ]
    picture = ZonePicture(
        zone=zone,
        year=year,
        enterprises=totals["count"],
        workers=totals["workers"],
        workers_unknown=totals["unknown"],
        coverage=coverage,
        activities=Activity.objects.filter(_year_q(year), zone_id__in=zone_ids).count(),
        inspections=Inspection.objects.filter(_year_q(year), enterprises__zone_id__in=zone_ids).distinct().count(),
        rows=rows,
        housing=_housing(zone_ids, year, totals["workers"]),
    )
    if user is not None:
        # The year's cases of the zone by topic (the top of the topic tree), among the cases the user reads.
        by_topic = (
            cases_visible_to(user)
            .filter(zone_id__in=zone_ids, received_at__year=year)
            .annotate(root=Coalesce("topic__parent__name", "topic__name"))
            .values("root")
            .annotate(n=Count("pk"))
            .order_by("-n", "root")
            .values_list("root", "n")
        )
        topics = [(str(root or "Chưa phân loại"), int(n)) for root, n in by_topic]
        picture.cases = sum(n for _root, n in topics)
        if topics:
            picture.cases_chart = count_bars(
                f"zone-{zone.pk}-cases",
                f"Vụ việc tư vấn, hỗ trợ người lao động trong {zone.name} năm {year}, theo chủ đề",
                topics,
                picture.cases,
            )
    if totals["count"]:
        picture.coverage_chart = _coverage_chart(zone, year, coverage)
    picture.comparison_chart = _comparison_chart(year)
    return picture


def _coverage_chart(zone: Zone, year: int, coverage: list[Coverage]) -> ChartSpec:
    summary = "; ".join(f"{c.label}: {c.count}/{c.total} doanh nghiệp ({c.share_text})" for c in coverage)
    return ChartSpec(
        key=f"zone-{zone.pk}-coverage",
        title=f"Tỷ lệ doanh nghiệp có tổ chức trong {zone.name} (đến hết năm {year})",
        labels=[c.label for c in coverage],
        series=[Series(label="% doanh nghiệp", values=[float(c.share or 0) for c in coverage])],
        summary=summary + ".",
        unit="%",
        table=[[c.label, f"{c.count}/{c.total} ({c.share_text})"] for c in coverage],
    )


def _comparison_chart(year: int) -> ChartSpec | None:
    """Every top-level zone (an economic zone with its parks, or a park outside any) by its share of enterprises with
    a grassroots union, highest first: two grouped queries."""
    roots = {zone.pk: zone.name for zone in Zone.objects.filter(parent__isnull=True).order_by("name")}
    root_of = Coalesce("zone__parent_id", "zone_id")
    totals = dict(
        Enterprise.objects.annotate(root=root_of).values("root").annotate(n=Count("pk")).values_list("root", "n")
    )
    unions = dict(
        Founding.objects.filter(kind=FoundingKind.GRASSROOTS_UNION, founded_on__lte=dt.date(year, 12, 31))
        .annotate(root=Coalesce("enterprise__zone__parent_id", "enterprise__zone_id"))
        .values("root")
        .annotate(n=Count("enterprise_id", distinct=True))
        .values_list("root", "n")
    )
    rows = [
        (name, unions.get(pk, 0), totals[pk], Decimal(unions.get(pk, 0) * 100) / totals[pk])
        for pk, name in roots.items()
        if totals.get(pk)
    ]
    if len(rows) < 2:
        return None
    rows.sort(key=lambda row: (-row[3], row[0]))
    text = [share_text(n, total) for _name, n, total, _share in rows]
    best, worst = rows[0], rows[-1]
    return ChartSpec(
        key="zones-union-coverage",
        title=f"So sánh các khu: tỷ lệ doanh nghiệp có công đoàn cơ sở (đến hết năm {year})",
        labels=[name for name, *_rest in rows],
        series=[Series(label="% doanh nghiệp", values=[float(share) for *_rest, share in rows])],
        summary=(
            f"Cao nhất {best[0]} ({text[0]}), thấp nhất {worst[0]} ({text[-1]}), trên {len(rows)} khu có doanh nghiệp."
        ),
        unit="%",
        table=[[name, f"{n}/{total} ({share})"] for (name, n, total, _s), share in zip(rows, text, strict=True)],
    )

"""Reads of reports. The joint report is read by every signed-in user of the programme; a block is reachable for
writing only by the body that drafts it (and the secretariat that compiles the report): anything else is a 404.

`report_inputs` loads everything the builder needs in a fixed number of queries, whatever the number of records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.replica import from_replica, replica_reads
from phoihop.planning.permissions import can_view_planning, own_scope
from phoihop.reports import placeholders
from phoihop.reports.choices import SectionKind
from phoihop.reports.models import (
    Listing,
    ListingEntry,
    RenderJob,
    Report,
    ReportBlock,
    ReportFigure,
    ReportIssuer,
    ReportSection,
)
from phoihop.reports.permissions import writes_every_block

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.indicators.progress import PlanProgress, ProvenanceRow
    from phoihop.planning.models import Document, Plan, PlanItem


def reports_visible_to(user: User) -> QuerySet[Report]:
    if not can_view_planning(user):
        return Report.objects.none()
    return Report.objects.select_related("plan", "plan__document", "plan__programme")


def list_reports(*, user: User) -> QuerySet[Report]:
    return from_replica(reports_visible_to(user)).order_by("-plan__year", "kind", "pk")


def get_report(*, user: User, pk: int) -> Report:
    return get_object_or_404(reports_visible_to(user), pk=pk)


def report_for_year(*, year: int, user: User | None = None) -> Report | None:
    queryset = reports_visible_to(user) if user is not None else Report.objects.select_related("plan")
    return queryset.filter(plan__year=year).order_by("kind", "pk").first()


def issuers_of(report: Report) -> list[ReportIssuer]:
    return list(report.issuers.select_related("agency", "confirmed_by", "signed_off_by").order_by("position", "pk"))


def get_issuer(*, user: User, report: Report, pk: int) -> ReportIssuer:
    if not can_view_planning(user):
        return get_object_or_404(ReportIssuer.objects.none(), pk=pk)
    return get_object_or_404(report.issuers.select_related("agency", "report"), pk=pk)


def sections_of(report: Report) -> list[ReportSection]:
    blocks = ReportBlock.objects.select_related("owner_agency").order_by("position", "pk")
    return list(
        report.sections.select_related("area")
        .prefetch_related(Prefetch("blocks", queryset=blocks))
        .order_by("position")
    )


def blocks_editable_by(user: User) -> QuerySet[ReportBlock]:
    """Blocks the user drafts: their body's (and its units'); the secretariat and the administrator compile the
    report and reach every block. Another body's block is a 404, not a 403."""
    queryset = ReportBlock.objects.select_related("section", "section__report", "section__report__plan", "owner_agency")
    if not can_view_planning(user):
        return queryset.none()
    if writes_every_block(user):
        return queryset
    return queryset.filter(owner_agency_id__in=own_scope(user))


def get_block(*, user: User, pk: int) -> ReportBlock:
    return get_object_or_404(blocks_editable_by(user), pk=pk)


def get_section(*, user: User, report: Report, pk: int) -> ReportSection:
    if not can_view_planning(user):
        return get_object_or_404(ReportSection.objects.none(), pk=pk)
    return get_object_or_404(report.sections.select_related("area", "report"), pk=pk)


def blocks_of(report: Report) -> QuerySet[ReportBlock]:
    """Every block of the report, in reading order (everyone of the programme reads the report)."""
    return ReportBlock.objects.filter(section__report=report).order_by("section__position", "position", "pk")


def get_listing_entry(*, user: User, pk: int) -> ListingEntry:
    """A record's own sentence in a listing; 404 for someone who does not read reports."""
    if not can_view_planning(user):
        return get_object_or_404(ListingEntry.objects.none(), pk=pk)
    return get_object_or_404(ListingEntry.objects.select_related("listing__report"), pk=pk)


def listings_of(report: Report) -> QuerySet[Listing]:
    return report.listings.select_related("agency", "owner_agency").prefetch_related(
        Prefetch("entries", queryset=ListingEntry.objects.order_by("position", "pk"))
    )


def get_listing(*, user: User, pk: int) -> Listing:
    if not can_view_planning(user):
        return get_object_or_404(Listing.objects.none(), pk=pk)
    return get_object_or_404(Listing.objects.select_related("report", "report__plan", "agency", "owner_agency"), pk=pk)


def figures_of(report: Report) -> QuerySet[ReportFigure]:
    return report.figures.select_related("target", "target__indicator", "target__agency").order_by("name")


def get_figure(*, user: User, pk: int) -> ReportFigure:
    if not can_view_planning(user):
        return get_object_or_404(ReportFigure.objects.none(), pk=pk)
    return get_object_or_404(ReportFigure.objects.select_related("report", "target__indicator"), pk=pk)


def jobs_of(report: Report) -> QuerySet[RenderJob]:
    return report.jobs.select_related("requested_by").order_by("-created_at", "-pk")


def get_job(*, user: User, pk: int) -> RenderJob:
    if not can_view_planning(user):
        return get_object_or_404(RenderJob.objects.none(), pk=pk)
    return get_object_or_404(RenderJob.objects.select_related("report", "report__plan"), pk=pk)


# --- What placeholders may name -------------------------------------------------------------------------------


def vocabulary_for(report: Report, *, section: ReportSection | None = None) -> placeholders.Vocabulary:
    """The names blocks of this report may use (four queries): its figure names, the plan's indicator lines, its
    listings and the document registry."""
    from phoihop.indicators.models import Target
    from phoihop.planning.models import Document

    lines: dict[str, list[tuple[int, str]]] = {}
    for target_id, code, body in (
        Target.objects.filter(plan_id=report.plan_id)
        .order_by("position", "pk")
        .values_list("pk", "indicator__code", "agency__name")
    ):
        lines.setdefault(code, []).append((target_id, body or ""))
    return placeholders.Vocabulary(
        figures=dict(report.figures.values_list("name", "target_id")),
        indicators=lines,
        listings=list(report.listings.values_list("key", flat=True)),
        documents=dict(Document.objects.values_list("reference_key", "number")),
        has_plan_document=report.plan.document_id is not None,
        tasks_allowed=section is not None and section.kind == SectionKind.NEXT_AREA,
    )


# --- Everything the builder reads -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInputs:
    report: Report
    plan: Plan
    issuers: tuple[ReportIssuer, ...]
    sections: tuple[ReportSection, ...]
    figures: tuple[ReportFigure, ...]
    listings: tuple[Listing, ...]
    progress: PlanProgress
    provenance: dict[int, tuple[ProvenanceRow, ...]]  # target id -> the rows its actual is made of
    items: tuple[PlanItem, ...]
    next_plan: Plan | None
    next_items: tuple[PlanItem, ...]
    documents: dict[str, Document]
    scopes: dict[int, frozenset[int]]


def _referenced_documents(texts: Iterable[str]) -> set[str]:
    from phoihop.planning.citation import reference_key, split_reference

    keys: set[str] = set()
    for text in texts:
        try:
            parsed = placeholders.parse(text)
        except ValidationError:  # a block saved before a syntax rule changed: the builder reports it
            continue
        keys.update(reference_key(*split_reference(ref.name)) for ref in parsed.refs if ref.kind == "document")
    return keys


def report_inputs(
    report: Report, *, today: dt.date | None = None, approved_only: bool = False, with_provenance: bool = True
) -> ReportInputs:
    """One pass over the database for a build: a fixed number of queries, whatever the number of reported values,
    records, blocks or listings (listings add one or two queries each, in their own builder step). `approved_only`:
    reported values count only once approved (the report's data policy when it is signed). Read from the replica
    when there is one and nothing was written before in the request (core/replica.py)."""
    with replica_reads():
        return _report_inputs(report, today=today, approved_only=approved_only, with_provenance=with_provenance)


def _report_inputs(
    report: Report, *, today: dt.date | None, approved_only: bool, with_provenance: bool
) -> ReportInputs:
    from phoihop.core.vnformat import Rounding
    from phoihop.directory.selectors import agency_scopes
    from phoihop.indicators.selectors import plan_progress
    from phoihop.planning.models import Document, Plan
    from phoihop.planning.selectors import plan_items

    report = Report.objects.select_related(
        "plan", "plan__document", "plan__document__issuer_agency", "plan__programme"
    ).get(pk=report.pk)
    plan = report.plan
    sections = tuple(sections_of(report))
    listings = tuple(listings_of(report))
    texts = [block.text for section in sections for block in section.blocks.all()]
    texts += [listing.intro for listing in listings]
    keys = _referenced_documents(texts)
    documents: dict[str, Document] = {}
    if keys:
        found = Document.objects.filter(reference_key__in=keys).select_related("issuer_agency")
        documents = {doc.reference_key: doc for doc in found}
    next_plan = Plan.objects.filter(year=plan.year + 1).first()
    scopes = agency_scopes()
    # The lines, with the rows each figure is made of when asked, computed once (a fixed number of queries).
    progress = plan_progress(
        plan=plan,
        rounding=Rounding(report.rounding),
        as_of=today,
        approved_only=approved_only,
        with_provenance=with_provenance,
    )
    return ReportInputs(
        report=report,
        plan=plan,
        issuers=tuple(issuers_of(report)),
        sections=sections,
        figures=tuple(figures_of(report)),
        listings=listings,
        progress=progress,
        provenance={line.target_id: line.provenance for line in progress.lines if line.target_id is not None},
        items=tuple(plan_items(plan)),
        next_plan=next_plan,
        next_items=tuple(plan_items(next_plan)) if next_plan is not None else (),
        documents=documents,
        scopes=scopes,
    )

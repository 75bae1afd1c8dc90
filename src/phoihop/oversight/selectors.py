"""Reads of inspections. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.audit import object_type_of
from phoihop.core.errors import field_error
from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.directory.records import OwnedRecords, sort_keys
from phoihop.oversight.choices import FollowUpStatus
from phoihop.oversight.filters import FollowUpFilter, InspectionFilter
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionTopic
from phoihop.oversight.permissions import can_view_inspections

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def _count(queryset: QuerySet[Any], link: str) -> Coalesce:
    """A correlated COUNT(*) subquery: several of them on one row never multiply each other as joins would."""
    counted = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _open_overdue(today: Any) -> QuerySet[FollowUpAction]:
    return FollowUpAction.objects.filter(due_date__lt=today).exclude(status__in=FollowUpStatus.closed())


def _at_enterprise(word: str) -> Exists:
    """A word matching the name of an enterprise the inspection visited."""
    through = Inspection.enterprises.through
    return Exists(through.objects.filter(inspection_id=OuterRef("pk"), enterprise__search_text__contains=word))


def _with_counts(queryset: QuerySet[Inspection]) -> QuerySet[Inspection]:
    return queryset.annotate(
        enterprise_count=_count(Inspection.enterprises.through.objects.all(), "inspection_id"),
        finding_count=_count(Finding.objects.all(), "inspection_id"),
        noncompliant_count=_count(Finding.objects.filter(compliant=False), "inspection_id"),
        overdue_count=_count(_open_overdue(timezone.localdate()), "inspection_id"),
    ).prefetch_related("topics")


INSPECTIONS = OwnedRecords(
    model=Inspection,
    filter=InspectionFilter,
    can_view=can_view_inspections,
    related=("owner_agency",),
    # The title, the basis and the names of the enterprises visited: "lg display" finds the supervisions that
    # visited LG Display.
    search=("search_text", _at_enterprise),
    sorts=sort_keys(
        {"start_date": "start_date", "title": "title", "owner": "owner_agency__name", "enterprises": "enterprise_count"}
    ),
    default_sort="-start_date",
    listed=_with_counts,
)
inspections_visible_to = INSPECTIONS.visible_to
list_inspections = INSPECTIONS.list
get_inspection = INSPECTIONS.get


def findings_visible_to(user: User) -> QuerySet[Finding]:
    return INSPECTIONS.scoped(Finding.objects.all(), user, via="inspection")


def follow_ups_visible_to(user: User) -> QuerySet[FollowUpAction]:
    return INSPECTIONS.scoped(FollowUpAction.objects.all(), user, via="inspection")


def topics_visible_to(user: User) -> QuerySet[InspectionTopic]:
    if not can_view_inspections(user):
        return InspectionTopic.objects.none()
    return InspectionTopic.objects.all()


def active_topics(user: User) -> QuerySet[InspectionTopic]:
    return topics_visible_to(user).filter(is_active=True)


def topic_choices(*, inspection: Inspection | None = None) -> QuerySet[InspectionTopic]:
    """The topics an inspection form offers: the active ones, plus those the inspection already names (a retired
    topic stays on the records that used it)."""
    topics = InspectionTopic.objects.filter(is_active=True)
    if inspection is not None and inspection.pk:
        topics = topics | inspection.topics.all()
    return topics.distinct().order_by("position", "name")


def topics_by_code(codes: list[str]) -> list[InspectionTopic]:
    """Topics of the managed list by their stable codes, in the order given (reference data: no user scope)."""
    found = {topic.code: topic for topic in InspectionTopic.objects.filter(code__in=codes)}
    missing = [code for code in codes if code not in found]
    if missing:
        raise field_error(
            "topics", _("Không có nội dung mang mã: %(codes)s.") % {"codes": ", ".join(missing)}, "unknown_topic"
        )
    return [found[code] for code in codes]


def get_inspection_detail(*, user: User, pk: int) -> Inspection:
    """The inspection with everything its page shows, in a fixed number of queries."""
    queryset = inspections_visible_to(user).prefetch_related(
        "partner_agencies",
        "topics",
        "plan_items",
        Prefetch("enterprises", queryset=Enterprise.objects.select_related("zone").order_by("name")),
        Prefetch("findings", queryset=Finding.objects.select_related("enterprise", "topic")),
        Prefetch("follow_ups", queryset=FollowUpAction.objects.select_related("enterprise")),
    )
    return get_object_or_404(queryset, pk=pk)


def findings_of(*, user: User, inspection: Inspection) -> QuerySet[Finding]:
    return findings_visible_to(user).filter(inspection=inspection).select_related("enterprise", "topic")


def get_finding(*, user: User, pk: int) -> Finding:
    queryset = findings_visible_to(user).select_related("inspection", "inspection__owner_agency", "enterprise", "topic")
    return get_object_or_404(queryset, pk=pk)


def follow_ups_of(*, user: User, inspection: Inspection) -> QuerySet[FollowUpAction]:
    return follow_ups_visible_to(user).filter(inspection=inspection).select_related("enterprise")


def get_follow_up(*, user: User, pk: int) -> FollowUpAction:
    queryset = follow_ups_visible_to(user).select_related("inspection", "inspection__owner_agency", "enterprise")
    return get_object_or_404(queryset, pk=pk)


def overdue_follow_ups(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[FollowUpAction]:
    """Follow-up actions still open after their due date, oldest first, of every body or (`scope=mine`) the user's."""
    overdue = follow_ups_visible_to(user).filter(due_date__lt=timezone.localdate())
    overdue = overdue.exclude(status__in=FollowUpStatus.closed())
    overdue = FollowUpFilter(params or {}, queryset=overdue, user=user).qs
    return overdue.select_related("inspection", "inspection__owner_agency", "enterprise").order_by("due_date", "pk")


def inspection_history(inspection: Inspection) -> QuerySet[AuditEvent]:
    """The inspection's own changes and those of its findings and follow-up actions, newest first. Uses the
    prefetched rows of `get_inspection_detail`, so it is one query."""
    finding_ids = [str(row.pk) for row in inspection.findings.all()]
    follow_up_ids = [str(row.pk) for row in inspection.follow_ups.all()]
    condition = Q(object_type=object_type_of(Inspection), object_id=str(inspection.pk))
    if finding_ids:
        condition |= Q(object_type=object_type_of(Finding), object_id__in=finding_ids)
    if follow_up_ids:
        condition |= Q(object_type=object_type_of(FollowUpAction), object_id__in=follow_up_ids)
    return AuditEvent.objects.filter(condition).select_related("actor", "agency")


# --- for the enterprise page: one query each ----------------------------------------------------------------------


def inspections_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[Inspection]:
    """Inspections and supervisions that visited the enterprise, newest first (one query)."""
    through = Inspection.enterprises.through
    visited = Exists(through.objects.filter(inspection_id=OuterRef("pk"), enterprise_id=enterprise.pk))
    return inspections_visible_to(user).filter(visited).order_by("-start_date", "-pk")


def findings_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[Finding]:
    """Every finding about the enterprise, with its inspection and topic (one query)."""
    return (
        findings_visible_to(user)
        .filter(enterprise_id=enterprise.pk)
        .select_related("inspection", "inspection__owner_agency", "topic")
        .order_by("-inspection__start_date", "topic__position", "pk")
    )


def follow_ups_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[FollowUpAction]:
    """Follow-up actions addressed to the enterprise (one query); `overdue` on each row flags the late ones."""
    return (
        follow_ups_visible_to(user)
        .filter(enterprise_id=enterprise.pk)
        .select_related("inspection", "inspection__owner_agency")
        .order_by("due_date", "pk")
    )


def get_topic(*, user: User, pk: int) -> InspectionTopic:
    return get_object_or_404(topics_visible_to(user), pk=pk)

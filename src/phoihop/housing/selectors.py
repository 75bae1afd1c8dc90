"""Reads of housing projects and their milestones. Every selector takes the user and returns only what that user
may see; progress is derived from milestones (`progress.compute_progress`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.audit import object_type_of
from phoihop.core.models import AuditEvent
from phoihop.directory.records import OwnedRecords, sort_keys
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.permissions import can_view_projects
from phoihop.housing.progress import ProjectProgress, compute_progress

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def _ordered_milestones() -> Prefetch[Any]:
    return Prefetch("milestones", queryset=Milestone.objects.order_by("date", "pk"))


PROJECTS = OwnedRecords(
    model=HousingProject,
    filter=ProjectFilter,
    can_view=can_view_projects,
    related=("owner_agency", "zone", "investor_enterprise", "part_of"),
    # Name, place and investor: "trang due" finds the Tràng Duệ projects.
    search=("search_text", "investor_enterprise__search_text", "zone__search_text"),
    sorts=sort_keys(
        {
            "name": "name",
            "kind": "kind",
            "capacity": "capacity",
            "apartments": "apartments",
            "district": "district",
            "owner": "owner_agency__short_code",
        }
    ),
    default_sort="name",
    tiebreak=("name", "pk"),
    listed=lambda queryset: queryset.prefetch_related(_ordered_milestones()),
)
projects_visible_to = PROJECTS.visible_to
list_projects = PROJECTS.list
get_project = PROJECTS.get


def milestones_visible_to(user: User) -> QuerySet[Milestone]:
    return PROJECTS.scoped(Milestone.objects.all(), user, via="project")


def get_project_detail(*, user: User, pk: int) -> HousingProject:
    queryset = projects_visible_to(user).prefetch_related(_ordered_milestones(), "plan_items", "parts")
    return get_object_or_404(queryset, pk=pk)


def get_milestone(*, user: User, pk: int) -> Milestone:
    queryset = milestones_visible_to(user).select_related("project", "project__owner_agency")
    return get_object_or_404(queryset, pk=pk)


def milestones_of(*, user: User, project: HousingProject) -> QuerySet[Milestone]:
    return milestones_visible_to(user).filter(project=project).order_by("date", "pk")


def progress_of(project: HousingProject) -> ProjectProgress:
    """The project's progress from its milestones (prefetched by `list_projects` and `get_project_detail`)."""
    return compute_progress(project, project.milestones.all())


def with_progress(projects: Iterable[HousingProject]) -> list[tuple[HousingProject, ProjectProgress]]:
    """Each project beside its progress (milestones prefetched: no query per row)."""
    return [(project, progress_of(project)) for project in projects]


def project_history(project: HousingProject) -> QuerySet[AuditEvent]:
    """The project's own changes and those of its milestones, newest first (prefetched milestones: one query)."""
    milestone_ids = [str(m.pk) for m in project.milestones.all()]
    condition = Q(object_type=object_type_of(HousingProject), object_id=str(project.pk))
    if milestone_ids:
        condition |= Q(object_type=object_type_of(Milestone), object_id__in=milestone_ids)
    return AuditEvent.objects.filter(condition).select_related("actor", "agency")


def milestones_in_period(
    *, user: User, start: dt.date, end: dt.date, kinds: Iterable[str] | None = None
) -> QuerySet[Milestone]:
    """Milestones dated within [start, end] with their projects (one query), in date order: "the housing projects
    with a groundbreaking in the period" is `kinds=[MilestoneKind.GROUNDBREAKING]`."""
    queryset = milestones_visible_to(user).filter(date__gte=start, date__lte=end)
    if kinds is not None:
        queryset = queryset.filter(kind__in=list(kinds))
    return queryset.select_related(
        "project", "project__zone", "project__investor_enterprise", "project__owner_agency"
    ).order_by("date", "project__name", "pk")


def housing_projects_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[HousingProject]:
    """Projects the enterprise invests in (one query). For their progress, add `.prefetch_related("milestones")`
    and call `progress_of` (one more query)."""
    return projects_visible_to(user).filter(investor_enterprise_id=enterprise.pk).order_by("name", "pk")

"""Reads of activities. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.activities.filters import ActivityFilter
from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant
from phoihop.activities.permissions import can_view_activities, read_scope
from phoihop.core.text import fold_vi
from phoihop.directory.models import Enterprise
from phoihop.planning.models import PlanItem

if TYPE_CHECKING:
    from phoihop.accounts.models import User

ACTIVITY_SORTS = {
    "date": "start_date",
    "-date": "-start_date",
    "title": "title",
    "-title": "-title",
    "kind": "kind",
    "-kind": "-kind",
    "owner": "owner_agency__name",
    "-owner": "-owner_agency__name",
}
DEFAULT_SORT = "-date"


def activities_visible_to(user: User) -> QuerySet[Activity]:
    if not can_view_activities(user):
        return Activity.objects.none()
    queryset = Activity.objects.select_related("owner_agency", "zone")
    scope = read_scope(user)
    if scope is not None:
        queryset = queryset.filter(owner_agency__in=scope)
    return queryset


def with_rows(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Participants and outputs in two queries, whatever the number of activities."""
    return queryset.prefetch_related(
        Prefetch("participants", queryset=ActivityParticipant.objects.order_by("pk")),
        Prefetch("outputs", queryset=ActivityOutput.objects.order_by("pk")),
    )


def search_activities(queryset: QuerySet[Activity], query: str) -> QuerySet[Activity]:
    """Diacritic-insensitive: "cho tet" finds "Chợ Tết Công đoàn 2023". Every word must match the title, series,
    place or zone."""
    for word in fold_vi(query).split():
        queryset = queryset.filter(Q(search_text__contains=word) | Q(zone__search_text__contains=word))
    return queryset


def list_activities(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Activity]:
    params = params or {}
    queryset = activities_visible_to(user)
    queryset = ActivityFilter(params, queryset=queryset, user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = search_activities(queryset, query)
    sort = ACTIVITY_SORTS.get(str(params.get("sort") or DEFAULT_SORT), ACTIVITY_SORTS[DEFAULT_SORT])
    return with_rows(queryset).order_by(sort, "-pk")


def with_details(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Everything a detail page or an API answer shows, in a fixed number of queries."""
    return with_links(with_rows(queryset))


def with_links(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Partner bodies, enterprises, plan items and attachments: one query each."""
    return queryset.prefetch_related(
        "partner_agencies",
        Prefetch("enterprises", queryset=Enterprise.objects.select_related("zone").order_by("name")),
        Prefetch("plan_items", queryset=PlanItem.objects.select_related("plan").order_by("plan__year", "number")),
        Prefetch("attachments", queryset=ActivityAttachment.objects.select_related("uploaded_by").order_by("pk")),
    )


def get_activity(*, user: User, pk: int) -> Activity:
    return get_object_or_404(with_details(activities_visible_to(user)), pk=pk)


def get_attachment(*, user: User, activity_pk: int, pk: int) -> ActivityAttachment:
    activity = get_object_or_404(activities_visible_to(user), pk=activity_pk)
    return get_object_or_404(ActivityAttachment.objects.select_related("activity"), activity=activity, pk=pk)


def activities_for_enterprise(*, user: User, enterprise: Enterprise, limit: int = 20) -> list[Activity]:
    """The latest activities that involved the enterprise, with their participants and outputs: three queries."""
    queryset = activities_visible_to(user).filter(
        pk__in=Activity.enterprises.through.objects.filter(enterprise_id=enterprise.pk).values("activity_id")
    )
    return list(with_rows(queryset).order_by("-start_date", "-pk")[:limit])

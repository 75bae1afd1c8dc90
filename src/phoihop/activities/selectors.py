"""Reads of activities. Every selector takes the user and returns only what that user may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.activities.filters import ActivityFilter
from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant
from phoihop.activities.permissions import can_view_activities
from phoihop.directory.models import Enterprise
from phoihop.directory.records import OwnedRecords, sort_keys
from phoihop.planning.models import PlanItem

if TYPE_CHECKING:
    from phoihop.accounts.models import User


def with_rows(queryset: QuerySet[Activity]) -> QuerySet[Activity]:
    """Participants and outputs in two queries, whatever the number of activities."""
    return queryset.prefetch_related(
        Prefetch("participants", queryset=ActivityParticipant.objects.order_by("pk")),
        Prefetch("outputs", queryset=ActivityOutput.objects.order_by("pk")),
    )


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


ACTIVITIES = OwnedRecords(
    model=Activity,
    filter=ActivityFilter,
    can_view=can_view_activities,
    related=("owner_agency", "zone"),
    # "cho tet" finds "Chợ Tết Công đoàn 2023": every word must match the title, series, place or zone.
    search=("search_text", "zone__search_text"),
    sorts=sort_keys({"date": "start_date", "title": "title", "kind": "kind", "owner": "owner_agency__name"}),
    default_sort="-date",
    listed=with_rows,
    details=with_details,
)
activities_visible_to = ACTIVITIES.visible_to
list_activities = ACTIVITIES.list
get_activity = ACTIVITIES.get


def get_attachment(*, user: User, activity_pk: int, pk: int) -> ActivityAttachment:
    activity = get_object_or_404(activities_visible_to(user), pk=activity_pk)
    return get_object_or_404(ActivityAttachment.objects.select_related("activity"), activity=activity, pk=pk)


def activities_for_enterprise(*, user: User, enterprise: Enterprise, limit: int = 20) -> list[Activity]:
    """The latest activities that involved the enterprise, with their participants and outputs: three queries."""
    queryset = activities_visible_to(user).filter(
        pk__in=Activity.enterprises.through.objects.filter(enterprise_id=enterprise.pk).values("activity_id")
    )
    return list(with_rows(queryset).order_by("-start_date", "-pk")[:limit])

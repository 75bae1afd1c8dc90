"""Reads of "Dân vận khéo" models and their awards. Every selector takes the user and returns only what that user
may see."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from phoihop.core.audit import object_type_of
from phoihop.core.models import AuditEvent
from phoihop.directory.records import OwnedRecords, sort_keys
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.models import Award, GoodPractice
from phoihop.practices.permissions import can_view_practices

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def _with_awards(queryset: QuerySet[GoodPractice]) -> QuerySet[GoodPractice]:
    """The list's award count (a correlated subquery, so it sorts) and the awards it shows."""
    awards = Award.objects.filter(practice_id=OuterRef("pk")).order_by().values("practice_id")
    return queryset.annotate(
        award_count=Coalesce(
            Subquery(awards.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), Value(0)
        )
    ).prefetch_related("awards__awarding_agency")


PRACTICES = OwnedRecords(
    model=GoodPractice,
    filter=PracticeFilter,
    can_view=can_view_practices,
    related=("owner_agency",),
    # Diacritic-insensitive: "eheza" finds the model on the eHeza system, "dan van kheo" every model that says so.
    search=("search_text",),
    sorts=sort_keys({"year": "year", "title": "title", "owner": "owner_agency__name", "awards": "award_count"}),
    default_sort="-year",
    tiebreak=("title", "pk"),
    listed=_with_awards,
)
practices_visible_to = PRACTICES.visible_to
list_practices = PRACTICES.list
get_practice = PRACTICES.get


def awards_visible_to(user: User) -> QuerySet[Award]:
    return PRACTICES.scoped(Award.objects.all(), user, via="practice")


def get_practice_detail(*, user: User, pk: int) -> GoodPractice:
    queryset = practices_visible_to(user).prefetch_related("awards__awarding_agency", "enterprises", "plan_items")
    return get_object_or_404(queryset, pk=pk)


def get_award(*, user: User, pk: int) -> Award:
    queryset = awards_visible_to(user).select_related("practice", "practice__owner_agency", "awarding_agency")
    return get_object_or_404(queryset, pk=pk)


def awards_of(*, user: User, practice: GoodPractice) -> QuerySet[Award]:
    return awards_visible_to(user).filter(practice=practice).select_related("awarding_agency")


def practice_history(practice: GoodPractice) -> QuerySet[AuditEvent]:
    """The model's own changes and those of its awards, newest first (uses the prefetched awards: one query)."""
    award_ids = [str(award.pk) for award in practice.awards.all()]
    condition = Q(object_type=object_type_of(GoodPractice), object_id=str(practice.pk))
    if award_ids:
        condition |= Q(object_type=object_type_of(Award), object_id__in=award_ids)
    return AuditEvent.objects.filter(condition).select_related("actor", "agency")


def practices_for_enterprise(*, user: User, enterprise: Enterprise) -> QuerySet[GoodPractice]:
    """ "Dân vận khéo" models applied at the enterprise, newest first (one query)."""
    through = GoodPractice.enterprises.through
    applied = Exists(through.objects.filter(goodpractice_id=OuterRef("pk"), enterprise_id=enterprise.pk))
    return practices_visible_to(user).filter(applied).order_by("-year", "title", "pk")

"""Reads of "Dân vận khéo" models and their awards. Every selector takes the user and returns only what that user
may see."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from phoihop.core.audit import object_type_of
from phoihop.core.models import AuditEvent
from phoihop.core.text import fold_vi
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.models import Award, GoodPractice
from phoihop.practices.permissions import can_view_practices, read_scope

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

PRACTICE_SORTS = {
    "year": "year",
    "-year": "-year",
    "title": "title",
    "-title": "-title",
    "owner": "owner_agency__name",
    "-owner": "-owner_agency__name",
    "awards": "award_count",
    "-awards": "-award_count",
}


def _scoped(queryset: QuerySet[Any], user: User, agency_path: str) -> QuerySet[Any]:
    """Rows whose owning body (reached through `agency_path`) the user may read."""
    if not can_view_practices(user):
        return queryset.none()
    scope = read_scope(user)
    if scope is not None:
        queryset = queryset.filter(**{f"{agency_path}__in": scope})
    return queryset


def practices_visible_to(user: User) -> QuerySet[GoodPractice]:
    return _scoped(GoodPractice.objects.select_related("owner_agency"), user, "owner_agency_id")


def awards_visible_to(user: User) -> QuerySet[Award]:
    return _scoped(Award.objects.all(), user, "practice__owner_agency_id")


def search_practices(queryset: QuerySet[GoodPractice], query: str) -> QuerySet[GoodPractice]:
    """Diacritic-insensitive: "eheza" finds the model on the eHeza system, "dan van kheo" every model that says so."""
    for word in fold_vi(query).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset


def list_practices(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[GoodPractice]:
    params = params or {}
    queryset = PracticeFilter(params, queryset=practices_visible_to(user), user=user).qs
    query = str(params.get("q") or "").strip()
    if query:
        queryset = search_practices(queryset, query)
    awards = Award.objects.filter(practice_id=OuterRef("pk")).order_by().values("practice_id")
    queryset = queryset.annotate(
        award_count=Coalesce(
            Subquery(awards.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), Value(0)
        )
    ).prefetch_related("awards__awarding_agency")
    sort = PRACTICE_SORTS.get(str(params.get("sort") or "-year"), "-year")
    return queryset.order_by(sort, "title", "pk")


def get_practice(*, user: User, pk: int) -> GoodPractice:
    return get_object_or_404(practices_visible_to(user), pk=pk)


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

"""Reads of the programme, its plans and the document registry. The plan is joint: every signed-in user of the
programme reads it; a user without an agency (other than the administrator) reads nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from phoihop.core.plugins import providers
from phoihop.core.text import fold_vi
from phoihop.core.vnformat import format_fraction
from phoihop.planning.choices import ItemStatus, PlanStatus
from phoihop.planning.citation import reference_key, split_reference
from phoihop.planning.filters import DocumentFilter
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme
from phoihop.planning.permissions import can_view_planning, home_scope

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.indicators.progress import PlanProgress


def documents_visible_to(user: User) -> QuerySet[Document]:
    if not can_view_planning(user):
        return Document.objects.none()
    return Document.objects.select_related("issuer_agency", "owner_agency")


def list_documents(*, user: User, params: Mapping[str, Any] | None = None) -> QuerySet[Document]:
    params = params or {}
    choices = {name: params.get(name) or "" for name in DocumentFilter.base_filters}
    queryset = DocumentFilter(choices, queryset=documents_visible_to(user)).qs
    for word in fold_vi(str(params.get("q") or "")).split():
        queryset = queryset.filter(search_text__contains=word)
    return queryset.order_by("-issued_on", "kind", "number", "pk")


def get_document(*, user: User, pk: int) -> Document:
    return get_object_or_404(documents_visible_to(user), pk=pk)


def find_document(*, user: User, reference: str) -> Document | None:
    """The registered document behind "02-KH/BDVTU-BQLKKT-LĐLĐTP" (case and spacing do not matter)."""
    number, symbol = split_reference(reference)
    return documents_visible_to(user).filter(reference_key=reference_key(number, symbol)).first()


def programmes_visible_to(user: User) -> QuerySet[Programme]:
    if not can_view_planning(user):
        return Programme.objects.none()
    return Programme.objects.select_related("document").prefetch_related("bodies")


def get_programme(*, user: User, pk: int) -> Programme:
    return get_object_or_404(programmes_visible_to(user), pk=pk)


def plans_visible_to(user: User) -> QuerySet[Plan]:
    if not can_view_planning(user):
        return Plan.objects.none()
    return Plan.objects.select_related("programme", "document")


def list_plans(*, user: User) -> QuerySet[Plan]:
    return (
        plans_visible_to(user)
        .annotate(
            item_total=Count("items", distinct=True),
            item_done=Count("items", filter=Q(items__status=ItemStatus.DONE), distinct=True),
        )
        .order_by("-year")
    )


def get_plan(*, user: User, pk: int) -> Plan:
    return get_object_or_404(plans_visible_to(user), pk=pk)


def plan_of_year(*, user: User, year: int) -> Plan | None:
    return plans_visible_to(user).filter(year=year).first()


def current_plan(*, user: User, today: dt.date | None = None) -> Plan | None:
    """The plan being carried out: the latest active one; failing that, the one whose period holds today; failing
    that, the latest plan."""
    plans = plans_visible_to(user)
    active = plans.filter(status=PlanStatus.ACTIVE).order_by("-year").first()
    if active is not None:
        return active
    if today is not None:
        running = plans.filter(period_start__lte=today, period_end__gte=today).first()
        if running is not None:
            return running
    return plans.order_by("-year").first()


def areas_of(plan: Plan) -> QuerySet[Area]:
    return plan.areas.order_by("number")


def items_visible_to(user: User) -> QuerySet[PlanItem]:
    if not can_view_planning(user):
        return PlanItem.objects.none()
    return PlanItem.objects.select_related(
        "plan", "area", "lead_agency", "carried_from", "carried_from__plan", "carried_to", "carried_to__plan"
    ).prefetch_related("partners", "documents")


def late_items(*, user: User, today: dt.date, params: Mapping[str, Any] | None = None) -> QuerySet[PlanItem]:
    """Plan items past their deadline and not done, earliest deadline first; `?don_vi=<id>` keeps the items one body
    leads (the home page's card links there with the user's own body)."""
    queryset = items_visible_to(user).filter(due_date__lt=today).exclude(status=ItemStatus.DONE)
    agency = str((params or {}).get("don_vi") or "")
    if agency.isdigit():
        queryset = queryset.filter(lead_agency_id=int(agency))
    return queryset.order_by("due_date", "plan__year", "number")


def plan_item_choices() -> QuerySet[PlanItem]:
    """The items a record form offers to link, newest plan first. The plan is joint: every member reads it."""
    return PlanItem.objects.select_related("plan").order_by("-plan__year", "number")


def linkable_plan_items(*, user: User) -> QuerySet[PlanItem]:
    """The items an API payload may link to, by id: those the user reads (no joins: the caller only checks ids)."""
    if not can_view_planning(user):
        return PlanItem.objects.none()
    return PlanItem.objects.all()


def document_choices() -> QuerySet[Document]:
    """The documents a record form offers, newest first."""
    return Document.objects.order_by("-issued_on", "number")


def registered_documents() -> QuerySet[Document]:
    """The register in its own order (newest first, by kind and number)."""
    return Document.objects.all()


def get_item(*, user: User, pk: int) -> PlanItem:
    return get_object_or_404(items_visible_to(user), pk=pk)


def areas_visible_to(user: User) -> QuerySet[Area]:
    if not can_view_planning(user):
        return Area.objects.none()
    return Area.objects.all()


def get_area(*, user: User, pk: int) -> Area:
    return get_object_or_404(areas_visible_to(user).select_related("plan"), pk=pk)


def area_choices(*, plan: Plan | None) -> QuerySet[Area]:
    """The areas a form offers: those of the plan, or none while there is no plan to choose from."""
    return Area.objects.none() if plan is None else areas_of(plan)


@dataclass(frozen=True)
class ItemCount:
    done: int
    total: int

    @property
    def text(self) -> str:
        """ "19/20", as the report writes it."""
        return format_fraction(self.done, self.total)

    @property
    def not_done(self) -> int:
        return self.total - self.done


@dataclass(frozen=True)
class AreaItems:
    area: Area
    items: tuple[PlanItem, ...]


@dataclass(frozen=True)
class PlanOverview:
    """The plan page: items grouped by area, the count of items done, and the indicators' progress."""

    plan: Plan
    areas: tuple[AreaItems, ...]
    items: ItemCount
    progress: PlanProgress | None


def item_count(items: list[PlanItem] | QuerySet[PlanItem]) -> ItemCount:
    rows = list(items)
    return ItemCount(done=sum(1 for item in rows if item.status == ItemStatus.DONE), total=len(rows))


def plan_items(plan: Plan, *, with_documents: bool = False) -> list[PlanItem]:
    """The plan's items with what their rows show; `with_documents` also reads each item's documents (the API lists
    their ids), in one more query rather than one per item."""
    items = plan.items.select_related("lead_agency", "area", "carried_from__plan", "carried_to__plan")
    prefetch: list[str | Prefetch[Any]] = [Prefetch("partners")] + (["documents"] if with_documents else [])
    return list(items.prefetch_related(*prefetch).order_by("area__number", "number"))


def plan_overview(*, user: User, plan: Plan, as_of: dt.date | None = None) -> PlanOverview:
    """Everything the plan page shows, in a fixed number of queries. The indicator lines come from the indicators
    app when it is installed (core/plugins.py), so planning does not depend on it."""
    plan_progress = providers.get("plan_progress")
    items = plan_items(plan)
    grouped: dict[int, list[PlanItem]] = {}
    for item in items:
        grouped.setdefault(item.area_id, []).append(item)
    areas = tuple(AreaItems(area=area, items=tuple(grouped.get(area.pk, []))) for area in areas_of(plan))
    return PlanOverview(
        plan=plan,
        areas=areas,
        items=item_count(items),
        progress=plan_progress(plan=plan, as_of=as_of) if plan_progress else None,
    )


@dataclass(frozen=True)
class HomeSummary:
    plan: Plan | None
    items: ItemCount | None
    body_items: ItemCount | None
    progress: PlanProgress | None


def home_summary(*, user: User, today: dt.date | None = None) -> HomeSummary:
    """The current plan's progress for the user's body: items it leads or partners in, and its indicator lines."""
    body_progress = providers.get("body_progress")
    plan = current_plan(user=user, today=today)
    if plan is None:
        return HomeSummary(plan=None, items=None, body_items=None, progress=None)
    items = plan_items(plan)
    scope = home_scope(user)
    if scope is None:
        body_items = None
    else:
        body_items = item_count(
            [
                item
                for item in items
                if item.lead_agency_id in scope or any(partner.pk in scope for partner in item.partners.all())
            ]
        )
    return HomeSummary(
        plan=plan,
        items=item_count(items),
        body_items=body_items,
        progress=body_progress(user=user, plan=plan, as_of=today) if body_progress else None,
    )

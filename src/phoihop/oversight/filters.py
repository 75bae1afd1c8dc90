from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import OwnedRecordFilter, OwnerScopeFilter
from phoihop.directory.models import Agency, Enterprise
from phoihop.oversight.choices import FollowUpStatus, InspectionKind
from phoihop.oversight.models import FollowUpAction, Inspection, InspectionTopic


class InspectionFilter(OwnedRecordFilter):
    kind = django_filters.ChoiceFilter(label=_("Hình thức"), choices=InspectionKind.choices, empty_label=_("Tất cả"))
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Cơ quan chủ trì"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Nội dung"),
        queryset=InspectionTopic.objects.order_by("position", "name"),
        method="filter_topic",
        empty_label=_("Tất cả"),
    )
    enterprise = django_filters.ModelChoiceFilter(
        label=_("Doanh nghiệp"), queryset=Enterprise.objects.all(), method="filter_enterprise"
    )
    year = django_filters.NumberFilter(label=_("Năm"), field_name="start_date", lookup_expr="year")
    overdue = django_filters.BooleanFilter(label=_("Có việc quá hạn"), method="filter_overdue")

    class Meta:
        model = Inspection
        fields = ["kind", "owner_agency", "year"]

    def filter_topic(self, queryset: Any, name: str, value: InspectionTopic | None) -> Any:
        if value is None:
            return queryset
        through = Inspection.topics.through
        return queryset.filter(Exists(through.objects.filter(inspection_id=OuterRef("pk"), inspectiontopic=value)))

    def filter_enterprise(self, queryset: Any, name: str, value: Enterprise | None) -> Any:
        if value is None:
            return queryset
        through = Inspection.enterprises.through
        return queryset.filter(Exists(through.objects.filter(inspection_id=OuterRef("pk"), enterprise=value)))

    def filter_overdue(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        overdue = Exists(
            FollowUpAction.objects.filter(inspection_id=OuterRef("pk"), due_date__lt=timezone.localdate()).exclude(
                status__in=FollowUpStatus.closed()
            )
        )
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class FollowUpFilter(django_filters.FilterSet):
    """The overdue list's one choice: every body's follow-up actions or those of the user's own inspections."""

    scope = OwnerScopeFilter(field_name="inspection__owner_agency_id")

    class Meta:
        model = FollowUpAction
        fields: list[str] = []

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

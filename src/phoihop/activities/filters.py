from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import ActivityKind
from phoihop.activities.models import Activity
from phoihop.directory.filters import OwnerScopeFilter
from phoihop.directory.models import Agency, Zone


class ActivityFilter(django_filters.FilterSet):
    scope = OwnerScopeFilter()
    kind = django_filters.ChoiceFilter(label=_("Loại hoạt động"), choices=ActivityKind.choices, empty_label=_("Tất cả"))
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị tổ chức"),
        queryset=Agency.objects.order_by("name"),
        method="filter_owner_agency",
        empty_label=_("Tất cả"),
    )
    zone = django_filters.ModelChoiceFilter(
        label=_("Khu"), queryset=Zone.objects.order_by("name"), method="filter_zone", empty_label=_("Tất cả các khu")
    )
    year = django_filters.NumberFilter(label=_("Năm"), field_name="start_date", lookup_expr="year")
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="start_date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="start_date", lookup_expr="lte")
    enterprise = django_filters.NumberFilter(label=_("Doanh nghiệp"), method="filter_enterprise")
    series = django_filters.CharFilter(label=_("Chuỗi hoạt động"), field_name="series")
    plan_item = django_filters.NumberFilter(label=_("Nội dung phối hợp"), field_name="plan_items")

    class Meta:
        model = Activity
        fields = ["kind", "owner_agency", "zone", "year", "date_from", "date_to", "enterprise", "series", "plan_item"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_owner_agency(self, queryset: Any, name: str, value: Agency | None) -> Any:
        # An organising body's activities include those its units organised.
        if value is None:
            return queryset
        from phoihop.directory.selectors import agency_scope_ids

        return queryset.filter(owner_agency__in=agency_scope_ids(value))

    def filter_zone(self, queryset: Any, name: str, value: Zone | None) -> Any:
        # An economic zone also covers the parks inside it.
        if value is None:
            return queryset
        return queryset.filter(Q(zone=value) | Q(zone__parent=value))

    def filter_enterprise(self, queryset: Any, name: str, value: Any) -> Any:
        if value in (None, ""):
            return queryset
        return queryset.filter(
            pk__in=Activity.enterprises.through.objects.filter(enterprise_id=value).values("activity_id")
        )

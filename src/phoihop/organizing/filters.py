from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnerScopeFilter
from phoihop.directory.models import Agency, Zone
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding


class FoundingFilter(django_filters.FilterSet):
    scope = OwnerScopeFilter()
    kind = django_filters.ChoiceFilter(label=_("Tổ chức"), choices=FoundingKind.choices, empty_label=_("Tất cả"))
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị thành lập"),
        queryset=Agency.objects.order_by("name"),
        method="filter_owner_agency",
        empty_label=_("Tất cả"),
    )
    zone = django_filters.ModelChoiceFilter(
        label=_("Khu"), queryset=Zone.objects.order_by("name"), method="filter_zone", empty_label=_("Tất cả các khu")
    )
    ownership = django_filters.ChoiceFilter(
        label=_("Loại hình doanh nghiệp"),
        field_name="enterprise__ownership",
        choices=Ownership.choices,
        empty_label=_("Tất cả"),
    )
    year = django_filters.NumberFilter(label=_("Năm"), field_name="founded_on", lookup_expr="year")
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="founded_on", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="founded_on", lookup_expr="lte")
    enterprise = django_filters.NumberFilter(label=_("Doanh nghiệp"), field_name="enterprise")
    plan_item = django_filters.NumberFilter(label=_("Nội dung phối hợp"), field_name="plan_items")

    class Meta:
        model = Founding
        fields = [
            "kind",
            "owner_agency",
            "zone",
            "ownership",
            "year",
            "date_from",
            "date_to",
            "enterprise",
            "plan_item",
        ]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_owner_agency(self, queryset: Any, name: str, value: Agency | None) -> Any:
        if value is None:
            return queryset
        from phoihop.directory.selectors import agency_scope_ids

        return queryset.filter(owner_agency__in=agency_scope_ids(value))

    def filter_zone(self, queryset: Any, name: str, value: Zone | None) -> Any:
        if value is None:
            return queryset
        return queryset.filter(Q(enterprise__zone=value) | Q(enterprise__zone__parent=value))

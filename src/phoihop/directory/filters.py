from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import Ownership
from phoihop.directory.models import Agency, Enterprise, Zone


class EnterpriseFilter(django_filters.FilterSet):
    zone = django_filters.ModelChoiceFilter(
        label=_("Khu"),
        queryset=Zone.objects.order_by("name"),
        method="filter_zone",
        empty_label=_("Tất cả các khu"),
    )
    ownership = django_filters.ChoiceFilter(label=_("Loại hình"), choices=Ownership.choices, empty_label=_("Tất cả"))
    fdi = django_filters.BooleanFilter(label=_("Chỉ doanh nghiệp FDI"), method="filter_fdi")
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị quản lý"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )

    class Meta:
        model = Enterprise
        fields = ["zone", "ownership", "owner_agency"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_zone(self, queryset: Any, name: str, value: Zone | None) -> Any:
        # An economic zone also covers the parks inside it.
        if value is None:
            return queryset
        return queryset.filter(Q(zone=value) | Q(zone__parent=value))

    def filter_fdi(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        if value:
            return queryset.filter(ownership__in=Ownership.fdi())
        return queryset.exclude(ownership__in=Ownership.fdi())

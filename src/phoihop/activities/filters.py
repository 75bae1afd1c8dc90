from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import ActivityKind
from phoihop.activities.models import Activity
from phoihop.directory.filters import OwnedRecordFilter, OwnerAgencyFilter, ZoneFilter


class ActivityFilter(OwnedRecordFilter):
    kind = django_filters.ChoiceFilter(label=_("Loại hoạt động"), choices=ActivityKind.choices, empty_label=_("Tất cả"))
    # An organising body's activities include those its units organised.
    owner_agency = OwnerAgencyFilter(label=_("Đơn vị tổ chức"))
    zone = ZoneFilter()
    year = django_filters.NumberFilter(label=_("Năm"), field_name="start_date", lookup_expr="year")
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="start_date", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="start_date", lookup_expr="lte")
    enterprise = django_filters.NumberFilter(label=_("Doanh nghiệp"), method="filter_enterprise")
    series = django_filters.CharFilter(label=_("Chuỗi hoạt động"), field_name="series")
    plan_item = django_filters.NumberFilter(label=_("Nội dung phối hợp"), field_name="plan_items")

    class Meta:
        model = Activity
        fields = ["kind", "owner_agency", "zone", "year", "date_from", "date_to", "enterprise", "series", "plan_item"]

    def filter_enterprise(self, queryset: Any, name: str, value: Any) -> Any:
        if value in (None, ""):
            return queryset
        return queryset.filter(
            pk__in=Activity.enterprises.through.objects.filter(enterprise_id=value).values("activity_id")
        )

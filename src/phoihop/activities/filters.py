from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import ActivityKind
from phoihop.activities.models import Activity
from phoihop.directory.filters import OwnedRecordFilter, OwnerAgencyFilter, ZoneFilter, year_and_dates


class ActivityFilter(OwnedRecordFilter):
    kind = django_filters.ChoiceFilter(label=_("Loại hoạt động"), choices=ActivityKind.choices, empty_label=_("Tất cả"))
    # An organising body's activities include those its units organised.
    owner_agency = OwnerAgencyFilter(label=_("Đơn vị tổ chức"))
    zone = ZoneFilter()
    year, date_from, date_to = year_and_dates("start_date")
    enterprise = django_filters.NumberFilter(label=_("Doanh nghiệp"), method="filter_enterprise")
    series = django_filters.CharFilter(label=_("Chuỗi hoạt động"), field_name="series")
    plan_item = django_filters.NumberFilter(label=_("Nội dung phối hợp"), field_name="plan_items")

    def filter_enterprise(self, queryset: Any, name: str, value: Any) -> Any:
        if value in (None, ""):
            return queryset
        return queryset.filter(
            pk__in=Activity.enterprises.through.objects.filter(enterprise_id=value).values("activity_id")
        )

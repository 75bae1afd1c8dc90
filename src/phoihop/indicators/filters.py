from __future__ import annotations

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import OwnerScopeFilter
from phoihop.indicators.choices import PeriodType
from phoihop.indicators.models import ReportedValue


class ReportedValueFilter(django_filters.FilterSet):
    """The choice filters of the value list. Plan, indicator and body are plain ids read by the selector, so a
    stale or foreign id narrows to nothing instead of costing a query to validate."""

    scope = OwnerScopeFilter(field_name="agency_id")
    period_type = django_filters.ChoiceFilter(label=_("Loại kỳ"), choices=PeriodType.choices, empty_label=_("Tất cả"))
    # A period counts when it overlaps the dates asked: "from 1 July" keeps the third quarter and the year.
    date_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="period_end", lookup_expr="gte")
    date_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="period_start", lookup_expr="lte")

    class Meta:
        model = ReportedValue
        fields = ["period_type"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

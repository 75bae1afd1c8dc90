from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.indicators.choices import PeriodType
from phoihop.indicators.models import ReportedValue


class ReportedValueFilter(django_filters.FilterSet):
    """The choice filters of the value list. Plan, indicator and body are plain ids read by the selector, so a
    stale or foreign id narrows to nothing instead of costing a query to validate."""

    period_type = django_filters.ChoiceFilter(label=_("Loại kỳ"), choices=PeriodType.choices, empty_label=_("Tất cả"))

    class Meta:
        model = ReportedValue
        fields = ["period_type"]

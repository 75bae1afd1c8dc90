from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import OwnedRecordFilter
from phoihop.directory.models import Agency
from phoihop.practices.choices import AwardLevel, PracticeField, PracticeStatus
from phoihop.practices.models import Award, GoodPractice


class PracticeFilter(OwnedRecordFilter):
    year = django_filters.NumberFilter(label=_("Năm"))
    field = django_filters.ChoiceFilter(label=_("Lĩnh vực"), choices=PracticeField.choices, empty_label=_("Tất cả"))
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=PracticeStatus.choices, empty_label=_("Tất cả"))
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị xây dựng"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )
    award_level = django_filters.ChoiceFilter(
        label=_("Được khen thưởng"), choices=AwardLevel.choices, method="filter_award_level", empty_label=_("Tất cả")
    )
    awarded = django_filters.BooleanFilter(label=_("Đã được khen thưởng"), method="filter_awarded")

    class Meta:
        model = GoodPractice
        fields = ["year", "field", "status", "owner_agency"]

    def filter_award_level(self, queryset: Any, name: str, value: str | None) -> Any:
        if not value:
            return queryset
        return queryset.filter(Exists(Award.objects.filter(practice_id=OuterRef("pk"), level=value)))

    def filter_awarded(self, queryset: Any, name: str, value: bool | None) -> Any:
        if value is None:
            return queryset
        awarded = Exists(Award.objects.filter(practice_id=OuterRef("pk")))
        return queryset.filter(awarded) if value else queryset.exclude(awarded)

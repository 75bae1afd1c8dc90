from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnedRecordFilter, OwnerAgencyFilter, ZoneFilter, year_and_dates
from phoihop.organizing.choices import FoundingKind


class FoundingFilter(OwnedRecordFilter):
    kind = django_filters.ChoiceFilter(label=_("Tổ chức"), choices=FoundingKind.choices, empty_label=_("Tất cả"))
    owner_agency = OwnerAgencyFilter(label=_("Đơn vị thành lập"))
    zone = ZoneFilter(field_name="enterprise__zone")
    ownership = django_filters.ChoiceFilter(
        label=_("Loại hình doanh nghiệp"),
        field_name="enterprise__ownership",
        choices=Ownership.choices,
        empty_label=_("Tất cả"),
    )
    year, date_from, date_to = year_and_dates("founded_on")
    enterprise = django_filters.NumberFilter(label=_("Doanh nghiệp"), field_name="enterprise")
    plan_item = django_filters.NumberFilter(label=_("Nội dung phối hợp"), field_name="plan_items")

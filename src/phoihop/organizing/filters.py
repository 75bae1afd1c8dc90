from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from phoihop.directory.choices import Ownership
from phoihop.directory.filters import OwnedRecordFilter, OwnerAgencyFilter, ZoneFilter
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding


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

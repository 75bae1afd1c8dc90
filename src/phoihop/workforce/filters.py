from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import OwnerScopeFilter
from phoihop.directory.models import Agency, Zone
from phoihop.workforce.choices import IncidentKind, ReportStatus, ReportType, RuleCode, Severity, WarningStatus
from phoihop.workforce.models import Incident, LabourReport, Survey, Warning


def _zone_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Khu"), queryset=Zone.objects.order_by("name"), method="filter_zone", empty_label=_("Tất cả các khu")
    )


class _ZoneMixin:
    def filter_zone(self, queryset: Any, name: str, value: Zone | None) -> Any:
        if value is None:
            return queryset
        return queryset.filter(Q(enterprise__zone=value) | Q(enterprise__zone__parent=value))


class ReportFilter(_ZoneMixin, django_filters.FilterSet):
    scope = OwnerScopeFilter()
    report_type = django_filters.ChoiceFilter(
        label=_("Loại báo cáo"), choices=ReportType.choices, empty_label=_("Tất cả")
    )
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ReportStatus.choices, empty_label=_("Tất cả"))
    year = django_filters.NumberFilter(label=_("Năm"), field_name="period_start", lookup_expr="year")
    zone = _zone_filter()
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị báo cáo"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )

    class Meta:
        model = LabourReport
        fields = ["report_type", "status", "owner_agency", "enterprise"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user


class IncidentFilter(_ZoneMixin, django_filters.FilterSet):
    scope = OwnerScopeFilter()
    kind = django_filters.ChoiceFilter(label=_("Loại vụ việc"), choices=IncidentKind.choices, empty_label=_("Tất cả"))
    year = django_filters.NumberFilter(label=_("Năm"), field_name="started_on", lookup_expr="year")
    zone = _zone_filter()

    class Meta:
        model = Incident
        fields = ["kind", "enterprise"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user


class WarningFilter(_ZoneMixin, django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"),
        choices=WarningStatus.choices,
        empty_label=_("Chưa đóng"),  # new and acknowledged: what still needs someone
        method="filter_status",
    )
    rule = django_filters.ChoiceFilter(
        label=_("Cảnh báo"), field_name="rule__code", choices=RuleCode.choices, empty_label=_("Tất cả")
    )
    severity = django_filters.ChoiceFilter(label=_("Mức độ"), choices=Severity.choices, empty_label=_("Tất cả"))
    zone = _zone_filter()
    body = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"),
        queryset=Agency.objects.order_by("name"),
        method="filter_body",
        empty_label=_("Tất cả các đơn vị"),
    )

    class Meta:
        model = Warning
        fields = ["severity", "enterprise"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def filter_status(self, queryset: Any, name: str, value: str | None) -> Any:
        return queryset.filter(status=value) if value else queryset

    def filter_body(self, queryset: Any, name: str, value: Agency | None) -> Any:
        """A body's warnings: those it works, and those at the enterprises it follows that nobody has taken up."""
        if value is None:
            return queryset
        return queryset.filter(
            Q(handling_agency=value) | Q(handling_agency__isnull=True, enterprise__owner_agency=value)
        )

    def filter_queryset(self, queryset: Any) -> Any:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.exclude(status=WarningStatus.CLOSED)
        return queryset


class SurveyFilter(django_filters.FilterSet):
    scope = OwnerScopeFilter()
    year = django_filters.NumberFilter(label=_("Năm"), field_name="opens_on", lookup_expr="year")

    class Meta:
        model = Survey
        fields: list[str] = []

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from phoihop.directory.filters import OwnedRecordFilter, ZoneFilter
from phoihop.directory.models import Agency, Enterprise
from phoihop.housing.choices import MilestoneKind, ProjectKind
from phoihop.housing.models import HousingProject, Milestone


class ProjectFilter(OwnedRecordFilter):
    kind = django_filters.ChoiceFilter(label=_("Loại dự án"), choices=ProjectKind.choices, empty_label=_("Tất cả"))
    zone = ZoneFilter()
    owner_agency = django_filters.ModelChoiceFilter(
        label=_("Đơn vị theo dõi"), queryset=Agency.objects.order_by("name"), empty_label=_("Tất cả")
    )
    investor_enterprise = django_filters.ModelChoiceFilter(label=_("Chủ đầu tư"), queryset=Enterprise.objects.all())
    milestone = django_filters.ChoiceFilter(
        label=_("Đã có mốc"), choices=MilestoneKind.choices, method="filter_milestone", empty_label=_("Tất cả")
    )
    milestone_year = django_filters.NumberFilter(label=_("Năm của mốc"), method="filter_milestone_year")

    class Meta:
        model = HousingProject
        fields = ["kind", "owner_agency", "investor_enterprise"]

    def _milestones(self) -> Any:
        rows = Milestone.objects.filter(project_id=OuterRef("pk"))
        kind = self.form.cleaned_data.get("milestone")
        year = self.form.cleaned_data.get("milestone_year")
        if kind:
            rows = rows.filter(kind=kind)
        if year:
            rows = rows.filter(date__year=int(year))
        return rows

    def filter_milestone(self, queryset: Any, name: str, value: str | None) -> Any:
        return queryset.filter(Exists(self._milestones())) if value else queryset

    def filter_milestone_year(self, queryset: Any, name: str, value: Any) -> Any:
        # With a milestone kind the two filters narrow the same milestone ("groundbreaking in 2023").
        if not value or self.form.cleaned_data.get("milestone"):
            return queryset
        return queryset.filter(Exists(self._milestones()))

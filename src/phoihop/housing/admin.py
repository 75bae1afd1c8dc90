from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline
from phoihop.housing.models import HousingProject, Milestone


class MilestoneInline(ReadOnlyInline):
    model = Milestone


@admin.register(HousingProject)
class HousingProjectAdmin(ReadOnlyAdmin):
    """Read-only: changes go through the pages and the API, where each is validated and audited."""

    list_display = ("name", "kind", "owner_agency", "district", "zone")
    list_filter = ("kind", "owner_agency", "zone")
    search_fields = ("name", "search_text")
    raw_id_fields = ("investor_enterprise", "part_of")
    inlines = [MilestoneInline]

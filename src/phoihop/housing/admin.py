from django.contrib import admin

from phoihop.housing.models import HousingProject, Milestone


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(HousingProject)
class HousingProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "owner_agency", "district", "zone")
    list_filter = ("kind", "owner_agency", "zone")
    search_fields = ("name", "search_text")
    raw_id_fields = ("investor_enterprise", "part_of")
    inlines = [MilestoneInline]

from django.contrib import admin

from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionEnterprise, InspectionTopic


@admin.register(InspectionTopic)
class InspectionTopicAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "position", "is_active")


class VisitInline(admin.TabularInline):
    model = InspectionEnterprise
    extra = 0
    raw_id_fields = ("enterprise",)


class FindingInline(admin.TabularInline):
    model = Finding
    extra = 0
    raw_id_fields = ("enterprise",)


class FollowUpInline(admin.TabularInline):
    model = FollowUpAction
    extra = 0
    raw_id_fields = ("enterprise",)


@admin.register(Inspection)
class InspectionAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "owner_agency", "start_date", "end_date")
    list_filter = ("kind", "owner_agency")
    search_fields = ("title", "search_text")
    filter_horizontal = ("partner_agencies", "topics")
    inlines = [VisitInline, FindingInline, FollowUpInline]

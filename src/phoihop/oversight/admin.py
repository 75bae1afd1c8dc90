from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline
from phoihop.oversight.models import Finding, FollowUpAction, Inspection, InspectionEnterprise, InspectionTopic


@admin.register(InspectionTopic)
class InspectionTopicAdmin(ReadOnlyAdmin):
    """Read-only: changes go through the pages and the API, where each is validated and audited."""

    list_display = ("name", "code", "position", "is_active")


class VisitInline(ReadOnlyInline):
    model = InspectionEnterprise
    raw_id_fields = ("enterprise",)


class FindingInline(ReadOnlyInline):
    model = Finding
    raw_id_fields = ("enterprise",)


class FollowUpInline(ReadOnlyInline):
    model = FollowUpAction
    raw_id_fields = ("enterprise",)


@admin.register(Inspection)
class InspectionAdmin(ReadOnlyAdmin):
    """Read-only: changes go through the pages and the API, where each is validated and audited."""

    list_display = ("title", "kind", "owner_agency", "start_date", "end_date")
    list_filter = ("kind", "owner_agency")
    search_fields = ("title", "search_text")
    filter_horizontal = ("partner_agencies", "topics")
    inlines = [VisitInline, FindingInline, FollowUpInline]

"""Administration: read-mostly views of reports. Changes go through the report pages (and their services), so that
every change is validated and audited."""

from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin
from phoihop.reports.models import Listing, RenderJob, Report, ReportBlock, ReportIssuer, ReportSection


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "plan", "status", "number", "issue_date", "updated_at")
    list_filter = ("status",)


@admin.register(ReportIssuer)
class ReportIssuerAdmin(ReadOnlyAdmin):
    list_display = ("report", "position", "agency", "profile", "authority", "office", "confirmed_at", "signed_off_at")


@admin.register(ReportSection)
class ReportSectionAdmin(ReadOnlyAdmin):
    list_display = ("report", "position", "kind", "__str__")


@admin.register(ReportBlock)
class ReportBlockAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "section", "owner_agency", "position", "updated_at")
    search_fields = ("text",)


@admin.register(Listing)
class ListingAdmin(ReadOnlyAdmin):
    list_display = ("key", "report", "source", "period_mode", "owner_agency")


@admin.register(RenderJob)
class RenderJobAdmin(ReadOnlyAdmin):
    list_display = ("report", "format", "status", "percent", "created_at", "finished_at")
    list_filter = ("status", "format")

from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin
from phoihop.planning.models import Area, Document, Plan, PlanItem, Programme


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin):
    list_display = ("number", "symbol", "kind", "issued_on", "issuer")
    list_filter = ("kind",)
    search_fields = ("number", "symbol", "title", "search_text")


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ("title", "start_year", "end_year")


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    list_display = ("year", "title", "status", "period_start", "period_end", "cut_off_date")


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ("plan", "number", "title")


@admin.register(PlanItem)
class PlanItemAdmin(ReadOnlyAdmin):
    list_display = ("plan", "number", "title", "lead_agency", "status")
    list_filter = ("plan", "status")

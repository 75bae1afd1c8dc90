from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline
from phoihop.practices.models import Award, GoodPractice


class AwardInline(ReadOnlyInline):
    model = Award


@admin.register(GoodPractice)
class GoodPracticeAdmin(ReadOnlyAdmin):
    """Read-only: changes go through the pages and the API, where each is validated and audited."""

    list_display = ("title", "owner_agency", "year", "field", "status")
    list_filter = ("year", "field", "status", "owner_agency")
    search_fields = ("title", "search_text")
    raw_id_fields = ("enterprises",)
    inlines = [AwardInline]

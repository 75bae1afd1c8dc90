from django.contrib import admin

from phoihop.practices.models import Award, GoodPractice


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ("title", "owner_agency", "year", "field", "status")
    list_filter = ("year", "field", "status", "owner_agency")
    search_fields = ("title", "search_text")
    raw_id_fields = ("enterprises",)
    inlines = [AwardInline]

from django.contrib import admin

from phoihop.directory.models import Agency, Enterprise, Zone


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "short_code", "kind", "parent", "is_active")
    search_fields = ("name", "short_code")


@admin.register(Zone)
class ZoneAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "parent", "district")


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "tax_code", "zone", "ownership", "owner_agency")
    list_filter = ("ownership", "zone")
    search_fields = ("name", "tax_code", "search_text")

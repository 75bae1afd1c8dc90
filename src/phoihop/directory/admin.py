from typing import Any, cast

from django.contrib import admin
from django.http import HttpRequest

from phoihop.accounts.models import User
from phoihop.core.admin import ReadOnlyAdmin
from phoihop.directory import services
from phoihop.directory.models import Agency, Enterprise, Zone


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    """Agencies have no page of their own: the administrator keeps them here, through the same services as
    everything else (one AuditEvent per change, version checked). They are deactivated, never deleted."""

    list_display = ("name", "short_code", "kind", "parent", "is_active")
    search_fields = ("name", "short_code")
    fields = services.AGENCY_FIELDS

    def save_model(self, request: HttpRequest, obj: Agency, form: Any, change: bool) -> None:
        data = {name: form.cleaned_data[name] for name in services.AGENCY_FIELDS if name in form.cleaned_data}
        actor = cast(User, request.user)
        if change:
            stored = services.update_agency(actor=actor, agency=obj, data=data, expected_version=obj.version)
        else:
            stored = services.create_agency(actor=actor, data=data)
        obj.pk, obj.version = stored.pk, stored.version

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Zone)
class ZoneAdmin(ReadOnlyAdmin):
    list_display = ("name", "kind", "parent", "district")


@admin.register(Enterprise)
class EnterpriseAdmin(ReadOnlyAdmin):
    list_display = ("name", "tax_code", "zone", "ownership", "owner_agency")
    list_filter = ("ownership", "zone")
    search_fields = ("name", "tax_code", "search_text")

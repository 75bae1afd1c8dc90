"""The administration site is for looking, not for writing: every record changes through its app's pages and
services, where it is validated, versioned and audited. `ReadOnlyAdmin` and `ReadOnlyInline` are what every app's
admin.py uses; an admin that writes must call the services (as the directory's agency admin does)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from phoihop.core.models import AuditEvent


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown for inspection only: no add, change or delete in the admin."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    """The rows of a record shown beside it, read-only like the record."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """The audit trail is never edited by hand."""

    list_display = ("occurred_at", "actor_name", "agency", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")

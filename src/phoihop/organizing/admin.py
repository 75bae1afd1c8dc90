from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin
from phoihop.organizing.models import Founding


@admin.register(Founding)
class FoundingAdmin(ReadOnlyAdmin):
    """Read-only: foundings change through the pages and the API, where each change is audited."""

    list_display = ("__str__", "kind", "enterprise", "founded_on", "owner_agency", "members_at_founding")
    list_filter = ("kind", "owner_agency")
    search_fields = ("name", "search_text", "enterprise__name", "enterprise__tax_code")
    date_hierarchy = "founded_on"
    list_select_related = ("enterprise", "owner_agency")

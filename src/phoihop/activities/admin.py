from django.contrib import admin

from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant


class ParticipantInline(admin.TabularInline):
    model = ActivityParticipant
    extra = 0


class OutputInline(admin.TabularInline):
    model = ActivityOutput
    extra = 0


class AttachmentInline(admin.TabularInline):
    model = ActivityAttachment
    extra = 0
    fields = ("original_name", "content_type", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    """Read-only: activities change through the pages and the API, where each change is audited."""

    list_display = ("title", "kind", "start_date", "owner_agency", "zone")
    list_filter = ("kind", "owner_agency")
    search_fields = ("title", "search_text")
    date_hierarchy = "start_date"
    inlines = [ParticipantInline, OutputInline, AttachmentInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

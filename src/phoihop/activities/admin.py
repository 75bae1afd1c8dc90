from django.contrib import admin

from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant
from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline


class ParticipantInline(ReadOnlyInline):
    model = ActivityParticipant
    extra = 0


class OutputInline(ReadOnlyInline):
    model = ActivityOutput
    extra = 0


class AttachmentInline(ReadOnlyInline):
    model = ActivityAttachment
    extra = 0
    fields = ("original_name", "content_type", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    """Read-only: activities change through the pages and the API, where each change is audited."""

    list_display = ("title", "kind", "start_date", "owner_agency", "zone")
    list_filter = ("kind", "owner_agency")
    search_fields = ("title", "search_text")
    date_hierarchy = "start_date"
    inlines = [ParticipantInline, OutputInline, AttachmentInline]

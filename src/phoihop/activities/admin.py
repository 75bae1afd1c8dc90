from django.contrib import admin

from phoihop.activities.models import Activity, ActivityAttachment, ActivityOutput, ActivityParticipant
from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline


class ParticipantInline(ReadOnlyInline):
    model = ActivityParticipant


class OutputInline(ReadOnlyInline):
    model = ActivityOutput


class AttachmentInline(ReadOnlyInline):
    model = ActivityAttachment
    fields = ("original_name", "content_type", "size", "uploaded_by", "uploaded_at")
    readonly_fields = fields


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin):
    """Read-only: activities change through the pages and the API, where each change is audited."""

    list_display = ("title", "kind", "start_date", "owner_agency", "zone")
    list_filter = ("kind", "owner_agency")
    search_fields = ("title", "search_text")
    date_hierarchy = "start_date"
    inlines = [ParticipantInline, OutputInline, AttachmentInline]

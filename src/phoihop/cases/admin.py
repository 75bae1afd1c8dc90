"""Read-only admin views. Changes go through the app's pages (services, audit); personal data has no admin view."""

from __future__ import annotations

from django.contrib import admin

from phoihop.cases.models import Case, CaseHandlerGrant, ChannelPolicy, Holiday, Petition, Topic
from phoihop.core.admin import ReadOnlyAdmin


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin):
    list_display = ("name", "parent", "report_phrase", "position", "is_active")


@admin.register(ChannelPolicy)
class ChannelPolicyAdmin(ReadOnlyAdmin):
    list_display = ("channel", "response_hours")


@admin.register(Holiday)
class HolidayAdmin(ReadOnlyAdmin):
    list_display = ("date", "name")


@admin.register(CaseHandlerGrant)
class CaseHandlerGrantAdmin(ReadOnlyAdmin):
    list_display = ("user", "agency", "granted_by", "granted_at", "revoked_at")


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    """Facts only: the requester's data is not a field of Case, and CasePerson is not registered."""

    list_display = ("pk", "channel", "requester_kind", "topic", "handling_agency", "status", "received_at")
    list_filter = ("status", "channel", "requester_kind")
    exclude = ("tracking_hash",)


@admin.register(Petition)
class PetitionAdmin(ReadOnlyAdmin):
    list_display = ("title", "raised_on", "responsible_agency", "status")

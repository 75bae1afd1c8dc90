from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin, ReadOnlyInline
from phoihop.workforce.models import (
    Incident,
    IncidentStep,
    IncidentSupport,
    LabourReport,
    MinimumWage,
    Question,
    Survey,
    WageDecree,
    WageRegionAssignment,
    Warning,
    WarningEvent,
    WarningEvidence,
    WarningRule,
)


@admin.register(LabourReport)
class LabourReportAdmin(ReadOnlyAdmin):
    """Read-only: changes go through the pages and the API, where each is validated and audited."""

    list_display = ("enterprise", "report_type", "period_start", "status", "owner_agency")
    list_filter = ("report_type", "status", "owner_agency")
    raw_id_fields = ("enterprise",)


class MinimumWageInline(ReadOnlyInline):
    model = MinimumWage
    extra = 0


@admin.register(WageDecree)
class WageDecreeAdmin(ReadOnlyAdmin):
    list_display = ("number", "effective_from", "check_status")
    inlines = [MinimumWageInline]


@admin.register(WageRegionAssignment)
class WageRegionAssignmentAdmin(ReadOnlyAdmin):
    list_display = ("zone", "region", "effective_from", "decree", "check_status")


class StepInline(ReadOnlyInline):
    model = IncidentStep
    extra = 0


class SupportInline(ReadOnlyInline):
    model = IncidentSupport
    extra = 0


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ("enterprise", "kind", "started_on", "workers_involved", "owner_agency")
    list_filter = ("kind", "owner_agency")
    raw_id_fields = ("enterprise",)
    inlines = [StepInline, SupportInline]


@admin.register(WarningRule)
class WarningRuleAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "severity", "is_active")


class EvidenceInline(ReadOnlyInline):
    model = WarningEvidence
    extra = 0


class EventInline(ReadOnlyInline):
    model = WarningEvent
    extra = 0


@admin.register(Warning)
class WarningAdmin(ReadOnlyAdmin):
    list_display = ("rule", "enterprise", "status", "severity", "opened_at", "closed_at")
    list_filter = ("status", "rule")
    inlines = [EvidenceInline, EventInline]


class QuestionInline(ReadOnlyInline):
    model = Question
    extra = 0


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ("title", "owner_agency", "opens_on", "closes_on")
    inlines = [QuestionInline]

from django.contrib import admin

from phoihop.core.admin import ReadOnlyAdmin
from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    list_display = ("code", "name", "unit", "unit_kind", "measure")
    search_fields = ("code", "name")


@admin.register(Target)
class TargetAdmin(ReadOnlyAdmin):
    list_display = ("plan", "indicator", "agency", "value")


@admin.register(ReportedValue)
class ReportedValueAdmin(ReadOnlyAdmin):
    """Read-only above all: approved values are locked in the services, and the admin must not be a way round."""

    list_display = ("plan", "indicator", "agency", "period_type", "period_start", "value")
    list_filter = ("plan", "indicator", "period_type")


@admin.register(PeriodApproval)
class PeriodApprovalAdmin(ReadOnlyAdmin):
    list_display = ("plan", "agency", "period_type", "period_start", "status")
    list_filter = ("plan", "status")


@admin.register(ValidationRule)
class ValidationRuleAdmin(ReadOnlyAdmin):
    list_display = ("left", "operator", "right", "is_active")

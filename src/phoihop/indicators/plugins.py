"""What indicators offers other apps (core/plugins.py): its menu entries, and the computations the plan pages call
without importing this app: a plan's indicator progress, a body's, and whether reported values would fall outside
a plan's new period."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, providers


def plug_in() -> None:
    from phoihop.indicators.selectors import body_progress, plan_progress, values_outside_period

    menu.add(group="plan", url_name="indicators:indicator_list", label=_("Chỉ tiêu"), prefix="/chi-tieu/", order=20)
    menu.add(
        group="plan", url_name="indicators:value_list", label=_("Số liệu, phê duyệt"), prefix="/so-lieu/", order=30
    )
    providers.add("plan_progress", plan_progress)
    providers.add("body_progress", body_progress)
    providers.add("values_outside_period", values_outside_period)
    register_directory_kinds()
    register_spreadsheets()
    declare_demo_data()


def register_directory_kinds() -> None:
    """Enterprises are the first record kind counting indicators can count (e.g. by ownership). The directory sits
    below every domain app and imports none of them, so the indicators app registers the directory's kind itself."""
    from phoihop.directory.models import Enterprise
    from phoihop.indicators.registry import record_kinds

    record_kinds.register(
        key="directory.enterprise",
        label="Doanh nghiệp trong danh mục",
        model=Enterprise,
        date_field="created_at",
        agency_field="owner_agency",
        filter_fields={"ownership": ("exact", "in"), "zone": ("exact", "in"), "zone__parent": ("exact", "in")},
        sum_fields={"workforce": "persons"},
    )


def register_spreadsheets() -> None:
    """Reported values' Excel template, import and export, and the indicator and rule lists' export
    (indicators/sheets.py, phoihop.spreadsheets)."""
    from phoihop.indicators.sheets import INDICATORS, RULES, VALUES
    from phoihop.spreadsheets.registry import spreadsheets

    spreadsheets.register(VALUES)
    spreadsheets.register(INDICATORS)
    spreadsheets.register(RULES)


def declare_demo_data() -> None:
    """The demo's indicators, 2023 targets and rules, the monthly and quarterly values each body's officer entered,
    submitted and its leader approved (demo/data/indicators.json; core/plugins.py, demo_data). Indicators are named
    by code, targets by [year, indicator, body], periods as "2023-03" or "2023-Q1"."""
    from phoihop.core.plugins import demo_data
    from phoihop.indicators import services
    from phoihop.indicators.choices import ApprovalStatus
    from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
    from phoihop.indicators.periods import Period

    in_period = {"plan": "plan", "agency": "agency", "period_type": "period.type", "period_start": "period.start"}
    period_fields = {"plan": "planning.plan", "agency": "directory.agency", "period": "indicators.period"}

    demo_data.kind(
        "indicators.indicator",
        services.create_indicator,
        Indicator,
        natural_key={"code": "data.code"},
        fields={"data.owner_agency": "directory.agency"},
    )
    demo_data.kind(
        "indicators.target",
        services.create_target,
        Target,
        natural_key={"plan": "plan", "indicator": "data.indicator", "agency": "data.agency"},
        fields={
            "plan": "planning.plan",
            "data.indicator": "indicators.indicator",
            "data.agency": "directory.agency",
            "data.value": "decimal",
        },
    )
    demo_data.kind(
        "indicators.rule",
        services.create_rule,
        ValidationRule,
        natural_key={"left": "data.left", "right": "data.right"},
        fields={"data.left": "indicators.indicator", "data.right": "indicators.indicator"},
    )
    demo_data.kind(
        "indicators.value",
        services.record_value,
        ReportedValue,
        natural_key={**in_period, "indicator": "indicator"},
        fields={**period_fields, "indicator": "indicators.indicator"},
    )
    demo_data.kind(
        "indicators.submission",
        services.submit_period,
        PeriodApproval,
        natural_key=in_period,
        key_filter={"status__in": [ApprovalStatus.SUBMITTED, ApprovalStatus.APPROVED]},
        fields=period_fields,
    )
    demo_data.kind(
        "indicators.approval",
        services.approve_period,
        PeriodApproval,
        natural_key=in_period,
        key_filter={"status": ApprovalStatus.APPROVED},
        fields=period_fields,
    )
    demo_data.converter("indicators.indicator", lambda code: Indicator.objects.get(code=code))
    demo_data.converter("indicators.period", Period.parse)
    demo_data.converter(
        "indicators.target",
        lambda key: Target.objects.get(plan__year=key[0], indicator__code=key[1], agency__short_code=key[2]),
    )
    demo_data.file(
        "indicators",
        order=30,
        kinds=(
            "indicators.indicator",
            "indicators.target",
            "indicators.rule",
            "indicators.value",
            "indicators.submission",
            "indicators.approval",
        ),
    )

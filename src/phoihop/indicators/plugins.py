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

"""Apps configured with `PluggedApp` (core/plugins.py) are the configuration Django uses, and their one `plug_in()`
made every declaration: the record apps' menu entries, enterprise-page sections, spreadsheet kinds, demo kinds and
the record kinds indicators count."""

from __future__ import annotations

from django.apps import apps

from phoihop.core.plugins import PluggedApp, demo_data, menu, sections
from phoihop.indicators.registry import record_kinds
from phoihop.spreadsheets.registry import spreadsheets

RECORD_APPS = {
    # app: (list page, spreadsheet kind, demo kind, record kind indicators count)
    "activities": ("activities:activity_list", "activities.activity", "activities.activity", "activities.activity"),
    "organizing": ("organizing:founding_list", "organizing.founding", "organizing.founding", "organizing.founding"),
    "practices": ("practices:practice_list", "practices.practice", "practices.practice", "practices.good_practice"),
    "housing": ("housing:project_list", "housing.project", "housing.project", "housing.milestone"),
    "oversight": ("oversight:inspection_list", "oversight.inspection", "oversight.inspection", "oversight.inspection"),
}


def test_each_plugged_app_is_configured_by_its_own_class() -> None:
    plugged = [config for config in apps.get_app_configs() if isinstance(config, PluggedApp)]
    assert {config.label for config in plugged} >= {
        *RECORD_APPS,
        "planning",
        "indicators",
        "directory",
        "workforce",
        "cases",
    }
    assert all(type(config).__name__.endswith("Config") for config in plugged)


def test_a_record_apps_plug_in_declares_everything_it_offers() -> None:
    urls = {entry.url_name for entry in menu.entries}
    on_enterprise_page = {section.key for section in sections.by_page["enterprise"]}
    for app, (list_url, sheet, demo, counted) in RECORD_APPS.items():
        assert list_url in urls, app
        assert app in on_enterprise_page, app
        assert spreadsheets.get(sheet) is not None, app
        assert demo in demo_data.kinds, app
        assert record_kinds.get(counted) is not None, app
    assert demo_data.files["organizing"].kinds == ("organizing.founding", "indicators.indicator", "indicators.target")

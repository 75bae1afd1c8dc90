"""What housing offers other apps' pages (core/plugins.py): its menu entry and its enterprise-page section; and its
spreadsheet kinds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.records import plug_in_records

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.housing.selectors import housing_projects_for_enterprise, with_progress

    projects = housing_projects_for_enterprise(user=user, enterprise=enterprise).prefetch_related("milestones")
    return {"housing_projects": with_progress(projects[:rows])}


def plug_in() -> None:
    from phoihop.housing.sheets import HOUSING_PROJECTS
    from phoihop.spreadsheets.registry import spreadsheets

    plug_in_records(
        app="housing",
        name="project",
        label=_("Nhà ở công nhân"),
        prefix="/nha-o-cong-nhan/",
        order=50,
        section=enterprise_section,
        section_order=50,
    )
    spreadsheets.register(HOUSING_PROJECTS)
    register_record_kinds()
    declare_demo_data()


def declare_demo_data() -> None:
    """The demo's housing projects of footnotes 2 and 3 and their milestones (demo/data/housing.json;
    core/plugins.py, demo_data). A report's listing names its entries by project name."""
    from phoihop.core.plugins import demo_data
    from phoihop.housing.models import HousingProject, Milestone
    from phoihop.housing.services import add_milestone, create_project

    demo_data.kind(
        "housing.project",
        create_project,
        HousingProject,
        natural_key={"name": "data.name"},
        fields={
            "owner_agency": "directory.agency",
            "data.part_of": "housing.project",
            "data.zone": "directory.zone",
            "data.investor_enterprise": "directory.enterprise",
            "data.land_area_ha": "decimal",
            "data.social_housing_land_ha": "decimal",
            "data.plan_items": ["planning.item"],
        },
        then={"milestones": "housing.milestone"},
    )
    demo_data.kind(
        "housing.milestone",
        add_milestone,
        Milestone,
        natural_key={"project": "project", "kind": "data.kind", "phase": "data.phase", "date": "data.date"},
        fields={"data.date": "date", "data.floor_area_m2": "decimal"},
        parent="project",
    )
    demo_data.converter("housing.project", lambda name: HousingProject.objects.get(name=name))
    demo_data.converter("housing.project_id", lambda name: HousingProject.objects.get(name=name).pk)
    demo_data.converter(
        "housing.groundbreaking_id",
        lambda name: Milestone.objects.get(project__name=name, kind="groundbreaking").pk,
    )
    demo_data.file("housing", order=54, kinds=("housing.project",))


def register_record_kinds() -> None:
    """What indicators may count in this app (phoihop.indicators.registry)."""
    from phoihop.housing.models import Milestone
    from phoihop.indicators.registry import record_kinds

    # Projects have no date of their own: what happens to them in a period is a milestone ("housing projects
    # with a groundbreaking in the period" = milestones of kind groundbreaking dated in the period).
    record_kinds.register(
        key="housing.milestone",
        label="Mốc tiến độ dự án nhà ở",
        link=("housing:project_detail", "project_id", "milestone-"),
        model=Milestone,
        date_field="date",
        agency_field="project__owner_agency",
        filter_fields={
            "kind": ("exact", "in"),
            "date_precision": ("exact", "in"),
            "project__kind": ("exact", "in"),
            "project__zone": ("exact", "in"),
            "project__investor_enterprise__ownership": ("exact", "in"),
        },
        sum_fields={
            "buildings": "other",
            "floor_area_m2": "m2",
            "apartments": "other",
            "people": "persons",
        },
        enterprise_field="project__investor_enterprise",
        noun="mốc tiến độ dự án nhà ở",
        done="làm chủ đầu tư các dự án nhà ở",
    )

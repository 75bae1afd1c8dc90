"""Writes to housing projects and their milestones: the owned-record writes of directory/records.py (permission,
clean input, owner body, the rules below, one audited transaction each)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.core.vnformat import format_number
from phoihop.directory.records import OwnedRows, OwnedWrites
from phoihop.housing.choices import DatePrecision, MilestoneKind
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.permissions import can_create_project, can_delete_project, can_edit_project
from phoihop.housing.progress import compute_progress

if TYPE_CHECKING:
    pass

PROJECT_FIELDS = (
    "kind",
    "name",
    "part_of",
    "district",
    "commune",
    "zone",
    "investor_enterprise",
    "investor_name",
    "land_area_ha",
    "social_housing_land_ha",
    "floor_area_m2",
    "floor_area_qualifier",
    "buildings",
    "max_floors",
    "apartments",
    "apartments_qualifier",
    "capacity",
    "capacity_qualifier",
    "capacity_group",
    "description",
)
PROJECT_M2M = ("plan_items",)
MILESTONE_FIELDS = (
    "kind",
    "date",
    "date_precision",
    "phase",
    "description",
    "buildings",
    "worker_buildings",
    "floor_area_m2",
    "floor_area_qualifier",
    "apartments",
    "apartments_qualifier",
    "people",
    "people_qualifier",
)
ONE_LINE_FIELDS = {"name", "district", "commune", "investor_name", "phase"}
NUMBER_FIELDS = {
    "land_area_ha",
    "social_housing_land_ha",
    "floor_area_m2",
    "buildings",
    "max_floors",
    "apartments",
    "capacity",
    "worker_buildings",
    "people",
}
# What a project plans (its field) against what its milestones deliver (the progress quantity).
TOTALS = (
    ("buildings", "buildings", gettext_lazy("tòa nhà")),
    ("floor_area_m2", "floor_area_m2", gettext_lazy("m² sàn")),
    ("apartments", "apartments", gettext_lazy("căn hộ")),
    ("capacity", "people", gettext_lazy("người")),
)


def _refuse_negative(cleaned: Mapping[str, Any]) -> None:
    for name in NUMBER_FIELDS:
        if cleaned.get(name) is not None and cleaned[name] < 0:
            label = getattr(
                (HousingProject if name in PROJECT_FIELDS else Milestone)._meta.get_field(name), "verbose_name", name
            )
            raise field_error(name, _("“%(field)s” không được âm.") % {"field": label}, "negative")


def _check_project(merged: Mapping[str, Any], project: HousingProject | None = None) -> None:
    enterprise, name = merged.get("investor_enterprise"), merged.get("investor_name") or ""
    if (enterprise is None) == (not name):
        raise field_error(
            "investor_enterprise",
            _("Hãy chọn chủ đầu tư trong danh mục doanh nghiệp hoặc ghi tên chủ đầu tư (chỉ một trong hai)."),
            "one_investor",
        )
    land, social = merged.get("land_area_ha"), merged.get("social_housing_land_ha")
    if land is not None and social is not None and social > land:
        raise field_error(
            "social_housing_land_ha",
            _("Đất nhà ở xã hội không được lớn hơn diện tích đất của dự án."),
            "social_land_exceeds_land",
        )
    parent = merged.get("part_of")
    if project is not None and parent is not None:
        seen = {project.pk}
        while parent is not None:
            if parent.pk in seen:
                raise field_error(
                    "part_of", _("Dự án không thể thuộc chính nó hoặc một dự án thành phần của nó."), "cycle"
                )
            seen.add(parent.pk)
            parent = parent.part_of


def _check_totals(project: HousingProject, milestones: list[Milestone], *, on_milestone: bool = False) -> None:
    """What the milestones deliver can never exceed what the project plans. The error names the milestone's
    quantity when a milestone is being saved, the project's total when the project is."""
    delivered = compute_progress(project, milestones).delivered
    for total_field, quantity, unit in TOTALS:
        total = getattr(project, total_field)
        done = getattr(delivered, quantity)
        if total is not None and done > total:
            raise field_error(
                quantity if on_milestone else total_field,
                _("Các mốc đã hoàn thành %(done)s %(unit)s, vượt quy mô của dự án (%(total)s %(unit)s).")
                % {"done": format_number(done), "total": format_number(total), "unit": unit},
                "exceeds_project",
            )


def _check_project_fields(cleaned: dict[str, Any], project: HousingProject | None) -> None:
    """A new project's fields; an edited one's as they will be, and what its milestones deliver still fits."""
    _refuse_negative(cleaned)
    if project is None:
        _check_project(cleaned)
        return
    merged = {name: getattr(project, name) for name in PROJECT_FIELDS} | cleaned
    _check_project(merged, project)
    planned = HousingProject(**{name: merged[name] for name in PROJECT_FIELDS})
    _check_totals(planned, list(project.milestones.all()))


# A project is deleted with its milestones (one event); one that others are part of cannot go.
PROJECTS = OwnedWrites(
    model=HousingProject,
    record="project",
    fields=PROJECT_FIELDS,
    m2m=PROJECT_M2M,
    one_line=ONE_LINE_FIELDS,
    owner_required=gettext_lazy("Hãy chọn đơn vị theo dõi dự án."),
    can_create=can_create_project,
    can_edit=can_edit_project,
    can_delete=can_delete_project,
    clean=_check_project_fields,
)
create_project = PROJECTS.create
update_project = PROJECTS.update  # update_project(*, actor, project, data, expected_version)
delete_project = PROJECTS.delete  # delete_project(*, actor, project, expected_version)


# --- milestones ---------------------------------------------------------------------------------------------------


def _normalise_date(cleaned: dict[str, Any], merged: Mapping[str, Any]) -> None:
    """A date known to the month or the year is stored as its first day, so sorting and periods work."""
    date, precision = merged.get("date"), merged.get("date_precision") or DatePrecision.DAY
    if not isinstance(date, dt.date):
        return
    if precision == DatePrecision.MONTH:
        cleaned["date"] = date.replace(day=1)
    elif precision == DatePrecision.YEAR:
        cleaned["date"] = dt.date(date.year, 1, 1)


def _check_milestone(project: HousingProject, merged: Mapping[str, Any], others: list[Milestone]) -> None:
    buildings, workers = merged.get("buildings"), merged.get("worker_buildings")
    if buildings is not None and workers is not None and workers > buildings:
        raise field_error(
            "worker_buildings", _("Số tòa phục vụ công nhân không được lớn hơn số tòa nhà."), "worker_buildings_exceed"
        )
    candidate = Milestone(project=project, **{name: merged.get(name) for name in MILESTONE_FIELDS})
    candidate.phase = candidate.phase or ""
    if candidate.date is not None and candidate.kind in MilestoneKind.values:
        _check_totals(project, [*others, candidate], on_milestone=True)


def _milestone_rules(project: HousingProject, cleaned: dict[str, Any], milestone: Milestone | None) -> None:
    _refuse_negative(cleaned)
    if milestone is None:
        merged = {"date_precision": DatePrecision.DAY, "phase": ""} | cleaned
        others = list(project.milestones.all())
    else:
        merged = {name: getattr(milestone, name) for name in MILESTONE_FIELDS} | cleaned
        others = list(project.milestones.exclude(pk=milestone.pk))
    _normalise_date(cleaned, merged)
    _check_milestone(project, merged | cleaned, others)


MILESTONE_ROWS = OwnedRows(
    model=Milestone,
    parent="project",
    row="milestone",
    fields=MILESTONE_FIELDS,
    one_line=ONE_LINE_FIELDS,
    can_edit_parent=can_edit_project,
    rules=_milestone_rules,
)
add_milestone = MILESTONE_ROWS.create  # add_milestone(*, actor, project, data)
update_milestone = MILESTONE_ROWS.update  # update_milestone(*, actor, milestone, data, expected_version)
delete_milestone = MILESTONE_ROWS.delete  # delete_milestone(*, actor, milestone, expected_version)

# The three writes, called one way by the pages, the spreadsheet kind and the API (core/records.py).
WRITES = PROJECTS.writes
MILESTONES = MILESTONE_ROWS.writes

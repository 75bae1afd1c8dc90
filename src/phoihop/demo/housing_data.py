"""Every housing project of footnotes 2 and 3 of the 2023 joint report (seed), with its milestones and quantities
exactly as the footnotes give them, and the trade-union facility at KCN Tràng Duệ (section I.4).

Every number of the footnotes is a stored field or a milestone quantity, with its qualifier ("khoảng" = about,
"gần" = nearly). Where the seed gives only a month ("Tháng 3/2023") or a year, the milestone is dated to that month or
year and says so (`date_precision`). The Tràng Cát groundbreaking is in 01/2024, as the seed says. Dates the seed
does not give at all (Đông Hải 2's approvals, the LG Display phases) are dated to 2023, the year the report covers,
with year precision. Investors are the directory's enterprises where the seed names one; otherwise the investor is
written out, or marked as not yet recorded. Each project is followed by the lead body of the 2023 plan item it carries
out (planning_data.py): footnote 2 (the groundbreakings) item 9, footnote 3 item 10, the union facility item 11."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from phoihop.demo import read

DATA = read("housing")

NOT_RECORDED = "Chưa cập nhật tên chủ đầu tư"

# Parents before their parts: "part_of" names a project earlier in the list.
PROJECTS: list[dict[str, Any]] = DATA["PROJECTS"]


def _project_data(row: dict[str, Any], parents: dict[str, Any]) -> dict[str, Any]:
    from phoihop.directory.models import Enterprise, Zone

    data: dict[str, Any] = {
        "kind": row["kind"],
        "name": row["name"],
        "part_of": parents[row["part_of"]] if row.get("part_of") else None,
        "district": row["district"],
        "commune": row["commune"],
        "zone": Zone.objects.get(name=row["zone"]) if row["zone"] else None,
        "investor_enterprise": Enterprise.objects.get(tax_code=row["investor"]) if row["investor"] else None,
        "investor_name": row.get("investor_name", ""),
        "description": row.get("description", ""),
    }
    for name in ("land_area_ha", "social_housing_land_ha"):
        if row.get(name):
            data[name] = Decimal(row[name])
    for name in ("buildings", "max_floors"):
        if row.get(name) is not None:
            data[name] = row[name]
    if row.get("apartments"):
        data["apartments"], data["apartments_qualifier"] = row["apartments"]
    if row.get("capacity"):
        data["capacity"], data["capacity_qualifier"], data["capacity_group"] = row["capacity"]
    return data


def _milestone_data(row: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": row["kind"],
        "date": dt.date.fromisoformat(row["date"]),
        "date_precision": row["precision"],
        "phase": row.get("phase", ""),
    }
    for name in ("buildings", "worker_buildings"):
        if row.get(name) is not None:
            data[name] = row[name]
    if row.get("floor_area_m2"):
        value, qualifier = row["floor_area_m2"]
        data["floor_area_m2"], data["floor_area_qualifier"] = Decimal(value), qualifier
    if row.get("people"):
        data["people"], data["people_qualifier"] = row["people"]
    return data


def load_housing(report: Any) -> None:
    """Step of `load_demo`: the projects above and their milestones through the services; what exists (by name;
    milestones by project, kind, phase and date) is left alone."""
    from phoihop.accounts.models import User
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.demo.oversight_data import plan_items_numbered
    from phoihop.directory.models import Agency
    from phoihop.housing.models import HousingProject, Milestone
    from phoihop.housing.services import add_milestone, create_project

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    parents: dict[str, HousingProject] = {}
    for row in PROJECTS:
        project = HousingProject.objects.filter(name=row["name"]).first()
        if project is None:
            project = create_project(
                actor=admin,
                owner_agency=agencies[row["owner"]],
                data={**_project_data(row, parents), "plan_items": plan_items_numbered(2023, row["plan_items"])},
            )
            report.count("housing projects")
        parents[project.name] = project
        for milestone in row["milestones"]:
            data = _milestone_data(milestone)
            exists = Milestone.objects.filter(
                project=project, kind=data["kind"], phase=data["phase"], date=data["date"]
            ).exists()
            if not exists:
                add_milestone(actor=admin, project=project, data=data)
                report.count("housing milestones")

"""What a browser posts to the housing forms, and what an API client sends."""

from __future__ import annotations

from typing import Any

from phoihop.housing.models import HousingProject

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


def project_form_data(project: HousingProject | None = None, **overrides: Any) -> dict[str, Any]:
    if project is None:
        data: dict[str, Any] = {
            "kind": "social_housing",
            "name": "Dự án nhà ở xã hội Tràng Cát",
            "part_of": "",
            "district": "quận Hải An",
            "commune": "phường Tràng Cát",
            "zone": "",
            "investor_enterprise": "",
            "investor_name": "Chưa cập nhật tên chủ đầu tư",
            "land_area_ha": "",
            "social_housing_land_ha": "",
            "floor_area_m2": "",
            "floor_area_qualifier": "exact",
            "buildings": "",
            "max_floors": "",
            "apartments": "4000",
            "apartments_qualifier": "exact",
            "capacity": "10000",
            "capacity_qualifier": "nearly",
            "capacity_group": "labourers",
            "description": "",
            "plan_items": [],
            "version": "",
        }
    else:
        data = {}
        for name in PROJECT_FIELDS:
            value = getattr(project, f"{name}_id" if name in {"part_of", "zone", "investor_enterprise"} else name)
            data[name] = "" if value is None else value
        data["plan_items"] = [item.pk for item in project.plan_items.all()]
        data["version"] = project.version
    data.update(overrides)
    return data


def project_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "social_housing",
        "name": "Dự án nhà ở xã hội Tràng Cát",
        "district": "quận Hải An",
        "investor_name": "Chưa cập nhật tên chủ đầu tư",
        "apartments": 4000,
        "capacity": 10000,
        "capacity_qualifier": "nearly",
        "capacity_group": "labourers",
    }
    payload.update(overrides)
    return payload


def milestone_form_data(project: HousingProject, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "groundbreaking",
        "date": "2024-01-15",
        "date_precision": "month",
        "phase": "",
        "description": "",
        "buildings": "",
        "worker_buildings": "",
        "floor_area_m2": "",
        "floor_area_qualifier": "exact",
        "apartments": "",
        "apartments_qualifier": "exact",
        "people": "",
        "people_qualifier": "exact",
        "version": "",
    }
    data.update(overrides)
    return data


def milestone_payload(project: HousingProject, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {"kind": "groundbreaking", "date": "2024-01-15", "date_precision": "month"}
    payload.update(overrides)
    return payload

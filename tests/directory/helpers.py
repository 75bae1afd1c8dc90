"""What a browser posts to the directory's forms, and what an API client sends."""

from __future__ import annotations

from typing import Any

from phoihop.directory.models import Enterprise, Zone


def enterprise_form_data(enterprise: Enterprise | None = None, **overrides: Any) -> dict[str, Any]:
    """The enterprise form as the browser submits it: the stored values (or a valid new record) plus overrides."""
    if enterprise is None:
        data: dict[str, Any] = {
            "name": "Công ty TNHH Điện tử Tràng Duệ",
            "short_name": "",
            "tax_code": "0201234567",
            "zone": "",
            "address": "",
            "ownership": "domestic",
            "investor_country": "",
            "sector": "",
            "workforce": "",
            "version": "",
        }
    else:
        data = {
            "name": enterprise.name,
            "short_name": enterprise.short_name,
            "tax_code": enterprise.tax_code,
            "zone": enterprise.zone_id or "",
            "address": enterprise.address,
            "ownership": enterprise.ownership,
            "investor_country": enterprise.investor_country,
            "sector": enterprise.sector,
            "workforce": "" if enterprise.workforce is None else enterprise.workforce,
            "version": enterprise.version,
        }
    data.update(overrides)
    return data


def enterprise_payload(**overrides: Any) -> dict[str, Any]:
    """A valid body for POST /api/v1/directory/enterprises."""
    payload: dict[str, Any] = {
        "name": "Công ty TNHH Điện tử Tràng Duệ",
        "tax_code": "0201234567",
        "ownership": "domestic",
    }
    payload.update(overrides)
    return payload


def zone_form_data(zone: Zone | None = None, **overrides: Any) -> dict[str, Any]:
    if zone is None:
        data: dict[str, Any] = {
            "name": "KCN Thử nghiệm mới",
            "kind": "industrial_park",
            "parent": "",
            "district": "An Dương",
            "area_ha": "",
            "version": "",
        }
    else:
        data = {
            "name": zone.name,
            "kind": zone.kind,
            "parent": zone.parent_id or "",
            "district": zone.district,
            "area_ha": "" if zone.area_ha is None else zone.area_ha,
            "version": zone.version,
        }
    data.update(overrides)
    return data

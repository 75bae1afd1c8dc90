from __future__ import annotations

from typing import Any

from phoihop.directory.models import Enterprise


def report_data(enterprise: Enterprise, **changes: Any) -> dict[str, Any]:
    """A valid monthly report for March 2023, as a service takes it."""
    import datetime as dt

    data: dict[str, Any] = {
        "enterprise": enterprise,
        "report_type": "monthly",
        "period_start": dt.date(2023, 3, 1),
        "headcount": 800,
        "women": 520,
        "other_province": 200,
        "foreign_workers": 5,
        "union_members": 700,
        "average_income": 8_200_000,
        "lowest_wage": 4_900_000,
        "meal_value": 22_000,
        "has_collective_agreement": True,
        "last_workers_conference": dt.date(2023, 1, 15),
    }
    data.update(changes)
    return data


def report_payload(enterprise_id: int, **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "enterprise_id": enterprise_id,
        "report_type": "monthly",
        "period_start": "2023-03-01",
        "headcount": 800,
        "women": 520,
        "lowest_wage": 4_900_000,
        "meal_value": 22_000,
        "has_collective_agreement": True,
        "last_workers_conference": "2023-01-15",
    }
    payload.update(changes)
    return payload

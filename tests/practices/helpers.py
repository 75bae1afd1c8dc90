"""What a browser posts to the "Dân vận khéo" forms, and what an API client sends."""

from __future__ import annotations

from typing import Any

from phoihop.directory.models import Agency
from phoihop.practices.models import GoodPractice
from tests.directory.factories import AgencyFactory


def city_committee() -> Agency:
    """The awarding body of the seed's "Bằng khen của Ủy ban nhân dân thành phố"."""
    return AgencyFactory(short_code="UBNDTP", name="Ủy ban nhân dân thành phố Hải Phòng")


def practice_form_data(practice: GoodPractice | None = None, **overrides: Any) -> dict[str, Any]:
    if practice is None:
        data: dict[str, Any] = {
            "title": "Vận động doanh nghiệp tham gia thanh toán điện tử",
            "year": "2023",
            "field": "digital",
            "description": "",
            "results": "",
            "status": "implementing",
            "enterprises": [],
            "plan_items": [],
            "version": "",
        }
    else:
        data = {
            "title": practice.title,
            "year": str(practice.year),
            "field": practice.field,
            "description": practice.description,
            "results": practice.results,
            "status": practice.status,
            "enterprises": [e.pk for e in practice.enterprises.all()],
            "plan_items": [i.pk for i in practice.plan_items.all()],
            "version": practice.version,
        }
    data.update(overrides)
    return data


def practice_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "title": "Vận động doanh nghiệp tham gia thanh toán điện tử",
        "year": 2023,
        "field": "digital",
    }
    payload.update(overrides)
    return payload


def award_form_data(practice: GoodPractice, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "level": "certificate_of_merit",
        "awarding_agency": city_committee().pk,
        "awarding_body_name": "",
        "decision_number": "",
        "decision_date": "2023-12-26",
        "note": "",
        "version": "",
    }
    data.update(overrides)
    return data


def award_payload(practice: GoodPractice, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "level": "certificate_of_merit",
        "awarding_agency_id": city_committee().pk,
        "decision_date": "2023-12-26",
    }
    payload.update(overrides)
    return payload

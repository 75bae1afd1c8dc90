"""What a browser posts to the inspection forms, and what an API client sends."""

from __future__ import annotations

from typing import Any

from phoihop.directory.models import Enterprise
from phoihop.oversight.models import Finding, FollowUpAction, Inspection
from tests.directory.factories import EnterpriseFactory
from tests.oversight.factories import topic

VISITED_TAX_CODE = "0299000901"


def visited_enterprise() -> Enterprise:
    """The enterprise the test inspections visit (one per test database)."""
    found = Enterprise.objects.filter(tax_code=VISITED_TAX_CODE).first()
    return found or EnterpriseFactory(
        tax_code=VISITED_TAX_CODE, name="Công ty TNHH Điện tử Tràng Duệ", ownership="wholly_foreign"
    )


def _ids(values: Any) -> list[Any]:
    return [value.pk for value in values]


def inspection_form_data(inspection: Inspection | None = None, **overrides: Any) -> dict[str, Any]:
    if inspection is None:
        data: dict[str, Any] = {
            "kind": "supervision",
            "title": "Giám sát thực hiện lương tối thiểu vùng",
            "start_date": "2023-06-05",
            "end_date": "2023-06-30",
            "basis": "Kế hoạch giám sát năm 2023",
            "enterprises": [visited_enterprise().pk],
            "topics": [topic("regional_minimum_wage").pk],
            "partner_agencies": [],
            "plan_items": [],
            "summary": "",
            "recommendations": "",
            "version": "",
        }
    else:
        data = {
            "kind": inspection.kind,
            "title": inspection.title,
            "start_date": inspection.start_date.isoformat(),
            "end_date": inspection.end_date.isoformat() if inspection.end_date else "",
            "basis": inspection.basis,
            "enterprises": _ids(inspection.enterprises.all()),
            "topics": _ids(inspection.topics.all()),
            "partner_agencies": _ids(inspection.partner_agencies.all()),
            "plan_items": _ids(inspection.plan_items.all()),
            "summary": inspection.summary,
            "recommendations": inspection.recommendations,
            "version": inspection.version,
        }
    data.update(overrides)
    return data


def inspection_payload(**overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "supervision",
        "title": "Giám sát thực hiện lương tối thiểu vùng",
        "start_date": "2023-06-05",
        "end_date": "2023-06-30",
        "enterprise_ids": [visited_enterprise().pk],
        "topic_codes": ["regional_minimum_wage"],
    }
    payload.update(overrides)
    return payload


def finding_form_data(inspection: Inspection, finding: Finding | None = None, **overrides: Any) -> dict[str, Any]:
    if finding is None:
        data: dict[str, Any] = {
            "enterprise": inspection.enterprises.first().pk,  # type: ignore[union-attr]
            "topic": inspection.topics.first().pk,  # type: ignore[union-attr]
            "compliant": "false",
            "text": "Doanh nghiệp trả lương thấp hơn mức lương tối thiểu vùng cho lao động học việc.",
            "version": "",
        }
    else:
        data = {
            "enterprise": finding.enterprise_id,
            "topic": finding.topic_id,
            "compliant": "true" if finding.compliant else "false",
            "text": finding.text,
            "version": finding.version,
        }
    data.update(overrides)
    return data


def finding_payload(inspection: Inspection, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "enterprise_id": inspection.enterprises.first().pk,  # type: ignore[union-attr]
        "topic_id": inspection.topics.first().pk,  # type: ignore[union-attr]
        "compliant": True,
        "text": "Trả lương không thấp hơn mức lương tối thiểu vùng.",
    }
    payload.update(overrides)
    return payload


def follow_up_form_data(
    inspection: Inspection, follow_up: FollowUpAction | None = None, **overrides: Any
) -> dict[str, Any]:
    if follow_up is None:
        data: dict[str, Any] = {
            "enterprise": inspection.enterprises.first().pk,  # type: ignore[union-attr]
            "description": "Điều chỉnh thang lương, bảng lương theo mức lương tối thiểu vùng mới.",
            "responsible": "Công đoàn cơ sở",
            "due_date": "2023-09-30",
            "status": "open",
            "completed_on": "",
            "note": "",
            "version": "",
        }
    else:
        data = {
            "enterprise": follow_up.enterprise_id or "",
            "description": follow_up.description,
            "responsible": follow_up.responsible,
            "due_date": follow_up.due_date.isoformat(),
            "status": follow_up.status,
            "completed_on": follow_up.completed_on.isoformat() if follow_up.completed_on else "",
            "note": follow_up.note,
            "version": follow_up.version,
        }
    data.update(overrides)
    return data


def follow_up_payload(inspection: Inspection, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "enterprise_id": inspection.enterprises.first().pk,  # type: ignore[union-attr]
        "description": "Điều chỉnh thang lương, bảng lương.",
        "due_date": "2023-09-30",
    }
    payload.update(overrides)
    return payload

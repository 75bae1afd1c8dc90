from __future__ import annotations

from typing import Any

from phoihop.organizing.models import Founding


def founding_form_data(founding: Founding | None = None, **overrides: Any) -> dict[str, Any]:
    if founding is None:
        data: dict[str, Any] = {
            "kind": "grassroots_union",
            "name": "",
            "enterprise": "0299000013",
            "founded_on": "2023-06-01",
            "members_at_founding": "45",
            "decision_document": "",
            "notes": "",
            "version": "",
        }
    else:
        data = {
            "kind": founding.kind,
            "name": founding.name,
            "enterprise": founding.enterprise.tax_code,
            "founded_on": founding.founded_on.isoformat(),
            "members_at_founding": "" if founding.members_at_founding is None else founding.members_at_founding,
            "decision_document": founding.decision_document_id or "",
            "notes": founding.notes,
            "version": founding.version,
        }
    data.update(overrides)
    return data


def founding_payload(enterprise: int, **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "kind": "grassroots_union",
        "enterprise_id": enterprise,
        "founded_on": "2023-06-01",
        "members_at_founding": 45,
    }
    payload.update(overrides)
    return payload

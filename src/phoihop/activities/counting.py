"""What indicators may count in activities, registered with the indicators' record-kind registry.

Participants are registered twice, once per unit: a participant row carries its own unit (persons or person-times)
and the two are never added together, so an indicator in persons can only sum rows in persons."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models

from phoihop.activities.models import (
    Activity,
    ActivityOutput,
    ParticipantInPersons,
    ParticipantInPersonTimes,
    output_text,
    participant_text,
)

ACTIVITY_FILTERS = {
    "kind": ("exact", "in"),
    "series": ("exact", "in", "icontains"),
    "zone": ("exact", "in"),
    "zone__parent": ("exact", "in"),
    "start_date": ("gte", "lte"),
}


def _with_activity(prefix: str) -> dict[str, tuple[str, ...]]:
    return {f"{prefix}__{path}": lookups for path, lookups in ACTIVITY_FILTERS.items()}


def _row_of_activity(row: models.Model) -> str:
    activity = row.activity  # type: ignore[attr-defined]
    return f"{activity.title} — {row}"


def _participant_row(row: Mapping[str, Any]) -> str:
    text = participant_text(row["group"], row["count"], row["unit"], row["qualifier"])
    return f"{row['activity__title']} — {text}"


def _output_row(row: Mapping[str, Any]) -> str:
    text = output_text(row["kind"], row["label"], row["quantity"], row["unit"], row["qualifier"])
    return f"{row['activity__title']} — {text}"


def _url_of_activity(row: models.Model) -> str:
    return str(row.activity.get_absolute_url())  # type: ignore[attr-defined]


def register_record_kinds() -> None:
    from phoihop.indicators.registry import RowText, record_kinds

    participant_row = RowText(("activity__title", "group", "count", "unit", "qualifier"), _participant_row)

    record_kinds.register(
        key="activities.activity",
        link=("activities:activity_detail", "pk"),
        label="Hoạt động",
        model=Activity,
        date_field="start_date",
        agency_field="owner_agency",
        filter_fields=ACTIVITY_FILTERS,
        row_text=RowText(("title",), lambda row: row["title"]),
    )
    participant_filters = {
        "group": ("exact", "in"),
        "qualifier": ("exact", "in"),
        **_with_activity("activity"),
    }
    # The rows of an activity: dated, owned and linked by their activity.
    of_activity: dict[str, Any] = {
        "link": ("activities:activity_detail", "activity_id"),
        "date_field": "activity__start_date",
        "agency_field": "activity__owner_agency",
        "describe": _row_of_activity,
        "url_of": _url_of_activity,
    }
    for unit, label, model in (
        ("persons", "Người tham gia hoạt động (tính theo người)", ParticipantInPersons),
        ("person_times", "Người tham gia hoạt động (tính theo lượt người)", ParticipantInPersonTimes),
    ):
        record_kinds.register(
            key=f"activities.participants_{unit}",
            label=label,
            model=model,
            filter_fields=participant_filters,
            sum_fields={"count": unit},
            row_text=participant_row,
            **of_activity,
        )
    record_kinds.register(
        key="activities.outputs",
        label="Kết quả, sản phẩm của hoạt động",
        model=ActivityOutput,
        filter_fields={
            "kind": ("exact", "in"),
            "label": ("exact", "icontains"),
            "unit": ("exact",),
            **_with_activity("activity"),
        },
        sum_fields={"quantity": None},
        row_text=RowText(("activity__title", "kind", "label", "quantity", "unit", "qualifier"), _output_row),
        **of_activity,
    )

"""The activities behind part I of the 2023 joint report (seed): communication, the dialogue conference, the Union
Tet Market, the welfare kiosks, the app and hotline, the survey, the 48 training classes for union cadres, the law
and the inspection courses, and the Economic Zone Authority's conferences and programmes.

Every figure the report prints is the seed's, with its qualifier ("trên 4.000" is stored as 4000 with "over").
The seed gives months at best, so the days are illustrative, and places are left empty where the seed names none.
`plan_item` is the number of the 2023 plan item the activity carries out (see planning_data.py); the loader skips
the link when that plan or item is not there."""

from __future__ import annotations

from typing import Any

from phoihop.demo import read

DATA = read("activities")

TRAINING_SERIES = "Tập huấn, bồi dưỡng cán bộ công đoàn năm 2023"
TET_SERIES = "Tết Sum vầy, Xuân gắn kết"

# Footnote-free activities of part I, in the order the report tells them.
ACTIVITIES: list[dict[str, Any]] = DATA["ACTIVITIES"]

TRAINING_TOPICS = DATA["TRAINING_TOPICS"]
TRAINING_PLACES = DATA["TRAINING_PLACES"]
# The 48 classes of part I.5: (date, topic, union cadres trained in person-times, place). They add up to 2.500.
TRAINING_CLASSES: list[tuple[str, str, int, int]] = DATA["TRAINING_CLASSES"]
TRAINING_PLAN_ITEM = 14


def training_class_rows() -> list[dict[str, Any]]:
    """The 48 classes as activity rows, titled "… (lớp 01/48)" so each has its own natural key."""
    total = len(TRAINING_CLASSES)
    rows = []
    for number, (date, topic, count, place) in enumerate(TRAINING_CLASSES, start=1):
        rows.append(
            {
                "key": f"training-{number:02d}",
                "kind": "training_class",
                "title": f"{TRAINING_TOPICS[topic]} (lớp {number:02d}/{total})",
                "series": TRAINING_SERIES,
                "start_date": date,
                "end_date": None,
                "owner": "LĐLĐTP",
                "partners": [],
                "zone": "",
                "enterprises": [],
                "place": TRAINING_PLACES[place],
                "notes": "",
                "participants": [
                    {"group": "union_cadres", "count": count, "unit": "person_times", "qualifier": "exact"}
                ],
                "outputs": [],
                "plan_item": TRAINING_PLAN_ITEM,
            }
        )
    return rows


# --- Indicators of the 2023 plan that count these activities ------------------------------------------------------

INDICATORS: list[dict[str, Any]] = DATA["INDICATORS"]


def _plan_items(year: int) -> dict[int, Any]:
    from phoihop.planning.models import PlanItem

    return {item.number: item for item in PlanItem.objects.filter(plan__year=year)}


def load_activities(report: Any) -> None:
    """Step of `load_demo`: the activities above through the activity services, skipping those already there
    (natural key: organising body, title, start date)."""
    import datetime as dt

    from phoihop.accounts.models import User
    from phoihop.activities.models import Activity
    from phoihop.activities.services import create_activity
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.directory.models import Agency, Enterprise, Zone

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    items = _plan_items(2023)
    for row in ACTIVITIES + training_class_rows():
        owner = agencies[row["owner"]]
        start = dt.date.fromisoformat(row["start_date"])
        if Activity.objects.filter(owner_agency=owner, title=row["title"], start_date=start).exists():
            continue
        item = items.get(row["plan_item"])
        create_activity(
            actor=admin,
            owner_agency=owner,
            data={
                "kind": row["kind"],
                "title": row["title"],
                "series": row["series"],
                "start_date": start,
                "end_date": dt.date.fromisoformat(row["end_date"]) if row["end_date"] else None,
                "place": row["place"],
                "zone": Zone.objects.get(name=row["zone"]) if row["zone"] else None,
                "notes": row["notes"],
                "partner_agencies": [agencies[code] for code in row["partners"]],
                "enterprises": list(Enterprise.objects.filter(tax_code__in=row["enterprises"]).order_by("tax_code")),
                "plan_items": [item] if item is not None else [],
            },
            participants=row["participants"],
            outputs=row["outputs"],
        )
        report.count("activities")

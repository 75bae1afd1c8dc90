"""The home page at 1x and 10x data: the demo's plan items (10x: each copied nine more times, late) and the
enterprises of `bench.generate`, opened by a leader (approvals, reports, late items, open warnings), an officer
(figures due, periods being entered, cases near their deadline, late items) and the secretariat (the report body by
body, late items).

Target: each home page at 10x data within 300 ms on SQLite, with the same number of queries as at 1x."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.test import Client

from bench.generate import seed
from phoihop.accounts.models import User
from phoihop.planning.choices import ItemStatus
from phoihop.planning.models import PlanItem

TARGET_MS = 300.0
LEADER = "ldldtp.lanhdao"
# The roles whose home pages are measured, each with its own cards (the secretariat's checker card loads later).
ROLES = {"leader": LEADER, "officer": "ldldtp.canbo", "secretariat": "bdvtu.thuky"}


def grow_plan(times: int) -> None:
    """Top the plan items up to `times` the demo's count, as late items (bulk insert: data, not a user action)."""
    demo = list(PlanItem.objects.exclude(title__startswith="Bản sao").order_by("pk"))
    have = PlanItem.objects.count()
    if not demo:
        return
    top = PlanItem.objects.order_by("-number").values_list("number", flat=True).first() or 0
    copies = []
    for n in range(have, len(demo) * times):
        item = demo[n % len(demo)]
        copies.append(
            PlanItem(
                plan_id=item.plan_id,
                area_id=item.area_id,
                number=top + n + 1,
                title=f"Bản sao {n}: {item.title}"[:255],
                lead_agency_id=item.lead_agency_id,
                status=ItemStatus.IN_PROGRESS,
                due_date=dt.date(2023, 6, 30),
            )
        )
    PlanItem.objects.bulk_create(copies, batch_size=2000)


def rows(measure: Callable[[Callable[[], object]], tuple[float, int]]) -> list[tuple[str, str, float, int]]:
    clients = {}
    for role, username in ROLES.items():
        client = Client()
        client.force_login(User.objects.get(username=username))
        clients[role] = client
    found: list[tuple[str, str, float, int]] = []
    for scale, times in (("1x", 1), ("10x", 10)):
        seed(enterprises=1_000 * times)
        grow_plan(times)
        for role, client in clients.items():
            ms, queries = measure(lambda client=client: client.get("/"))  # type: ignore[misc]
            found.append((f"home page ({role})", scale, ms, queries))
    return found

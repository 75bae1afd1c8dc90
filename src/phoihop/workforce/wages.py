"""The regional minimum wage in force for a zone on a date, from the stored decrees and the zones' wage regions.

The amounts only ever rise, so the lowest wage paid during a period is compared with the amount in force on the
period's first day: that is the lowest minimum that applied at any time in the period, and a wage below it is
certainly below the minimum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from phoihop.workforce.models import MinimumWage, WageRegionAssignment


@dataclass(frozen=True)
class MinimumInForce:
    amount: int
    region: str
    region_label: str
    decree_number: str
    citation: str
    verified: bool


class MinimumWageTable:
    """Every decree amount and zone region in memory (a few dozen rows): one query each, then no query per lookup."""

    def __init__(self) -> None:
        self.amounts = sorted(
            MinimumWage.objects.select_related("decree"),
            key=lambda row: row.decree.effective_from,
            reverse=True,
        )
        self.regions: dict[int, list[WageRegionAssignment]] = {}
        for row in WageRegionAssignment.objects.order_by("-effective_from").select_related("decree"):
            self.regions.setdefault(row.zone_id, []).append(row)

    def region_of(self, zone_ids: list[int | None], day: dt.date) -> WageRegionAssignment | None:
        """The zone's own region, else its parent's (a park inside an economic zone)."""
        for zone_id in zone_ids:
            for row in self.regions.get(zone_id or 0, []):
                if row.effective_from <= day:
                    return row
        return None

    def in_force(self, zone_ids: list[int | None], day: dt.date) -> MinimumInForce | None:
        assignment = self.region_of(zone_ids, day)
        if assignment is None:
            return None
        for row in self.amounts:
            if row.region == assignment.region and row.decree.effective_from <= day:
                return MinimumInForce(
                    amount=row.monthly_amount,
                    region=row.region,
                    region_label=row.get_region_display(),
                    decree_number=row.decree.number,
                    citation=row.decree.citation,
                    verified=row.check_status == "verified" and assignment.check_status == "verified",
                )
        return None

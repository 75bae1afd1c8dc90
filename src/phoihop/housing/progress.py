"""Progress of a housing project, derived from its milestones — never typed.

Milestones are grouped by phase (blank = the whole project). In each phase the latest delivery milestone (a phase
completed, the project in use) gives what that phase delivered; a phase with no delivery yet but a groundbreaking or
"under construction" milestone is being built, with the quantities of its latest such milestone. The project's
current stage is its latest milestone (ties: the further step). Remaining = planned total − delivered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from phoihop.housing.choices import MilestoneKind

if TYPE_CHECKING:
    from phoihop.housing.models import HousingProject, Milestone


@dataclass(frozen=True)
class Quantities:
    buildings: int = 0
    floor_area_m2: Decimal = Decimal(0)
    apartments: int = 0
    people: int = 0

    def __add__(self, other: Quantities) -> Quantities:
        return Quantities(
            buildings=self.buildings + other.buildings,
            floor_area_m2=self.floor_area_m2 + other.floor_area_m2,
            apartments=self.apartments + other.apartments,
            people=self.people + other.people,
        )

    @classmethod
    def of(cls, milestone: Milestone) -> Quantities:
        return cls(
            buildings=milestone.buildings or 0,
            floor_area_m2=milestone.floor_area_m2 or Decimal(0),
            apartments=milestone.apartments or 0,
            people=milestone.people or 0,
        )


@dataclass(frozen=True)
class ProjectProgress:
    stage: str | None  # a MilestoneKind value, None before the first milestone
    stage_label: str
    stage_date: dt.date | None
    stage_date_text: str
    delivered: Quantities
    under_construction: Quantities
    # Planned total − delivered, for what the project states a total of (None when the total is not known).
    remaining_buildings: int | None
    remaining_floor_area_m2: Decimal | None
    remaining_apartments: int | None
    remaining_people: int | None
    phases_delivered: tuple[str, ...]
    phases_under_construction: tuple[str, ...]

    @property
    def has_started(self) -> bool:
        return self.stage is not None and MilestoneKind(self.stage).stage >= MilestoneKind.GROUNDBREAKING.stage


def _latest(milestones: Iterable[Milestone]) -> Milestone | None:
    return max(milestones, key=lambda m: (m.date, m.stage, m.pk or 0), default=None)


def _planned(project: HousingProject) -> Quantities:
    return Quantities(
        buildings=project.buildings or 0,
        floor_area_m2=project.floor_area_m2 or Decimal(0),
        apartments=project.apartments or 0,
        people=project.capacity or 0,
    )


def _has_quantities(milestone: Milestone) -> bool:
    return any(
        value is not None
        for value in (milestone.buildings, milestone.floor_area_m2, milestone.apartments, milestone.people)
    )


def _minus(a: Quantities, b: Quantities) -> Quantities:
    return Quantities(
        buildings=max(a.buildings - b.buildings, 0),
        floor_area_m2=max(a.floor_area_m2 - b.floor_area_m2, Decimal(0)),
        apartments=max(a.apartments - b.apartments, 0),
        people=max(a.people - b.people, 0),
    )


def compute_progress(project: HousingProject, milestones: Iterable[Milestone]) -> ProjectProgress:
    rows = list(milestones)
    phases: dict[str, list[Milestone]] = {}
    for milestone in rows:
        phases.setdefault(milestone.phase.strip(), []).append(milestone)
    whole = phases.pop("", [])
    delivered, building = Quantities(), Quantities()
    phases_delivered: list[str] = []
    phases_building: list[str] = []
    for phase, items in phases.items():
        done = _latest(m for m in items if m.kind in MilestoneKind.deliveries())
        if done is not None:
            delivered += Quantities.of(done)
            phases_delivered.append(phase)
            continue
        started = _latest(m for m in items if m.kind in MilestoneKind.starts())
        if started is not None:
            building += Quantities.of(started)
            phases_building.append(phase)
    # Milestones of the whole project: its delivery covers every phase (with the planned totals when the milestone
    # states no quantity); its start covers what the named phases have not delivered yet.
    whole_done = _latest(m for m in whole if m.kind in MilestoneKind.deliveries())
    whole_started = _latest(m for m in whole if m.kind in MilestoneKind.starts())
    if whole_done is not None:
        delivered = Quantities.of(whole_done) if _has_quantities(whole_done) else _planned(project)
        building = Quantities()
        phases_delivered, phases_building = [""], []
    elif whole_started is not None and _has_quantities(whole_started):
        building = _minus(Quantities.of(whole_started), delivered)
        phases_building = ["", *phases_building]
    elif whole_started is not None:
        phases_building = ["", *phases_building]
    current = _latest(rows)
    return ProjectProgress(
        stage=current.kind if current else None,
        stage_label=current.get_kind_display() if current else "Chưa có mốc tiến độ",
        stage_date=current.date if current else None,
        stage_date_text=current.date_text if current else "",
        delivered=delivered,
        under_construction=building,
        remaining_buildings=None if project.buildings is None else max(project.buildings - delivered.buildings, 0),
        remaining_floor_area_m2=(
            None if project.floor_area_m2 is None else max(project.floor_area_m2 - delivered.floor_area_m2, Decimal(0))
        ),
        remaining_apartments=None if project.apartments is None else max(project.apartments - delivered.apartments, 0),
        remaining_people=None if project.capacity is None else max(project.capacity - delivered.people, 0),
        phases_delivered=tuple(phases_delivered),
        phases_under_construction=tuple(phases_building),
    )

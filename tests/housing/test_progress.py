"""Progress of a housing project is derived from its milestones, never typed: what a phase delivered, what is being
built, what remains of the planned scale, and the stage the project has reached."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from phoihop.housing.choices import MilestoneKind
from phoihop.housing.models import HousingProject, Milestone
from phoihop.housing.progress import Quantities, compute_progress


def _project(**fields: object) -> HousingProject:
    return HousingProject(name="Dự án thử", investor_name="Chủ đầu tư", **fields)  # type: ignore[arg-type]


def _milestone(kind: str, year: int = 2023, month: int = 1, pk: int = 0, **fields: object) -> Milestone:
    return Milestone(pk=pk or None, kind=kind, date=dt.date(year, month, 1), **fields)  # type: ignore[arg-type]


def test_the_lg_display_dormitory_of_footnote_3() -> None:
    """12 buildings for about 10.800 people; phases 1, 2 and part of 3 completed (06 buildings, 04 of them for
    workers, about 37.000 m²); the 02 remaining buildings of phase 3 under construction (about 18.500 m², 1.800
    people)."""
    project = _project(buildings=12, max_floors=5, capacity=10800)
    progress = compute_progress(
        project,
        [
            _milestone(
                MilestoneKind.PHASE_COMPLETED,
                phase="Giai đoạn 1, giai đoạn 2 và một phần giai đoạn 3",
                buildings=6,
                worker_buildings=4,
                floor_area_m2=Decimal(37000),
            ),
            _milestone(
                MilestoneKind.UNDER_CONSTRUCTION,
                phase="Giai đoạn 3 (02 tòa nhà còn lại)",
                buildings=2,
                floor_area_m2=Decimal(18500),
                people=1800,
            ),
        ],
    )
    assert progress.delivered == Quantities(buildings=6, floor_area_m2=Decimal(37000))
    assert progress.under_construction == Quantities(buildings=2, floor_area_m2=Decimal(18500), people=1800)
    assert progress.remaining_buildings == 6
    assert progress.remaining_people == 10800
    assert progress.remaining_apartments is None  # the project states no number of apartments
    assert progress.stage == MilestoneKind.PHASE_COMPLETED  # same date: the further step
    assert progress.has_started


def test_a_project_with_no_milestone_has_not_started() -> None:
    progress = compute_progress(_project(land_area_ha=Decimal(56)), [])
    assert progress.stage is None
    assert progress.stage_label == "Chưa có mốc tiến độ"
    assert progress.delivered == Quantities()
    assert not progress.has_started


def test_the_stage_is_the_latest_milestone() -> None:
    progress = compute_progress(
        _project(capacity=12000),
        [
            _milestone(MilestoneKind.INVESTMENT_POLICY_APPROVED, month=2),
            _milestone(MilestoneKind.INVESTOR_SELECTED, month=9),
        ],
    )
    assert progress.stage == MilestoneKind.INVESTOR_SELECTED
    assert progress.stage_label == "Lựa chọn nhà đầu tư"
    assert not progress.has_started


def test_a_later_delivery_of_the_same_phase_replaces_the_earlier_one() -> None:
    progress = compute_progress(
        _project(buildings=10),
        [
            _milestone(MilestoneKind.PHASE_COMPLETED, month=3, pk=1, phase="Giai đoạn 1", buildings=2),
            _milestone(MilestoneKind.IN_USE, month=9, pk=2, phase="Giai đoạn 1", buildings=3),
            _milestone(MilestoneKind.PHASE_COMPLETED, month=6, pk=3, phase="Giai đoạn 2", buildings=4),
        ],
    )
    assert progress.delivered.buildings == 7
    assert progress.remaining_buildings == 3


def test_a_whole_project_groundbreaking_counts_what_the_phases_have_not_delivered() -> None:
    progress = compute_progress(
        _project(buildings=10, apartments=4456),
        [
            _milestone(MilestoneKind.GROUNDBREAKING, month=3, buildings=10, apartments=4456),
            _milestone(MilestoneKind.PHASE_COMPLETED, year=2024, phase="Giai đoạn 1", buildings=4, apartments=1800),
        ],
    )
    assert progress.delivered == Quantities(buildings=4, apartments=1800)
    assert progress.under_construction == Quantities(buildings=6, apartments=2656)


def test_a_whole_project_in_use_without_quantities_delivers_the_planned_scale() -> None:
    progress = compute_progress(
        _project(buildings=10, capacity=10000),
        [_milestone(MilestoneKind.GROUNDBREAKING), _milestone(MilestoneKind.IN_USE, year=2025)],
    )
    assert progress.delivered == Quantities(buildings=10, people=10000)
    assert progress.under_construction == Quantities()
    assert progress.remaining_buildings == 0
    assert progress.stage_label == "Hoàn thành toàn bộ, đưa vào sử dụng"

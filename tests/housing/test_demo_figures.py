"""The demo data set holds every housing project of footnotes 2 and 3 of the seed, and every number those footnotes
print is a stored field or a milestone quantity that prints as the seed writes it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from phoihop.accounts.models import User
from phoihop.core.vnformat import format_number
from phoihop.demo.loader import load_demo
from phoihop.housing import selectors
from phoihop.housing.choices import MilestoneKind
from phoihop.housing.models import HousingProject, Milestone


def _project(name_part: str) -> HousingProject:
    return HousingProject.objects.prefetch_related("milestones").get(name__contains=name_part)


@pytest.mark.django_db(transaction=False)
def test_footnotes_2_and_3_are_records_with_every_figure_of_the_seed(settings: Any) -> None:
    load_demo()
    counts = (HousingProject.objects.count(), Milestone.objects.count())
    load_demo()  # idempotent: a second run adds nothing
    assert (HousingProject.objects.count(), Milestone.objects.count()) == counts

    lac_vien = _project("Tổng kho 3 Lạc Viên")
    assert (lac_vien.buildings, lac_vien.max_floors, lac_vien.apartments_text) == (10, 15, "khoảng 4.456 căn hộ")
    assert [(m.kind, m.date_text) for m in lac_vien.milestones.all()] == [("groundbreaking", "tháng 3/2023")]

    trang_due_social = _project("khu nhà ở xã hội tại Khu đô thị")
    assert trang_due_social.apartments_text == "2.538 căn hộ"
    assert [m.date_text for m in trang_due_social.milestones.all()] == ["tháng 5/2023"]
    assert trang_due_social.part_of == _project("Dự án Khu đô thị - dịch vụ thương mại")

    pegatron = _project("Pegatron")
    assert pegatron.investor_enterprise.name == "Công ty TNHH Pegatron Việt Nam"  # type: ignore[union-attr]
    assert (pegatron.buildings, pegatron.capacity_text) == (10, "10.000 công nhân lao động")
    assert [(m.kind, m.date_text) for m in pegatron.milestones.all()] == [("groundbreaking", "năm 2023")]

    trang_cat = _project("Tràng Cát")
    assert (trang_cat.apartments_text, trang_cat.capacity_text) == ("4.000 căn hộ", "gần 10.000 lao động")
    groundbreaking = trang_cat.milestones.get()
    assert (groundbreaking.kind, groundbreaking.date, groundbreaking.date_text) == (
        "groundbreaking",
        dt.date(2024, 1, 1),
        "tháng 01/2024",
    )

    dong_hai = _project("Đông Hải 2")
    assert dong_hai.capacity_text == "khoảng 12.000 người"
    assert [m.kind for m in dong_hai.milestones.all()] == ["investment_policy_approved", "investor_selected"]
    assert selectors.progress_of(dong_hai).stage_label == "Lựa chọn nhà đầu tư"

    an_duong = _project("thị trấn An Dương")
    assert format_number(an_duong.land_area_ha) == "56"  # type: ignore[arg-type]
    assert an_duong.commune == "thị trấn An Dương và các xã Đông Thái, An Đông"

    lg = _project("LG Display")
    assert (lg.buildings, lg.max_floors, lg.capacity_text) == (12, 5, "khoảng 10.800 người")
    done, building = lg.milestones.order_by("kind")
    assert (done.kind, building.kind) == (MilestoneKind.PHASE_COMPLETED, MilestoneKind.UNDER_CONSTRUCTION)
    assert (done.buildings, done.worker_buildings, done.floor_area_text) == (6, 4, "khoảng 37.000 m²")
    assert (building.buildings, building.floor_area_text, building.people_text) == (
        2,
        "khoảng 18.500 m²",
        "1.800 người",
    )
    progress = selectors.progress_of(lg)
    assert progress.delivered.buildings == 6
    assert progress.under_construction.people == 1800

    urban = _project("Dự án Khu đô thị - dịch vụ thương mại")
    assert format_number(urban.land_area_ha) == "42,08"  # type: ignore[arg-type]
    assert format_number(urban.social_housing_land_ha) == "3,14"  # type: ignore[arg-type]
    assert (urban.buildings, urban.max_floors) == (4, 20)
    assert (urban.apartments_text, urban.capacity_text) == ("khoảng 3.600 căn hộ", "khoảng 12.600 người")
    assert urban.location == "xã Lê Lợi, huyện An Dương"

    facility = _project("thiết chế công đoàn")
    assert facility.kind == "union_facility"
    assert facility.owner_agency.short_code == "LĐLĐTP"

    # "Housing projects with a groundbreaking in the period": 2023 lists three, not Tràng Cát (01/2024).
    secretariat = User.objects.get(username="bdvtu.thuky")
    started = selectors.milestones_in_period(
        user=secretariat, start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31), kinds=[MilestoneKind.GROUNDBREAKING]
    )
    assert {m.project.name for m in started} == {lac_vien.name, trang_due_social.name, pegatron.name}
    # Every project carries out an item of the 2023 plan.
    assert all(project.plan_items.exists() for project in HousingProject.objects.all())

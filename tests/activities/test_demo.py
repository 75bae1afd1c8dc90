"""The demo data set: the activities behind part I of the seed, and the figures the 2023 plan's indicators compute
from them, equal to the seed's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Sum

from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.demo.loader import LoadReport, load_demo
from phoihop.directory.selectors import agency_scopes
from phoihop.indicators.progress import IndicatorProgress, compute_plan_progress
from phoihop.planning.models import Plan


@pytest.fixture(scope="module")
def demo(whole_demo: LoadReport) -> LoadReport:
    return whole_demo


def lines() -> dict[str, IndicatorProgress]:
    plan = Plan.objects.get(year=2023)
    progress = compute_plan_progress(plan, scopes=agency_scopes(), check_rules=False)
    return {line.code: line for line in progress.lines}


def activity(title: str) -> Activity:
    return Activity.objects.get(title=title)


@pytest.mark.usefixtures("db")
def test_the_indicators_give_the_seed_figures(demo: LoadReport) -> None:
    figures = lines()
    assert figures["HD-LOP-TAP-HUAN-CBCD"].actual_text == "48"
    assert figures["HD-LUOT-CBCD-TAP-HUAN"].actual_text == "2.500"
    assert figures["HD-LUOT-CBCD-TAP-HUAN"].unit_kind == "person_times"
    # provenance: the 48 classes are exactly the rows that add up to 2.500
    plan = Plan.objects.get(year=2023)
    detailed = compute_plan_progress(
        plan,
        scopes=agency_scopes(),
        check_rules=False,
        with_provenance=True,
        target_ids=[figures["HD-LUOT-CBCD-TAP-HUAN"].target_id],
    ).lines[0]
    assert len(detailed.provenance) == 48
    assert detailed.provenance_total == Decimal(2500)
    assert all("(lớp " in row.label for row in detailed.provenance)


@pytest.mark.usefixtures("db")
def test_the_records_behind_part_one(demo: LoadReport) -> None:
    classes = Activity.objects.filter(kind="training_class", series="Tập huấn, bồi dưỡng cán bộ công đoàn năm 2023")
    assert classes.count() == 48
    rows = ActivityParticipant.objects.filter(activity__in=classes)
    assert {(r.group, r.unit) for r in rows} == {("union_cadres", "person_times")}
    assert rows.aggregate(total=Sum("count"))["total"] == 2500
    sizes = list(rows.values_list("count", flat=True))
    assert min(sizes) >= 40
    assert max(sizes) <= 65  # spread over real classes, not one lump
    assert len({c.start_date.month for c in classes}) >= 10

    campaign = Activity.objects.get(kind="communication_campaign", participants__group="workers")
    assert [p.display_count for p in campaign.participants.all()] == ["trên 4.000 người"]
    booklet = ActivityOutput.objects.get(kind="booklets")
    assert (booklet.label, booklet.quantity, booklet.display_quantity) == (
        "Hỏi đáp về pháp luật lao động",
        1500,
        "1.500 cuốn",
    )
    market = activity("Chợ Tết Công đoàn 2023")
    assert [p.display_count for p in market.participants.all()] == ["trên 45.000 lượt người"]
    assert sorted(o.display_quantity for o in market.outputs.all()) == [
        "gần 100 đơn vị, doanh nghiệp",
        "trên 200 gian hàng",
    ]
    assert ActivityOutput.objects.get(kind="kiosks").display_quantity == "7 ki-ốt"
    assert Activity.objects.filter(kind="dialogue", title__startswith="Hội nghị Thường trực Thành ủy").count() == 1
    law = Activity.objects.get(title__contains="văn bằng 2")
    assert [p.display_count for p in law.participants.all()] == ["61 người"]
    assert law.participants.get().group == "students"
    inspection = Activity.objects.get(title__contains="Thanh tra - Kiểm tra")
    assert [(p.group, p.display_count) for p in inspection.participants.all()] == [("union_cadres", "46 người")]


@pytest.mark.usefixtures("db")
def test_every_activity_is_dated_in_2023_and_carries_out_a_plan_item(demo: LoadReport) -> None:
    for item in Activity.objects.prefetch_related("plan_items__plan"):
        assert item.start_date.year == 2023, item.title
        assert (item.end_date or item.start_date) <= dt.date(2023, 12, 31)
        assert [p.plan.year for p in item.plan_items.all()] == [2023], item.title


@pytest.mark.usefixtures("db")
def test_loading_again_creates_nothing(demo: LoadReport) -> None:
    assert demo.created["activities.activity"] == 63
    before = Activity.objects.count(), ActivityParticipant.objects.count(), ActivityOutput.objects.count()
    again = load_demo()
    assert "activities.activity" not in again.created
    assert "indicators.indicator" not in again.created
    assert (Activity.objects.count(), ActivityParticipant.objects.count(), ActivityOutput.objects.count()) == before

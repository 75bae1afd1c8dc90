"""The plan page's picture: its items by where they stand (done, in progress, late, carried over) per area and per
lead body, from the items themselves, in one query whatever their number."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.dashboard.plancharts import standing
from phoihop.planning.choices import ItemStatus
from tests.dashboard.helpers import chart_data
from tests.directory.factories import AgencyFactory
from tests.planning.factories import AreaFactory, PlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db
TODAY = dt.date(2023, 9, 1)


def test_where_an_item_stands() -> None:
    assert standing(status="done", due=dt.date(2023, 1, 1), carried=False, today=TODAY) == "done"
    assert standing(status="in_progress", due=dt.date(2023, 12, 1), carried=False, today=TODAY) == "in_progress"
    assert standing(status="not_started", due=None, carried=False, today=TODAY) == "in_progress"
    assert standing(status="in_progress", due=dt.date(2023, 6, 30), carried=False, today=TODAY) == "late"
    assert standing(status="not_done", due=None, carried=False, today=TODAY) == "late"
    assert standing(status="not_done", due=None, carried=True, today=TODAY) == "carried"


@pytest.fixture
def plan():  # type: ignore[no-untyped-def]
    plan = PlanFactory(year=2023)
    union = AgencyFactory(short_code="LĐLĐTP", kind="union")
    zone = AgencyFactory(short_code="BQLKKT")
    first = AreaFactory(plan=plan, number=1, title="Tuyên truyền")
    second = AreaFactory(plan=plan, number=2, title="Chăm lo đời sống")
    PlanItemFactory(area=first, lead_agency=union, status=ItemStatus.DONE)
    PlanItemFactory(area=first, lead_agency=union, status=ItemStatus.IN_PROGRESS, due_date=dt.date(2099, 1, 1))
    PlanItemFactory(area=second, lead_agency=zone, status=ItemStatus.IN_PROGRESS, due_date=dt.date(2023, 3, 31))
    unfinished = PlanItemFactory(area=second, lead_agency=zone, status=ItemStatus.NOT_DONE)
    next_area = AreaFactory(plan=PlanFactory(year=2024), number=1)
    PlanItemFactory(area=next_area, lead_agency=zone, carried_from=unfinished)
    return plan


def test_the_plan_page_charts_items_by_area_and_body(plan, admin_user, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(admin_user).get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "4 nội dung: hoàn thành 1, đang thực hiện 1, chậm, quá hạn 1, chuyển năm sau 1." in page
    areas = chart_data(page, f"plan-{plan.pk}-areas")
    assert areas["labels"] == ["1. Tuyên truyền", "2. Chăm lo đời sống"]
    by_series = {series["label"]: series["values"] for series in areas["series"]}
    assert by_series == {
        "Hoàn thành": [1.0, 0.0],
        "Đang thực hiện": [1.0, 0.0],
        "Chậm, quá hạn": [0.0, 1.0],
        "Chuyển năm sau": [0.0, 1.0],
    }
    bodies = chart_data(page, f"plan-{plan.pk}-bodies")
    assert bodies["labels"] == ["BQLKKT", "LĐLĐTP"]
    assert bodies["summary"] == "Nhiều nội dung chậm nhất: BQLKKT (1/2)."


def test_the_picture_costs_the_same_queries_with_ten_times_the_items(plan, admin_user, client_for) -> None:  # type: ignore[no-untyped-def]
    client = client_for(admin_user)
    client.get(f"/ke-hoach/{plan.pk}/")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/ke-hoach/{plan.pk}/").status_code == 200
        return len(queries)

    before = count()
    area = plan.areas.first()
    for _ in range(36):
        PlanItemFactory(area=area, lead_agency=plan.items.first().lead_agency, status=ItemStatus.DONE)
    after = count()
    assert after == before

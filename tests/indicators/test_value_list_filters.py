"""The value list as an officer narrows it: one indicator, one kind of period, and — arriving from the approval page
for one body — that body, named above the rows and kept while the other choices change."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Agency
from phoihop.indicators.models import Indicator, ReportedValue
from phoihop.planning.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(whole_demo: LoadReport) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="bdvtu.thuky"))
    return client


def rows(client: Client, query: str) -> tuple[str, int]:
    response = client.get(reverse("indicators:value_list") + query)
    assert response.status_code == 200
    page = response.content.decode()
    count = re.search(r"([\d.]+) kết quả", page)
    assert count is not None
    return page, int(count.group(1).replace(".", ""))


def test_one_indicator_and_one_kind_of_period(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    meal = Indicator.objects.get(code="CD-BAGC")  # the mid-shift meal, reported each quarter
    page, count = rows(client, f"?plan={plan.pk}&indicator={meal.pk}")
    assert count == ReportedValue.objects.filter(plan=plan, indicator=meal).count() == 4
    assert f'<option value="{meal.pk}" selected>CD-BAGC — {meal.name}</option>' in page
    _, monthly = rows(client, f"?plan={plan.pk}&indicator={meal.pk}&period_type=month")
    assert monthly == 0
    _, all_monthly = rows(client, f"?plan={plan.pk}&period_type=month")
    assert all_monthly == ReportedValue.objects.filter(plan=plan, period_type="month").count() > 0


def test_the_body_chosen_on_the_approval_page_is_named_and_kept(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    union = Agency.objects.get(short_code="CĐKKT")
    page, count = rows(client, f"?plan={plan.pk}&agency={union.pk}")
    assert count == ReportedValue.objects.filter(plan=plan, agency=union).count() > 0
    assert f"Số liệu của <strong>{union.name}</strong>" in page
    assert f'<input type="hidden" name="agency" value="{union.pk}">' in page
    everyone = re.search(r'<a href="(\?plan=\d+)">Xem số liệu của mọi đơn vị</a>', page)
    assert everyone is not None
    _, all_bodies = rows(client, everyone.group(1))
    assert all_bodies == ReportedValue.objects.filter(plan=plan).count() > count


def test_a_date_range_keeps_the_periods_it_overlaps(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    meal = Indicator.objects.get(code="CD-BAGC")  # reported each quarter
    page, count = rows(client, f"?plan={plan.pk}&indicator={meal.pk}&date_from=2023-08-15&date_to=2023-10-01")
    # The third quarter ends after 15 August and the fourth starts before 1 October: both overlap.
    assert count == 2
    assert "Quý III/2023" in page
    assert "Quý IV/2023" in page
    assert "Quý II/2023" not in page
    # The boxes keep what was typed.
    assert 'value="2023-08-15"' in page
    assert 'value="2023-10-01"' in page
    _, none = rows(client, f"?plan={plan.pk}&indicator={meal.pk}&date_from=2024-01-01")
    assert none == 0
    # A date the browser could not have sent is left out rather than emptying the list.
    _, ignored = rows(client, f"?plan={plan.pk}&indicator={meal.pk}&date_from=2023-13-45")
    assert ignored == 4


def test_on_a_phone_the_boxes_fold_behind_a_button_that_counts_the_choices(client: Client) -> None:
    plan = Plan.objects.get(year=2023)
    meal = Indicator.objects.get(code="CD-BAGC")
    page, _ = rows(client, f"?plan={plan.pk}")
    assert "Bộ lọc</button>" in page
    assert '<div class="filter-boxes" id="filter-boxes">' in page  # folded (js/phone.js) until a choice is made
    page, _ = rows(client, f"?plan={plan.pk}&indicator={meal.pk}&period_type=quarter&scope=all")
    assert "Bộ lọc (2 đang chọn)</button>" in page  # the plan is not folded; "all bodies" is no choice
    assert '<div class="filter-boxes collapse show" id="filter-boxes">' in page

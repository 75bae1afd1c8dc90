"""The union-member indicator of the demo 2023 plan shows 13.297 against 21.500 as a chart with the expected-by-now
line and a projection ("dự báo"); its data table and its text summary carry the report's figures."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.dashboard.charts import indicator_chart
from phoihop.indicators.models import Target
from phoihop.indicators.selectors import target_progress

pytestmark = pytest.mark.django_db


def members_target() -> Target:
    return Target.objects.get(
        plan__year=2023, indicator__code="CD-PTDV", agency__name__startswith="Công đoàn Khu kinh tế"
    )


def test_members_chart_on_the_progress_page(demo) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username="bdvtu.thuky"))
    target = members_target()
    page = client.get(reverse("indicators:target_progress", args=[target.pk])).content.decode()
    table = re.search(r'<table class="table table-sm bg-white mb-0 chart-table">.*?</table>', page, re.S)
    assert table
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="text-end">([^<]+)</td>', table.group(0)))
    assert rows["Thực hiện"] == "13.297"
    assert rows["Kế hoạch"] == "21.500"
    assert "Cần đạt đến nay" in rows
    assert "Dự báo cả kỳ" in rows
    assert "Đạt 61,8% kế hoạch" in page
    found = re.search(r'<script id="chart-target-\d+-data" type="application/json">(.*?)</script>', page, re.S)
    assert found
    data = json.loads(found.group(1))
    assert data["series"][0]["values"][0] == 13297
    assert data["series"][0]["values"][3] == 21500
    # No inline script: every <script> either loads a static file or carries JSON data.
    assert not re.search(r"<script(?![^>]*(src=|application/json))[^>]*>", page)


def test_expected_by_now_and_projection_follow_the_elapsed_share(demo) -> None:  # type: ignore[no-untyped-def]
    secretariat = User.objects.get(username="bdvtu.thuky")
    target, line = target_progress(user=secretariat, pk=members_target().pk, as_of=dt.date(2023, 7, 2))
    spec = indicator_chart(line=line, plan=target.plan, as_of=dt.date(2023, 7, 2))
    assert spec is not None
    values = dict(zip(spec.labels, spec.series[0].values, strict=True))
    expected = values["Cần đạt đến nay"]
    assert expected is not None
    # Half the year has gone by: about half the plan figure is expected.
    share = Decimal(expected) / Decimal(21500)
    assert Decimal("0.45") < share < Decimal("0.55")
    assert values["Dự báo cả kỳ"] is not None
    assert "theo đà hiện nay cả năm đạt khoảng" in spec.summary


def test_monthly_bars_add_up_to_the_figure(demo) -> None:  # type: ignore[no-untyped-def]
    secretariat = User.objects.get(username="bdvtu.thuky")
    _target, line = target_progress(user=secretariat, pk=members_target().pk)
    from phoihop.dashboard.charts import monthly_chart

    spec = monthly_chart(line=line)
    assert spec is not None
    assert len(spec.labels) == 12
    assert spec.series[1].kind == "line"
    assert spec.series[1].values[-1] == 13297
    assert spec.table[0] == ["01/2023", "520; lũy kế 520"]
    assert spec.summary.startswith("Lũy kế 13.297 sau 12 tháng")


def test_a_page_with_two_charts_loads_the_chart_library_once(demo) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(User.objects.get(username="bdvtu.thuky"))
    page = client.get(reverse("indicators:target_progress", args=[members_target().pk])).content.decode()
    assert page.count("chart-block card") == 2
    assert page.count("chart.umd.min.js") == 1
    assert page.count("js/charts.js") == 1

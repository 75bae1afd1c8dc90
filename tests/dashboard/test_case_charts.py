"""Case statistics as charts on the aggregate page: by topic and by channel as sorted bars, by month with the share
answered within the deadline — the same counts as the page's tables, no personal data, a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.test import Client

from phoihop.accounts.models import User
from phoihop.cases.models import Case
from tests.cases.test_demo_aggregates import SEED_SENTENCE
from tests.dashboard.helpers import chart_data

URL = "/vu-viec/tong-hop/"
YEAR_2023 = {"start": "2023-01-01", "end": "2023-12-31", "requester_kind": "worker"}


def _client(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.django_db
def test_the_2023_worker_cases_are_charted_from_the_same_counts(whole_demo: None) -> None:
    response = _client("ldldtp.lanhdao").get(URL, YEAR_2023)
    assert response.status_code == 200
    page = response.content.decode()
    assert SEED_SENTENCE in page  # the page's own sentence, unchanged
    topics = chart_data(page, "cases-by-topic")
    assert sum(topics["series"][0]["values"]) == 5
    counts = topics["series"][0]["values"]
    assert counts == sorted(counts, reverse=True)
    cases = Case.objects.filter(received_at__year=2023, requester_kind="worker")
    answered = cases.filter(answered_at__isnull=False)
    in_time = answered.filter(due_at__isnull=False, answered_at__lte=F("due_at")).count()
    months = chart_data(page, "cases-by-month")
    assert sum(months["series"][0]["values"]) == 5
    assert sum(months["series"][1]["values"]) == in_time
    assert f"đã trả lời {answered.count()}, trong đó đúng hạn {in_time}" in months["summary"]
    channels = chart_data(page, "cases-by-channel")
    assert sum(channels["series"][0]["values"]) == 5
    # Counts only: no requester's name or phone reaches the page.
    from phoihop.cases.models import CasePerson

    for person in CasePerson.objects.filter(case__in=cases):
        assert person.full_name not in page
        assert person.phone not in page


@pytest.mark.django_db
def test_a_period_without_cases_shows_no_chart_and_the_charts_cost_a_fixed_number_of_queries(
    whole_demo: None,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client("ldldtp.lanhdao")
    empty = client.get(URL, {"start": "2030-01-01", "end": "2030-12-31"}).content.decode()
    assert "chart-cases-by-topic-data" not in empty
    assert "Không có vụ việc." in empty

    def queries(period: dict[str, str]) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL, period).status_code == 200
        return len(captured)

    one_year = queries({"start": "2023-01-01", "end": "2023-12-31"})
    cases_in_2023 = Case.objects.filter(received_at__year=2023).count()
    for number in range(cases_in_2023 * 9):  # ten times the year's cases, spread over its months
        case = Case.objects.filter(received_at__year=2023).order_by("pk")[number % cases_in_2023]
        copy = Case.objects.get(pk=case.pk)
        copy.pk = None
        copy.tracking_hash = None
        copy.received_at = copy.received_at.replace(month=1 + number % 12, day=1)
        copy.save()
    assert queries({"start": "2023-01-01", "end": "2023-12-31"}) == one_year

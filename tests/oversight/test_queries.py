"""The pages and the API keep a fixed number of queries as inspections, findings and follow-ups grow tenfold, and
the enterprise page's selectors run one query each."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.directory.models import Agency, Enterprise
from phoihop.oversight import selectors
from phoihop.oversight.permissions import own_scope
from tests.directory.factories import EnterpriseFactory
from tests.oversight.factories import FindingFactory, FollowUpFactory, InspectionFactory, topic

# Pinned: signing in, the user's scope, the page's own queries. They must not grow with the data.
LIST_PAGE_MAX = 14
DETAIL_PAGE_MAX = 15
API_LIST_MAX = 12


def _seed(owner: Agency, inspections: int, enterprises: list[Enterprise]) -> None:
    topics = [topic("regional_minimum_wage"), topic("osh")]
    for index in range(inspections):
        inspection = InspectionFactory(owner_agency=owner, enterprises=enterprises, topics=topics)
        for enterprise in enterprises:
            FindingFactory(inspection=inspection, enterprise=enterprise, topic=topics[index % 2])
        FollowUpFactory(inspection=inspection, enterprise=enterprises[0])


def _count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("user_role", [Role.OFFICER, Role.SECRETARIAT])
def test_list_detail_and_api_keep_their_query_count_at_ten_times_the_data(
    user_role: Role, agency: Agency, make_user: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    user: User = make_user(user_role, agency)
    client = client_for(user)
    enterprises = [EnterpriseFactory(), EnterpriseFactory()]
    _seed(agency, 2, enterprises)
    first = InspectionFactory._meta.model.objects.order_by("pk").first()
    small = (
        _count(client, reverse("oversight:inspection_list")),
        _count(client, first.get_absolute_url()),
        _count(client, "/api/v1/oversight/inspections"),
    )
    _seed(agency, 18, enterprises + [EnterpriseFactory() for _ in range(8)])
    with django_assert_max_num_queries(LIST_PAGE_MAX):
        client.get(reverse("oversight:inspection_list"))
    with django_assert_max_num_queries(API_LIST_MAX):
        client.get("/api/v1/oversight/inspections")
    large = (
        _count(client, reverse("oversight:inspection_list")),
        _count(client, first.get_absolute_url()),
        _count(client, "/api/v1/oversight/inspections"),
    )
    assert large == small, (small, large)
    busiest = InspectionFactory._meta.model.objects.order_by("-pk").first()
    with django_assert_max_num_queries(DETAIL_PAGE_MAX):
        response = client.get(busiest.get_absolute_url())
    assert response.content.decode().count('id="finding-') == 10


def test_the_enterprise_page_selectors_run_one_query_each(
    agency: Agency, make_user: Any, django_assert_num_queries: Any
) -> None:
    officer: User = make_user(Role.OFFICER, agency)
    enterprise = EnterpriseFactory()
    _seed(agency, 5, [enterprise, EnterpriseFactory()])
    own_scope(officer)  # the user's scope is computed once per request, before the page's selectors run
    with django_assert_num_queries(1):
        inspections = list(selectors.inspections_for_enterprise(user=officer, enterprise=enterprise))
    with django_assert_num_queries(1):
        findings = list(selectors.findings_for_enterprise(user=officer, enterprise=enterprise))
        texts = [(f.inspection.title, f.inspection.owner_agency.short_code, f.topic.name) for f in findings]
    with django_assert_num_queries(1):
        follow_ups = list(selectors.follow_ups_for_enterprise(user=officer, enterprise=enterprise))
        titles = [(a.inspection.title, a.overdue) for a in follow_ups]
    assert len(inspections) == 5
    assert len(texts) == 5
    assert len(titles) == 5

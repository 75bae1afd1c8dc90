"""Read-replica routing (config/routers.py, core/replica.py): list and report reads go to the `replica` alias when one
is configured, here a second connection to the same test database; writes, reads after a write in the same request
and reads inside a transaction use the primary; without a replica nothing changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from phoihop.accounts.models import User
from phoihop.core.replica import replica_reads, start_request
from phoihop.directory.models import Enterprise
from phoihop.directory.selectors import count_bounded, list_enterprises
from phoihop.reports.selectors import list_reports
from tests.directory.factories import EnterpriseFactory

# The replica alias is added for a test on purpose (the warning says that changing DATABASES may surprise).
pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")


@pytest.fixture
def replica(settings) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A `replica` alias: a second connection to the test database, as a replica is a second server with the same
    rows (made by hand: the test database's connections are set up before the test)."""
    primary = connections["default"]
    settings_dict = dict(primary.settings_dict)
    settings.DATABASES = {**settings.DATABASES, "replica": settings_dict}
    connections["replica"] = primary.__class__(settings_dict, alias="replica")
    yield
    connections["replica"].close()
    del connections["replica"]


def names(user: User, query: str = "") -> list[str]:
    return [e.name for e in list_enterprises(user=user, params={"q": query} if query else {})[:25]]


@pytest.mark.django_db(transaction=True)
def test_a_list_is_read_from_the_replica_until_the_request_writes(replica: None, officer: User) -> None:
    EnterpriseFactory(name="Công ty TNHH Đình Vũ")
    start_request(safe=True)  # a new GET request
    with (
        CaptureQueriesContext(connections["replica"]) as on_replica,
        CaptureQueriesContext(connections["default"]) as on_primary,
    ):
        assert names(officer) == ["Công ty TNHH Đình Vũ"]
        found = list_enterprises(user=officer, params={"q": "dinh vu"})
        assert count_bounded(found) == (1, False)
        assert [e.name for e in found[:25]] == ["Công ty TNHH Đình Vũ"]  # the search's own SQL too
    assert any("directory_enterprise" in q["sql"] for q in on_replica.captured_queries)
    assert not any("directory_enterprise" in q["sql"] for q in on_primary.captured_queries)

    EnterpriseFactory(name="Công ty TNHH Tràng Duệ")  # a write in the same request: the primary from now on
    assert list_enterprises(user=officer).db == "default"
    assert set(names(officer)) == {"Công ty TNHH Đình Vũ", "Công ty TNHH Tràng Duệ"}


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_and_of_a_writing_request_use_the_primary(replica: None, officer: User) -> None:
    start_request(safe=True)
    assert list_enterprises(user=officer).db == "replica"
    assert list_reports(user=officer).db == "replica"
    with transaction.atomic():
        assert list_enterprises(user=officer).db == "default"
        with replica_reads():
            assert Enterprise.objects.all().db == "default"
    start_request(safe=False)  # a POST reads what it is about to change from the primary
    assert list_enterprises(user=officer).db == "default"


@pytest.mark.django_db(transaction=True)
def test_report_inputs_and_other_reads(replica: None, officer: User) -> None:
    start_request(safe=True)
    assert Enterprise.objects.all().db == "default"  # a read nobody marked: the primary
    with replica_reads():  # what report_inputs wraps its reads in
        assert Enterprise.objects.all().db == "replica"
        with CaptureQueriesContext(connections["replica"]) as on_replica:
            assert Enterprise.objects.count() == 0
    assert len(on_replica.captured_queries) == 1


@pytest.mark.django_db(transaction=True)
def test_a_list_page_rendered_for_the_shared_cache_reads_the_primary(replica: None, officer: User, client) -> None:  # type: ignore[no-untyped-def]
    """A page kept in the list cache under the data's new generations must hold the rows of the latest write, which a
    lagging replica may not have yet: a page rendered to be kept reads the primary (core/cache.py, lookup)."""
    EnterpriseFactory(name="Công ty TNHH Đình Vũ")
    client.force_login(officer)
    with CaptureQueriesContext(connections["replica"]) as on_replica:
        response = client.get("/danh-muc/doanh-nghiep/?q=dinh+vu")
    assert response.status_code == 200
    assert "Công ty TNHH Đình Vũ" in response.content.decode()
    assert not any("directory_enterprise" in q["sql"] for q in on_replica.captured_queries)


def test_without_a_replica_every_read_uses_the_primary(officer: User) -> None:
    EnterpriseFactory(name="Công ty TNHH Đình Vũ")
    start_request(safe=True)
    assert list_enterprises(user=officer).db == "default"
    with replica_reads():
        assert Enterprise.objects.all().db == "default"
    assert names(officer, "dinh vu") == ["Công ty TNHH Đình Vũ"]

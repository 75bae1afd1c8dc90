"""Every list and detail page reachable from the menu, the home page of each role, the report's check and full-data
pages, the zone and enterprise pages and the API's lists run a fixed number of queries: the same with the demo data
(1×) and with ten times as many records of every kind they show (10×: tests/core/tenfold.py), and the number pinned
below, so that a change which adds a query — or one per row — fails here with the page's name.

The pages are read as the secretariat (reads every body's records) and as an officer of the Labour Federation, who
handles its worker cases (sees their personal data). A detail page is the one the first row of its list links to, at
1×; the same record's page is measured again at 10×, when it has ten times the rows under it. The counts are taken
with the pages' per-process caches warm and the cache framework's cache cleared (a cached list would otherwise be
measured on a hit), and the session is not refreshed during the run (SESSION_REFRESH_SECONDS).

When a count changes on purpose, update PINNED (and POSTGRESQL where the vendor differs)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve, reverse

from phoihop.accounts.models import User
from phoihop.core.plugins import menu
from phoihop.demo.loader import load_demo
from tests.core.tenfold import WORLD, multiply

# One worker measures every page: the tenfold data is built once (`--dist loadgroup`, Makefile).
pytestmark = pytest.mark.xdist_group("query_counts")

SECRETARIAT = "bdvtu.thuky"
OFFICER = "ldldtp.canbo"  # also a handler of the Labour Federation's worker cases
READERS = (SECRETARIAT, OFFICER)
HOMES = ("bdvtu.xem", "ldldtp.canbo", "ldldtp.lanhdao", "bdvtu.thuky", "quantri")


@dataclass(frozen=True)
class Page:
    """One page as one user. `path` is computed from the demo at 1× (`found` holds the detail paths read from the
    lists' first rows)."""

    name: str
    user: str
    path: Callable[[dict[str, str]], str]

    @property
    def key(self) -> str:
        return f"{self.name} ({self.user})"


def named(name: str, query: str = "") -> Callable[[dict[str, str]], str]:
    return lambda found: reverse(name) + query


def first_row(name: str, query: str = "") -> Callable[[dict[str, str]], str]:
    return lambda found: found[name] + query


def api(path: str) -> Callable[[dict[str, str]], str]:
    return lambda found: "/api/v1/" + path.format(**found)


def report_page(name: str) -> Callable[[dict[str, str]], str]:
    return lambda found: reverse(name, args=[found["report"]])


# Each list page and the detail page its first row opens (None: its rows open no page of their own).
LISTS: dict[str, str | None] = {
    "activities:activity_list": "activities:activity_detail",
    "cases:case_list": "cases:case_detail",
    "directory:enterprise_list": "directory:enterprise_detail",
    "directory:zone_list": "directory:zone_detail",
    "directory:agency_list": "directory:agency_detail",
    "housing:project_list": "housing:project_detail",
    "indicators:indicator_list": "indicators:indicator_detail",
    "indicators:value_list": "indicators:value_detail",
    "organizing:founding_list": "organizing:founding_detail",
    "oversight:inspection_list": "oversight:inspection_detail",
    "planning:plan_list": "planning:plan_detail",
    "planning:document_list": "planning:document_detail",
    "practices:practice_list": "practices:practice_detail",
    "reports:report_list": "reports:report_detail",
    "workforce:report_list": "workforce:report_detail",
    "workforce:incident_list": "workforce:incident_detail",
    "workforce:warning_list": "workforce:warning_detail",
    "workforce:survey_list": "workforce:survey_detail",
    # Not in the menu: reached from the pages above or the home page's cards.
    "cases:petition_list": "cases:petition_detail",
    "planning:late_items": None,
    "oversight:overdue_list": None,
    "oversight:topic_list": None,
    "cases:topic_list": None,
    "cases:aggregates": None,
    "indicators:rule_list": None,
    "indicators:approval": None,
    "workforce:figures": None,
}
# Detail pages linked from another page rather than a list: (page, the page whose first link to it is taken;
# "plan_page" is the 2023 plan's page, which has the indicator lines).
LINKED = {
    "planning:programme_detail": "planning:plan_detail",
    "planning:item_detail": "plan_page",
    "indicators:target_progress": "plan_page",
}
# The zone page draws its year's picture; the plan's is its own page.
QUERY = {"directory:zone_detail": "?year=2023"}

API_LISTS = [
    "directory/agencies",
    "directory/zones",
    "directory/enterprises",
    "planning/documents",
    "planning/programmes",
    "planning/plans",
    "planning/plans/{plan}/items",
    "indicators/indicators",
    "indicators/targets?plan={plan}",
    "indicators/values",
    "indicators/approvals?plan={plan}",
    "indicators/rules",
    "indicators/plans/{plan}/progress",
    "indicators/plans/{plan}/violations",
    "activities/activities",
    "organizing/foundings",
    "oversight/inspections",
    "oversight/inspections/{inspection}/findings",
    "oversight/inspections/{inspection}/follow-ups",
    "oversight/overdue-follow-ups",
    "oversight/topics",
    "practices/practices",
    "practices/practices/{practice}/awards",
    "housing/projects",
    "housing/projects/{project}/milestones",
    "housing/milestones?start=2023-01-01&end=2023-12-31",
    "cases/topics",
    "cases/cases",
    "cases/aggregates?start=2023-01-01&end=2023-12-31",
    "cases/petitions",
    "reports/reports",
    "reports/reports/{report}/issuers",
    "reports/reports/{report}/blocks",
    "reports/reports/{report}/figures",
    "reports/reports/{report}/listings",
    "reports/reports/{report}/renders",
    "reports/reports/{report}/data",
    "reports/reports/{report}/check",
    "reports/listing-sources",
    "workforce/labour-reports",
    "workforce/minimum-wages",
    "workforce/incidents",
    "workforce/warnings",
    "workforce/surveys",
]

# API pages that read the whole report (its data, its check): as the secretariat only.
REPORT_WHOLE = {"reports/reports/{report}/data", "reports/reports/{report}/check"}

PAGES: list[Page] = [
    *(Page("core:home", user, named("core:home")) for user in HOMES),
    *(Page(name, user, named(name)) for name in LISTS for user in READERS),
    *(
        Page(detail, user, first_row(detail, QUERY.get(detail, "")))
        for detail in [*filter(None, LISTS.values()), *LINKED]
        for user in READERS
    ),
    # The report's own pages are the secretariat's work (each check reads the whole report: measured once).
    *(
        Page(name, SECRETARIAT, report_page(name))
        for name in (
            "reports:report_check",
            "reports:report_check_summary",
            "reports:report_preview",
            "reports:figure_list",
            "reports:listing_list",
        )
    ),
    *(
        Page(f"api:{path}", user, api(path))
        for path in API_LISTS
        for user in ((SECRETARIAT,) if path in REPORT_WHOLE else READERS)
    ),
]

# Queries of each page, on SQLite. A page at 10× must make exactly as many as at 1×, and as many as pinned here.
PINNED: dict[str, int] = {
    "core:home (bdvtu.xem)": 19,
    "core:home (ldldtp.canbo)": 25,
    "core:home (ldldtp.lanhdao)": 24,
    "core:home (bdvtu.thuky)": 23,
    "core:home (quantri)": 23,
    "activities:activity_list (bdvtu.thuky)": 8,
    "activities:activity_list (ldldtp.canbo)": 8,
    "cases:case_list (bdvtu.thuky)": 6,
    "cases:case_list (ldldtp.canbo)": 10,
    "directory:enterprise_list (bdvtu.thuky)": 6,
    "directory:enterprise_list (ldldtp.canbo)": 6,
    "directory:zone_list (bdvtu.thuky)": 4,
    "directory:zone_list (ldldtp.canbo)": 4,
    "directory:agency_list (bdvtu.thuky)": 3,
    "directory:agency_list (ldldtp.canbo)": 3,
    "housing:project_list (bdvtu.thuky)": 6,
    "housing:project_list (ldldtp.canbo)": 6,
    "indicators:indicator_list (bdvtu.thuky)": 4,
    "indicators:indicator_list (ldldtp.canbo)": 4,
    "indicators:value_list (bdvtu.thuky)": 9,
    "indicators:value_list (ldldtp.canbo)": 9,
    "organizing:founding_list (bdvtu.thuky)": 5,
    "organizing:founding_list (ldldtp.canbo)": 5,
    "oversight:inspection_list (bdvtu.thuky)": 7,
    "oversight:inspection_list (ldldtp.canbo)": 7,
    "planning:plan_list (bdvtu.thuky)": 5,
    "planning:plan_list (ldldtp.canbo)": 5,
    "planning:document_list (bdvtu.thuky)": 4,
    "planning:document_list (ldldtp.canbo)": 4,
    "practices:practice_list (bdvtu.thuky)": 6,
    "practices:practice_list (ldldtp.canbo)": 6,
    "reports:report_list (bdvtu.thuky)": 3,
    "reports:report_list (ldldtp.canbo)": 3,
    "workforce:report_list (bdvtu.thuky)": 5,
    "workforce:report_list (ldldtp.canbo)": 5,
    "workforce:incident_list (bdvtu.thuky)": 5,
    "workforce:incident_list (ldldtp.canbo)": 5,
    "workforce:warning_list (bdvtu.thuky)": 7,
    "workforce:warning_list (ldldtp.canbo)": 7,
    "workforce:survey_list (bdvtu.thuky)": 4,
    "workforce:survey_list (ldldtp.canbo)": 4,
    "cases:petition_list (bdvtu.thuky)": 5,
    "cases:petition_list (ldldtp.canbo)": 6,
    "planning:late_items (bdvtu.thuky)": 4,
    "planning:late_items (ldldtp.canbo)": 4,
    "oversight:overdue_list (bdvtu.thuky)": 4,
    "oversight:overdue_list (ldldtp.canbo)": 4,
    "oversight:topic_list (bdvtu.thuky)": 3,
    "oversight:topic_list (ldldtp.canbo)": 3,
    "cases:topic_list (bdvtu.thuky)": 3,
    "cases:topic_list (ldldtp.canbo)": 3,
    "cases:aggregates (bdvtu.thuky)": 3,
    "cases:aggregates (ldldtp.canbo)": 3,
    "indicators:rule_list (bdvtu.thuky)": 16,
    "indicators:rule_list (ldldtp.canbo)": 16,
    "indicators:approval (bdvtu.thuky)": 6,
    "indicators:approval (ldldtp.canbo)": 7,
    "workforce:figures (bdvtu.thuky)": 7,
    "workforce:figures (ldldtp.canbo)": 7,
    "activities:activity_detail (bdvtu.thuky)": 10,
    "activities:activity_detail (ldldtp.canbo)": 11,
    "cases:case_detail (bdvtu.thuky)": 10,
    "cases:case_detail (ldldtp.canbo)": 15,
    "directory:enterprise_detail (bdvtu.thuky)": 20,
    "directory:enterprise_detail (ldldtp.canbo)": 20,
    "directory:zone_detail (bdvtu.thuky)": 17,
    "directory:zone_detail (ldldtp.canbo)": 18,
    "directory:agency_detail (bdvtu.thuky)": 5,
    "directory:agency_detail (ldldtp.canbo)": 5,
    "housing:project_detail (bdvtu.thuky)": 7,
    "housing:project_detail (ldldtp.canbo)": 8,
    "indicators:indicator_detail (bdvtu.thuky)": 8,
    "indicators:indicator_detail (ldldtp.canbo)": 8,
    "indicators:value_detail (bdvtu.thuky)": 7,
    "indicators:value_detail (ldldtp.canbo)": 7,
    "organizing:founding_detail (bdvtu.thuky)": 5,
    "organizing:founding_detail (ldldtp.canbo)": 6,
    "oversight:inspection_detail (bdvtu.thuky)": 10,
    "oversight:inspection_detail (ldldtp.canbo)": 11,
    "planning:plan_detail (bdvtu.thuky)": 12,
    "planning:plan_detail (ldldtp.canbo)": 12,
    "planning:document_detail (bdvtu.thuky)": 6,
    "planning:document_detail (ldldtp.canbo)": 7,
    "practices:practice_detail (bdvtu.thuky)": 7,
    "practices:practice_detail (ldldtp.canbo)": 8,
    "reports:report_detail (bdvtu.thuky)": 60,
    "reports:report_detail (ldldtp.canbo)": 60,
    "workforce:report_detail (bdvtu.thuky)": 6,
    "workforce:report_detail (ldldtp.canbo)": 7,
    "workforce:incident_detail (bdvtu.thuky)": 7,
    "workforce:incident_detail (ldldtp.canbo)": 8,
    "workforce:warning_detail (bdvtu.thuky)": 6,
    "workforce:warning_detail (ldldtp.canbo)": 6,
    "workforce:survey_detail (bdvtu.thuky)": 9,
    "workforce:survey_detail (ldldtp.canbo)": 10,
    "cases:petition_detail (bdvtu.thuky)": 6,
    "cases:petition_detail (ldldtp.canbo)": 6,
    "planning:programme_detail (bdvtu.thuky)": 6,
    "planning:programme_detail (ldldtp.canbo)": 6,
    "planning:item_detail (bdvtu.thuky)": 6,
    "planning:item_detail (ldldtp.canbo)": 7,
    "indicators:target_progress (bdvtu.thuky)": 9,
    "indicators:target_progress (ldldtp.canbo)": 9,
    "reports:report_check (bdvtu.thuky)": 63,
    "reports:report_check_summary (bdvtu.thuky)": 63,
    "reports:report_preview (bdvtu.thuky)": 54,
    "reports:figure_list (bdvtu.thuky)": 56,
    "reports:listing_list (bdvtu.thuky)": 58,
    "api:directory/agencies (bdvtu.thuky)": 3,
    "api:directory/agencies (ldldtp.canbo)": 3,
    "api:directory/zones (bdvtu.thuky)": 3,
    "api:directory/zones (ldldtp.canbo)": 3,
    "api:directory/enterprises (bdvtu.thuky)": 4,
    "api:directory/enterprises (ldldtp.canbo)": 4,
    "api:planning/documents (bdvtu.thuky)": 4,
    "api:planning/documents (ldldtp.canbo)": 4,
    "api:planning/programmes (bdvtu.thuky)": 4,
    "api:planning/programmes (ldldtp.canbo)": 4,
    "api:planning/plans (bdvtu.thuky)": 3,
    "api:planning/plans (ldldtp.canbo)": 3,
    "api:planning/plans/{plan}/items (bdvtu.thuky)": 6,
    "api:planning/plans/{plan}/items (ldldtp.canbo)": 6,
    "api:indicators/indicators (bdvtu.thuky)": 4,
    "api:indicators/indicators (ldldtp.canbo)": 4,
    "api:indicators/targets?plan={plan} (bdvtu.thuky)": 4,
    "api:indicators/targets?plan={plan} (ldldtp.canbo)": 4,
    "api:indicators/values (bdvtu.thuky)": 4,
    "api:indicators/values (ldldtp.canbo)": 4,
    "api:indicators/approvals?plan={plan} (bdvtu.thuky)": 5,
    "api:indicators/approvals?plan={plan} (ldldtp.canbo)": 5,
    "api:indicators/rules (bdvtu.thuky)": 3,
    "api:indicators/rules (ldldtp.canbo)": 3,
    "api:indicators/plans/{plan}/progress (bdvtu.thuky)": 14,
    "api:indicators/plans/{plan}/progress (ldldtp.canbo)": 14,
    "api:indicators/plans/{plan}/violations (bdvtu.thuky)": 14,
    "api:indicators/plans/{plan}/violations (ldldtp.canbo)": 14,
    "api:activities/activities (bdvtu.thuky)": 10,
    "api:activities/activities (ldldtp.canbo)": 10,
    "api:organizing/foundings (bdvtu.thuky)": 5,
    "api:organizing/foundings (ldldtp.canbo)": 5,
    "api:oversight/inspections (bdvtu.thuky)": 8,
    "api:oversight/inspections (ldldtp.canbo)": 8,
    "api:oversight/inspections/{inspection}/findings (bdvtu.thuky)": 4,
    "api:oversight/inspections/{inspection}/findings (ldldtp.canbo)": 4,
    "api:oversight/inspections/{inspection}/follow-ups (bdvtu.thuky)": 4,
    "api:oversight/inspections/{inspection}/follow-ups (ldldtp.canbo)": 4,
    "api:oversight/overdue-follow-ups (bdvtu.thuky)": 4,
    "api:oversight/overdue-follow-ups (ldldtp.canbo)": 4,
    "api:oversight/topics (bdvtu.thuky)": 3,
    "api:oversight/topics (ldldtp.canbo)": 3,
    "api:practices/practices (bdvtu.thuky)": 7,
    "api:practices/practices (ldldtp.canbo)": 7,
    "api:practices/practices/{practice}/awards (bdvtu.thuky)": 4,
    "api:practices/practices/{practice}/awards (ldldtp.canbo)": 4,
    "api:housing/projects (bdvtu.thuky)": 6,
    "api:housing/projects (ldldtp.canbo)": 6,
    "api:housing/projects/{project}/milestones (bdvtu.thuky)": 4,
    "api:housing/projects/{project}/milestones (ldldtp.canbo)": 4,
    "api:housing/milestones?start=2023-01-01&end=2023-12-31 (bdvtu.thuky)": 4,
    "api:housing/milestones?start=2023-01-01&end=2023-12-31 (ldldtp.canbo)": 4,
    "api:cases/topics (bdvtu.thuky)": 3,
    "api:cases/topics (ldldtp.canbo)": 3,
    "api:cases/cases (bdvtu.thuky)": 4,
    "api:cases/cases (ldldtp.canbo)": 7,
    "api:cases/aggregates?start=2023-01-01&end=2023-12-31 (bdvtu.thuky)": 6,
    "api:cases/aggregates?start=2023-01-01&end=2023-12-31 (ldldtp.canbo)": 7,
    "api:cases/petitions (bdvtu.thuky)": 3,
    "api:cases/petitions (ldldtp.canbo)": 4,
    "api:reports/reports (bdvtu.thuky)": 3,
    "api:reports/reports (ldldtp.canbo)": 3,
    "api:reports/reports/{report}/issuers (bdvtu.thuky)": 4,
    "api:reports/reports/{report}/issuers (ldldtp.canbo)": 4,
    "api:reports/reports/{report}/blocks (bdvtu.thuky)": 4,
    "api:reports/reports/{report}/blocks (ldldtp.canbo)": 4,
    "api:reports/reports/{report}/figures (bdvtu.thuky)": 56,
    "api:reports/reports/{report}/figures (ldldtp.canbo)": 56,
    "api:reports/reports/{report}/listings (bdvtu.thuky)": 56,
    "api:reports/reports/{report}/listings (ldldtp.canbo)": 56,
    "api:reports/reports/{report}/renders (bdvtu.thuky)": 4,
    "api:reports/reports/{report}/renders (ldldtp.canbo)": 4,
    "api:reports/reports/{report}/data (bdvtu.thuky)": 54,
    "api:reports/reports/{report}/check (bdvtu.thuky)": 63,
    "api:reports/listing-sources (bdvtu.thuky)": 2,
    "api:reports/listing-sources (ldldtp.canbo)": 2,
    "api:workforce/labour-reports (bdvtu.thuky)": 4,
    "api:workforce/labour-reports (ldldtp.canbo)": 4,
    "api:workforce/minimum-wages (bdvtu.thuky)": 3,
    "api:workforce/minimum-wages (ldldtp.canbo)": 3,
    "api:workforce/incidents (bdvtu.thuky)": 7,
    "api:workforce/incidents (ldldtp.canbo)": 7,
    "api:workforce/warnings (bdvtu.thuky)": 5,
    "api:workforce/warnings (ldldtp.canbo)": 5,
    "api:workforce/surveys (bdvtu.thuky)": 4,
    "api:workforce/surveys (ldldtp.canbo)": 4,
}
# Where PostgreSQL makes another number than SQLite (savepoints, sequences…).
POSTGRESQL: dict[str, int] = {}
# Pages whose queries grow with the data, not fixed yet: the test is expected to fail (strict).
GROWING: dict[str, str] = {}


def pinned(key: str) -> int | None:
    if connection.vendor == "postgresql" and key in POSTGRESQL:
        return POSTGRESQL[key]
    return PINNED.get(key)


@dataclass
class Measured:
    count: int
    statements: list[str]


def _first_link(html: str, name: str) -> str:
    """The first link on the page (in its results, when it has some) to a page of the given URL name."""
    start = html.find('id="results"')
    for href in re.findall(r'href="(/[^"?#]*)', html[max(start, 0) :]):
        try:
            match = resolve(href)
        except Resolver404:
            continue
        if match.view_name == name:
            return href
    raise AssertionError(f"no link to {name}")


def _measure(client: Client, path: str) -> Measured:
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise AssertionError(f"{path} answered {response.status_code}")
    return Measured(len(captured.captured_queries), [q["sql"] for q in captured.captured_queries])


def _discover(clients: dict[str, Client]) -> dict[str, str]:
    from phoihop.housing.models import HousingProject
    from phoihop.oversight.models import Inspection
    from phoihop.planning.models import Plan
    from phoihop.practices.models import GoodPractice
    from phoihop.reports.models import Report

    found = {
        "plan": str(Plan.objects.get(year=2023).pk),
        "report": str(Report.objects.get(plan__year=2023).pk),
        "inspection": str(Inspection.objects.filter(findings__isnull=False).order_by("pk").first().pk),  # type: ignore[union-attr]
        "practice": str(GoodPractice.objects.filter(awards__isnull=False).order_by("pk").first().pk),  # type: ignore[union-attr]
        "project": str(HousingProject.objects.filter(milestones__isnull=False).order_by("pk").first().pk),  # type: ignore[union-attr]
    }
    client = clients[OFFICER]  # reads every list, and the personal data of the cases it handles
    for name, detail in LISTS.items():
        if detail is not None:
            found[detail] = _first_link(client.get(reverse(name)).content.decode(), detail)
    found["plan_page"] = reverse("planning:plan_detail", args=[found["plan"]])
    for detail, page in LINKED.items():
        found[detail] = _first_link(client.get(found[page]).content.decode(), detail)
    return found


def _measure_all(clients: dict[str, Client], paths: dict[str, str], pages: list[Page]) -> dict[str, Measured | str]:
    results: dict[str, Measured | str] = {}
    for page in pages:
        try:
            results[page.key] = _measure(clients[page.user], paths[page.key])
        except Exception as error:  # reported by the page's own test
            results[page.key] = f"{type(error).__name__}: {error}"
    return results


@pytest.fixture(scope="session")
def measured(django_db_setup: None, django_db_blocker: Any) -> dict[str, tuple[Any, Any]]:
    """Every page measured on the demo, then on ten times the demo. Built once per test run: the counts are plain
    values, and the data is rolled back as soon as they are taken (a module-scoped build was torn down and built
    again whenever another module's tests ran on the same worker in between)."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(SESSION_REFRESH_SECONDS=10**9),
    ):
        load_demo()
        clients = {}
        for username in {*HOMES, *READERS}:
            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username))
        found = _discover(clients)
        paths = {}
        for page in PAGES:
            try:
                paths[page.key] = page.path(found)
            except Exception as error:
                paths[page.key] = f"/unreachable/{type(error).__name__}"
        # Warm the per-process caches (templates, field catalogues, profiles): each page once.
        _measure_all(clients, paths, list({page.name: page for page in PAGES}.values()))
        once = _measure_all(clients, paths, PAGES)
        before = _record_counts()
        multiply(10)
        after = _record_counts()
        tenfold = _measure_all(clients, paths, PAGES)
        transaction.set_rollback(True)
    return {key: (once[key], tenfold[key]) for key in once} | {"records": (before, after)}


def _record_counts() -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(label)._default_manager.count() for label in WORLD}


def _repeated(statements: list[str]) -> str:
    shapes = Counter(re.sub(r"\b\d+\b", "N", sql)[:160] for sql in statements)
    return "\n".join(f"  {n}× {sql}" for sql, n in shapes.most_common(3))


def test_every_menu_page_is_measured() -> None:
    measured_names = {page.name for page in PAGES}
    assert [e.url_name for _label, entries in menu.groups() for e in entries if e.url_name not in measured_names] == []


def test_the_tenfold_data_has_ten_times_every_kind_of_record(measured: dict[str, tuple[Any, Any]], db: None) -> None:
    before, after = measured["records"]
    assert {label: n for label, n in before.items() if n == 0} == {}
    assert {label: (before[label], n) for label, n in after.items() if n < 10 * before[label]} == {}


def test_the_pins_name_measured_pages() -> None:
    keys = {page.key for page in PAGES}
    assert sorted(set(PINNED) - keys) == []
    assert sorted(set(POSTGRESQL) - keys) == []
    assert sorted(set(GROWING) - keys) == []


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(page.key, marks=[pytest.mark.xfail(strict=True, reason=GROWING[page.key])])
        if page.key in GROWING
        else page.key
        for page in PAGES
    ],
)
def test_queries_are_pinned_and_do_not_grow_with_the_data(
    key: str, measured: dict[str, tuple[Any, Any]], db: None
) -> None:
    once, tenfold = measured[key]
    assert isinstance(once, Measured), once
    assert isinstance(tenfold, Measured), tenfold
    assert tenfold.count == once.count, (
        f"{key}: {once.count} queries at 1×, {tenfold.count} at 10× — most repeated at 10×:\n"
        + _repeated(tenfold.statements)
    )
    assert once.count == pinned(key), f"{key}: {once.count} queries, pinned {pinned(key)} ({connection.vendor})"

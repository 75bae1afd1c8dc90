"""The enterprise page carries a timeline of every body's records about the enterprise, newest first, each linking
to its record; its length is bounded and its query count does not grow with the records."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from phoihop.accounts.models import User
from phoihop.activities.models import Activity
from phoihop.directory.models import Enterprise

pytestmark = pytest.mark.django_db

NAME = "Công ty TNHH Nội thất gỗ Phú An"


def _page(username: str, enterprise: Enterprise) -> str:
    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get(enterprise.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def _timeline(page: str) -> list[tuple[str, str, str]]:
    """(date, kind, link) of each event, in page order."""
    part = page.split('id="timeline-heading"', 1)[1].split("</section>", 1)[0]
    return re.findall(
        r'<time datetime="([\d-]+)"[^>]*>[^<]*</time>\s*<span class="badge[^"]*">([^<]+)</span>\s*<a href="([^"]+)"',
        part,
    )


def test_every_bodys_records_newest_first(whole_demo: None) -> None:
    enterprise = Enterprise.objects.get(name=NAME)
    events = _timeline(_page("bdvtu.xem", enterprise))
    kinds = {kind for _date, kind, _url in events}
    assert {"Hoạt động", "Thành lập tổ chức", "Báo cáo tình hình lao động", "Tranh chấp, ngừng việc"} <= kinds
    dates = [date for date, _kind, _url in events]
    assert dates == sorted(dates, reverse=True)
    founding = next(url for _date, kind, url in events if kind == "Thành lập tổ chức")
    assert re.fullmatch(r"/thanh-lap-to-chuc/\d+/", founding)
    # The same founding, as the page's own section lists it.
    assert "2023-10-24" in dates


def test_the_timeline_is_bounded_and_its_queries_constant(whole_demo: None, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    enterprise = Enterprise.objects.get(name=NAME)
    client = Client()
    client.force_login(User.objects.get(username="bdvtu.xem"))
    with django_assert_max_num_queries(60) as before:
        client.get(enterprise.get_absolute_url())
    template = Activity.objects.filter(enterprises=enterprise).first()
    assert template is not None
    for n in range(30):
        activity = Activity.objects.create(
            kind=template.kind,
            title=f"Đối thoại định kỳ số {n}",
            start_date=dt.date(2024, 1, 1) + dt.timedelta(days=n),
            owner_agency=template.owner_agency,
        )
        activity.enterprises.add(enterprise)
    with django_assert_max_num_queries(len(before.captured_queries)):
        page = client.get(enterprise.get_absolute_url()).content.decode()
    events = _timeline(page)
    assert len(events) == 20
    activities = [date for date, kind, _url in events if kind == "Hoạt động"]
    assert activities[0] == "2024-01-30"  # the newest of the thirty; the oldest fall off the end
    assert "Đối thoại định kỳ số 29" in page

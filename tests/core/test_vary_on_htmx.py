"""A page answered whole or, for htmx, as its fragment carries `Vary: HX-Request` (core/htmx.py's middleware), so that
the browser never shows the fragment it fetched for an address htmx pushed when the user comes Back to it — lists
built by the record layer and those built by hand alike; the Chromium walk is tests/browser/test_year_box.py."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.demo.loader import LoadReport

pytestmark = pytest.mark.django_db

PAGES = [
    "indicators:indicator_list",
    "indicators:value_list",
    "planning:document_list",
    "directory:zone_list",
    "directory:enterprise_list",
    "oversight:inspection_list",
    "cases:petition_list",
]


@pytest.mark.parametrize("url_name", PAGES)
def test_the_whole_page_and_its_fragment_say_they_differ_by_hx_request(whole_demo: LoadReport, url_name: str) -> None:
    client = Client()
    client.force_login(User.objects.get(username="ldldtp.lanhdao"))
    whole = client.get(reverse(url_name))
    fragment = client.get(reverse(url_name), headers={"HX-Request": "true"})
    assert (whole.status_code, fragment.status_code) == (200, 200)
    assert b"<title>" in whole.content
    assert b"<title>" not in fragment.content
    assert fragment.content.lstrip().startswith(b'<div id="results">')
    for response in (whole, fragment):
        assert "HX-Request" in [part.strip() for part in response["Vary"].split(",")]


def test_an_api_answer_is_left_as_it_is(whole_demo: LoadReport) -> None:
    client = Client()
    client.force_login(User.objects.get(username="ldldtp.lanhdao"))
    response = client.get("/api/v1/directory/zones")
    assert response.status_code == 200
    assert "HX-Request" not in response.get("Vary", "")

"""The pieces list, form and record pages share (htmx/filter_form.html, records/form_card.html,
records/detail_header.html) still give each page what its users rely on: every filter in its place with its label, the
search box, the trigger that refreshes the list as one types or picks, the Lưu button and the Hủy link back, and a
record's breadcrumb with its Sửa and Xóa buttons."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.activities.models import Activity
from phoihop.demo.loader import LoadReport
from phoihop.directory.models import Enterprise
from phoihop.indicators.models import ValidationRule
from phoihop.organizing.models import Founding
from phoihop.planning.models import Plan

pytestmark = pytest.mark.django_db

SEARCH = "input changed delay:300ms from:#id_q"


class FilterForm(HTMLParser):
    """The list page's search form: its attributes, its fields' names in order, the labels and the buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, str | None] = {}
        self.inside = False
        self.fields: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.buttons: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and found.get("role") == "search":
            self.attrs, self.inside = found, True
        elif self.inside and tag in ("input", "select"):
            self.fields.append({"tag": tag, **found})
        elif self.inside and tag == "label":
            self.labels.add(found.get("for") or "")
        self._tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside and self._tag == "button" and data.strip():
            self.buttons.append(data.strip())


@pytest.fixture
def client(whole_demo: LoadReport) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="quantri"))
    return client


def filter_form(client: Client, url: str) -> FilterForm:
    response = client.get(url)
    assert response.status_code == 200
    form = FilterForm()
    form.feed(response.content.decode())
    return form


LISTS: list[tuple[str, list[str], str]] = [
    ("activities:activity_list", ["q", "kind", "scope", "owner_agency", "zone", "year"],
     f"{SEARCH}, change from:select, change from:#id_year, submit"),
    ("organizing:founding_list", ["q", "kind", "scope", "owner_agency", "ownership", "year"],
     f"{SEARCH}, change from:select, change from:#id_year, submit"),
    ("oversight:inspection_list", ["q", "kind", "scope", "owner_agency", "topic", "year"],
     f"{SEARCH}, change from:select, change from:#id_year, submit"),
    ("housing:project_list", ["q", "kind", "zone", "scope", "milestone", "milestone_year"],
     f"{SEARCH}, change from:select, change from:#id_milestone_year, submit"),
    ("directory:enterprise_list", ["q", "zone", "ownership", "owner_agency"], f"{SEARCH}, change from:select, submit"),
    ("workforce:warning_list", ["q", "zone", "body", "rule", "status"], f"{SEARCH}, change from:select, submit"),
    ("workforce:survey_list", ["q", "scope"], f"{SEARCH}, change from:select, submit"),
    ("directory:zone_list", ["q"], f"{SEARCH}, submit"),
    ("indicators:indicator_list", ["q"], f"{SEARCH}, submit"),
]  # fmt: skip


@pytest.mark.parametrize(("url_name", "names", "trigger"), LISTS)
def test_a_list_keeps_its_search_box_its_filters_and_its_trigger(
    client: Client, url_name: str, names: list[str], trigger: str
) -> None:
    form = filter_form(client, reverse(url_name))
    assert form.attrs["hx-get"] == reverse(url_name)
    assert form.attrs["hx-target"] == "#results"
    assert form.attrs["hx-swap"] == "outerHTML"  # the rows' own <div id="results"> replaces the old one
    assert form.attrs["hx-push-url"] == "true"
    assert form.attrs["hx-trigger"] == trigger
    assert [field["name"] for field in form.fields] == names
    search = form.fields[0]
    assert (search["tag"], search["type"], search["id"]) == ("input", "search", "id_q")
    assert {f"id_{name}" for name in names} <= form.labels, "every box has its label"
    # A list with boxes besides its search box folds them behind "Bộ lọc" on a phone.
    assert form.buttons == (["Bộ lọc", "Lọc"] if len(names) > 1 else ["Lọc"])


CASE_LISTS: list[tuple[str, list[tuple[str, str]], str, str]] = [
    ("cases:case_list",
     [("status", "select"), ("channel", "select"), ("requester_kind", "select"), ("topic", "select"),
      ("handling_agency", "select"), ("overdue", "checkbox"), ("due_soon", "checkbox"), ("received_from", "date"),
      ("received_to", "date")],
     "change from:select, change from:#id_overdue, change from:#id_due_soon, change from:#id_received_from, "
     "change from:#id_received_to, submit", "overdue"),
    ("cases:petition_list",
     [("status", "select"), ("responsible_agency", "select"), ("year", "number"), ("unresolved", "checkbox")],
     "change from:select, change from:#id_year, change from:#id_unresolved, submit", "unresolved"),
]  # fmt: skip


@pytest.mark.parametrize(("url_name", "boxes", "trigger", "tick"), CASE_LISTS)
def test_the_case_lists_filter_with_styled_boxes_a_tick_and_dates_and_no_search_box(
    whole_demo: LoadReport, url_name: str, boxes: list[tuple[str, str]], trigger: str, tick: str
) -> None:
    """Cases and petitions are filtered, not searched as text (a person is found by phone, by POST): their forms draw
    selects, "only …" ticks and date boxes, each refreshing the list when it changes."""
    client = Client()
    client.force_login(User.objects.get(username="ldldtp.lanhdao"))
    form = filter_form(client, reverse(url_name))
    assert form.attrs["hx-trigger"] == trigger
    assert [(field["name"], field.get("type") or field["tag"]) for field in form.fields] == boxes
    assert all(field.get("class") in ("form-select", "form-control", "form-check-input") for field in form.fields)
    assert {f"id_{name}" for name, _ in boxes} <= form.labels
    ticked = filter_form(client, reverse(url_name) + f"?{tick}=true")
    box = next(field for field in ticked.fields if field["name"] == tick)
    assert (box["type"], box["value"]) == ("checkbox", "true")
    assert "checked" in box, "the tick stays ticked after the list refreshes"
    assert "checked" not in next(field for field in form.fields if field["name"] == tick)


def test_a_filter_keeps_the_values_chosen(client: Client) -> None:
    form = filter_form(client, reverse("activities:activity_list") + "?year=2023&q=tet")
    values = {field["name"]: field.get("value") for field in form.fields}
    assert values["year"] == "2023"
    assert values["q"] == "tet"


@pytest.mark.parametrize(
    ("query", "button"),
    [
        ("", "Bộ lọc</button>"),
        ("?scope=all&kind=&year=", "Bộ lọc</button>"),  # "all bodies" is the box's default, not a choice
        ("?scope=mine&year=2023&q=tet", "Bộ lọc (2 đang chọn)</button>"),  # the search box is not folded
    ],
)
def test_the_filter_button_names_how_many_boxes_hold_a_choice(client: Client, query: str, button: str) -> None:
    """On a phone the boxes fold behind "Bộ lọc" (js/phone.js), opened while one of them narrows the list."""
    page = client.get(reverse("activities:activity_list") + query).content.decode()
    assert button in page
    folded = '<div class="filter-boxes" id="filter-boxes">' in page
    assert folded == (button == "Bộ lọc</button>")


def test_the_activity_list_opened_for_one_enterprise_keeps_it_while_filtering(client: Client) -> None:
    enterprise = Enterprise.objects.order_by("pk").first()
    assert enterprise is not None
    form = filter_form(client, reverse("activities:activity_list") + f"?enterprise={enterprise.pk}")
    hidden = [field for field in form.fields if field.get("type") == "hidden"]
    assert hidden == [{"tag": "input", "type": "hidden", "name": "enterprise", "value": str(enterprise.pk)}]
    unfiltered = filter_form(client, reverse("activities:activity_list"))
    assert "enterprise" not in [field["name"] for field in unfiltered.fields]


def first(model: Any) -> Any:
    record = model.objects.order_by("pk").first()
    assert record is not None, f"the demo holds a {model.__name__}"
    return record


FORMS: list[tuple[str, Callable[[], Any] | None, Callable[[Any], str], str]] = [
    ("planning:plan_create", None, lambda _: reverse("planning:plan_list"), "col-lg-8"),
    ("planning:plan_update", lambda: first(Plan), lambda plan: plan.get_absolute_url(), "col-lg-8"),
    ("indicators:rule_create", None, lambda _: reverse("indicators:rule_list"), "col-lg-8"),
    ("indicators:rule_update", lambda: first(ValidationRule), lambda _: reverse("indicators:rule_list"), "col-lg-8"),
    ("organizing:founding_update", lambda: first(Founding), lambda founding: founding.get_absolute_url(), "col-lg-8"),
    ("directory:zone_create", None, lambda _: reverse("directory:zone_list"), "col-lg-6"),
]  # fmt: skip


@pytest.mark.parametrize(("url_name", "record", "back", "width"), FORMS)
def test_a_form_page_posts_to_itself_and_has_its_save_button_and_cancel_link(
    client: Client,
    url_name: str,
    record: Callable[[], Any] | None,
    back: Callable[[Any], str],
    width: str,
) -> None:
    obj = record() if record else None
    url = reverse(url_name, args=[obj.pk] if obj else [])
    page = client.get(url).content.decode()
    assert f'<form method="post" class="card card-body {width}" hx-post="{url}" hx-swap="outerHTML" novalidate>' in page
    assert '<button class="btn btn-primary" type="submit">Lưu</button>' in page
    assert f'<a class="btn btn-link" href="{back(obj)}">Hủy</a>' in page
    assert 'name="csrfmiddlewaretoken"' in page


@pytest.mark.parametrize(
    ("model", "list_url", "list_label", "prefix"),
    [
        (Activity, "activities:activity_list", "Hoạt động", "activities:activity"),
        (Enterprise, "directory:enterprise_list", "Doanh nghiệp", "directory:enterprise"),
    ],
)
def test_a_records_page_leads_back_to_its_list_and_offers_edit_and_delete(
    client: Client, model: Any, list_url: str, list_label: str, prefix: str
) -> None:
    record = first(model)
    page = client.get(record.get_absolute_url()).content.decode()
    breadcrumb = page[page.index('<ol class="breadcrumb">') : page.index("</ol>")]
    assert f'<a href="{reverse(list_url)}">{list_label}</a>' in breadcrumb
    assert f'href="{reverse(prefix + "_update", args=[record.pk])}">Sửa</a>' in page
    assert f'href="{reverse(prefix + "_delete", args=[record.pk])}">Xóa</a>' in page
    assert '<h1 class="h3 mb-0">' in page


def test_the_indicator_form_draws_its_fields_as_every_form_does(client: Client) -> None:
    """Its own layout (the record filter's groups) draws each field through htmx/form_field.html, as form cards do: a
    single tick as a box before its words."""
    page = client.get(reverse("indicators:indicator_create")).content.decode()
    tick = re.search(r'<div class="mb-3 form-check">\s*<input type="checkbox" name="is_active"[^>]*>\s*<label', page)
    assert tick is not None

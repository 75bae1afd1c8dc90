"""A form's list of ticks or radio buttons (Django's CheckboxSelectMultiple and RadioSelect, drawn by
htmx/form_fields.html): a group named by its legend, one option a line with its box just before its words, the list
above the form's buttons. The plan item's partner bodies were once drawn as one-letter-wide boxes whose names ran a
word a line down over the Lưu button."""

from __future__ import annotations

from typing import Any

import pytest

from phoihop.demo.loader import LoadReport
from tests.browser.pages import DESK, PHONE_CONTEXT, new_page, open_browser, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def forms(committed_demo: LoadReport) -> dict[str, str]:
    """The pages and the group each shows (read before the browser starts)."""
    from django.urls import reverse

    from phoihop.oversight.models import Inspection
    from phoihop.planning.models import Plan

    plan = Plan.objects.get(year=2023)
    inspection = Inspection.objects.order_by("pk").first()
    assert inspection is not None
    return {
        reverse("planning:item_create", args=[plan.pk]): "Đơn vị phối hợp",
        reverse("planning:programme_create"): "Các cơ quan phối hợp",
        reverse("oversight:inspection_create"): "Nội dung",
        reverse("oversight:finding_create", args=[inspection.pk]): "Chấp hành đúng quy định",
    }


def test_a_list_of_options_is_a_named_group_one_option_a_line_above_the_buttons(
    live_server: Any, forms: dict[str, str], chromium_path: str
) -> None:
    from playwright.sync_api import expect

    with open_browser(chromium_path) as browser:
        for context in ({"viewport": DESK}, PHONE_CONTEXT):
            with new_page(browser, **context) as page:
                sign_in(page, live_server.url, "quantri")
                for path, name in forms.items():
                    page.goto(live_server.url + path)
                    group = page.get_by_role("group", name=name)
                    expect(group).to_be_visible()
                    options = group.locator("label:has(input)")
                    assert options.count() >= 2, path
                    boxes = options.evaluate_all(
                        "labels => labels.map(label => { const box = label.getBoundingClientRect();"
                        " const input = label.querySelector('input').getBoundingClientRect();"
                        " return {height: box.height, bottom: box.bottom, inputWidth: input.width}; })"
                    )
                    # One line each (a long name may take two on a phone), boxes the size of a box.
                    assert max(box["height"] for box in boxes) <= 52, (path, context, boxes)
                    assert {round(box["inputWidth"]) for box in boxes} <= {13, 14, 15, 16}, (path, boxes)
                    save = page.get_by_role("button", name="Lưu").bounding_box()
                    assert save is not None
                    assert max(box["bottom"] for box in boxes) < save["y"], path


def test_a_single_tick_is_a_box_before_its_words_that_the_words_tick(
    live_server: Any, committed_demo: LoadReport, chromium_path: str
) -> None:
    from playwright.sync_api import expect

    with open_browser(chromium_path) as browser, new_page(browser, viewport=DESK) as page:
        sign_in(page, live_server.url, "quantri")
        page.goto(live_server.url + "/tinh-hinh-lao-dong/bao-cao/them/")
        words = "Có thỏa ước lao động tập thể còn hiệu lực"
        box = page.get_by_role("checkbox", name=words)
        label = page.locator("label", has_text=words)
        box_at, label_at = box.bounding_box(), label.bounding_box()
        assert box_at is not None
        assert label_at is not None
        assert box_at["x"] + box_at["width"] <= label_at["x"]
        assert abs((box_at["y"] + box_at["height"] / 2) - (label_at["y"] + label_at["height"] / 2)) < 8
        label.click()
        expect(box).to_be_checked()

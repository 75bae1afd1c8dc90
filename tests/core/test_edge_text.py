"""Zero-width and bidi control characters pasted with a name or a title are removed when text is stored and when
it is searched (core/text.py): a search for "hoat dong" finds "Ho\u200bạt động"."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from phoihop.activities.models import Activity
from phoihop.core.text import INVISIBLE_CONTROLS, clean_text, fold_vi, nfc
from tests.activities.helpers import activity_payload

CONTROLS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
CONTROLS += ["\u2066", "\u2067", "\u2068", "\u2069", "\ufeff"]


def test_the_listed_characters_are_exactly_the_invisible_controls() -> None:
    assert set(CONTROLS) == INVISIBLE_CONTROLS


@pytest.mark.parametrize("control", CONTROLS)
def test_each_control_is_removed_from_stored_and_folded_text(control: str) -> None:
    typed = f"{control}Ho{control}ạt động{control}"
    assert clean_text(typed) == "Hoạt động"
    assert nfc(typed) == "Hoạt động"
    assert fold_vi(typed) == "hoat dong"


def test_a_right_to_left_override_cannot_reorder_a_stored_name() -> None:
    assert clean_text("Công ty \u202eHNNT\u202c Tràng Duệ") == "Công ty HNNT Tràng Duệ"


@given(st.text())
def test_no_control_survives_clean_text(text: str) -> None:
    assert not set(clean_text(text)) & INVISIBLE_CONTROLS
    assert not set(nfc(text)) & INVISIBLE_CONTROLS


def test_a_title_typed_with_a_zero_width_space_is_stored_clean_and_found(officer, token_for) -> None:  # type: ignore[no-untyped-def]
    client = Client(enforce_csrf_checks=True, headers={"Authorization": f"Bearer {token_for(officer)}"})
    created = client.post(
        "/api/v1/activities/activities",
        activity_payload(title="Ho\u200bạt động tuyên truyền \u2066pháp luật\u2069"),
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    assert Activity.objects.get().title == "Hoạt động tuyên truyền pháp luật"
    found = client.get("/api/v1/activities/activities", {"q": "hoat dong"})
    assert [row["title"] for row in found.json()["items"]] == ["Hoạt động tuyên truyền pháp luật"]
    # A query pasted with the same invisible characters finds it too.
    found = client.get("/api/v1/activities/activities", {"q": "ho\u200bat \ufeffdong"})
    assert found.json()["count"] == 1

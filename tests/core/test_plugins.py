"""The registries apps plug into (core/plugins.py): the menu comes out in the groups' order with each group's
entries in their order, a section with nothing to show is left out, and a missing provider is None (the app that
provides it is not installed) rather than an error."""

from __future__ import annotations

import pytest

from phoihop.accounts.models import User
from phoihop.core.plugins import Menu, Providers, Sections, menu


def test_the_menu_has_every_installed_apps_entries_in_order() -> None:
    groups = [(str(label), [entry.url_name for entry in entries]) for label, entries in menu.groups()]
    assert [label for label, _entries in groups] == [
        "Tổng quan",
        "Kế hoạch, chỉ tiêu",
        "Hồ sơ hoạt động",
        "Vụ việc, kiến nghị",
        "Báo cáo liên tịch",
        "Danh mục",
    ]
    assert dict(groups)["Hồ sơ hoạt động"] == [
        "activities:activity_list",
        "organizing:founding_list",
        "oversight:inspection_list",
        "practices:practice_list",
        "housing:project_list",
        "workforce:report_list",
        "workforce:incident_list",
        "workforce:warning_list",
        "workforce:survey_list",
    ]
    assert dict(groups)["Kế hoạch, chỉ tiêu"] == [
        "planning:plan_list",
        "indicators:indicator_list",
        "indicators:value_list",
        "planning:document_list",
    ]


def test_a_menu_entry_names_a_known_group_and_is_added_once() -> None:
    own = Menu()
    with pytest.raises(ValueError, match="Unknown menu group"):
        own.add(group="khac", url_name="x:y", label="X")
    own.add(group="records", url_name="x:y", label="X", order=2)
    own.add(group="records", url_name="x:y", label="X", order=2)
    own.add(group="records", url_name="a:b", label="A", order=1)
    assert [[e.url_name for e in entries] for _label, entries in own.groups()] == [["a:b", "x:y"]]


def test_a_section_with_nothing_to_show_is_left_out_and_order_is_kept() -> None:
    own = Sections()
    own.add("trang", key="b", template="b.html", context=lambda **kw: {"n": kw["n"] + 1}, order=20)
    own.add("trang", key="a", template="a.html", context=lambda **kw: None, order=10)
    own.add("trang", key="c", template="c.html", context=lambda **kw: {"n": kw["n"]}, order=5)
    rendered = own.render("trang", n=1)
    assert [(part.key, part.context) for part in rendered] == [("c", {"n": 1}), ("b", {"n": 2})]
    assert own.render("trang-khac") == []


def test_a_provider_not_installed_is_none() -> None:
    own = Providers()
    assert own.get("plan_progress") is None
    own.add("plan_progress", len)
    assert own.get("plan_progress") is len


def test_the_home_page_shows_the_sections_apps_put_there(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    page = client_for(officer).get("/")
    assert page.status_code == 200
    html = page.content.decode()
    # The directory's counts; no plan yet, so planning's card is left out.
    assert "Doanh nghiệp trong danh mục" in html
    assert "Toàn kế hoạch" not in html

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

from phoihop.core.plugins import menu


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The main menu from what the installed apps declared (core/plugins.py). A group with one entry is a link.
    The menu is the same for every user: its markup is rendered once per process for each active entry (the
    addresses, the labels and the template are the code's), not on every page."""
    path = request.path
    entries = _entries(get_script_prefix())
    active = tuple(path.startswith(prefix) if prefix else path == url for url, prefix in entries)
    return {"nav_menu": _menu_html(get_script_prefix(), get_language(), active)}


@lru_cache(maxsize=32)
def _entries(script_prefix: str) -> tuple[tuple[str, str], ...]:
    return tuple((reverse(entry.url_name), entry.prefix) for _label, group in menu.groups() for entry in group)


@lru_cache(maxsize=256)
def _menu_html(script_prefix: str, language: str | None, active: tuple[bool, ...]) -> str:
    flags = iter(active)
    groups = []
    for group_label, entries in menu.groups():
        items = [{"url": reverse(entry.url_name), "label": entry.label, "active": next(flags)} for entry in entries]
        groups.append({"label": group_label, "items": items, "active": any(item["active"] for item in items)})
    return render_to_string("core/nav_menu.html", {"nav_groups": groups})

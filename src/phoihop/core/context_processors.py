from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from phoihop.core.plugins import menu


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The main menu from what the installed apps declared (core/plugins.py). A group with one entry is a link."""
    path = request.path
    groups = []
    for group_label, entries in menu.groups():
        items = []
        for entry in entries:
            url = reverse(entry.url_name)
            active = path.startswith(entry.prefix) if entry.prefix else path == url
            items.append({"url": url, "label": entry.label, "active": active})
        groups.append({"label": group_label, "items": items, "active": any(item["active"] for item in items)})
    return {"nav_groups": groups}

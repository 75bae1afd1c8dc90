from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Each app adds its entry here when it lands; order is the order officers work in.
NAVIGATION: list[tuple[str, str, str]] = [
    ("core:home", _("Tổng quan"), ""),
    ("directory:enterprise_list", _("Doanh nghiệp"), "/danh-muc/doanh-nghiep/"),
    ("directory:zone_list", _("Khu công nghiệp, khu kinh tế"), "/danh-muc/khu/"),
    ("directory:agency_list", _("Cơ quan, đơn vị"), "/danh-muc/co-quan/"),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    items = []
    for name, label, prefix in NAVIGATION:
        url = reverse(name)
        active = path.startswith(prefix) if prefix else path == url
        items.append({"url": url, "label": label, "active": active})
    return {"nav_items": items}

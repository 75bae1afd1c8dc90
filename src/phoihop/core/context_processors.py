from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The main menu: (group label, [(url name, label, path prefix)]). A group with one entry is a plain link.
# Each app adds its entry to the group officers would look in; order is the order they work in.
Label = str | Promise
NAVIGATION: list[tuple[Label, list[tuple[str, Label, str]]]] = [
    (_("Tổng quan"), [("core:home", _("Tổng quan"), "")]),
    (
        _("Kế hoạch, chỉ tiêu"),
        [
            ("planning:plan_list", _("Kế hoạch phối hợp"), "/ke-hoach/"),
            ("indicators:indicator_list", _("Chỉ tiêu"), "/chi-tieu/"),
            ("indicators:value_list", _("Số liệu, phê duyệt"), "/so-lieu/"),
            ("planning:document_list", _("Văn bản"), "/van-ban/"),
        ],
    ),
    (
        _("Hồ sơ hoạt động"),
        [
            ("activities:activity_list", _("Hoạt động"), "/hoat-dong/"),
            ("organizing:founding_list", _("Thành lập tổ chức"), "/thanh-lap-to-chuc/"),
            ("oversight:inspection_list", _("Kiểm tra, giám sát"), "/kiem-tra-giam-sat/"),
            ("practices:practice_list", _("Dân vận khéo"), "/dan-van-kheo/"),
            ("housing:project_list", _("Nhà ở công nhân"), "/nha-o-cong-nhan/"),
        ],
    ),
    (_("Vụ việc, kiến nghị"), [("cases:case_list", _("Vụ việc, kiến nghị"), "/vu-viec/")]),
    (_("Báo cáo liên tịch"), [("reports:report_list", _("Báo cáo liên tịch"), "/bao-cao/")]),
    (
        _("Danh mục"),
        [
            ("directory:enterprise_list", _("Doanh nghiệp"), "/danh-muc/doanh-nghiep/"),
            ("directory:zone_list", _("Khu công nghiệp, khu kinh tế"), "/danh-muc/khu/"),
            ("directory:agency_list", _("Cơ quan, đơn vị"), "/danh-muc/co-quan/"),
        ],
    ),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    path = request.path
    groups = []
    for group_label, entries in NAVIGATION:
        items = []
        for name, label, prefix in entries:
            url = reverse(name)
            active = path.startswith(prefix) if prefix else path == url
            items.append({"url": url, "label": label, "active": active})
        groups.append({"label": group_label, "items": items, "active": any(item["active"] for item in items)})
    return {"nav_groups": groups}

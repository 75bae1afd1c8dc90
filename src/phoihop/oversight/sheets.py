"""Inspections as a spreadsheet kind (phoihop.spreadsheets): one row per inspection or supervision — its form, title,
lead and partner bodies (by short code), dates, basis, the enterprises visited (by tax code), the topics (by their
names in the managed list), the overall result and the recommendations — written through `create_inspection` /
`update_inspection` — the app's rules, one audit event per inspection — inside the layer's one transaction.

An inspection is recognised by its lead body, title and start date: such a row updates the recorded inspection after
the officer confirms the preview, if the officer's body leads it. An export imported back changes nothing, rows of
other bodies included. Findings, follow-up actions and plan items stay on the inspection's page (an enterprise or a
topic that already has findings cannot be taken off, as on the page)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.oversight import permissions, services
from phoihop.oversight.choices import InspectionKind
from phoihop.oversight.selectors import inspections_visible_to, list_inspections
from phoihop.planning.sheets import enterprises, owner_agency
from phoihop.spreadsheets.columns import Reference, choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.oversight.models import Inspection


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _partners(user: User, codes: set[str]) -> dict[str, Any]:
    """Bodies by short code, whatever the case and spacing."""
    from phoihop.directory.selectors import agency_choices

    by_folded = {_fold(agency.short_code): agency for agency in agency_choices()}
    return {code: by_folded[_fold(code)] for code in codes if _fold(code) in by_folded}


def _topics(user: User, names: set[str]) -> dict[str, Any]:
    """Topics of the managed list by name, or by code, whatever the case and spacing."""
    from phoihop.oversight.models import InspectionTopic

    by_folded: dict[str, InspectionTopic] = {}
    for topic in InspectionTopic.objects.order_by("position", "name"):
        by_folded[_fold(topic.name)] = topic
        by_folded.setdefault(_fold(topic.code), topic)
    return {name: by_folded[_fold(name)] for name in names if _fold(name) in by_folded}


COLUMNS = (
    choice("kind", "Hình thức", InspectionKind, required=True, width=20),
    Column("title", "Tên cuộc kiểm tra, giám sát", required=True, max_length=300, width=50),
    owner_agency("Cơ quan chủ trì"),
    Column(
        "partner_agencies",
        "Cơ quan phối hợp",
        max_length=1000,
        width=24,
        help="ký hiệu các đơn vị, cách nhau bằng dấu chấm phẩy",
        ref=Reference(
            find=_partners,
            name=attrgetter("short_code"),
            missing=gettext_lazy("không có đơn vị mang ký hiệu “%(name)s”"),
            many=True,
            each=True,
        ),
    ),
    Column("start_date", "Từ ngày", type="date", required=True, width=14),
    Column("end_date", "Đến ngày", type="date", width=14),
    Column("basis", "Căn cứ", max_length=300, width=30, help="ví dụ: Kế hoạch số 15/KH-LĐLĐ"),
    enterprises(
        "enterprises",
        "Doanh nghiệp được giám sát (mã số thuế)",
        required=True,
        max_length=32000,
        width=30,
        help="mã số thuế, cách nhau bằng dấu chấm phẩy",
    ),
    Column(
        "topics",
        "Nội dung",
        required=True,
        max_length=32000,
        width=40,
        help="tên nội dung trong danh mục nội dung kiểm tra, giám sát (ví dụ: Mức lương tối thiểu vùng), "
        "cách nhau bằng dấu chấm phẩy",
        ref=Reference(
            find=_topics,
            name=attrgetter("name"),
            missing=gettext_lazy("không có nội dung “%(name)s” trong danh mục nội dung kiểm tra, giám sát"),
            many=True,
            each=True,
            order=attrgetter("position", "name"),
        ),
    ),
    Column("summary", "Kết quả chung", max_length=32000, width=40),
    Column("recommendations", "Kiến nghị", max_length=32000, width=40),
)


RECORDS: RecordRows[Inspection] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_inspection,
    writes=services.WRITES,
    not_yours=_("cuộc kiểm tra, giám sát này do %(owner)s chủ trì; anh/chị không sửa được"),
    changes_only=True,
    described=lambda found: f"{found.title} ({found.start_date:%d/%m/%Y})",
    natural_key=("owner_agency", "title", "start_date"),
    records=inspections_visible_to,
    needs=("kind", "title", "start_date"),
    key_column="title",
    repeated=_("trùng cơ quan chủ trì, tên và ngày bắt đầu với dòng %(n)s"),
    ambiguous=_("đã có %(n)s cuộc cùng cơ quan chủ trì, tên và ngày bắt đầu; hãy sửa trên trang của từng cuộc"),
    owner_missing=_("hãy chọn cơ quan chủ trì"),
)


INSPECTIONS = SheetKind(
    key="oversight.inspection",
    label="Kiểm tra, giám sát",
    columns=COLUMNS,
    natural_key=RECORDS.natural_key,
    can_import=permissions.can_create_inspection,
    can_export=permissions.can_view_inspections,
    export_rows=column_rows(COLUMNS, list_inspections, related=("partner_agencies", "enterprises")),
    check=RECORDS.check,
    apply=RECORDS.apply,
    list_url_name="oversight:inspection_list",
    instructions=(
        "• Cuộc kiểm tra, giám sát đã có của đơn vị (cùng cơ quan chủ trì, tên và ngày bắt đầu) sẽ được cập nhật sau "
        "khi anh/chị xác nhận.",
        "• Kết quả tại từng doanh nghiệp, việc cần làm sau kiểm tra và nội dung phối hợp thực hiện ghi trên trang của "
        "từng cuộc.",
    ),
)


# --- the overdue follow-up actions and the topic list: export only (written on the inspection's page, the topics by
# the administrator) ---------------------------------------------------------------------------------------------------

OVERDUE_COLUMNS = (
    Column("due_date", "Hạn", type="date", width=12),
    Column("description", "Việc cần làm", width=60),
    Column("enterprise", "Doanh nghiệp", width=40),
    Column("responsible", "Thực hiện", width=30),
    Column("status", "Tình trạng", width=18),
    Column("inspection", "Cuộc kiểm tra, giám sát", width=50),
    Column("owner_agency", "Đơn vị chủ trì", width=14),
)

TOPIC_COLUMNS = (
    Column("position", "Thứ tự", type="int", width=8),
    Column("name", "Nội dung", width=60),
    Column("code", "Mã", width=24),
    Column("status", "Tình trạng", width=16),
)


def overdue_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The follow-up actions still open after their due date, with the page's body choice, oldest first."""
    from phoihop.oversight.selectors import overdue_follow_ups

    for action in overdue_follow_ups(user=user, params=params).iterator(1000):
        yield {
            "due_date": action.due_date,
            "description": action.description,
            "enterprise": action.enterprise.name if action.enterprise else "",
            "responsible": action.responsible,
            "status": action.get_status_display(),
            "inspection": action.inspection.title,
            "owner_agency": action.inspection.owner_agency.short_code,
        }


def topic_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.oversight.selectors import topics_visible_to

    for topic in topics_visible_to(user).order_by("position", "name").iterator(1000):
        yield {
            "position": topic.position,
            "name": topic.name,
            "code": topic.code,
            "status": "Đang dùng" if topic.is_active else "Ngừng sử dụng",
        }


OVERDUE_FOLLOW_UPS = SheetKind(
    key="oversight.overdue_follow_up",
    label="Việc cần làm sau kiểm tra, giám sát đã quá hạn",
    columns=OVERDUE_COLUMNS,
    can_export=permissions.can_view_inspections,
    export_rows=overdue_rows,
    list_url_name="oversight:overdue_list",
    instructions=("• Việc cần làm được cập nhật trên trang của cuộc kiểm tra, giám sát.",),
)

TOPICS = SheetKind(
    key="oversight.topic",
    label="Danh mục nội dung kiểm tra, giám sát",
    columns=TOPIC_COLUMNS,
    can_export=permissions.can_view_inspections,
    export_rows=topic_rows,
    list_url_name="oversight:topic_list",
)

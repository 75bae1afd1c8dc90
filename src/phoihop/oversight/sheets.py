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
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.oversight import permissions, services
from phoihop.oversight.choices import InspectionKind
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.oversight.models import Inspection

KIND_BY_LABEL = {str(label): value for value, label in InspectionKind.choices}
LABEL_BY_KIND = {value: label for label, value in KIND_BY_LABEL.items()}
SCALARS = ("kind", "title", "start_date", "end_date", "basis", "summary", "recommendations")
MANY = ("partner_agencies", "enterprises", "topics")


def _agency_codes(user: User) -> list[str]:
    # Every body, not only the user's: an export of the whole list must read back; rows are checked one by one.
    from phoihop.directory.selectors import agency_choices

    return [agency.short_code for agency in agency_choices()]


COLUMNS = (
    Column("kind", "Hình thức", type="choice", required=True, choices=lambda user: list(KIND_BY_LABEL), width=20),
    Column("title", "Tên cuộc kiểm tra, giám sát", required=True, max_length=300, width=50),
    Column(
        "owner_agency",
        "Cơ quan chủ trì",
        type="choice",
        choices=_agency_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
    ),
    Column(
        "partner_agencies",
        "Cơ quan phối hợp",
        max_length=1000,
        width=24,
        help="ký hiệu các đơn vị, cách nhau bằng dấu chấm phẩy",
    ),
    Column("start_date", "Từ ngày", type="date", required=True, width=14),
    Column("end_date", "Đến ngày", type="date", width=14),
    Column("basis", "Căn cứ", max_length=300, width=30, help="ví dụ: Kế hoạch số 15/KH-LĐLĐ"),
    Column(
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
    ),
    Column("summary", "Kết quả chung", max_length=32000, width=40),
    Column("recommendations", "Kiến nghị", max_length=32000, width=40),
)
KEYS = tuple(column.key for column in COLUMNS)
HEADERS = {column.key: column.header for column in COLUMNS}


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _split(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").split(";") if part.strip()]


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The list page's rows in its filter and order (`list_inspections`), every page."""
    from phoihop.oversight.selectors import list_inspections

    inspections = list_inspections(user=user, params=params).prefetch_related("partner_agencies", "enterprises")
    for inspection in inspections.iterator(500):
        yield {
            "kind": LABEL_BY_KIND.get(inspection.kind, inspection.kind),
            "title": inspection.title,
            "owner_agency": inspection.owner_agency.short_code,
            "partner_agencies": "; ".join(sorted(a.short_code for a in inspection.partner_agencies.all())),
            "start_date": inspection.start_date,
            "end_date": inspection.end_date,
            "basis": inspection.basis,
            "enterprises": "; ".join(sorted(e.tax_code for e in inspection.enterprises.all())),
            "topics": "; ".join(t.name for t in sorted(inspection.topics.all(), key=lambda t: (t.position, t.name))),
            "summary": inspection.summary,
            "recommendations": inspection.recommendations,
        }


def _key(owner_id: int, title: str, start: Any) -> tuple[Any, ...]:
    return (owner_id, clean_text(title).casefold(), start)


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "kind":
        return str(LABEL_BY_KIND.get(value, value))
    if key == "partner_agencies":
        return "; ".join(sorted(agency.short_code for agency in value))
    if key == "enterprises":
        return "; ".join(sorted(enterprise.tax_code for enterprise in value))
    if key == "topics":
        return "; ".join(topic.name for topic in sorted(value, key=lambda t: (t.position, t.name)))
    if key in ("start_date", "end_date"):
        return f"{value:%d/%m/%Y}"
    return str(value)


RECORDS: RecordRows[Inspection] = RecordRows(
    headers=HEADERS,
    shown=_shown,
    can_edit=permissions.can_edit_inspection,
    writes=services.WRITES,
    not_yours=_("cuộc kiểm tra, giám sát này do %(owner)s chủ trì; anh/chị không sửa được"),
    many=MANY,
    changes_only=True,
    described=lambda found: f"{found.title} ({found.start_date:%d/%m/%Y})",
)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices, enterprise_choices
    from phoihop.directory.validators import normalize_tax_code
    from phoihop.oversight.models import InspectionTopic
    from phoihop.oversight.selectors import inspections_visible_to

    checked = Checked()
    plan = RECORDS.plan(user, checked)
    agencies = {agency.short_code: agency for agency in agency_choices()}
    by_folded_code = {_fold(code): agency for code, agency in agencies.items()}
    topics: dict[str, InspectionTopic] = {}
    for listed_topic in InspectionTopic.objects.order_by("position", "name"):
        topics[_fold(listed_topic.name)] = listed_topic
        topics.setdefault(_fold(listed_topic.code), listed_topic)
    default_owner = user.agency if not user.is_admin else None
    listed = {
        row.number: [
            normalize_tax_code(code) for code in _split(str(row.values.get("enterprises") or "").replace(",", ";"))
        ]
        for row in rows
    }
    codes = {code for row_codes in listed.values() for code in row_codes}
    enterprises = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)} if codes else {}
    starts = {row.values["start_date"] for row in rows if row.values.get("start_date")}
    existing: dict[tuple[Any, ...], list[Inspection]] = {}
    for inspection in inspections_visible_to(user).filter(start_date__in=starts).prefetch_related(*MANY):
        existing.setdefault(_key(inspection.owner_agency_id, inspection.title, inspection.start_date), []).append(
            inspection
        )
    for row in rows:
        values = row.values
        before = len(checked.problems)
        chosen = agencies.get(str(values["owner_agency"])) if values.get("owner_agency") else None
        owner = chosen or default_owner
        partners = []
        for code in _split(values.get("partner_agencies")):
            agency = by_folded_code.get(_fold(code))
            if agency is None:
                checked.problem(
                    row.number, "partner_agencies", _("không có đơn vị mang ký hiệu “%(code)s”") % {"code": code}
                )
            elif agency not in partners:
                partners.append(agency)
        missing = [code for code in listed[row.number] if code not in enterprises]
        if missing:
            checked.problem(
                row.number,
                "enterprises",
                _("không có doanh nghiệp mang mã số thuế %(codes)s trong danh mục") % {"codes": ", ".join(missing)},
            )
        chosen_topics = []
        for name in _split(values.get("topics")):
            topic = topics.get(_fold(name))
            if topic is None:
                checked.problem(
                    row.number,
                    "topics",
                    _("không có nội dung “%(name)s” trong danh mục nội dung kiểm tra, giám sát") % {"name": name},
                )
            elif topic not in chosen_topics:
                chosen_topics.append(topic)
        if owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn cơ quan chủ trì"))
        start = values.get("start_date")
        if owner is None or not (values.get("kind") and values.get("title") and start):
            continue
        if len(checked.problems) > before:
            continue
        data: dict[str, Any] = {
            "kind": KIND_BY_LABEL[str(values["kind"])],
            "title": clean_text(str(values["title"])),
            "start_date": start,
            "end_date": values.get("end_date"),
            "basis": clean_text(str(values.get("basis") or "")),
            "summary": nfc(str(values.get("summary") or "")).strip(),
            "recommendations": nfc(str(values.get("recommendations") or "")).strip(),
            "partner_agencies": partners,
            "enterprises": list(dict.fromkeys(enterprises[code] for code in listed[row.number])),
            "topics": chosen_topics,
        }
        key = _key(owner.pk, data["title"], start)
        if plan.repeated(row.number, key, "title", _("trùng cơ quan chủ trì, tên và ngày bắt đầu với dòng %(n)s")):
            continue
        matches = existing.get(key, [])
        plan.row(
            row.number,
            data,
            matches,
            owner=chosen,
            column="title",
            ambiguous=_("đã có %(n)s cuộc cùng cơ quan chủ trì, tên và ngày bắt đầu; hãy sửa trên trang của từng cuộc"),
        )
    return plan.finish(columns=KEYS)


INSPECTIONS = SheetKind(
    key="oversight.inspection",
    label="Kiểm tra, giám sát",
    columns=COLUMNS,
    natural_key=("owner_agency", "title", "start_date"),
    can_import=permissions.can_create_inspection,
    can_export=permissions.can_view_inspections,
    export_rows=export_rows,
    check=check,
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

"""Activities as a spreadsheet kind (phoihop.spreadsheets): one row per activity (its kind, title, dates, place, zone,
the enterprises by tax code), written through `create_activity` / `update_activity` — the app's rules, one audit event
per activity — inside the layer's one transaction. An activity already recorded by the body (same kind, title and
start date) is updated after the officer confirms the preview, so an export imported back changes nothing.
Participants, outputs and attachments stay on the activity's page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phoihop.activities import permissions
from phoihop.activities.choices import ActivityKind
from phoihop.activities.models import Activity
from phoihop.activities.selectors import activities_visible_to, list_activities
from phoihop.core.text import clean_text
from phoihop.planning.sheets import enterprises, owner_agency, zone
from phoihop.spreadsheets.columns import Resolved, choice, column_rows
from phoihop.spreadsheets.registry import Change, Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

COLUMNS = (
    choice("kind", "Loại hoạt động", ActivityKind, required=True, width=30),
    Column("title", "Tên hoạt động", required=True, max_length=500, width=50),
    Column("series", "Thuộc chương trình, chuỗi hoạt động", max_length=255, width=30),
    Column("start_date", "Ngày bắt đầu", type="date", required=True, width=14),
    Column("end_date", "Ngày kết thúc", type="date", width=14, help="để trống nếu trong một ngày"),
    Column("place", "Địa điểm", max_length=300, width=30),
    zone("zone", "Khu công nghiệp, khu kinh tế", width=30),
    enterprises(
        "enterprises",
        "Doanh nghiệp tham gia (mã số thuế)",
        max_length=5000,
        width=30,
        help="mã số thuế, cách nhau bằng dấu chấm phẩy",
    ),
    Column("notes", "Ghi chú", max_length=5000, width=30),
    owner_agency("Đơn vị tổ chức", own=True),
)
HEADERS = {column.key: column.header for column in COLUMNS}


def _key(owner_id: int, kind: str, title: str, start: Any) -> tuple[Any, ...]:
    return (owner_id, kind, clean_text(title).casefold(), start)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import owner_choices

    checked = Checked()
    cells = Resolved(user, rows, COLUMNS, checked)
    default_owner = user.agency if not user.is_admin else None
    starts = {row.values.get("start_date") for row in rows if row.values.get("start_date")}
    existing = {
        _key(a.owner_agency_id, a.kind, a.title, a.start_date): a
        for a in activities_visible_to(user)
        .filter(owner_agency__in=owner_choices(user=user), start_date__in=starts)
        .prefetch_related("enterprises")
    }
    seen: dict[tuple[Any, ...], int] = {}
    plan: list[tuple[Activity | None, dict[str, Any], Any]] = []
    for row in rows:
        if not row.values.get("owner_agency") and default_owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị tổ chức"))
            continue
        values, known = cells.row(row)
        owner = values["owner_agency"] or default_owner
        if not known or owner is None:
            continue
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            checked.problem(row.number, "end_date", _("ngày kết thúc không được trước ngày bắt đầu"))
            continue
        if not (values["kind"] and values.get("title") and start):
            continue
        data: dict[str, Any] = {
            "kind": values["kind"],
            "title": clean_text(str(values["title"])),
            "series": clean_text(str(values.get("series") or "")),
            "start_date": start,
            "end_date": end,
            "place": clean_text(str(values.get("place") or "")),
            "zone": values["zone"],
            "notes": str(values.get("notes") or "").strip(),
            "enterprises": values["enterprises"],
        }
        key = _key(owner.pk, data["kind"], data["title"], start)
        if key in seen:
            checked.problem(row.number, "title", _("trùng loại, tên và ngày bắt đầu với dòng %(n)s") % {"n": seen[key]})
            continue
        seen[key] = row.number
        found = existing.get(key)
        if found is None:
            checked.new += 1
            plan.append((None, data, owner))
            continue
        if not permissions.can_edit_activity(user, found):
            checked.problem(row.number, "title", _("anh/chị không sửa được hoạt động này"))
            continue
        fields = _differences(found, data)
        if fields:
            checked.changes.append(Change(row.number, f"{found.title} ({found.start_date:%d/%m/%Y})", fields))
            plan.append((found, data, owner))
        else:
            checked.unchanged += 1
    checked.state = plan
    return checked


def _differences(activity: Activity, data: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    fields = {}
    for key, value in data.items():
        if key == "enterprises":
            old = "; ".join(sorted(e.tax_code for e in activity.enterprises.all()))
            new = "; ".join(sorted(e.tax_code for e in value))
        else:
            old_value = getattr(activity, key)
            if old_value == value or (old_value in ("", None) and value in ("", None)):
                continue
            old, new = ("" if old_value is None else str(old_value)), ("" if value is None else str(value))
        if old != new:
            fields[HEADERS.get(key, key)] = (old, new)
    return fields


def apply(user: User, checked: Checked) -> int:
    from phoihop.activities.services import create_activity, update_activity

    for found, data, owner in checked.state:
        try:
            if found is None:
                create_activity(actor=user, data=data, owner_agency=owner)
            else:
                update_activity(actor=user, activity=found, data=data, expected_version=found.version)
        except ValidationError as error:
            raise ValidationError(f"{data['title']}: {' '.join(error.messages)}", code="import_row") from error
    return len(checked.state)


ACTIVITIES = SheetKind(
    key="activities.activity",
    label="Hoạt động",
    columns=COLUMNS,
    natural_key=("owner_agency", "kind", "title", "start_date"),
    can_import=permissions.can_create_activity,
    can_export=permissions.can_view_activities,
    export_rows=column_rows(COLUMNS, list_activities, related=("enterprises",), chunk=1000),
    check=check,
    apply=apply,
    list_url_name="activities:activity_list",
    instructions=(
        "• Hoạt động đã có của đơn vị (cùng loại, tên và ngày bắt đầu) sẽ được cập nhật sau khi anh/chị xác nhận.",
        "• Thành phần tham gia, kết quả và tệp đính kèm nhập trên trang của từng hoạt động.",
    ),
)

"""Activities as a spreadsheet kind (phoihop.spreadsheets): one row per activity (its kind, title, dates, place, zone,
the enterprises by tax code), written through `create_activity` / `update_activity` — the app's rules, one audit event
per activity — inside the layer's one transaction. An activity already recorded by the body (same kind, title and
start date) is updated after the officer confirms the preview, so an export imported back changes nothing; each row's
write is rehearsed before the preview, so the services' rules are named by row. Participants, outputs and attachments
stay on the activity's page."""

from __future__ import annotations

from django.utils.translation import gettext as _

from phoihop.activities import permissions, services
from phoihop.activities.choices import ActivityKind
from phoihop.activities.models import Activity
from phoihop.activities.selectors import activities_visible_to, list_activities
from phoihop.planning.sheets import enterprises, owner_agency, zone
from phoihop.spreadsheets.columns import choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Column, SheetKind

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
    owner_agency("Đơn vị tổ chức"),
)

RECORDS: RecordRows[Activity] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_activity,
    writes=services.WRITES,
    not_yours=_("hoạt động này của %(owner)s; anh/chị không sửa được"),
    described=lambda found: f"{found.title} ({found.start_date:%d/%m/%Y})",
    natural_key=("owner_agency", "kind", "title", "start_date"),
    records=activities_visible_to,
    needs=("kind", "title", "start_date"),
    key_column="title",
    repeated=_("trùng loại, tên và ngày bắt đầu với dòng %(n)s"),
    ambiguous=_("đã có %(n)s hoạt động cùng đơn vị, loại, tên và ngày bắt đầu; hãy sửa trên trang của từng hoạt động"),
    owner_missing=_("hãy chọn đơn vị tổ chức"),
)


ACTIVITIES = SheetKind(
    key="activities.activity",
    label="Hoạt động",
    columns=COLUMNS,
    natural_key=RECORDS.natural_key,
    can_import=permissions.can_create_activity,
    can_export=permissions.can_view_activities,
    export_rows=column_rows(COLUMNS, list_activities, related=("enterprises",), chunk=1000),
    check=RECORDS.check,
    apply=RECORDS.apply,
    list_url_name="activities:activity_list",
    instructions=(
        "• Hoạt động đã có của đơn vị (cùng loại, tên và ngày bắt đầu) sẽ được cập nhật sau khi anh/chị xác nhận.",
        "• Thành phần tham gia, kết quả và tệp đính kèm nhập trên trang của từng hoạt động.",
    ),
)

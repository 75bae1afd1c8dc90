"""The "Dân vận khéo" models as a spreadsheet kind (phoihop.spreadsheets): one row per model — its title, building body
(by short code), year, field, content, results, status and the enterprises applying it (by tax code) — written
through `create_practice` / `update_practice` — the app's rules, one audit event per model — inside the layer's one
transaction.

A model is recognised by its building body, title and year: such a row updates the recorded model after the officer
confirms the preview, if the officer's body built it. An export imported back changes nothing, rows of other bodies
included. Awards and plan items stay on the model's page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from phoihop.planning.sheets import enterprises, owner_agency
from phoihop.practices import permissions, services
from phoihop.practices.choices import PracticeField, PracticeStatus
from phoihop.practices.selectors import list_practices, practices_visible_to
from phoihop.spreadsheets.columns import choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.practices.models import GoodPractice

COLUMNS = (
    Column("title", "Tên mô hình", required=True, max_length=500, width=50),
    owner_agency("Đơn vị xây dựng"),
    Column("year", "Năm", type="int", required=True, num_format="0", width=8),
    choice("field", "Lĩnh vực", PracticeField, required=True, width=36),
    Column("description", "Nội dung, cách làm", max_length=32000, width=40),
    Column("results", "Kết quả, hiệu quả", max_length=32000, width=40),
    choice("status", "Tình trạng", PracticeStatus, required=True, width=24),
    enterprises(
        "enterprises",
        "Doanh nghiệp (mã số thuế)",
        max_length=32000,
        width=30,
        help="doanh nghiệp áp dụng mô hình: mã số thuế, cách nhau bằng dấu chấm phẩy",
    ),
)


RECORDS: RecordRows[GoodPractice] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_practice,
    writes=services.WRITES,
    not_yours=_("mô hình này của %(owner)s; anh/chị không sửa được"),
    changes_only=True,
    described=lambda found: f"{found.title} ({found.year})",
    natural_key=("owner_agency", "title", "year"),
    records=practices_visible_to,
    needs=("title", "year", "field", "status"),
    key_column="title",
    repeated=_("trùng đơn vị xây dựng, tên mô hình và năm với dòng %(n)s"),
    ambiguous=_("đã có %(n)s mô hình cùng đơn vị, tên và năm; hãy sửa trên trang của từng mô hình"),
    owner_missing=_("hãy chọn đơn vị xây dựng mô hình"),
)


PRACTICES = SheetKind(
    key="practices.practice",
    label="Mô hình “Dân vận khéo”",
    columns=COLUMNS,
    natural_key=RECORDS.natural_key,
    can_import=permissions.can_create_practice,
    can_export=permissions.can_view_practices,
    export_rows=column_rows(COLUMNS, list_practices, related=("enterprises",)),
    check=RECORDS.check,
    apply=RECORDS.apply,
    list_url_name="practices:practice_list",
    instructions=(
        "• Mô hình đã có của đơn vị (cùng đơn vị xây dựng, tên mô hình và năm) sẽ được cập nhật sau khi anh/chị xác "
        "nhận.",
        "• Khen thưởng và nội dung phối hợp thực hiện ghi trên trang của từng mô hình.",
    ),
)

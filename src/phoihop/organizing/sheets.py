"""Foundings as a spreadsheet kind (phoihop.spreadsheets): one row per union, party cell or Youth Union branch founded
at an enterprise (the enterprise by tax code, the decision by its number and symbol in the document register),
written through `create_founding` / `update_founding` — the app's rules, one audit event per founding — inside the
layer's one transaction.

A founding is recognised by its kind and its enterprise (an enterprise has one founding of each kind, whoever recorded
it): such a row updates the recorded founding after the officer confirms the preview, if the officer's body owns it;
the founding body of a recorded founding is not changed from a file. An export imported back changes nothing, rows of
other bodies included. The plan items a founding carries out stay on its page."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from phoihop.organizing import permissions, services
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from phoihop.organizing.selectors import foundings_visible_to, list_foundings
from phoihop.planning.sheets import document, enterprise, owner_agency
from phoihop.spreadsheets.columns import choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Column, SheetKind

COLUMNS = (
    choice("kind", "Tổ chức được thành lập", FoundingKind, required=True, width=28),
    enterprise(
        "enterprise", "Doanh nghiệp (mã số thuế)", required=True, help="mã số thuế của doanh nghiệp trong danh mục"
    ),
    Column(
        "name",
        "Tên tổ chức",
        max_length=300,
        width=40,
        help="để trống thì hiển thị theo loại và tên doanh nghiệp, ví dụ “Chi bộ Công ty TNHH Maple”",
    ),
    Column("founded_on", "Ngày thành lập", type="date", required=True, width=14),
    Column("members_at_founding", "Số thành viên khi thành lập (người)", type="int", num_format="#,##0"),
    document(
        "decision_document",
        "Quyết định thành lập (số, ký hiệu)",
        max_length=160,
        width=28,
        help="số, ký hiệu của văn bản trong sổ văn bản, ví dụ 15-QĐ/CĐKKT; để trống khi chưa đăng ký",
    ),
    Column("notes", "Ghi chú", max_length=32000, width=30),
    owner_agency("Đơn vị thành lập"),
)


def _owner_kept(values: dict[str, Any], found: Founding | None) -> tuple[str, str] | None:
    """A recorded founding keeps its founding body: a row naming another is refused."""
    owner = values["owner_agency"]
    if found is None or owner is None or owner.pk == found.owner_agency_id:
        return None
    return "owner_agency", _(
        "tổ chức này đã được ghi nhận là do %(owner)s thành lập; không đổi được đơn vị thành lập"
    ) % {"owner": found.owner_agency.short_code}


RECORDS: RecordRows[Founding] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_founding,
    writes=services.WRITES,
    not_yours=_("bản ghi thành lập này thuộc %(owner)s; anh/chị không sửa được"),
    natural_key=("kind", "enterprise"),
    records=foundings_visible_to,
    needs=("enterprise", "kind", "founded_on"),
    key_column="enterprise",
    repeated=_("trùng tổ chức và doanh nghiệp với dòng %(n)s"),
    refuse=_owner_kept,
)


FOUNDINGS = SheetKind(
    key="organizing.founding",
    label="Thành lập tổ chức",
    columns=COLUMNS,
    natural_key=RECORDS.natural_key,
    can_import=permissions.can_create_founding,
    can_export=permissions.can_view_foundings,
    export_rows=column_rows(COLUMNS, list_foundings, chunk=1000),
    check=RECORDS.check,
    apply=RECORDS.apply,
    list_url_name="organizing:founding_list",
    instructions=(
        "• Mỗi doanh nghiệp có một bản ghi cho mỗi loại tổ chức: dòng cùng loại tổ chức và mã số thuế với bản ghi "
        "đã có sẽ cập nhật bản ghi đó (nếu của đơn vị anh/chị) sau khi anh/chị xác nhận.",
        "• Nội dung phối hợp thực hiện ghi trên trang của từng bản ghi.",
    ),
)

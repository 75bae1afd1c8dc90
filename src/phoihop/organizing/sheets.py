"""Foundings as a spreadsheet kind (phoihop.spreadsheets): one row per union, party cell or Youth Union branch founded
at an enterprise (the enterprise by tax code, the decision by its number and symbol in the document register),
written through `create_founding` / `update_founding` — the app's rules, one audit event per founding — inside the
layer's one transaction.

A founding is recognised by its kind and its enterprise (an enterprise has one founding of each kind, whoever recorded
it): such a row updates the recorded founding after the officer confirms the preview, if the officer's body owns it;
the founding body of a recorded founding is not changed from a file. An export imported back changes nothing, rows of
other bodies included. The plan items a founding carries out stay on its page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.organizing import permissions, services
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User

KIND_BY_LABEL = {str(label): value for value, label in FoundingKind.choices}
LABEL_BY_KIND = {value: label for label, value in KIND_BY_LABEL.items()}


def _agency_codes(user: User) -> list[str]:
    # Every body, not only the user's: an export of the whole list must read back; rows are checked one by one.
    from phoihop.directory.selectors import agency_choices

    return [agency.short_code for agency in agency_choices()]


COLUMNS = (
    Column(
        "kind",
        "Tổ chức được thành lập",
        type="choice",
        required=True,
        choices=lambda user: list(KIND_BY_LABEL),
        width=28,
    ),
    Column(
        "enterprise",
        "Doanh nghiệp (mã số thuế)",
        required=True,
        max_length=20,
        help="mã số thuế của doanh nghiệp trong danh mục",
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
    Column(
        "decision_document",
        "Quyết định thành lập (số, ký hiệu)",
        max_length=160,
        width=28,
        help="số, ký hiệu của văn bản trong sổ văn bản, ví dụ 15-QĐ/CĐKKT; để trống khi chưa đăng ký",
    ),
    Column("notes", "Ghi chú", max_length=32000, width=30),
    Column(
        "owner_agency",
        "Đơn vị thành lập",
        type="choice",
        choices=_agency_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
    ),
)
KEYS = tuple(column.key for column in COLUMNS)
HEADERS = {column.key: column.header for column in COLUMNS}


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The list page's rows in its filter and order (`list_foundings`), every page."""
    from phoihop.organizing.selectors import list_foundings

    for founding in list_foundings(user=user, params=params).iterator(1000):
        yield {
            "kind": LABEL_BY_KIND.get(founding.kind, founding.kind),
            "enterprise": founding.enterprise.tax_code,
            "name": founding.name,
            "founded_on": founding.founded_on,
            "members_at_founding": founding.members_at_founding,
            "decision_document": founding.decision_document.reference if founding.decision_document else None,
            "notes": founding.notes,
            "owner_agency": founding.owner_agency.short_code,
        }


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "kind":
        return str(LABEL_BY_KIND.get(value, value))
    if key == "enterprise":
        return str(value.tax_code)
    if key == "decision_document":
        return str(value.reference)
    if key == "founded_on":
        return f"{value:%d/%m/%Y}"
    return str(value)


RECORDS: RecordRows[Founding] = RecordRows(
    headers=HEADERS,
    shown=_shown,
    can_edit=permissions.can_edit_founding,
    writes=services.WRITES,
    not_yours=_("bản ghi thành lập này thuộc %(owner)s; anh/chị không sửa được"),
)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices, enterprise_choices
    from phoihop.directory.validators import normalize_tax_code
    from phoihop.organizing.selectors import foundings_visible_to
    from phoihop.planning.selectors import find_document

    checked = Checked()
    plan = RECORDS.plan(user, checked)
    agencies = {agency.short_code: agency for agency in agency_choices()}
    for row in rows:
        if row.values.get("enterprise") is not None:
            row.values["enterprise"] = normalize_tax_code(str(row.values["enterprise"]))
    codes = {str(row.values["enterprise"]) for row in rows if row.values.get("enterprise")}
    enterprises = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)} if codes else {}
    existing = {
        (founding.kind, founding.enterprise.tax_code): founding
        for founding in foundings_visible_to(user).filter(enterprise__tax_code__in=codes)
    }
    documents: dict[str, Any] = {}
    for row in rows:
        values = row.values
        owner = agencies.get(str(values["owner_agency"])) if values.get("owner_agency") else None
        code = str(values.get("enterprise") or "")
        enterprise = enterprises.get(code)
        if code and enterprise is None:
            checked.problem(
                row.number,
                "enterprise",
                _("không có doanh nghiệp mang mã số thuế %(code)s trong danh mục") % {"code": code},
            )
        reference = clean_text(str(values.get("decision_document") or ""))
        document = None
        if reference:
            if reference not in documents:
                documents[reference] = find_document(user=user, reference=reference)
            document = documents[reference]
            if document is None:
                checked.problem(
                    row.number,
                    "decision_document",
                    _("không có văn bản số, ký hiệu “%(ref)s” trong sổ văn bản") % {"ref": reference},
                )
        if enterprise is None or not values.get("kind") or not values.get("founded_on") or (reference and not document):
            continue
        kind = KIND_BY_LABEL[str(values["kind"])]
        if plan.repeated(row.number, (kind, code), "enterprise", _("trùng tổ chức và doanh nghiệp với dòng %(n)s")):
            continue
        found = existing.get((kind, code))
        if found is not None and owner is not None and owner.pk != found.owner_agency_id:
            checked.problem(
                row.number,
                "owner_agency",
                _("tổ chức này đã được ghi nhận là do %(owner)s thành lập; không đổi được đơn vị thành lập")
                % {"owner": found.owner_agency.short_code},
            )
            continue
        data: dict[str, Any] = {
            "kind": kind,
            "name": clean_text(str(values.get("name") or "")),
            "enterprise": enterprise,
            "founded_on": values["founded_on"],
            "members_at_founding": values.get("members_at_founding"),
            "decision_document": document,
            "notes": nfc(str(values.get("notes") or "")).strip(),
        }
        plan.row(row.number, data, [found] if found else [], owner=owner)
    return plan.finish(columns=KEYS)


FOUNDINGS = SheetKind(
    key="organizing.founding",
    label="Thành lập tổ chức",
    columns=COLUMNS,
    natural_key=("kind", "enterprise"),
    can_import=permissions.can_create_founding,
    can_export=permissions.can_view_foundings,
    export_rows=export_rows,
    check=check,
    apply=RECORDS.apply,
    list_url_name="organizing:founding_list",
    instructions=(
        "• Mỗi doanh nghiệp có một bản ghi cho mỗi loại tổ chức: dòng cùng loại tổ chức và mã số thuế với bản ghi "
        "đã có sẽ cập nhật bản ghi đó (nếu của đơn vị anh/chị) sau khi anh/chị xác nhận.",
        "• Nội dung phối hợp thực hiện ghi trên trang của từng bản ghi.",
    ),
)

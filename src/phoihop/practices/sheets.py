"""The "Dân vận khéo" models as a spreadsheet kind (phoihop.spreadsheets): one row per model — its title, building body
(by short code), year, field, content, results, status and the enterprises applying it (by tax code) — written
through `create_practice` / `update_practice` — the app's rules, one audit event per model — inside the layer's one
transaction.

A model is recognised by its building body, title and year: such a row updates the recorded model after the officer
confirms the preview, if the officer's body built it. An export imported back changes nothing, rows of other bodies
included. Awards and plan items stay on the model's page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.practices import permissions, services
from phoihop.practices.choices import PracticeField, PracticeStatus
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.practices.models import GoodPractice

FIELD_BY_LABEL = {str(label): value for value, label in PracticeField.choices}
LABEL_BY_FIELD = {value: label for label, value in FIELD_BY_LABEL.items()}
STATUS_BY_LABEL = {str(label): value for value, label in PracticeStatus.choices}
LABEL_BY_STATUS = {value: label for label, value in STATUS_BY_LABEL.items()}


def _agency_codes(user: User) -> list[str]:
    # Every body, not only the user's: an export of the whole list must read back; rows are checked one by one.
    from phoihop.directory.selectors import agency_choices

    return [agency.short_code for agency in agency_choices()]


COLUMNS = (
    Column("title", "Tên mô hình", required=True, max_length=500, width=50),
    Column(
        "owner_agency",
        "Đơn vị xây dựng",
        type="choice",
        choices=_agency_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
    ),
    Column("year", "Năm", type="int", required=True, num_format="0", width=8),
    Column("field", "Lĩnh vực", type="choice", required=True, choices=lambda user: list(FIELD_BY_LABEL), width=36),
    Column("description", "Nội dung, cách làm", max_length=32000, width=40),
    Column("results", "Kết quả, hiệu quả", max_length=32000, width=40),
    Column("status", "Tình trạng", type="choice", required=True, choices=lambda user: list(STATUS_BY_LABEL), width=24),
    Column(
        "enterprises",
        "Doanh nghiệp (mã số thuế)",
        max_length=32000,
        width=30,
        help="doanh nghiệp áp dụng mô hình: mã số thuế, cách nhau bằng dấu chấm phẩy",
    ),
)
KEYS = tuple(column.key for column in COLUMNS)
HEADERS = {column.key: column.header for column in COLUMNS}


def _split(value: Any) -> list[str]:
    return [part.strip() for part in str(value or "").replace(",", ";").split(";") if part.strip()]


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The list page's rows in its filter and order (`list_practices`), every page."""
    from phoihop.practices.selectors import list_practices

    for practice in list_practices(user=user, params=params).prefetch_related("enterprises").iterator(500):
        yield {
            "title": practice.title,
            "owner_agency": practice.owner_agency.short_code,
            "year": practice.year,
            "field": LABEL_BY_FIELD.get(practice.field, practice.field),
            "description": practice.description,
            "results": practice.results,
            "status": LABEL_BY_STATUS.get(practice.status, practice.status),
            "enterprises": "; ".join(sorted(e.tax_code for e in practice.enterprises.all())),
        }


def _key(owner_id: int, title: str, year: Any) -> tuple[Any, ...]:
    return (owner_id, clean_text(title).casefold(), year)


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "field":
        return str(LABEL_BY_FIELD.get(value, value))
    if key == "status":
        return str(LABEL_BY_STATUS.get(value, value))
    if key == "enterprises":
        return "; ".join(sorted(enterprise.tax_code for enterprise in value))
    return str(value)


RECORDS: RecordRows[GoodPractice] = RecordRows(
    headers=HEADERS,
    shown=_shown,
    can_edit=permissions.can_edit_practice,
    writes=services.WRITES,
    not_yours=_("mô hình này của %(owner)s; anh/chị không sửa được"),
    many=("enterprises",),
    changes_only=True,
    described=lambda found: f"{found.title} ({found.year})",
)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices, enterprise_choices
    from phoihop.directory.validators import normalize_tax_code
    from phoihop.practices.selectors import practices_visible_to

    checked = Checked()
    plan = RECORDS.plan(user, checked)
    agencies = {agency.short_code: agency for agency in agency_choices()}
    default_owner = user.agency if not user.is_admin else None
    listed = {row.number: [normalize_tax_code(code) for code in _split(row.values.get("enterprises"))] for row in rows}
    codes = {code for row_codes in listed.values() for code in row_codes}
    enterprises = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)} if codes else {}
    years = {row.values["year"] for row in rows if isinstance(row.values.get("year"), int)}
    existing: dict[tuple[Any, ...], list[GoodPractice]] = {}
    for practice in practices_visible_to(user).filter(year__in=years).prefetch_related("enterprises"):
        existing.setdefault(_key(practice.owner_agency_id, practice.title, practice.year), []).append(practice)
    for row in rows:
        values = row.values
        before = len(checked.problems)
        chosen = agencies.get(str(values["owner_agency"])) if values.get("owner_agency") else None
        owner = chosen or default_owner
        if owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị xây dựng mô hình"))
        missing = [code for code in listed[row.number] if code not in enterprises]
        if missing:
            checked.problem(
                row.number,
                "enterprises",
                _("không có doanh nghiệp mang mã số thuế %(codes)s trong danh mục") % {"codes": ", ".join(missing)},
            )
        year = values.get("year")
        if isinstance(year, int) and not 2000 <= year <= 2100:
            checked.problem(row.number, "year", _("năm phải nằm trong khoảng 2000–2100"))
        if len(checked.problems) > before or owner is None:
            continue
        if not (values.get("title") and year and values.get("field") and values.get("status")):
            continue
        data: dict[str, Any] = {
            "title": clean_text(str(values["title"])),
            "year": year,
            "field": FIELD_BY_LABEL[str(values["field"])],
            "description": nfc(str(values.get("description") or "")).strip(),
            "results": nfc(str(values.get("results") or "")).strip(),
            "status": STATUS_BY_LABEL[str(values["status"])],
            "enterprises": list(dict.fromkeys(enterprises[code] for code in listed[row.number])),
        }
        key = _key(owner.pk, data["title"], year)
        if plan.repeated(row.number, key, "title", _("trùng đơn vị xây dựng, tên mô hình và năm với dòng %(n)s")):
            continue
        matches = existing.get(key, [])
        plan.row(
            row.number,
            data,
            matches,
            owner=chosen,
            column="title",
            ambiguous=_("đã có %(n)s mô hình cùng đơn vị, tên và năm; hãy sửa trên trang của từng mô hình"),
        )
    return plan.finish(columns=KEYS)


PRACTICES = SheetKind(
    key="practices.practice",
    label="Mô hình “Dân vận khéo”",
    columns=COLUMNS,
    natural_key=("owner_agency", "title", "year"),
    can_import=permissions.can_create_practice,
    can_export=permissions.can_view_practices,
    export_rows=export_rows,
    check=check,
    apply=RECORDS.apply,
    list_url_name="practices:practice_list",
    instructions=(
        "• Mô hình đã có của đơn vị (cùng đơn vị xây dựng, tên mô hình và năm) sẽ được cập nhật sau khi anh/chị xác "
        "nhận.",
        "• Khen thưởng và nội dung phối hợp thực hiện ghi trên trang của từng mô hình.",
    ),
)

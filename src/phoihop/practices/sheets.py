"""The "Dân vận khéo" models as a spreadsheet kind (phoihop.spreadsheets): one row per model — its title, building body
(by short code), year, field, content, results, status and the enterprises applying it (by tax code) — written
through `create_practice` / `update_practice` — the app's rules, one audit event per model — inside the layer's one
transaction.

A model is recognised by its building body, title and year: such a row updates the recorded model after the officer
confirms the preview, if the officer's body built it. An export imported back changes nothing, rows of other bodies
included. Awards and plan items stay on the model's page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.practices import permissions
from phoihop.practices.choices import PracticeField, PracticeStatus
from phoihop.spreadsheets.records import Planned, differences, write_planned
from phoihop.spreadsheets.registry import Change, Checked, Column, Row, SheetKind
from phoihop.spreadsheets.services import rehearse

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


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices, enterprise_choices
    from phoihop.directory.validators import normalize_tax_code
    from phoihop.practices.selectors import practices_visible_to

    checked = Checked()
    agencies = {agency.short_code: agency for agency in agency_choices()}
    default_owner = user.agency if not user.is_admin else None
    listed = {row.number: [normalize_tax_code(code) for code in _split(row.values.get("enterprises"))] for row in rows}
    codes = {code for row_codes in listed.values() for code in row_codes}
    enterprises = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)} if codes else {}
    years = {row.values["year"] for row in rows if isinstance(row.values.get("year"), int)}
    existing: dict[tuple[Any, ...], list[GoodPractice]] = {}
    for practice in practices_visible_to(user).filter(year__in=years).prefetch_related("enterprises"):
        existing.setdefault(_key(practice.owner_agency_id, practice.title, practice.year), []).append(practice)
    seen: dict[tuple[Any, ...], int] = {}
    planned: list[Planned] = []
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
        if key in seen:
            checked.problem(
                row.number, "title", _("trùng đơn vị xây dựng, tên mô hình và năm với dòng %(n)s") % {"n": seen[key]}
            )
            continue
        seen[key] = row.number
        matches = existing.get(key, [])
        if len(matches) > 1:
            checked.problem(
                row.number,
                "title",
                _("đã có %(n)s mô hình cùng đơn vị, tên và năm; hãy sửa trên trang của từng mô hình")
                % {"n": len(matches)},
            )
            continue
        if not matches:
            checked.new += 1
            planned.append(Planned(row.number, None, data, chosen))
            continue
        found = matches[0]
        fields = _differences(found, data)
        if not fields:
            checked.unchanged += 1
            continue
        if not permissions.can_edit_practice(user, found):
            checked.problem(
                row.number,
                "",
                _("mô hình này của %(owner)s; anh/chị không sửa được") % {"owner": found.owner_agency.short_code},
            )
            continue
        changed = {name: value for name, value in data.items() if HEADERS[name] in fields}
        checked.changes.append(Change(row.number, f"{found.title} ({found.year})", fields))
        planned.append(Planned(row.number, found, changed, None))
    rehearse(checked, [(item.row, partial(_write, user, item)) for item in planned], columns=KEYS)
    checked.state = planned
    return checked


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


def _differences(record: GoodPractice, data: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    return differences(record, data, headers=HEADERS, shown=_shown, many=("enterprises",))


def _write(user: User, item: Planned[GoodPractice]) -> None:
    from phoihop.practices.services import create_practice, update_practice

    if item.found is None:
        create_practice(actor=user, data=item.data, owner_agency=item.owner)
    else:
        update_practice(actor=user, practice=item.found, data=item.data, expected_version=item.found.version)


def apply(user: User, checked: Checked) -> int:
    return write_planned(checked, partial(_write, user))


PRACTICES = SheetKind(
    key="practices.practice",
    label="Mô hình “Dân vận khéo”",
    columns=COLUMNS,
    natural_key=("owner_agency", "title", "year"),
    can_import=permissions.can_create_practice,
    can_export=permissions.can_view_practices,
    export_rows=export_rows,
    check=check,
    apply=apply,
    list_url_name="practices:practice_list",
    instructions=(
        "• Mô hình đã có của đơn vị (cùng đơn vị xây dựng, tên mô hình và năm) sẽ được cập nhật sau khi anh/chị xác "
        "nhận.",
        "• Khen thưởng và nội dung phối hợp thực hiện ghi trên trang của từng mô hình.",
    ),
)

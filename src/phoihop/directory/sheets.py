"""The enterprise directory as a spreadsheet kind (phoihop.spreadsheets): the template officers fill in, the export of
the list page, and the import that checks a whole file of enterprises and writes it in one transaction.

New enterprises are written with one bulk insert (the checks `create_enterprise` makes, done for the whole file at
once: the permission, the owner body, tax codes, lengths, choices, the workforce not negative, search text);
enterprises already in the directory (same tax code) are updated one by one through `update_enterprise`, with its
version guard and its audit event, after the officer has confirmed the preview."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text
from phoihop.directory import permissions
from phoihop.directory.choices import Ownership
from phoihop.directory.models import Enterprise
from phoihop.directory.validators import TAX_CODE_RE, normalize_tax_code

if TYPE_CHECKING:
    from types import ModuleType

    from phoihop.accounts.models import User
    from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

TEXT_KEYS = ("name", "short_name", "address", "investor_country", "sector")
OWNERSHIP_BY_LABEL = {str(label): value for value, label in Ownership.choices}
CHUNK = 900  # references looked up per query (SQLite's parameter limit)


def _zone_names(user: User) -> list[str]:
    from phoihop.directory.selectors import zone_choices

    return [zone.name for zone in zone_choices()]


def _owner_codes(user: User) -> list[str]:
    from phoihop.directory.selectors import owner_choices

    return [agency.short_code for agency in owner_choices(user=user)]


def columns(layer: ModuleType) -> tuple[Column, ...]:
    make = layer.Column
    return (
        make("name", "Tên doanh nghiệp", required=True, max_length=255, width=40),
        make("short_name", "Tên viết tắt", max_length=120),
        make(
            "tax_code",
            "Mã số thuế",
            required=True,
            max_length=20,
            help="10 chữ số, hoặc 10 chữ số kèm mã chi nhánh (0201234567-001)",
        ),
        make("zone", "Khu công nghiệp, khu kinh tế", type="choice", choices=_zone_names, width=30),
        make("address", "Địa chỉ", max_length=300, width=40),
        make(
            "ownership",
            "Loại hình sở hữu",
            type="choice",
            required=True,
            choices=lambda user: list(OWNERSHIP_BY_LABEL),
            width=30,
        ),
        make("investor_country", "Quốc gia nhà đầu tư", max_length=100),
        make("sector", "Ngành nghề", max_length=200, width=30),
        make("workforce", "Số lao động hiện có", type="int", num_format="#,##0"),
        make(
            "owner_agency",
            "Đơn vị quản lý hồ sơ",
            type="choice",
            choices=_owner_codes,
            help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
        ),
    )


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.directory.selectors import list_enterprises

    labels = {value: str(label) for value, label in Ownership.choices}
    rows = list_enterprises(user=user, params=params).values_list(
        "name",
        "short_name",
        "tax_code",
        "zone__name",
        "address",
        "ownership",
        "investor_country",
        "sector",
        "workforce",
        "owner_agency__short_code",
    )
    for name, short, tax, zone, address, ownership, country, sector, workforce, owner in rows.iterator(2000):
        yield {
            "name": name,
            "short_name": short,
            "tax_code": tax,
            "zone": zone,
            "address": address,
            "ownership": labels.get(ownership, ownership),
            "investor_country": country,
            "sector": sector,
            "workforce": workforce,
            "owner_agency": owner,
        }


def check(user: User, rows: list[Row], *, layer: ModuleType) -> Checked:
    from phoihop.directory.selectors import owner_choices, zone_choices

    checked = layer.Checked()
    zones = {zone.name: zone for zone in zone_choices()}
    owners = {agency.short_code: agency for agency in owner_choices(user=user)}
    default_owner = user.agency if not user.is_admin else None
    seen: dict[str, int] = {}
    codes = []
    for row in rows:
        raw = row.values.get("tax_code")
        if raw is None:
            continue
        code = normalize_tax_code(str(raw))
        row.values["tax_code"] = code
        if not TAX_CODE_RE.fullmatch(code):
            checked.problem(
                row.number,
                "tax_code",
                _("mã số thuế “%(v)s” không hợp lệ: phải gồm 10 chữ số hoặc 10 chữ số kèm mã chi nhánh 3 chữ số")
                % {"v": code},
            )
            row.values["tax_code"] = None
        elif code in seen:
            checked.problem(
                row.number, "tax_code", _("mã số thuế %(v)s trùng với dòng %(n)s") % {"v": code, "n": seen[code]}
            )
            row.values["tax_code"] = None
        else:
            seen[code] = row.number
            codes.append(code)
    # Which codes are already in the directory (codes only: a file of new enterprises loads no rows), then those rows.
    known = [
        code
        for start in range(0, len(codes), CHUNK)
        for code in Enterprise.objects.filter(tax_code__in=codes[start : start + CHUNK]).values_list(
            "tax_code", flat=True
        )
    ]
    existing: dict[str, Enterprise] = {}
    for start in range(0, len(known), CHUNK):
        for enterprise in Enterprise.objects.filter(tax_code__in=known[start : start + CHUNK]).select_related(
            "zone", "owner_agency"
        ):
            existing[enterprise.tax_code] = enterprise
    new: list[Enterprise] = []
    updates: list[tuple[Enterprise, dict[str, Any]]] = []
    for row in rows:
        values = row.values
        workforce = values.get("workforce")
        if isinstance(workforce, int) and workforce < 0:
            checked.problem(row.number, "workforce", _("số lao động không được âm"))
            continue
        tax_code = values.get("tax_code")
        if not tax_code:
            continue
        data: dict[str, Any] = {key: clean_text(str(values.get(key) or "")) for key in TEXT_KEYS}
        data["tax_code"] = tax_code
        data["zone"] = zones.get(str(values["zone"])) if values.get("zone") else None
        data["ownership"] = OWNERSHIP_BY_LABEL.get(str(values.get("ownership")), "")
        data["workforce"] = workforce
        owner = owners.get(str(values["owner_agency"])) if values.get("owner_agency") else default_owner
        found = existing.get(str(tax_code))
        if found is not None:
            if not permissions.can_edit_enterprise(user, found):
                checked.problem(
                    row.number,
                    "tax_code",
                    _("doanh nghiệp “%(name)s” đã có trong danh mục và do %(owner)s quản lý; anh/chị không sửa được")
                    % {"name": found.name, "owner": found.owner_agency.short_code},
                )
                continue
            fields = _differences(found, data, layer)
            if values.get("owner_agency") and owner is not None and owner.pk != found.owner_agency_id:
                checked.problem(
                    row.number, "owner_agency", _("không đổi đơn vị quản lý hồ sơ qua tệp nhập; sửa trên trang")
                )
                continue
            if fields:
                checked.changes.append(layer.Change(row.number, f"{found.name} ({found.tax_code})", fields))
                updates.append((found, data))
            else:
                checked.unchanged += 1
            continue
        if owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị quản lý hồ sơ"))
            continue
        enterprise = Enterprise(owner_agency=owner, **data)
        enterprise.refresh_search_text()
        new.append(enterprise)
    checked.new = len(new)
    checked.state = (new, updates)
    return checked


def _differences(enterprise: Enterprise, data: Mapping[str, Any], layer: ModuleType) -> dict[str, tuple[str, str]]:
    fields = {}
    labels = {column.key: column.header for column in columns(layer)}
    ownership_labels = {value: str(label) for value, label in Ownership.choices}
    for key, value in data.items():
        old = getattr(enterprise, key)
        if old == value or (old in ("", None) and value in ("", None)):
            continue
        if key == "ownership":
            fields[labels[key]] = (ownership_labels.get(old, old), ownership_labels.get(value, value))
        else:
            fields[labels[key]] = ("" if old is None else str(old), "" if value is None else str(value))
    return fields


def apply(user: User, checked: Checked, *, layer: ModuleType) -> int:
    """New enterprises in one bulk insert (the layer's: COPY on PostgreSQL), existing ones through
    `update_enterprise`, in the layer's transaction."""
    from django.core.exceptions import PermissionDenied

    from phoihop.directory.services import update_enterprise

    new, updates = checked.state
    if new and not permissions.can_create_enterprise(user):
        raise PermissionDenied
    layer.insert_all(Enterprise, new)
    for enterprise, data in updates:
        update_enterprise(actor=user, enterprise=enterprise, data=data, expected_version=enterprise.version)
    return len(new) + len(updates)


def declare(layer: ModuleType) -> SheetKind:
    """The declaration, built with the layer's classes: the directory imports no app above it (core/plugins.py
    `providers` hands the layer over), see docs/spreadsheets.md."""
    return layer.SheetKind(
        key="directory.enterprise",
        label="Danh mục doanh nghiệp",
        columns=columns(layer),
        natural_key=("tax_code",),
        can_import=permissions.can_create_enterprise,
        can_export=permissions.can_view_directory,
        export_rows=export_rows,
        check=partial(check, layer=layer),
        apply=partial(apply, layer=layer),
        list_url_name="directory:enterprise_list",
        instructions=(
            "• Doanh nghiệp đã có trong danh mục được nhận ra theo mã số thuế; "
            "đơn vị quản lý hồ sơ không đổi qua tệp nhập.",
        ),
    )


# --- the zone and agency lists: export only (reference data, kept by the administrator on its own pages) ----------


def zone_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.directory.selectors import list_zones

    for zone in list_zones(user=user, query=str(params.get("q") or "")).iterator(1000):
        yield {
            "name": zone.name,
            "kind": zone.get_kind_display(),
            "parent": str(zone.parent) if zone.parent else "",
            "district": zone.district,
            "area_ha": zone.area_ha,
            "enterprise_count": zone.enterprise_count,  # type: ignore[attr-defined]
        }


def agency_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    from phoihop.directory.selectors import list_agencies

    for agency in list_agencies(user=user, query=str(params.get("q") or "")).iterator(1000):
        yield {
            "name": agency.name,
            "short_code": agency.short_code,
            "kind": agency.get_kind_display(),
            "parent": str(agency.parent) if agency.parent else "",
        }


def declare_zones(layer: ModuleType) -> SheetKind:
    """The zone list's "Xuất Excel" (export only), offered as a provider like the enterprise kind."""
    make = layer.Column
    return layer.SheetKind(
        key="directory.zone",
        label="Khu công nghiệp, khu kinh tế",
        columns=(
            make("name", "Tên", width=40),
            make("kind", "Loại", width=22),
            make("parent", "Thuộc", width=30),
            make("district", "Quận, huyện", width=20),
            make("area_ha", "Diện tích (ha)", type="decimal", num_format="#,##0.00", width=14),
            make("enterprise_count", "Doanh nghiệp", type="int", num_format="#,##0", width=14),
        ),
        can_export=permissions.can_view_directory,
        export_rows=zone_rows,
        list_url_name="directory:zone_list",
    )


def declare_agencies(layer: ModuleType) -> SheetKind:
    """The agency list's "Xuất Excel" (export only), offered as a provider like the enterprise kind."""
    make = layer.Column
    return layer.SheetKind(
        key="directory.agency",
        label="Cơ quan, đơn vị",
        columns=(
            make("name", "Tên", width=50),
            make("short_code", "Ký hiệu", width=16),
            make("kind", "Hệ thống", width=24),
            make("parent", "Cấp trên", width=50),
        ),
        can_export=permissions.can_view_directory,
        export_rows=agency_rows,
        list_url_name="directory:agency_list",
    )

"""Housing projects as a spreadsheet kind (phoihop.spreadsheets): one row per project with its planned scale — kind,
name, following body (by short code), the project it is part of (by name), place, zone, investor (an enterprise of the
directory by tax code, or a name), areas, buildings, apartments, capacity and how exact each figure is — written
through `create_project` / `update_project` — the app's rules, one audit event per project — inside the layer's one
transaction.

A project is recognised by its following body and its name: such a row updates the recorded project after the officer
confirms the preview, if the officer's body follows it. An export imported back changes nothing, rows of other bodies
included. Milestones (from which progress is derived) and plan items stay on the project's page; a planned figure
below what the milestones already delivered is refused, as on the page."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.housing import permissions, services
from phoihop.housing.choices import CapacityGroup, ProjectKind, Qualifier
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.housing.models import HousingProject

KIND_BY_LABEL = {str(label): value for value, label in ProjectKind.choices}
QUALIFIER_BY_LABEL = {str(label): value for value, label in Qualifier.choices}
GROUP_BY_LABEL = {str(label): value for value, label in CapacityGroup.choices}
LABELS = {
    "kind": {value: label for label, value in KIND_BY_LABEL.items()},
    "floor_area_qualifier": {value: label for label, value in QUALIFIER_BY_LABEL.items()},
    "apartments_qualifier": {value: label for label, value in QUALIFIER_BY_LABEL.items()},
    "capacity_qualifier": {value: label for label, value in QUALIFIER_BY_LABEL.items()},
    "capacity_group": {value: label for label, value in GROUP_BY_LABEL.items()},
}
VALUES = {key: {label: value for value, label in labels.items()} for key, labels in LABELS.items()}
DEFAULTS = {
    "floor_area_qualifier": Qualifier.EXACT.value,
    "apartments_qualifier": Qualifier.EXACT.value,
    "capacity_qualifier": Qualifier.EXACT.value,
    "capacity_group": CapacityGroup.PEOPLE.value,
}
ONE_LINE = ("name", "district", "commune", "investor_name")
NUMBERS = (
    "land_area_ha",
    "social_housing_land_ha",
    "floor_area_m2",
    "buildings",
    "max_floors",
    "apartments",
    "capacity",
)


def _agency_codes(user: User) -> list[str]:
    # Every body, not only the user's: an export of the whole list must read back; rows are checked one by one.
    from phoihop.directory.selectors import agency_choices

    return [agency.short_code for agency in agency_choices()]


def _zone_names(user: User) -> list[str]:
    from phoihop.directory.selectors import zone_choices

    return [zone.name for zone in zone_choices()]


def _qualifier(key: str, header: str) -> Column:
    return Column(
        key,
        header,
        type="choice",
        choices=lambda user: list(QUALIFIER_BY_LABEL),
        width=14,
        help="để trống là chính xác",
    )


COLUMNS = (
    Column("kind", "Loại dự án", type="choice", required=True, choices=lambda user: list(KIND_BY_LABEL), width=22),
    Column("name", "Tên dự án", required=True, max_length=500, width=50),
    Column(
        "owner_agency",
        "Đơn vị theo dõi",
        type="choice",
        choices=_agency_codes,
        help="ký hiệu đơn vị; để trống là đơn vị của người nhập",
    ),
    Column("part_of", "Thuộc dự án", max_length=500, width=30, help="tên một dự án đã có; để trống nếu không"),
    Column("district", "Quận, huyện", max_length=120, width=20, help="ví dụ: huyện An Dương"),
    Column("commune", "Phường, xã, thị trấn", max_length=300, width=20, help="ví dụ: xã Lê Lợi"),
    Column("zone", "Khu công nghiệp, khu kinh tế phục vụ", type="choice", choices=_zone_names, width=30),
    Column(
        "investor_enterprise",
        "Chủ đầu tư (mã số thuế, trong danh mục doanh nghiệp)",
        max_length=20,
        width=22,
        help="điền cột này hoặc cột chủ đầu tư ngoài danh mục, chỉ một trong hai",
    ),
    Column(
        "investor_name",
        "Chủ đầu tư (ngoài danh mục)",
        max_length=300,
        width=30,
        help="chỉ điền khi chủ đầu tư không phải doanh nghiệp trong danh mục",
    ),
    Column("land_area_ha", "Diện tích đất (ha)", type="decimal"),
    Column("social_housing_land_ha", "Trong đó đất nhà ở xã hội (ha)", type="decimal"),
    Column("floor_area_m2", "Diện tích sàn xây dựng (m²)", type="decimal"),
    _qualifier("floor_area_qualifier", "Mức chính xác của diện tích sàn"),
    Column("buildings", "Số tòa nhà, block", type="int", num_format="#,##0", width=12),
    Column("max_floors", "Số tầng (cao nhất)", type="int", num_format="#,##0", width=12),
    Column("apartments", "Số căn hộ", type="int", num_format="#,##0", width=12),
    _qualifier("apartments_qualifier", "Mức chính xác của số căn hộ"),
    Column("capacity", "Đáp ứng chỗ ở cho (người)", type="int", num_format="#,##0", width=14),
    _qualifier("capacity_qualifier", "Mức chính xác của số người"),
    Column(
        "capacity_group",
        "Đối tượng ở",
        type="choice",
        choices=lambda user: list(GROUP_BY_LABEL),
        width=20,
        help="để trống là người",
    ),
    Column("description", "Ghi chú", max_length=32000, width=40),
)
KEYS = tuple(column.key for column in COLUMNS)
HEADERS = {column.key: column.header for column in COLUMNS}


def export_rows(user: User, params: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    """The list page's rows in its filter and order (`list_projects`), every page."""
    from phoihop.housing.selectors import list_projects

    for project in list_projects(user=user, params=params).iterator(500):
        row: dict[str, Any] = {
            "owner_agency": project.owner_agency.short_code,
            "part_of": project.part_of.name if project.part_of else None,
            "zone": project.zone.name if project.zone else None,
            "investor_enterprise": project.investor_enterprise.tax_code if project.investor_enterprise else None,
            "name": project.name,
            "district": project.district,
            "commune": project.commune,
            "investor_name": project.investor_name,
            "description": project.description,
        }
        row.update({key: getattr(project, key) for key in NUMBERS})
        row.update({key: labels.get(getattr(project, key)) for key, labels in LABELS.items()})
        yield row


def _folded(name: str) -> str:
    return clean_text(name).casefold()


def _shown(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key in LABELS:
        return str(LABELS[key].get(value, value))
    if key == "investor_enterprise":
        return str(value.tax_code)
    if key in ("part_of", "zone"):
        return str(value.name)
    return str(value)


RECORDS: RecordRows[HousingProject] = RecordRows(
    headers=HEADERS,
    shown=_shown,
    can_edit=permissions.can_edit_project,
    writes=services.WRITES,
    not_yours=_("dự án này do %(owner)s theo dõi; anh/chị không sửa được"),
    described=lambda found: found.name,
)


def check(user: User, rows: list[Row]) -> Checked:
    from phoihop.directory.selectors import agency_choices, enterprise_choices, zone_choices
    from phoihop.directory.validators import normalize_tax_code
    from phoihop.housing.selectors import projects_visible_to

    checked = Checked()
    plan = RECORDS.plan(user, checked)
    agencies = {agency.short_code: agency for agency in agency_choices()}
    zones = {zone.name: zone for zone in zone_choices()}
    default_owner = user.agency if not user.is_admin else None
    for row in rows:
        if row.values.get("investor_enterprise") is not None:
            row.values["investor_enterprise"] = normalize_tax_code(str(row.values["investor_enterprise"]))
    codes = {str(row.values["investor_enterprise"]) for row in rows if row.values.get("investor_enterprise")}
    enterprises = {e.tax_code: e for e in enterprise_choices().filter(tax_code__in=codes)} if codes else {}
    by_name: dict[str, list[HousingProject]] = {}
    for project in projects_visible_to(user):
        by_name.setdefault(_folded(project.name), []).append(project)
    for row in rows:
        values = row.values
        before = len(checked.problems)
        chosen = agencies.get(str(values["owner_agency"])) if values.get("owner_agency") else None
        owner = chosen or default_owner
        if owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị theo dõi dự án"))
        code = str(values.get("investor_enterprise") or "")
        if code and code not in enterprises:
            checked.problem(
                row.number,
                "investor_enterprise",
                _("không có doanh nghiệp mang mã số thuế %(code)s trong danh mục") % {"code": code},
            )
        parent = None
        if values.get("part_of"):
            parents = by_name.get(_folded(str(values["part_of"])), [])
            if len(parents) == 1:
                parent = parents[0]
            else:
                checked.problem(
                    row.number,
                    "part_of",
                    (
                        _("không có dự án nào tên “%(name)s”; dự án mới trong tệp phải được nhập trước")
                        if not parents
                        else _("có %(n)s dự án cùng tên “%(name)s”; hãy chọn dự án trên trang")
                    )
                    % {"name": values["part_of"], "n": len(parents)},
                )
        if len(checked.problems) > before or owner is None or not (values.get("kind") and values.get("name")):
            continue
        data: dict[str, Any] = {
            "kind": KIND_BY_LABEL[str(values["kind"])],
            "part_of": parent,
            "zone": zones.get(str(values["zone"])) if values.get("zone") else None,
            "investor_enterprise": enterprises.get(code) if code else None,
            "description": nfc(str(values.get("description") or "")).strip(),
        }
        data.update({key: clean_text(str(values.get(key) or "")) for key in ONE_LINE})
        data.update({key: values.get(key) for key in NUMBERS})
        data.update(
            {key: VALUES[key][str(values[key])] if values.get(key) else default for key, default in DEFAULTS.items()}
        )
        key = (owner.pk, _folded(data["name"]))
        if plan.repeated(row.number, key, "name", _("trùng đơn vị theo dõi và tên dự án với dòng %(n)s")):
            continue
        matches = [project for project in by_name.get(key[1], []) if project.owner_agency_id == owner.pk]
        plan.row(
            row.number,
            data,
            matches,
            owner=chosen,
            column="name",
            ambiguous=_("đã có %(n)s dự án cùng đơn vị theo dõi và tên; hãy sửa trên trang của từng dự án"),
        )
    return plan.finish(columns=KEYS)


HOUSING_PROJECTS = SheetKind(
    key="housing.project",
    label="Dự án nhà ở công nhân",
    columns=COLUMNS,
    natural_key=("owner_agency", "name"),
    can_import=permissions.can_create_project,
    can_export=permissions.can_view_projects,
    export_rows=export_rows,
    check=check,
    apply=RECORDS.apply,
    list_url_name="housing:project_list",
    instructions=(
        "• Dự án đã có của đơn vị (cùng đơn vị theo dõi và tên dự án) sẽ được cập nhật sau khi anh/chị xác nhận.",
        "• Các mốc tiến độ và nội dung phối hợp thực hiện ghi trên trang của từng dự án; tiến độ được tính từ các mốc.",
    ),
)

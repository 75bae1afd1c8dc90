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

from operator import attrgetter
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from phoihop.core.text import clean_text, nfc
from phoihop.housing import permissions, services
from phoihop.housing.choices import CapacityGroup, ProjectKind, Qualifier
from phoihop.housing.selectors import list_projects, projects_visible_to
from phoihop.planning.sheets import enterprise, owner_agency, zone
from phoihop.spreadsheets.columns import Resolved, choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Checked, Column, Row, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.housing.models import HousingProject

# What an empty cell of these choice columns means.
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


def _qualifier(key: str, header: str) -> Column:
    return choice(key, header, Qualifier, width=14, help="để trống là chính xác")


COLUMNS = (
    choice("kind", "Loại dự án", ProjectKind, required=True, width=22),
    Column("name", "Tên dự án", required=True, max_length=500, width=50),
    owner_agency("Đơn vị theo dõi"),
    Column(
        "part_of",
        "Thuộc dự án",
        max_length=500,
        width=30,
        help="tên một dự án đã có; để trống nếu không",
        read="part_of.name",
        show=attrgetter("name"),
    ),
    Column("district", "Quận, huyện", max_length=120, width=20, help="ví dụ: huyện An Dương"),
    Column("commune", "Phường, xã, thị trấn", max_length=300, width=20, help="ví dụ: xã Lê Lợi"),
    zone("zone", "Khu công nghiệp, khu kinh tế phục vụ", width=30),
    enterprise(
        "investor_enterprise",
        "Chủ đầu tư (mã số thuế, trong danh mục doanh nghiệp)",
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
    choice("capacity_group", "Đối tượng ở", CapacityGroup, width=20, help="để trống là người"),
    Column("description", "Ghi chú", max_length=32000, width=40),
)


def _folded(name: str) -> str:
    return clean_text(name).casefold()


RECORDS: RecordRows[HousingProject] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_project,
    writes=services.WRITES,
    not_yours=_("dự án này do %(owner)s theo dõi; anh/chị không sửa được"),
    described=lambda found: found.name,
)


def check(user: User, rows: list[Row]) -> Checked:
    checked = Checked()
    plan = RECORDS.plan(user, checked)
    cells = Resolved(user, rows, COLUMNS, checked)
    default_owner = user.agency if not user.is_admin else None
    by_name: dict[str, list[HousingProject]] = {}
    for project in projects_visible_to(user):
        by_name.setdefault(_folded(project.name), []).append(project)
    for row in rows:
        if not row.values.get("owner_agency") and default_owner is None:
            checked.problem(row.number, "owner_agency", _("hãy chọn đơn vị theo dõi dự án"))
        values, known = cells.row(row)
        owner = values["owner_agency"] or default_owner
        parent = None
        if values.get("part_of"):
            parents = by_name.get(_folded(str(values["part_of"])), [])
            if len(parents) == 1:
                parent = parents[0]
            else:
                known = False
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
        if not known or owner is None or not (values["kind"] and values.get("name")):
            continue
        data: dict[str, Any] = {
            "kind": values["kind"],
            "part_of": parent,
            "zone": values["zone"],
            "investor_enterprise": values["investor_enterprise"],
            "description": nfc(str(values.get("description") or "")).strip(),
        }
        data.update({key: clean_text(str(values.get(key) or "")) for key in ONE_LINE})
        data.update({key: values.get(key) for key in NUMBERS})
        data.update({key: values[key] or default for key, default in DEFAULTS.items()})
        key = (owner.pk, _folded(data["name"]))
        if plan.repeated(row.number, key, "name", _("trùng đơn vị theo dõi và tên dự án với dòng %(n)s")):
            continue
        matches = [project for project in by_name.get(key[1], []) if project.owner_agency_id == owner.pk]
        plan.row(
            row.number,
            data,
            matches,
            owner=values["owner_agency"],
            column="name",
            ambiguous=_("đã có %(n)s dự án cùng đơn vị theo dõi và tên; hãy sửa trên trang của từng dự án"),
        )
    return plan.finish()


HOUSING_PROJECTS = SheetKind(
    key="housing.project",
    label="Dự án nhà ở công nhân",
    columns=COLUMNS,
    natural_key=("owner_agency", "name"),
    can_import=permissions.can_create_project,
    can_export=permissions.can_view_projects,
    export_rows=column_rows(COLUMNS, list_projects),
    check=check,
    apply=RECORDS.apply,
    list_url_name="housing:project_list",
    instructions=(
        "• Dự án đã có của đơn vị (cùng đơn vị theo dõi và tên dự án) sẽ được cập nhật sau khi anh/chị xác nhận.",
        "• Các mốc tiến độ và nội dung phối hợp thực hiện ghi trên trang của từng dự án; tiến độ được tính từ các mốc.",
    ),
)

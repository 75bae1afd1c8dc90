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
from django.utils.translation import gettext_lazy

from phoihop.core.choices import Qualifier
from phoihop.core.text import clean_text
from phoihop.housing import permissions, services
from phoihop.housing.choices import CapacityGroup, ProjectKind
from phoihop.housing.selectors import list_projects, projects_visible_to
from phoihop.planning.sheets import enterprise, owner_agency, zone
from phoihop.spreadsheets.columns import Reference, choice, column_rows
from phoihop.spreadsheets.records import RecordRows
from phoihop.spreadsheets.registry import Column, SheetKind

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.housing.models import HousingProject


def _folded(name: str) -> str:
    return clean_text(name).casefold()


def _projects_by_name(user: User, names: set[str]) -> dict[str, Any]:
    """The projects the file's "part of" cells name, by name whatever its case and spaces: a name two projects hold
    is a list (the cell is refused as ambiguous)."""
    wanted = {_folded(name): name for name in names}
    found: dict[str, list[HousingProject]] = {}
    for project in projects_visible_to(user):
        if _folded(project.name) in wanted:
            found.setdefault(wanted[_folded(project.name)], []).append(project)
    return {name: projects[0] if len(projects) == 1 else projects for name, projects in found.items()}


PROJECT_BY_NAME = Reference(
    find=_projects_by_name,
    name=attrgetter("name"),
    missing=gettext_lazy("không có dự án nào tên “%(name)s”; dự án mới trong tệp phải được nhập trước"),
    ambiguous=gettext_lazy("có %(n)s dự án cùng tên “%(name)s”; hãy chọn dự án trên trang"),
)


def _qualifier(key: str, header: str) -> Column:
    return choice(key, header, Qualifier, width=14, help="để trống là chính xác", default=Qualifier.EXACT.value)


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
        ref=PROJECT_BY_NAME,
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
    choice(
        "capacity_group",
        "Đối tượng ở",
        CapacityGroup,
        width=20,
        help="để trống là người",
        default=CapacityGroup.PEOPLE.value,
    ),
    Column("description", "Ghi chú", max_length=32000, width=40),
)


RECORDS: RecordRows[HousingProject] = RecordRows(
    columns=COLUMNS,
    can_edit=permissions.can_edit_project,
    writes=services.WRITES,
    not_yours=_("dự án này do %(owner)s theo dõi; anh/chị không sửa được"),
    described=lambda found: found.name,
    natural_key=("owner_agency", "name"),
    records=projects_visible_to,
    needs=("kind", "name"),
    key_column="name",
    repeated=_("trùng đơn vị theo dõi và tên dự án với dòng %(n)s"),
    ambiguous=_("đã có %(n)s dự án cùng đơn vị theo dõi và tên; hãy sửa trên trang của từng dự án"),
    owner_missing=_("hãy chọn đơn vị theo dõi dự án"),
)


HOUSING_PROJECTS = SheetKind(
    key="housing.project",
    label="Dự án nhà ở công nhân",
    columns=COLUMNS,
    natural_key=RECORDS.natural_key,
    can_import=permissions.can_create_project,
    can_export=permissions.can_view_projects,
    export_rows=column_rows(COLUMNS, list_projects),
    check=RECORDS.check,
    apply=RECORDS.apply,
    list_url_name="housing:project_list",
    instructions=(
        "• Dự án đã có của đơn vị (cùng đơn vị theo dõi và tên dự án) sẽ được cập nhật sau khi anh/chị xác nhận.",
        "• Các mốc tiến độ và nội dung phối hợp thực hiện ghi trên trang của từng dự án; tiến độ được tính từ các mốc.",
    ),
)

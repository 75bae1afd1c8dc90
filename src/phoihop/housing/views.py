"""Pages of worker housing projects: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.records import ChildPages, RecordPages
from phoihop.housing import permissions, selectors, services
from phoihop.housing.filters import ProjectFilter
from phoihop.housing.forms import MilestoneForm, ProjectForm

PROJECTS = RecordPages(
    app="housing",
    name="project",
    rows=selectors.list_projects,
    filter=ProjectFilter,
    load=selectors.get_project,
    load_detail=selectors.get_project_detail,
    history=selectors.project_history,
    can_create=permissions.can_create_project,
    can_edit=permissions.can_edit_project,
    can_delete=permissions.can_delete_project,
    form=ProjectForm,
    writes=services.WRITES,
    created=lambda record: _("Đã thêm dự án “%(name)s”.") % {"name": record.name},
    what=gettext_lazy("dự án"),
    consequence=gettext_lazy("Các mốc tiến độ của dự án cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
    extra=lambda project, user: {"progress": selectors.progress_of(project)},
    page_rows=selectors.with_progress,
)


MILESTONES = ChildPages(
    name="milestone",
    segment="moc",
    parent_name="project",
    form=MilestoneForm,
    list_url="housing:project_list",
    list_label=gettext_lazy("Nhà ở công nhân"),
    parent=selectors.get_project,
    load=selectors.get_milestone,
    parent_of=lambda milestone: milestone.project,
    can_edit_parent=permissions.can_edit_project,
    writes=services.MILESTONES,
    add_heading=gettext_lazy("Thêm mốc tiến độ"),
    edit_heading=gettext_lazy("Sửa mốc tiến độ"),
    delete_heading=lambda milestone: _("Xóa mốc “%(row)s”?") % {"row": milestone},
    done_message=gettext_lazy("Đã xóa mốc tiến độ."),
)

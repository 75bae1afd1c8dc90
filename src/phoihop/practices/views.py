"""Pages of the "Dân vận khéo" models: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.records import ChildPages, RecordPages
from phoihop.practices import permissions, selectors, services
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.forms import AwardForm, PracticeForm

PRACTICES = RecordPages(
    app="practices",
    name="practice",
    rows=selectors.list_practices,
    filter=PracticeFilter,
    load=selectors.get_practice,
    load_detail=selectors.get_practice_detail,
    history=selectors.practice_history,
    can_create=permissions.can_create_practice,
    can_edit=permissions.can_edit_practice,
    can_delete=permissions.can_delete_practice,
    form=PracticeForm,
    writes=services.WRITES,
    created=lambda record: _("Đã thêm mô hình “%(title)s”.") % {"title": record.title},
    what=gettext_lazy("mô hình"),
    consequence=gettext_lazy("Các khen thưởng của mô hình cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
)


AWARDS = ChildPages(
    name="award",
    segment="khen-thuong",
    parent_name="practice",
    form=AwardForm,
    list_url="practices:practice_list",
    list_label=gettext_lazy("Mô hình “Dân vận khéo”"),
    parent=selectors.get_practice,
    load=selectors.get_award,
    parent_of=lambda award: award.practice,
    can_edit_parent=permissions.can_edit_practice,
    writes=services.AWARDS,
    add_heading=gettext_lazy("Thêm khen thưởng"),
    edit_heading=gettext_lazy("Sửa khen thưởng"),
    delete_heading=lambda award: _("Xóa khen thưởng “%(row)s”?") % {"row": award},
    done_message=gettext_lazy("Đã xóa khen thưởng."),
)

"""Pages of foundings (unions, party cells, youth unions at enterprises): the record pages of core/records.py."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.audit import history_of
from phoihop.core.records import RecordPages
from phoihop.organizing import permissions, selectors, services
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.forms import FoundingForm

FOUNDINGS = RecordPages(
    app="organizing",
    name="founding",
    rows=selectors.list_foundings,
    filter=FoundingFilter,
    load=selectors.get_founding,
    history=history_of,
    can_create=permissions.can_create_founding,
    can_edit=permissions.can_edit_founding,
    can_delete=permissions.can_delete_founding,
    form=FoundingForm,
    writes=services.WRITES,
    created=lambda record: _("Đã ghi nhận thành lập “%(name)s”.") % {"name": record},
    what=gettext_lazy("bản ghi"),
    consequence=gettext_lazy(
        "Bản ghi thành lập sẽ bị xóa và không còn được tính vào các chỉ tiêu. Lịch sử thay đổi vẫn được lưu."
    ),
    # “Ghi nhận thành lập” from an enterprise's page arrives with the enterprise already chosen.
    preset=("enterprise",),
)

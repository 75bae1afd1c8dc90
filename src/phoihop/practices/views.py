"""Pages of the "Dân vận khéo" models: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.records import (
    ChildFormView,
    RecordPages,
    child_delete_view,
)
from phoihop.core.views import user_of
from phoihop.practices import permissions, selectors, services
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.forms import AwardForm, PracticeForm
from phoihop.practices.models import GoodPractice

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


class _AwardFormView(ChildFormView):
    form_class = AwardForm
    template_name = "practices/award_form.html"
    parent_context_name = "practice"
    can_edit_parent = staticmethod(permissions.can_edit_practice)


class AwardCreateView(_AwardFormView):
    heading = _("Thêm khen thưởng")

    def load(self, request: HttpRequest, **kwargs: Any) -> GoodPractice:
        return selectors.get_practice(user=user_of(request), pk=kwargs["pk"])

    def perform(self, form: AwardForm) -> Any:
        return services.add_award(actor=user_of(self.request), practice=self.parent, data=form.service_data())


class AwardUpdateView(_AwardFormView):
    heading = _("Sửa khen thưởng")

    def load(self, request: HttpRequest, **kwargs: Any) -> GoodPractice:
        self.row = selectors.get_award(user=user_of(request), pk=kwargs["pk"])
        return self.row.practice

    def perform(self, form: AwardForm) -> Any:
        return services.update_award(
            actor=user_of(self.request),
            award=selectors.get_award(user=user_of(self.request), pk=self.row.pk),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


award_delete = child_delete_view(
    load=selectors.get_award,
    parent=lambda award: award.practice,
    can_edit_parent=permissions.can_edit_practice,
    delete=lambda award, **kwargs: services.delete_award(award=award, **kwargs),
    heading=lambda award: _("Xóa khen thưởng “%(row)s”?") % {"row": award},
    done_message=gettext_lazy("Đã xóa khen thưởng."),
)

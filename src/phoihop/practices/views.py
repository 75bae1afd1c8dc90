"""Pages of the "Dân vận khéo" models: the record-app views of core/records.py with this app's names and rules."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from phoihop.accounts.models import User
from phoihop.core.records import (
    ChildFormView,
    RecordCreateView,
    RecordUpdateView,
    confirm_delete,
    delete_view,
    detail_view,
    render_list,
)
from phoihop.core.views import require_permission, user_of
from phoihop.practices import permissions, selectors, services
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.forms import AwardForm, PracticeForm
from phoihop.practices.models import GoodPractice


@login_required
def practice_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    practices = selectors.list_practices(user=user, params=request.GET)
    context = {
        "filter": PracticeFilter(request.GET, queryset=practices, user=user),
        "can_create": permissions.can_create_practice(user),
    }
    return render_list(request, template="practices/practice_list.html", rows=practices, context=context)


practice_detail = detail_view(
    template="practices/practice_detail.html",
    name="practice",
    load=selectors.get_practice_detail,
    can_edit=permissions.can_edit_practice,
    can_delete=permissions.can_delete_practice,
    history=selectors.practice_history,
)


class PracticeCreateView(RecordCreateView):
    form_class = PracticeForm
    template_name = "practices/practice_form.html"
    can_create = staticmethod(permissions.can_create_practice)

    def create(self, *, actor: User, form: PracticeForm) -> GoodPractice:
        return services.create_practice(
            actor=actor, data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )

    def created_message(self, record: GoodPractice) -> str:
        return _("Đã thêm mô hình “%(title)s”.") % {"title": record.title}


class PracticeUpdateView(RecordUpdateView):
    form_class = PracticeForm
    template_name = "practices/practice_form.html"
    context_object_name = "practice"
    load = staticmethod(selectors.get_practice)
    can_edit = staticmethod(permissions.can_edit_practice)

    def update(self, *, actor: User, record: GoodPractice, form: PracticeForm) -> GoodPractice:
        return services.update_practice(
            actor=actor, practice=record, data=form.service_data(), expected_version=form.expected_version
        )


practice_delete = delete_view(
    load=selectors.get_practice,
    can_delete=permissions.can_delete_practice,
    delete=lambda row, **kwargs: services.delete_practice(practice=row, **kwargs),
    what=gettext_lazy("mô hình"),
    consequence=gettext_lazy("Các khen thưởng của mô hình cũng bị xóa. Lịch sử thay đổi vẫn được lưu."),
    list_url="practices:practice_list",
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


@login_required
@require_http_methods(["GET", "POST"])
def award_delete(request: HttpRequest, pk: int) -> HttpResponse:
    award = selectors.get_award(user=user_of(request), pk=pk)
    require_permission(permissions.can_edit_practice(user_of(request), award.practice))
    return confirm_delete(
        request,
        row=award,
        delete=lambda **kwargs: services.delete_award(award=award, **kwargs),
        heading=_("Xóa khen thưởng “%(row)s”?") % {"row": award},
        consequence=_("Lịch sử thay đổi vẫn được lưu."),
        cancel_url=award.practice.get_absolute_url(),
        done_url=award.practice.get_absolute_url(),
        done_message=_("Đã xóa khen thưởng."),
    )

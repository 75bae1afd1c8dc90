"""Pages of foundings (unions, party cells, youth unions at enterprises): the record-app views of core/records.py."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.accounts.models import User
from phoihop.core.audit import history_of
from phoihop.core.records import RecordCreateView, RecordUpdateView, delete_view, detail_view, render_list
from phoihop.core.views import user_of
from phoihop.organizing import permissions, selectors, services
from phoihop.organizing.filters import FoundingFilter
from phoihop.organizing.forms import FoundingForm
from phoihop.organizing.models import Founding


@login_required
def founding_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    foundings = selectors.list_foundings(user=user, params=request.GET)
    context = {
        "filter": FoundingFilter(request.GET, queryset=foundings, user=user),
        "can_create": permissions.can_create_founding(user),
    }
    return render_list(request, template="organizing/founding_list.html", rows=foundings, context=context)


founding_detail = detail_view(
    template="organizing/founding_detail.html",
    name="founding",
    load=selectors.get_founding,
    can_edit=permissions.can_edit_founding,
    can_delete=permissions.can_delete_founding,
    history=history_of,
)


class FoundingCreateView(RecordCreateView):
    form_class = FoundingForm
    template_name = "organizing/founding_form.html"
    can_create = staticmethod(permissions.can_create_founding)

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        # "Ghi nhận thành lập" from an enterprise's page arrives with the enterprise already chosen.
        if self.request.GET.get("enterprise"):
            initial["enterprise"] = self.request.GET["enterprise"]
        return initial

    def create(self, *, actor: User, form: FoundingForm) -> Founding:
        return services.create_founding(
            actor=actor, data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )

    def created_message(self, record: Founding) -> str:
        return _("Đã ghi nhận thành lập “%(name)s”.") % {"name": record}


class FoundingUpdateView(RecordUpdateView):
    form_class = FoundingForm
    template_name = "organizing/founding_form.html"
    context_object_name = "founding"
    load = staticmethod(selectors.get_founding)
    can_edit = staticmethod(permissions.can_edit_founding)

    def update(self, *, actor: User, record: Founding, form: FoundingForm) -> Founding:
        return services.update_founding(
            actor=actor, founding=record, data=form.service_data(), expected_version=form.expected_version
        )


founding_delete = delete_view(
    load=selectors.get_founding,
    can_delete=permissions.can_delete_founding,
    delete=lambda row, **kwargs: services.delete_founding(founding=row, **kwargs),
    what=gettext_lazy("bản ghi"),
    consequence=gettext_lazy(
        "Bản ghi thành lập sẽ bị xóa và không còn được tính vào các chỉ tiêu. Lịch sử thay đổi vẫn được lưu."
    ),
    list_url="organizing:founding_list",
)

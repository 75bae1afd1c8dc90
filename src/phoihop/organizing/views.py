"""Pages of foundings (unions, party cells, youth unions at enterprises): the record-app views of core/records.py."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from phoihop.accounts.models import User
from phoihop.core.audit import history_of
from phoihop.core.records import RecordCreateView, RecordUpdateView, confirm_delete, render_list
from phoihop.core.views import require_permission, user_of
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


@login_required
def founding_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    founding = selectors.get_founding(user=user, pk=pk)
    context = {
        "founding": founding,
        "history": history_of(founding)[:50],
        "can_edit": permissions.can_edit_founding(user, founding),
        "can_delete": permissions.can_delete_founding(user, founding),
    }
    return render(request, "organizing/founding_detail.html", context)


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


@login_required
@require_http_methods(["GET", "POST"])
def founding_delete(request: HttpRequest, pk: int) -> HttpResponse:
    founding = selectors.get_founding(user=user_of(request), pk=pk)
    require_permission(permissions.can_delete_founding(user_of(request), founding))
    return confirm_delete(
        request,
        row=founding,
        delete=lambda **kwargs: services.delete_founding(founding=founding, **kwargs),
        heading=_("Xóa bản ghi “%(name)s”?") % {"name": founding},
        consequence=_(
            "Bản ghi thành lập sẽ bị xóa và không còn được tính vào các chỉ tiêu. Lịch sử thay đổi vẫn được lưu."
        ),
        cancel_url=founding.get_absolute_url(),
        done_url=reverse("organizing:founding_list"),
        done_message=_("Đã xóa bản ghi “%(name)s”.") % {"name": founding},
    )

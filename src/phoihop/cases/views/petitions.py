"""Pages of petitions raised at dialogue conferences."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.accounts.models import User
from phoihop.cases import permissions, selectors, services
from phoihop.cases.filters import PetitionFilter
from phoihop.cases.forms import FollowUpForm, PetitionForm
from phoihop.cases.models import Petition
from phoihop.core.audit import history_of
from phoihop.core.records import RecordCreateView, RecordUpdateView, detail_view, list_view
from phoihop.core.views import require_permission, submit_form, user_of

petition_list = list_view(
    template="cases/petition_list.html",
    rows=selectors.list_petitions,
    filter=PetitionFilter,
    can_create=permissions.can_create_petition,
)


def _follow_ups(petition: Petition, user: User) -> dict[str, Any]:
    open_to_follow_up = permissions.can_edit_petition(user, petition) and petition.status != "resolved"
    return {
        "follow_ups": selectors.petition_follow_ups(petition),
        "follow_up_form": FollowUpForm(petition=petition) if open_to_follow_up else None,
    }


petition_detail = detail_view(
    template="cases/petition_detail.html",
    name="petition",
    load=selectors.get_petition,
    can_edit=permissions.can_edit_petition,
    can_delete=lambda user, petition: False,  # a petition raised at a dialogue stays on record
    history=history_of,
    extra=_follow_ups,
)


class PetitionCreateView(RecordCreateView):
    form_class = PetitionForm
    template_name = "cases/petition_form.html"
    allowed = staticmethod(permissions.can_create_petition)

    def create(self, *, actor: User, form: PetitionForm) -> Petition:
        return services.create_petition(
            actor=actor, data=form.service_data(), owner_agency=form.cleaned_data.get("owner_agency")
        )

    def created_message(self, record: Petition) -> str:
        return _("Đã ghi nhận kiến nghị.")


class PetitionUpdateView(RecordUpdateView):
    form_class = PetitionForm
    template_name = "cases/petition_form.html"
    context_name = "petition"
    selector = staticmethod(selectors.get_petition)
    allowed_on_record = staticmethod(permissions.can_edit_petition)

    def update(self, *, actor: User, record: Petition, form: PetitionForm) -> Petition:
        return services.update_petition(
            actor=actor, petition=record, data=form.service_data(), expected_version=form.expected_version
        )


@login_required
@require_POST
def petition_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    petition = selectors.get_petition(user=user, pk=pk)
    require_permission(permissions.can_edit_petition(user, petition))
    form = FollowUpForm(request.POST, petition=petition)
    done = submit_form(
        request,
        form,
        lambda data: services.add_follow_up(
            actor=user,
            petition=petition,
            occurred_on=data["occurred_on"],
            status=data["status"],
            note=data["note"],
            expected_version=data["version"],
        ),
        success=_("Đã ghi bước theo dõi kiến nghị."),
        url=petition.get_absolute_url(),
    )
    return done or render(request, "cases/petition_follow_up.html", {"petition": petition, "form": form}, status=422)

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from phoihop.activities import permissions, selectors, services
from phoihop.activities.filters import ActivityFilter
from phoihop.activities.forms import (
    ActivityForm,
    AttachmentForm,
    OutputForm,
    OutputFormSet,
    ParticipantForm,
    ParticipantFormSet,
    formset_rows,
)
from phoihop.activities.models import Activity, ActivityAttachment
from phoihop.core.audit import history_of
from phoihop.core.records import confirm_delete, detail_view, list_view
from phoihop.core.views import ServiceFormView, redirect_after, require_permission, user_of

PARTICIPANTS_PREFIX = "participants"
OUTPUTS_PREFIX = "outputs"
MAX_ROWS = 200


activity_list = list_view(
    template="activities/activity_list.html",
    rows=selectors.list_activities,
    filter=ActivityFilter,
    can_create=permissions.can_create_activity,
)


activity_detail = detail_view(
    template="activities/activity_detail.html",
    name="activity",
    load=selectors.get_activity,
    can_edit=permissions.can_edit_activity,
    can_delete=permissions.can_delete_activity,
    history=history_of,
    extra=lambda activity, user: {
        "attachment_form": AttachmentForm() if permissions.can_edit_activity(user, activity) else None
    },
)


def _participant_initial(activity: Activity | None) -> list[dict[str, Any]]:
    if activity is None:
        return []
    return [
        {"group": p.group, "count": p.count, "unit": p.unit, "qualifier": p.qualifier, "note": p.note}
        for p in activity.participants.all()
    ]


def _output_initial(activity: Activity | None) -> list[dict[str, Any]]:
    if activity is None:
        return []
    return [
        {"kind": o.kind, "label": o.label, "quantity": o.quantity, "unit": o.unit, "qualifier": o.qualifier}
        for o in activity.outputs.all()
    ]


class ActivityFormView(ServiceFormView):
    """The activity with its participant and output rows: one form, two formsets, one service call."""

    form_class = ActivityForm
    template_name = "activities/activity_form.html"
    # The activity being edited; None on the create form.
    context_name = "activity"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": user_of(self.request)}

    def get_formsets(self) -> tuple[Any, Any]:
        if not hasattr(self, "_formsets"):
            data = self.request.POST if self.request.method == "POST" else None
            participants = ParticipantFormSet(
                data, prefix=PARTICIPANTS_PREFIX, initial=None if data else _participant_initial(self.record)
            )
            outputs = OutputFormSet(data, prefix=OUTPUTS_PREFIX, initial=None if data else _output_initial(self.record))
            if data is None and self.record is None:
                participants.extra = 1
            self._formsets = (participants, outputs)
        return self._formsets

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = self.get_form()
        participants, outputs = self.get_formsets()
        formsets_valid = participants.is_valid() and outputs.is_valid()
        if form.is_valid() and formsets_valid:
            return self.form_valid(form)
        return self.form_invalid(form)

    def more_context(self) -> dict[str, Any]:
        participants, outputs = self.get_formsets()
        return {"participants": participants, "outputs": outputs}

    def rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        participants, outputs = self.get_formsets()
        return formset_rows(participants), formset_rows(outputs)


class ActivityCreateView(ActivityFormView):
    allowed = staticmethod(permissions.can_create_activity)

    def perform(self, form: ActivityForm) -> Any:
        participants, outputs = self.rows()
        activity = services.create_activity(
            actor=user_of(self.request),
            data=form.service_data(),
            participants=participants,
            outputs=outputs,
            owner_agency=form.cleaned_data.get("owner_agency"),
        )
        messages.success(self.request, _("Đã ghi nhận hoạt động “%(title)s”.") % {"title": activity.title})
        return activity


class ActivityUpdateView(ActivityFormView):
    selector = staticmethod(selectors.get_activity)
    allowed_on_record = staticmethod(permissions.can_edit_activity)
    edits = True

    def perform(self, form: ActivityForm) -> Any:
        participants, outputs = self.rows()
        activity = services.update_activity(
            actor=user_of(self.request),
            activity=self.fresh_record(),
            data=form.service_data(),
            participants=participants,
            outputs=outputs,
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return activity


@login_required
@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity(user=user_of(request), pk=pk)
    require_permission(permissions.can_delete_activity(user_of(request), activity))
    return confirm_delete(
        request,
        row=activity,
        delete=lambda **kwargs: services.delete_activity(activity=activity, **kwargs),
        heading=_("Xóa hoạt động “%(title)s”?") % {"title": activity.title},
        consequence=_(
            "Hoạt động cùng thành phần tham gia, kết quả và tệp đính kèm sẽ bị xóa. Lịch sử thay đổi vẫn được lưu."
        ),
        cancel_url=activity.get_absolute_url(),
        done_url=reverse("activities:activity_list"),
        done_message=_("Đã xóa hoạt động “%(title)s”.") % {"title": activity.title},
    )


def _row_index(request: HttpRequest) -> int:
    try:
        index = int(request.GET.get("index", "0"))
    except ValueError:
        index = 0
    return max(0, min(index, MAX_ROWS))


@login_required
@require_GET
def participant_row(request: HttpRequest) -> HttpResponse:
    """One more empty participant row for the form (htmx), with the formset's row count bumped out of band."""
    require_permission(permissions.can_create_activity(user_of(request)))
    index = _row_index(request)
    form = ParticipantForm(prefix=f"{PARTICIPANTS_PREFIX}-{index}", use_required_attribute=False)
    context = {"row": form, "index": index, "next_index": index + 1, "prefix": PARTICIPANTS_PREFIX}
    return render(request, "activities/activity_form.html#participant_row_added", context)


@login_required
@require_GET
def output_row(request: HttpRequest) -> HttpResponse:
    require_permission(permissions.can_create_activity(user_of(request)))
    index = _row_index(request)
    form = OutputForm(prefix=f"{OUTPUTS_PREFIX}-{index}", use_required_attribute=False)
    context = {"row": form, "index": index, "next_index": index + 1, "prefix": OUTPUTS_PREFIX}
    return render(request, "activities/activity_form.html#output_row_added", context)


@login_required
@require_POST
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    activity = selectors.get_activity(user=user, pk=pk)
    require_permission(permissions.can_edit_activity(user, activity))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.add_attachment(actor=user, activity=activity, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error("file", exc.messages)
        else:
            messages.success(request, _("Đã đính kèm tệp “%(name)s”.") % {"name": attachment.original_name})
            url = activity.get_absolute_url()
            return redirect_after(request, url)
    context = {
        "activity": activity,
        "history": history_of(activity)[:50],
        "can_edit": True,
        "can_delete": permissions.can_delete_activity(user, activity),
        "attachment_form": form,
    }
    return render(request, "activities/activity_detail.html", context, status=422)


@login_required
@require_GET
def attachment_download(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """Files are only ever downloads: never rendered by the browser, whatever they contain."""
    return attachment_response(selectors.get_attachment(user=user_of(request), activity_pk=pk, pk=attachment_pk))


def attachment_response(attachment: ActivityAttachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def attachment_delete(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    user = user_of(request)
    attachment = selectors.get_attachment(user=user, activity_pk=pk, pk=attachment_pk)
    require_permission(permissions.can_edit_activity(user, attachment.activity))
    services.remove_attachment(actor=user, attachment=attachment)
    messages.success(request, _("Đã gỡ tệp “%(name)s”.") % {"name": attachment.original_name})
    url = attachment.activity.get_absolute_url()
    return redirect_after(request, url)

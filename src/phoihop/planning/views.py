from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from phoihop.accounts.models import User
from phoihop.core.audit import history_of
from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial
from phoihop.core.plugins import sections
from phoihop.core.records import RecordCreateView, RecordUpdateView
from phoihop.core.views import (
    ServiceFormView,
    apply_validation_error,
    paginate,
    redirect_after,
    require_permission,
    user_of,
)
from phoihop.directory.selectors import agency_choices
from phoihop.planning import permissions, selectors, services
from phoihop.planning.choices import ItemStatus
from phoihop.planning.filters import DocumentFilter
from phoihop.planning.forms import (
    AreaForm,
    CarryOverForm,
    DocumentForm,
    ItemStatusForm,
    PlanForm,
    PlanItemForm,
    ProgrammeForm,
)
from phoihop.planning.models import Document


def _page(request: HttpRequest, template: str, context: dict[str, Any], partial: str = "content") -> HttpResponse:
    return render(request, f"{template}#{partial}" if htmx_partial(request) else template, context)


# --- Plans ----------------------------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    context = {
        "plans": selectors.list_plans(user=user),
        "programmes": selectors.programmes_visible_to(user).order_by("-start_year"),
        "can_keep": permissions.can_keep_plan(user),
    }
    return render(request, "planning/plan_list.html", context)


@login_required
def late_item_list(request: HttpRequest) -> HttpResponse:
    """Every plan item past its deadline and not done, of every body or of one (`?don_vi=`)."""
    user = user_of(request)
    items = selectors.late_items(user=user, today=timezone.localdate(), params=request.GET)
    agencies = agency_choices(active_only=True)
    chosen = request.GET.get("don_vi", "")
    context = {"page": paginate(request, items), "agencies": agencies, "chosen": chosen}
    return render(request, "planning/late_item_list.html", context)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    plan = selectors.get_plan(user=user, pk=pk)
    overview = selectors.plan_overview(user=user, plan=plan)
    context = {
        "plan": plan,
        "overview": overview,
        "progress": overview.progress,
        "can_keep": permissions.can_keep_plan(user),
        "history": history_of(plan)[:20],
        "statuses": ItemStatus,
        "sections": sections.render("plan", user=user, plan=plan),
    }
    partial = "progress" if request.GET.get("part") == "progress" else "content"
    return _page(request, "planning/plan_detail.html", context, partial=partial)


class PlanCreateView(ServiceFormView):
    form_class = PlanForm
    template_name = "planning/plan_form.html"
    allowed = staticmethod(permissions.can_keep_plan)

    def perform(self, form: PlanForm) -> Any:
        plan = services.create_plan(actor=user_of(self.request), data=form.service_data())
        messages.success(self.request, _("Đã tạo kế hoạch “%(plan)s”.") % {"plan": plan})
        return plan


class PlanUpdateView(ServiceFormView):
    form_class = PlanForm
    template_name = "planning/plan_form.html"
    selector = staticmethod(selectors.get_plan)
    allowed = staticmethod(permissions.can_keep_plan)
    edits = True
    context_name = "plan"

    def perform(self, form: PlanForm) -> Any:
        plan = services.update_plan(
            actor=user_of(self.request),
            plan=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return plan


class AreaCreateView(ServiceFormView):
    form_class = AreaForm
    template_name = "planning/area_form.html"
    selector = staticmethod(selectors.get_plan)
    selector_kwarg = "plan_pk"
    allowed = staticmethod(permissions.can_keep_plan)
    context_name = "plan"

    def perform(self, form: AreaForm) -> Any:
        services.create_area(actor=user_of(self.request), plan=self.record, data=form.service_data())
        return self.record


class AreaUpdateView(ServiceFormView):
    form_class = AreaForm
    template_name = "planning/area_form.html"
    selector = staticmethod(selectors.get_area)
    allowed = staticmethod(permissions.can_keep_plan)
    edits = True
    context_name = "area"

    def more_context(self) -> dict[str, Any]:
        return {"plan": self.record.plan}

    def perform(self, form: AreaForm) -> Any:
        services.update_area(
            actor=user_of(self.request),
            area=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        return self.record.plan


# --- Plan items -----------------------------------------------------------------------------------------------


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    item = selectors.get_item(user=user, pk=pk)
    carried_to = getattr(item, "carried_to", None)
    context = {
        "item": item,
        "carried_to": carried_to,
        "history": history_of(item)[:50],
        "can_keep": permissions.can_keep_plan(user),
        "can_update": permissions.can_update_item(user, item),
        "can_carry_over": permissions.can_keep_plan(user) and item.status != ItemStatus.DONE and carried_to is None,
    }
    return render(request, "planning/item_detail.html", context)


class ItemCreateView(ServiceFormView):
    form_class = PlanItemForm
    template_name = "planning/item_form.html"
    selector = staticmethod(selectors.get_plan)
    selector_kwarg = "plan_pk"
    allowed = staticmethod(permissions.can_keep_plan)
    context_name = "plan"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "plan": self.record}

    def perform(self, form: PlanItemForm) -> Any:
        item = services.create_item(
            actor=user_of(self.request),
            plan=self.record,
            data=form.service_data(),
            partners=form.cleaned_data.get("partners") or [],
            documents=form.cleaned_data.get("documents") or [],
        )
        messages.success(self.request, _("Đã thêm nội dung phối hợp số %(n)s.") % {"n": item.number})
        return item


class ItemUpdateView(ServiceFormView):
    form_class = PlanItemForm
    template_name = "planning/item_form.html"
    selector = staticmethod(selectors.get_item)
    allowed = staticmethod(permissions.can_keep_plan)
    edits = True
    context_name = "item"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "plan": self.record.plan}

    def more_context(self) -> dict[str, Any]:
        return {"plan": self.record.plan}

    def perform(self, form: PlanItemForm) -> Any:
        item = services.update_item(
            actor=user_of(self.request),
            item=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
            partners=form.cleaned_data.get("partners") or [],
            documents=form.cleaned_data.get("documents") or [],
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return item


class ItemStatusView(ServiceFormView):
    """Status, result and reason: the lead body's officers and leaders."""

    form_class = ItemStatusForm
    template_name = "planning/item_status_form.html"
    selector = staticmethod(selectors.get_item)
    allowed_on_record = staticmethod(permissions.can_update_item)
    edits = True
    context_name = "item"

    def perform(self, form: ItemStatusForm) -> Any:
        item = services.update_item_status(
            actor=user_of(self.request),
            item=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        messages.success(self.request, _("Đã cập nhật kết quả thực hiện."))
        return item


@login_required
@require_http_methods(["GET", "POST"])
def item_carry_over(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    item = selectors.get_item(user=user, pk=pk)
    require_permission(permissions.can_keep_plan(user))
    next_plan = selectors.plan_of_year(user=user, year=item.plan.year + 1)
    form = CarryOverForm(
        request.POST or None,
        next_plan=next_plan,
        initial={"version": item.version, "reason": item.not_done_reason},
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                new_item = services.carry_over_item(
                    actor=user,
                    item=item,
                    reason=form.cleaned_data["reason"],
                    area=form.cleaned_data.get("area"),
                    expected_version=form.cleaned_data["version"],
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            except ConflictError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Đã chuyển nội dung sang kế hoạch năm %(year)s (nội dung số %(n)s).")
                    % {"year": new_item.plan.year, "n": new_item.number},
                )
                url = new_item.get_absolute_url()
                return redirect_after(request, url)
        status = 200 if htmx_partial(request) else 422
    template = "planning/item_carry_over.html"
    context = {"item": item, "form": form, "next_plan": next_plan}
    return render(request, f"{template}#form" if htmx_partial(request) else template, context, status=status)


# --- Programmes -----------------------------------------------------------------------------------------------


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    programme = selectors.get_programme(user=user, pk=pk)
    context = {
        "programme": programme,
        "plans": selectors.list_plans(user=user).filter(programme=programme),
        "history": history_of(programme)[:50],
        "can_keep": permissions.can_keep_plan(user),
    }
    return render(request, "planning/programme_detail.html", context)


class ProgrammeCreateView(ServiceFormView):
    form_class = ProgrammeForm
    template_name = "planning/programme_form.html"
    allowed = staticmethod(permissions.can_keep_plan)

    def perform(self, form: ProgrammeForm) -> Any:
        return services.create_programme(
            actor=user_of(self.request), data=form.service_data(), bodies=form.cleaned_data.get("bodies") or []
        )


class ProgrammeUpdateView(ServiceFormView):
    form_class = ProgrammeForm
    template_name = "planning/programme_form.html"
    selector = staticmethod(selectors.get_programme)
    allowed = staticmethod(permissions.can_keep_plan)
    edits = True
    context_name = "programme"

    def perform(self, form: ProgrammeForm) -> Any:
        return services.update_programme(
            actor=user_of(self.request),
            programme=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
            bodies=form.cleaned_data.get("bodies") or [],
        )


# --- Documents ------------------------------------------------------------------------------------------------


@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    documents = selectors.list_documents(user=user, params=request.GET)
    context = {
        "page": paginate(request, documents),
        "q": request.GET.get("q", ""),
        "filter": DocumentFilter(request.GET),
        "can_create": permissions.can_register_document(user),
    }
    return _page(request, "planning/document_list.html", context, partial="results")


@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    document = selectors.get_document(user=user, pk=pk)
    context = {
        "document": document,
        "plans": document.plans.order_by("-year"),
        "items": document.plan_items.select_related("plan").order_by("-plan__year", "number"),
        "history": history_of(document)[:50],
        "can_edit": permissions.can_edit_document(user, document),
    }
    return render(request, "planning/document_detail.html", context)


class DocumentCreateView(RecordCreateView):
    form_class = DocumentForm
    template_name = "planning/document_form.html"
    allowed = staticmethod(permissions.can_register_document)
    form_for_user = False

    def create(self, *, actor: User, form: DocumentForm) -> Document:
        return services.create_document(actor=actor, data=form.service_data())

    def created_message(self, record: Document) -> str:
        return _("Đã ghi vào sổ văn bản: %(doc)s.") % {"doc": record}


class DocumentUpdateView(RecordUpdateView):
    form_class = DocumentForm
    template_name = "planning/document_form.html"
    context_name = "document"
    selector = staticmethod(selectors.get_document)
    allowed_on_record = staticmethod(permissions.can_edit_document)
    form_for_user = False

    def update(self, *, actor: User, record: Document, form: DocumentForm) -> Document:
        return services.update_document(
            actor=actor, document=record, data=form.service_data(), expected_version=form.expected_version
        )

"""The bodies' pages: blocks, figure names, listings and their entries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from phoihop.core.audit import history_of
from phoihop.core.records import posted_version
from phoihop.core.views import (
    ServiceFormView,
    apply_validation_error,
    redirect_after,
    require_permission,
    run_action,
    user_of,
)
from phoihop.directory.selectors import agency_choices
from phoihop.reports import permissions, selectors, services
from phoihop.reports.builders import build_report_data
from phoihop.reports.chips import insertables, source_paragraphs
from phoihop.reports.forms import BlockForm, EntryForm, FigureNameForm, ListingForm
from phoihop.reports.sources import get_source
from phoihop.reports.views.common import owners_for

if TYPE_CHECKING:
    from phoihop.accounts.models import User

# --- Blocks -----------------------------------------------------------------------------------------------------


def editor_context(report: Any, text: str = "") -> dict[str, Any]:
    """The block's text read back as labelled chips, and the placeholders the editor offers to insert."""
    data = build_report_data(report)
    figures = [
        (figure.name, _target_label(figure.target))
        for figure in selectors.figures_of(report).select_related("target__indicator", "target__agency")
    ]
    listings = [(listing.key, listing.title) for listing in selectors.listings_of(report)]
    return {
        "source_paragraphs": source_paragraphs(text, data) if text else [],
        "insertables": insertables(figures, listings, data),
    }


def _target_label(target: Any) -> str:
    body = f" — {target.agency.name}" if target.agency_id and target.agency else ""
    return f"{target.indicator.name}{body}"


class BlockCreateView(ServiceFormView):
    form_class = BlockForm
    template_name = "reports/block_form.html"
    allowed_on_record = staticmethod(lambda user, section: section.takes_blocks)
    context_name = "section"

    def read_record(self, user: User, **kwargs: Any) -> Any:
        self.report = selectors.get_report(user=user, pk=kwargs["pk"])
        self.owners = owners_for(user, self.report)
        require_permission(self.owners.exists())
        return selectors.get_section(user=user, report=self.report, pk=kwargs["section_pk"])

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "owners": self.owners}

    def more_context(self) -> dict[str, Any]:
        return {**editor_context(self.report), "report": self.report}

    def perform(self, form: BlockForm) -> Any:
        services.create_block(
            actor=user_of(self.request),
            section=self.record,
            owner_agency=form.cleaned_data["owner_agency"],
            text=form.cleaned_data["text"],
            position=form.cleaned_data.get("position"),
        )
        messages.success(self.request, _("Đã thêm đoạn."))
        return self.report


class BlockUpdateView(ServiceFormView):
    """The block's page: every reader of the block sees it; only its drafting body may post."""

    form_class = BlockForm
    template_name = "reports/block_form.html"
    selector = staticmethod(selectors.get_block)
    edits = True
    context_name = "report_block"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "owners": agency_choices().none()}

    def more_context(self) -> dict[str, Any]:
        block = self.record
        return {
            **editor_context(block.section.report, block.text),
            "report": block.section.report,
            "section": block.section,
            "can_edit": permissions.can_edit_block(user_of(self.request), block),
            "history": history_of(block)[:50],
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_permission(permissions.can_edit_block(user_of(request), self.record))
        return super().post(request, *args, **kwargs)

    def perform(self, form: BlockForm) -> Any:
        data = {"text": form.cleaned_data["text"]}
        if form.cleaned_data.get("position") is not None:
            data["position"] = form.cleaned_data["position"]
        services.update_block(
            actor=user_of(self.request), block=self.record, data=data, expected_version=form.expected_version
        )
        messages.success(self.request, _("Đã lưu đoạn."))
        return self.record.section.report


@login_required
@require_http_methods(["POST"])
def block_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    block = selectors.get_block(user=user, pk=pk)
    require_permission(permissions.can_edit_block(user, block))
    report = block.section.report
    return run_action(
        request,
        report.get_absolute_url(),
        lambda: services.delete_block(actor=user, block=block, expected_version=posted_version(request)),
        _("Đã xóa đoạn."),
    )


# --- Figure names and listings ---------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def figure_list(request: HttpRequest, pk: int) -> HttpResponse:
    from phoihop.indicators.selectors import list_targets

    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    targets = list_targets(user=user, plan=report.plan)
    form = FigureNameForm(request.POST or None, targets=targets)
    status = 200
    if request.method == "POST":
        require_permission(permissions.can_name_figures(user, report))
        if form.is_valid():
            try:
                services.create_figure_name(
                    actor=user, report=report, name=form.cleaned_data["name"], target=form.cleaned_data["target"]
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Đã đặt tên số liệu."))
                return redirect_after(request, reverse("reports:figure_list", args=[report.pk]))
        status = 422
    data = build_report_data(report) if request.method == "GET" else None
    context = {
        "report": report,
        "form": form,
        "figures": selectors.figures_of(report),
        "lines": data and data.figures,
        "can_edit": permissions.can_name_figures(user, report),
        "targets": targets,
    }
    return render(request, "reports/figure_list.html", context, status=status)


@login_required
@require_POST
def figure_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    figure = selectors.get_figure(user=user, pk=pk)
    require_permission(permissions.can_name_figures(user, figure.report))
    return run_action(
        request,
        reverse("reports:figure_list", args=[figure.report_id]),
        lambda: services.delete_figure_name(actor=user, figure=figure, expected_version=posted_version(request)),
        _("Đã xóa tên số liệu."),
    )


@login_required
def listing_list(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    data = build_report_data(report)
    return render(
        request,
        "reports/listing_list.html",
        {
            "report": report,
            "listings": selectors.listings_of(report),
            "data": data,
            "can_create": bool(owners_for(user, report).exists()),
        },
    )


class ListingCreateView(ServiceFormView):
    form_class = ListingForm
    template_name = "reports/listing_form.html"
    context_name = "report"

    def read_record(self, user: User, **kwargs: Any) -> Any:
        report = selectors.get_report(user=user, pk=kwargs["pk"])
        self.owners = owners_for(user, report)
        require_permission(self.owners.exists())
        return report

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "owners": self.owners, "agencies": agency_choices()}

    def perform(self, form: ListingForm) -> Any:
        listing = services.create_listing(actor=user_of(self.request), report=self.record, data=form.service_data())
        messages.success(self.request, _("Đã tạo danh sách “%(key)s”.") % {"key": listing.key})
        return listing


class ListingUpdateView(ServiceFormView):
    """The listing's page: every reader of the report sees it; only a body that may edit the listing may post."""

    form_class = ListingForm
    template_name = "reports/listing_form.html"
    selector = staticmethod(selectors.get_listing)
    edits = True
    context_name = "listing"

    def get_form_kwargs(self) -> dict[str, Any]:
        listing = self.record
        owners = owners_for(user_of(self.request), listing.report) | agency_choices().filter(pk=listing.owner_agency_id)
        return {**super().get_form_kwargs(), "owners": owners.distinct(), "agencies": agency_choices()}

    def more_context(self) -> dict[str, Any]:
        listing = self.record
        try:
            fields = get_source(listing.source).fields()
        except ValidationError:
            fields = {}
        data = build_report_data(listing.report)
        return {
            "report": listing.report,
            "can_edit": permissions.can_edit_listing(user_of(self.request), listing),
            "fields": sorted(fields.values(), key=lambda f: f.name),
            "preview": data.listings.get(listing.key),
            "entries": listing.entries.order_by("position", "pk"),
            "entry_form": EntryForm(),
            "history": history_of(listing)[:30],
        }

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        require_permission(permissions.can_edit_listing(user_of(request), self.record))
        return super().post(request, *args, **kwargs)

    def perform(self, form: ListingForm) -> Any:
        return services.update_listing(
            actor=user_of(self.request),
            listing=self.record,
            data=form.service_data(),
            expected_version=form.expected_version,
        )


@login_required
@require_POST
def listing_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    listing = selectors.get_listing(user=user, pk=pk)
    require_permission(permissions.can_edit_listing(user, listing))
    return run_action(
        request,
        reverse("reports:listing_list", args=[listing.report_id]),
        lambda: services.delete_listing(actor=user, listing=listing, expected_version=posted_version(request)),
        _("Đã xóa danh sách."),
    )


@login_required
@require_POST
def entry_set(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    listing = selectors.get_listing(user=user, pk=pk)
    require_permission(permissions.can_edit_listing(user, listing))
    form = EntryForm(request.POST)
    url = reverse("reports:listing_update", args=[listing.pk])
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect_after(request, url)
    return run_action(
        request,
        url,
        lambda: services.set_entry(
            actor=user,
            listing=listing,
            record_id=form.cleaned_data["record_id"],
            position=form.cleaned_data.get("position") or 0,
            pattern=form.cleaned_data.get("pattern") or "",
        ),
        _("Đã lưu bản ghi của danh sách."),
    )


@login_required
@require_POST
def entry_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    entry = selectors.get_listing_entry(user=user, pk=pk)
    require_permission(permissions.can_edit_listing(user, entry.listing))
    return run_action(
        request,
        reverse("reports:listing_update", args=[entry.listing_id]),
        lambda: services.delete_entry(actor=user, entry=entry, expected_version=posted_version(request)),
        _("Đã bỏ mẫu câu riêng của bản ghi."),
    )

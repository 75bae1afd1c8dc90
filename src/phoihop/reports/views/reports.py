"""The report pages: the list, the report page with its workflow, the preview, the checker, the settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from phoihop.core.audit import history_of
from phoihop.core.htmx import htmx_partial
from phoihop.core.records import posted_version
from phoihop.core.views import ServiceFormView, redirect_after, require_permission, run_action, user_of
from phoihop.planning.permissions import own_scope
from phoihop.reports import permissions, selectors, services
from phoihop.reports.builders import build_report_data
from phoihop.reports.checker import check_report
from phoihop.reports.chips import source_paragraphs
from phoihop.reports.forms import (
    IssuerForm,
    ReportCreateForm,
    ReportForm,
)
from phoihop.reports.pdf import pdf_available
from phoihop.reports.rendering import html_view
from phoihop.reports.views.common import with_report

if TYPE_CHECKING:
    from phoihop.accounts.models import User


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    return render(
        request,
        "reports/report_list.html",
        {"reports": selectors.list_reports(user=user), "can_create": permissions.can_compile(user)},
    )


class ReportCreateView(ServiceFormView):
    form_class = ReportCreateForm
    template_name = "reports/report_create.html"
    allowed = staticmethod(permissions.can_compile)

    def get_form_kwargs(self) -> dict[str, Any]:
        from phoihop.planning.selectors import plans_visible_to

        plans = plans_visible_to(user_of(self.request)).filter(reports__isnull=True).order_by("-year")
        return {**super().get_form_kwargs(), "plans": plans}

    def perform(self, form: ReportCreateForm) -> Any:
        report = services.create_report(actor=user_of(self.request), plan=form.cleaned_data["plan"])
        messages.success(self.request, _("Đã tạo báo cáo; các cơ quan soạn phần của mình trong từng mục."))
        return report


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    issuers = selectors.issuers_of(report)
    sections = selectors.sections_of(report)
    scope = own_scope(user)
    drafting = [i for i in issuers if permissions.can_draft_for(user, report, i.agency_id)]
    data = build_report_data(report)
    context = {
        "report": report,
        "issuers": [
            {
                "issuer": issuer,
                "can_confirm": permissions.can_confirm(user, with_report(issuer, report)),
                "can_sign_off": permissions.can_sign_off(user, with_report(issuer, report)),
            }
            for issuer in issuers
        ],
        "sections": [
            {
                "section": section,
                "blocks": [
                    {
                        "block": block,
                        "paragraphs": source_paragraphs(block.text, data),
                        "can_edit": permissions.can_draft_for(user, report, block.owner_agency_id)
                        and (permissions.writes_every_block(user) or block.owner_agency_id in scope),
                    }
                    for block in section.blocks.all()
                ],
                "can_add": bool(drafting) and section.takes_blocks,
            }
            for section in sections
        ],
        "can_edit": permissions.can_edit_report(user, report),
        "can_reopen": permissions.can_reopen(user, report),
        "jobs": selectors.jobs_of(report)[:10],
        "pdf_available": pdf_available(),
        "history": history_of(report)[:50],
    }
    return render(request, "reports/report_detail.html", context)


class ReportUpdateView(ServiceFormView):
    form_class = ReportForm
    template_name = "reports/report_form.html"
    selector = staticmethod(selectors.get_report)
    allowed_on_record = staticmethod(permissions.can_edit_report)
    edits = True
    context_name = "report"

    def perform(self, form: ReportForm) -> Any:
        return services.update_report(
            actor=user_of(self.request),
            report=self.fresh_record(),
            data=form.service_data(),
            expected_version=form.expected_version,
        )


class IssuerUpdateView(ServiceFormView):
    form_class = IssuerForm
    template_name = "reports/issuer_form.html"
    edits = True
    context_name = "issuer"

    def read_record(self, user: User, **kwargs: Any) -> Any:
        self.report = selectors.get_report(user=user, pk=kwargs["pk"])
        issuer = selectors.get_issuer(user=user, report=self.report, pk=kwargs["issuer_pk"])
        require_permission(permissions.can_edit_report(user, self.report))
        return issuer

    def more_context(self) -> dict[str, Any]:
        return {"report": self.report}

    def perform(self, form: IssuerForm) -> Any:
        services.update_issuer(
            actor=user_of(self.request),
            issuer=self.record,
            data=form.service_data(),
            expected_version=form.expected_version,
        )
        return self.report


@login_required
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as it will read, each figure a link to the rows it is made of."""
    report = selectors.get_report(user=user_of(request), pk=pk)
    data = build_report_data(report)
    return render(request, "reports/report_preview.html", {"report": report, "data": data, "view": html_view(data)})


@login_required
def report_check(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report(user=user_of(request), pk=pk)
    findings = check_report(report)
    template = "reports/report_check.html"
    context = {"report": report, "findings": findings, "errors": sum(1 for f in findings if f.is_error)}
    return render(request, f"{template}#findings" if htmx_partial(request) else template, context)


@login_required
def report_check_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """The checker's counts for the home page's card, fetched after the page has shown (the check reads the whole
    report)."""
    report = selectors.get_report(user=user_of(request), pk=pk)
    findings = check_report(report)
    errors = sum(1 for finding in findings if finding.is_error)
    context = {"report": report, "errors": errors, "notes": len(findings) - errors}
    return render(request, "reports/_check_summary.html", context)


@login_required
@require_POST
def section_sync(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    require_permission(permissions.can_edit_report(user, report))
    added = services.sync_sections(actor=user, report=report)
    messages.success(request, _("Đã thêm %(n)s mục theo kế hoạch.") % {"n": added})
    return redirect_after(request, report.get_absolute_url())


def _issuer_action(
    may: Callable[[Any, Any], bool], service: Callable[..., Any], done: Callable[[Any], str]
) -> Callable[..., HttpResponse]:
    """A body's step on its part of the report (confirm, withdraw, sign off): who `may`, the `service` it calls with
    the issuer and the posted version, the message `done(issuer)` — back to the report's page."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int, issuer_pk: int) -> HttpResponse:
        user = user_of(request)
        report = selectors.get_report(user=user, pk=pk)
        issuer = selectors.get_issuer(user=user, report=report, pk=issuer_pk)
        require_permission(may(user, issuer))
        return run_action(
            request,
            report.get_absolute_url(),
            lambda: service(actor=user, issuer=issuer, expected_version=posted_version(request)),
            done(issuer),
        )

    return view


issuer_confirm = _issuer_action(
    permissions.can_confirm,
    services.confirm_part,
    lambda issuer: _("%(body)s đã xác nhận phần của mình.") % {"body": issuer.agency.name},
)
issuer_withdraw = _issuer_action(
    permissions.can_confirm,
    services.withdraw_confirmation,
    lambda issuer: _("Đã hủy xác nhận; các đoạn của %(body)s sửa được trở lại.") % {"body": issuer.agency.name},
)
issuer_sign_off = _issuer_action(
    permissions.can_sign_off,
    services.sign_off,
    lambda issuer: _("Lãnh đạo %(body)s đã ký duyệt.") % {"body": issuer.agency.name},
)


@login_required
@require_POST
def report_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    report = selectors.get_report(user=user, pk=pk)
    require_permission(permissions.can_reopen(user, report))
    return run_action(
        request,
        report.get_absolute_url(),
        lambda: services.reopen(
            actor=user, report=report, expected_version=posted_version(request), reason=request.POST.get("reason", "")
        ),
        _("Báo cáo đã trở lại dự thảo; các cơ quan xác nhận lại phần của mình."),
    )

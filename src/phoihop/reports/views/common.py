"""Helpers the report pages share."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from phoihop.core.errors import ConflictError
from phoihop.core.htmx import htmx_partial, hx_location
from phoihop.directory.selectors import agency_choices
from phoihop.reports import permissions, selectors
from phoihop.reports.models import Report


def redirect_after(request: HttpRequest, url: str) -> HttpResponse:
    return hx_location(url) if htmx_partial(request) else HttpResponseRedirect(url)


def posted_version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def run_action(request: HttpRequest, url: str, action: Any, success: str) -> HttpResponse:
    """Run one workflow service; its refusal is shown on the report page."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except ConflictError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect_after(request, url)


def owners_for(user: Any, report: Report) -> Any:
    ids = [i.agency_id for i in selectors.issuers_of(report) if permissions.can_draft_for(user, report, i.agency_id)]
    return agency_choices().filter(pk__in=ids)


def with_report(issuer: Any, report: Report) -> Any:
    issuer.report = report
    return issuer

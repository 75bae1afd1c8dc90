"""Helpers the report pages share (besides core.views: `redirect_after`, `run_action`)."""

from __future__ import annotations

from typing import Any

from phoihop.directory.selectors import agency_choices
from phoihop.reports import permissions, selectors
from phoihop.reports.models import Report


def owners_for(user: Any, report: Report) -> Any:
    ids = [i.agency_id for i in selectors.issuers_of(report) if permissions.can_draft_for(user, report, i.agency_id)]
    return agency_choices().filter(pk__in=ids)


def with_report(issuer: Any, report: Report) -> Any:
    issuer.report = report
    return issuer

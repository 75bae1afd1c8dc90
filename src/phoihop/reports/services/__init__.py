"""Writes of reports. Every function checks the permission, validates, writes and audits in one transaction.

The workflow: a draft is written by the bodies (each its own blocks) → each body confirms its part → when all have
confirmed, each body's leader signs off (after the checker finds no error) → the last sign-off makes the report
final: its computed data is frozen in `snapshot`, and later changes to the records no longer alter it."""

from phoihop.reports.services.common import ISSUER_FIELDS, LISTING_FIELDS, REPORT_FIELDS
from phoihop.reports.services.drafting import (
    check_text,
    create_block,
    create_figure_name,
    create_listing,
    delete_block,
    delete_entry,
    delete_figure_name,
    delete_listing,
    set_entry,
    update_block,
    update_figure_name,
    update_listing,
)
from phoihop.reports.services.reports import create_report, default_summary, sync_sections, update_issuer, update_report
from phoihop.reports.services.workflow import (
    confirm_part,
    reopen,
    request_render,
    sign_off,
    withdraw_confirmation,
)

__all__ = [
    "ISSUER_FIELDS",
    "LISTING_FIELDS",
    "REPORT_FIELDS",
    "check_text",
    "confirm_part",
    "create_block",
    "create_figure_name",
    "create_listing",
    "create_report",
    "default_summary",
    "delete_block",
    "delete_entry",
    "delete_figure_name",
    "delete_listing",
    "reopen",
    "request_render",
    "set_entry",
    "sign_off",
    "sync_sections",
    "update_block",
    "update_figure_name",
    "update_issuer",
    "update_listing",
    "update_report",
    "withdraw_confirmation",
]

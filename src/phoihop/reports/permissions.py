"""Who may do what with the joint report. Services call these; templates use them only to hide buttons.

- Everyone of the programme reads the report, its preview and its checker findings, and renders it to a file.
- The secretariat of the lead body (and the administrator) compiles it: creates it, sets its number, date,
  recipients, issuing bodies and signers, names figures, defines listings, writes or fixes any block, reopens it.
- Officers and leaders of a body draft their body's blocks and listings (their agency and the units under it).
- Each body confirms its own part: an officer or a leader of that body.
- Once every body has confirmed, each body's leader signs off; the last sign-off makes the report final.
A final report changes no more."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role
from phoihop.planning.permissions import can_keep_plan, can_view_planning, in_scope
from phoihop.reports.choices import ReportStatus

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.reports.models import Listing, Report, ReportBlock, ReportIssuer

DRAFTER_ROLES = {Role.OFFICER, Role.LEADER}


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_view_reports(user: User) -> bool:
    return can_view_planning(user)


def can_render(user: User, report: Report) -> bool:
    return can_view_reports(user)


def can_compile(user: User) -> bool:
    """Create reports and keep their settings: the secretariat and the administrator."""
    return can_keep_plan(user)


def writes_every_block(user: User) -> bool:
    return can_compile(user)


def can_edit_report(user: User, report: Report) -> bool:
    return can_compile(user) and report.status == ReportStatus.DRAFT


def can_draft_for(user: User, report: Report, agency_id: int | None) -> bool:
    """Write a block (or a listing) for this body in this report."""
    if not _active(user) or report.status != ReportStatus.DRAFT:
        return False
    if writes_every_block(user):
        return True
    return user.role in DRAFTER_ROLES and in_scope(user, agency_id)


def can_edit_block(user: User, block: ReportBlock) -> bool:
    return can_draft_for(user, block.section.report, block.owner_agency_id)


def can_edit_listing(user: User, listing: Listing) -> bool:
    return can_draft_for(user, listing.report, listing.owner_agency_id)


def can_name_figures(user: User, report: Report) -> bool:
    if not _active(user) or report.status != ReportStatus.DRAFT:
        return False
    return writes_every_block(user) or user.role in DRAFTER_ROLES


def can_confirm(user: User, issuer: ReportIssuer) -> bool:
    """Confirm (or withdraw the confirmation of) the body's own part: its officers and leaders."""
    return (
        _active(user)
        and issuer.report.status == ReportStatus.DRAFT
        and user.role in DRAFTER_ROLES
        and in_scope(user, issuer.agency_id)
    )


def can_sign_off(user: User, issuer: ReportIssuer) -> bool:
    """A leader of the body, once every body has confirmed its part."""
    return (
        _active(user)
        and issuer.report.status == ReportStatus.CONFIRMED
        and user.role == Role.LEADER
        and in_scope(user, issuer.agency_id)
    )


def can_reopen(user: User, report: Report) -> bool:
    return can_compile(user) and report.status == ReportStatus.CONFIRMED

"""Who may do what with the workforce records. Services call these; templates use them only to hide buttons.

Every signed-in member of the bodies reads every body's labour reports, incidents, warnings and survey results (the
programme's shared view). Officers and leaders write their own body's records; a leader of the owner body approves
or returns a labour report (not the secretariat, not the administrator: approval is the body's word). A warning is
nobody's record: any officer or leader may take it up for their body, and then that body works it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role
from phoihop.directory.scope import (  # noqa: F401  (re-exported: callers import them from here)
    WRITER_ROLES,
    can_create_owned,
    can_delete_owned,
    can_edit_owned,
    can_own,
    can_read_programme,
    own_scope,
    read_scope,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.workforce.models import LabourReport, Warning

can_view_workforce = can_read_programme
can_create_report = can_create_owned
can_create_incident = can_create_owned
can_edit_incident = can_edit_owned
can_delete_incident = can_delete_owned
can_create_survey = can_create_owned
can_edit_survey = can_edit_owned
can_delete_survey = can_delete_owned


def can_edit_report(user: User, report: LabourReport) -> bool:
    """The owner body's officers and leaders, while the report is a draft or returned."""
    return can_edit_owned(user, report) and report.is_editable


def can_submit_report(user: User, report: LabourReport) -> bool:
    return can_edit_owned(user, report)


def can_approve_report(user: User, report: LabourReport) -> bool:
    """Approve or return: a leader of the owner body only."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.LEADER
        and report.owner_agency_id in own_scope(user)
    )


def can_delete_report(user: User, report: LabourReport) -> bool:
    return can_delete_owned(user, report) and report.is_editable


def can_take_up_warning(user: User) -> bool:
    """Acknowledge a warning for one's body."""
    return bool(user.is_authenticated and user.is_active and user.agency_id is not None and user.role in WRITER_ROLES)


def can_work_warning(user: User, warning: Warning) -> bool:
    """Add notes: the body that took the warning up (or anyone who may take it up, while nobody has)."""
    if not can_take_up_warning(user):
        return bool(user.is_authenticated and user.is_admin)
    return warning.handling_agency_id is None or warning.handling_agency_id in own_scope(user)

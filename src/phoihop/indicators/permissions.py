"""Who may do what with indicators, targets, reported values and their approval. Services call these; templates
use them only to hide buttons.

Indicators, targets and validation rules are kept by the secretariat and the administrator. A body's reported values
are entered by its officers, leaders and secretariat members — a body being the user's agency and every unit under
it — and, the programme being joint, read by every signed-in member of the bodies. The body's officers and leaders
submit a period; only a leader of the body approves or returns it (DHIS2's model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role
from phoihop.planning.permissions import in_scope, read_scope

if TYPE_CHECKING:
    from phoihop.accounts.models import User

VALUE_WRITER_ROLES = {Role.OFFICER, Role.LEADER, Role.SECRETARIAT}
SUBMITTER_ROLES = {Role.OFFICER, Role.LEADER}


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def can_view_indicators(user: User) -> bool:
    return _active(user) and bool(user.is_admin or user.agency_id)


def can_manage_indicators(user: User) -> bool:
    """Indicators, plan targets and validation rules."""
    return _active(user) and (user.is_admin or user.role == Role.SECRETARIAT)


def can_read_values_of(user: User, agency_id: int | None) -> bool:
    if not can_view_indicators(user):
        return False
    scope = read_scope(user)
    return scope is None or (agency_id is not None and agency_id in scope)


def can_enter_values(user: User, agency_id: int | None) -> bool:
    if not _active(user):
        return False
    if user.is_admin:
        return True
    return user.role in VALUE_WRITER_ROLES and in_scope(user, agency_id)


def can_submit_period(user: User, agency_id: int | None) -> bool:
    return _active(user) and user.role in SUBMITTER_ROLES and in_scope(user, agency_id)


def can_approve_period(user: User, agency_id: int | None) -> bool:
    """Approve or return: a leader of that body only — not the secretariat, not the administrator."""
    return _active(user) and user.role == Role.LEADER and in_scope(user, agency_id)

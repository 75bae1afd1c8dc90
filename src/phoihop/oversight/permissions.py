"""Who may do what with inspections. Services call these; templates use them only to hide buttons.

A body's records are those of its agency and every unit under it (LĐLĐTP acts for the Economic Zone Union). The
programme is joint: every signed-in member of the bodies reads every body's inspections. Officers and leaders write
their body's (the lead body owns the record); leaders delete them; the administrator may do anything. Findings and
follow-up actions belong to their inspection and follow its rules. The list of topics is reference data kept by the
administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.directory.scope import (  # noqa: F401  (re-exported: callers import them from here)
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

# The owned-record policy of directory/scope.py, under this app's names.
can_view_inspections = can_read_programme
can_create_inspection = can_create_owned
can_edit_inspection = can_edit_owned
can_delete_inspection = can_delete_owned


def can_manage_topics(user: User) -> bool:
    return bool(user.is_authenticated and user.is_admin)

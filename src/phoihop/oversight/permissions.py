"""Who may do what with inspections: the owned-record policy of directory/scope.py, under this app's names (the lead
body owns the record). Findings and follow-up actions belong to their inspection and follow its rules. The list of
topics is reference data kept by the administrator."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.directory import scope
from phoihop.directory.scope import own_scope  # noqa: F401  (re-exported: tests import it from here)

if TYPE_CHECKING:
    from phoihop.accounts.models import User

can_view_inspections = scope.can_read_programme
can_create_inspection = scope.can_create_owned
can_edit_inspection = scope.can_edit_owned
can_delete_inspection = scope.can_delete_owned


def can_manage_topics(user: User) -> bool:
    return bool(user.is_authenticated and user.is_admin)

"""Who may do what with foundings. Services call these; templates use them only to hide buttons.

A body's records are those of its agency and every unit under it (LĐLĐTP acts for the Economic Zone Union). The
programme is joint: every signed-in member of the bodies reads every body's foundings. Officers and leaders write
their body's; leaders delete them; the administrator may do anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role
from phoihop.directory.scope import can_own, own_scope, read_scope  # noqa: F401  (re-exported: callers import them from here)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.organizing.models import Founding

WRITER_ROLES = {Role.OFFICER, Role.LEADER}


def can_view_foundings(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.agency_id))


def can_create_founding(user: User) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_admin or (user.role in WRITER_ROLES and user.agency_id is not None)


def can_edit_founding(user: User, founding: Founding) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_admin:
        return True
    return user.role in WRITER_ROLES and founding.owner_agency_id in own_scope(user)


def can_delete_founding(user: User, founding: Founding) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_admin:
        return True
    return user.role == Role.LEADER and founding.owner_agency_id in own_scope(user)

"""Who may change directory records. Services call these; templates use them only to hide buttons.

The directory is shared reference data: every signed-in user reads it. Agencies and zones are kept by the
administrator. An enterprise is kept by the body that registered it: its officers, leaders and secretariat edit it,
its leaders delete it; the administrator may do anything."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise

WRITER_ROLES = {Role.OFFICER, Role.LEADER, Role.SECRETARIAT}


def can_view_directory(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.agency_id))


def can_manage_reference(user: User) -> bool:
    """Agencies and zones."""
    return bool(user.is_authenticated and user.is_admin)


def can_create_enterprise(user: User) -> bool:
    return bool(user.is_authenticated and (user.is_admin or (user.is_active and user.role in WRITER_ROLES)))


def can_edit_enterprise(user: User, enterprise: Enterprise) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_admin:
        return True
    return user.role in WRITER_ROLES and user.agency_id == enterprise.owner_agency_id


def can_delete_enterprise(user: User, enterprise: Enterprise) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_admin:
        return True
    return user.role == Role.LEADER and user.agency_id == enterprise.owner_agency_id

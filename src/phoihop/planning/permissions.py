"""Who may do what with the programme, its plans and the cited documents. Services call these; templates use them
only to hide buttons.

The plan, its areas and items are joint: every signed-in user of the programme reads them. The secretariat (and the
administrator) keep the plan: programmes, plans, areas, items, carry-over. Officers and leaders of an item's lead
body — their agency and the units under it — update that item's status, result and reason. Any officer, leader or
secretariat member registers a cited document; it is then kept by the body that registered it and the secretariat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role
from phoihop.directory.scope import home_scope, own_scope, read_scope  # noqa: F401  (re-exported: callers import them from here)

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.planning.models import Document, PlanItem

BODY_WRITER_ROLES = {Role.OFFICER, Role.LEADER}
DOCUMENT_ROLES = {Role.OFFICER, Role.LEADER, Role.SECRETARIAT}


def in_scope(user: User, agency_id: int | None) -> bool:
    return agency_id is not None and agency_id in own_scope(user)


def can_view_planning(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.agency_id))


def can_keep_plan(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.role == Role.SECRETARIAT))


def can_update_item(user: User, item: PlanItem) -> bool:
    """Status, result note and reason: the plan's keepers, and officers and leaders of the lead body."""
    if can_keep_plan(user):
        return True
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in BODY_WRITER_ROLES
        and in_scope(user, item.lead_agency_id)
    )


def can_register_document(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.role in DOCUMENT_ROLES))


def can_edit_document(user: User, document: Document) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_admin or user.role == Role.SECRETARIAT:
        return True
    return user.role in BODY_WRITER_ROLES and in_scope(user, document.owner_agency_id)

"""Who may see and do what with cases and petitions. Services call these; templates use them only to hide buttons.

- A user's body is their agency plus its units (LĐLĐTP covers Công đoàn Khu kinh tế). The facts of a case are read
  by its handling body and by those who read every body (viewers, secretariat, administrator); a case of another
  body is out of reach (404).
- Personal data is seen only by the case handlers of the case's handling body: users holding an active
  `CaseHandlerGrant` for exactly that body. Everyone else, leaders, secretariat and administrator included, sees
  it masked. Handlers also create, edit and move cases and serve data-subject requests.
- A body's leader (or the administrator) grants and revokes the handler role for the bodies in their scope.
- Topics, response deadlines and holidays are reference data kept by the administrator.
- Petitions hold no personal data: the body keeping them and the body responsible edit them; every body reads them
  when it is one of the two or reads all bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.accounts.choices import Role

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.cases.models import Case, Petition
    from phoihop.directory.models import Agency

WRITER_ROLES = {Role.OFFICER, Role.LEADER, Role.SECRETARIAT}
# Roles that may hold the case handler grant: those who work cases. Viewers, the secretariat and the administrator
# never do, so they can never see personal data.
HANDLER_ROLES = {Role.OFFICER, Role.LEADER}

_SCOPE_CACHE = "_cases_scope_ids"
_HANDLER_CACHE = "_cases_handler_ids"


def _active(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


def agency_scope_ids(agency_id: int | None) -> frozenset[int]:
    """The agency and every unit under it, at any depth (one query)."""
    from phoihop.directory.selectors import agency_scope_ids as directory_scope

    return directory_scope(agency_id)


def scope_ids(user: User) -> frozenset[int]:
    """The user's body: their agency and its units. Cached on the user object for the request."""
    cached = getattr(user, _SCOPE_CACHE, None)
    if cached is None:
        cached = agency_scope_ids(user.agency_id) if _active(user) else frozenset()
        setattr(user, _SCOPE_CACHE, cached)
    return cached


def handler_agency_ids(user: User) -> frozenset[int]:
    """Bodies whose cases (and their requesters' personal data) the user handles: active grants for bodies within
    the user's own. Cached on the user object for the request."""
    cached = getattr(user, _HANDLER_CACHE, None)
    if cached is None:
        cached = frozenset()
        if _active(user) and user.role in HANDLER_ROLES and user.agency_id:
            from phoihop.cases.models import CaseHandlerGrant

            granted = CaseHandlerGrant.objects.filter(user=user, revoked_at__isnull=True).values_list(
                "agency_id", flat=True
            )
            # A grant lapses when its holder moves to a body outside the granted one.
            cached = frozenset(granted) & scope_ids(user)
        setattr(user, _HANDLER_CACHE, cached)
    return cached


def forget_cached_rights(user: User) -> None:
    for name in (_SCOPE_CACHE, _HANDLER_CACHE):
        if hasattr(user, name):
            delattr(user, name)


def can_view_cases(user: User) -> bool:
    return bool(_active(user) and (user.is_admin or user.agency_id))


def can_view_case(user: User, case: Case) -> bool:
    if not can_view_cases(user):
        return False
    return user.reads_all_agencies or case.handling_agency_id in scope_ids(user)


def is_case_handler(user: User) -> bool:
    return bool(handler_agency_ids(user))


def can_see_personal_data(user: User, case: Case) -> bool:
    return _active(user) and case.handling_agency_id in handler_agency_ids(user)


def can_create_case(user: User, agency: Agency | None = None) -> bool:
    ids = handler_agency_ids(user)
    return bool(ids) if agency is None else agency.pk in ids


def can_edit_case(user: User, case: Case) -> bool:
    """Closed and anonymised cases are not edited; the service explains why."""
    return can_see_personal_data(user, case)


def can_transition_case(user: User, case: Case) -> bool:
    return can_see_personal_data(user, case)


def can_serve_data_subject(user: User, case: Case) -> bool:
    """Export a requester's data, record and handle their correction or erasure requests."""
    return can_see_personal_data(user, case)


def can_manage_grants(user: User, agency: Agency | None = None) -> bool:
    if not _active(user):
        return False
    if user.is_admin:
        return True
    if user.role != Role.LEADER or not user.agency_id:
        return False
    return agency is None or agency.pk in scope_ids(user)


def can_manage_reference(user: User) -> bool:
    """Topics, response deadlines per channel, holidays."""
    return bool(_active(user) and user.is_admin)


def can_view_petition(user: User, petition: Petition) -> bool:
    if not can_view_cases(user):
        return False
    if user.reads_all_agencies:
        return True
    scope = scope_ids(user)
    return petition.owner_agency_id in scope or petition.responsible_agency_id in scope


def can_create_petition(user: User) -> bool:
    return bool(_active(user) and (user.is_admin or (user.role in WRITER_ROLES and user.agency_id)))


def can_edit_petition(user: User, petition: Petition) -> bool:
    if not _active(user):
        return False
    if user.is_admin:
        return True
    if user.role not in WRITER_ROLES:
        return False
    scope = scope_ids(user)
    return petition.owner_agency_id in scope or petition.responsible_agency_id in scope

"""Which bodies a user acts for and reads: the one definition every app's permissions.py uses.

A body is an agency and every unit under it (a LĐLĐTP user acts for the Economic Zone Union). The programme is
joint: every signed-in member of the bodies reads every body's programme records (plans, indicators and values,
activities, foundings, inspections, models, housing), because a body that cannot see what another recorded at the
same enterprise draws the wrong conclusion. Writes stay with the owner body. Workers' personal data in cases and a
body's draft report blocks keep their own, narrower rules (cases/permissions.py, reports/selectors.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from phoihop.accounts.choices import Role
from phoihop.core.errors import field_error

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency


def own_scope(user: User) -> frozenset[int]:
    """The user's agency and the units under it, computed once per request (one query) and kept on the user."""
    if not user.is_authenticated or user.agency_id is None:
        return frozenset()
    cache: dict[int, frozenset[int]] = user.__dict__.setdefault("_phoihop_scope", {})
    if user.agency_id not in cache:
        from phoihop.directory.selectors import agency_scope_ids

        cache[user.agency_id] = agency_scope_ids(user.agency_id)
    return cache[user.agency_id]


def read_scope(user: User) -> frozenset[int] | None:
    """Bodies whose programme records the user reads; None means every body. Only an account that belongs to no
    body and is not the administrator reads none."""
    if user.is_authenticated and (user.reads_all_agencies or user.agency_id is not None):
        return None
    return frozenset()


def home_scope(user: User) -> frozenset[int] | None:
    """Bodies the home page's figures are about: the user's own, or every body (None) for those whose work spans
    them (secretariat, viewers, administrator). A focus, not a limit: everything else stays one click away."""
    if user.is_authenticated and user.reads_all_agencies:
        return None
    return own_scope(user)


def can_own(user: User, agency_id: int | None) -> bool:
    """May the user file a record under this body?"""
    if user.is_admin:
        return agency_id is not None
    return agency_id is not None and agency_id in own_scope(user)


# --- the owned-record policy every programme record app uses --------------------------------------------------------

WRITER_ROLES = frozenset({Role.OFFICER, Role.LEADER})


class OwnedRecord(Protocol):
    """Any programme record: it names the body that owns it."""

    @property
    def owner_agency_id(self) -> int | None: ...


def can_read_programme(user: User) -> bool:
    """Every signed-in member of a body (and the administrator) reads every body's programme records."""
    return bool(user.is_authenticated and user.is_active and (user.is_admin or user.agency_id))


def can_create_owned(user: User) -> bool:
    """Officers and leaders file records for their body; the administrator for any."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_admin or (user.role in WRITER_ROLES and user.agency_id is not None)


def can_edit_owned(user: User, record: OwnedRecord) -> bool:
    """Officers and leaders change their body's records (its agency and units); the administrator any."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_admin or (user.role in WRITER_ROLES and record.owner_agency_id in own_scope(user))


def can_delete_owned(user: User, record: OwnedRecord) -> bool:
    """Leaders delete their body's records; the administrator any."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_admin or (user.role == Role.LEADER and record.owner_agency_id in own_scope(user))


def resolve_owner(actor: User, owner_agency: Agency | None, *, required: str, foreign: str) -> Agency:
    """The body a new record is filed under: the actor's own when none is chosen, or the one chosen if the actor
    may file for it (its agency or a unit under it; any body for the administrator, who must choose one).
    `required` and `foreign` are the field's Vietnamese messages."""
    if owner_agency is None:
        if actor.is_admin or actor.agency is None:
            raise field_error("owner_agency", required, "required")
        return actor.agency
    if not can_own(actor, owner_agency.pk):
        raise field_error("owner_agency", foreign, "foreign_agency")
    return owner_agency

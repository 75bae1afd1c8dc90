"""Which bodies a user acts for and reads: the one definition every app's permissions.py uses.

A body is an agency and every unit under it (a LĐLĐTP user acts for the Economic Zone Union). The secretariat,
viewers and the administrator read every body; everyone else reads and writes their own body's records."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from phoihop.accounts.models import User


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
    """Bodies whose records the user reads; None means every body."""
    if user.is_authenticated and user.reads_all_agencies:
        return None
    return own_scope(user)


def can_own(user: User, agency_id: int | None) -> bool:
    """May the user file a record under this body?"""
    if user.is_admin:
        return agency_id is not None
    return agency_id is not None and agency_id in own_scope(user)

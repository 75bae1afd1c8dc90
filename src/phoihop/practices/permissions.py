"""Who may do what with "Dân vận khéo" models. Services call these; templates use them only to hide buttons.

A body's records are those of its agency and every unit under it (LĐLĐTP acts for the Economic Zone Union). The
programme is joint: every signed-in member of the bodies reads every body's models. Officers and leaders write their
body's; leaders delete them; the administrator may do anything. Awards belong to their model and follow its rules."""

from __future__ import annotations

from phoihop.directory.scope import (  # noqa: F401  (re-exported: callers import them from here)
    can_create_owned,
    can_delete_owned,
    can_edit_owned,
    can_own,
    can_read_programme,
    own_scope,
    read_scope,
)

# The owned-record policy of directory/scope.py, under this app's names.
can_view_practices = can_read_programme
can_create_practice = can_create_owned
can_edit_practice = can_edit_owned
can_delete_practice = can_delete_owned

"""Who may do what with foundings. Services call these; templates use them only to hide buttons.

A body's records are those of its agency and every unit under it (LĐLĐTP acts for the Economic Zone Union). The
programme is joint: every signed-in member of the bodies reads every body's foundings. Officers and leaders write
their body's; leaders delete them; the administrator may do anything."""

from __future__ import annotations

from phoihop.directory import scope

# The owned-record policy of directory/scope.py, under this app's names.
can_view_foundings = scope.can_read_programme
can_create_founding = scope.can_create_owned
can_edit_founding = scope.can_edit_owned
can_delete_founding = scope.can_delete_owned

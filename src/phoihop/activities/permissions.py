"""Who may do what with activities: the owned-record policy of directory/scope.py, under this app's names."""

from phoihop.directory import scope
from phoihop.directory.scope import own_scope  # noqa: F401  (re-exported: the activity form imports it from here)

can_view_activities = scope.can_read_programme
can_create_activity = scope.can_create_owned
can_edit_activity = scope.can_edit_owned
can_delete_activity = scope.can_delete_owned

"""Who may do what with worker housing projects: the owned-record policy of directory/scope.py, under this app's
names (the body that follows a project owns the record). Milestones belong to their project and follow its rules."""

from phoihop.directory import scope
from phoihop.directory.scope import own_scope  # noqa: F401  (re-exported: tests import it from here)

can_view_projects = scope.can_read_programme
can_create_project = scope.can_create_owned
can_edit_project = scope.can_edit_owned
can_delete_project = scope.can_delete_owned

"""Who may do what with "Dân vận khéo" models: the owned-record policy of directory/scope.py, under this app's names.
Awards belong to their model and follow its rules."""

from phoihop.directory import scope
from phoihop.directory.scope import own_scope  # noqa: F401  (re-exported: tests import it from here)

can_view_practices = scope.can_read_programme
can_create_practice = scope.can_create_owned
can_edit_practice = scope.can_edit_owned
can_delete_practice = scope.can_delete_owned

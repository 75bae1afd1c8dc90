"""Who may do what with foundings: the owned-record policy of directory/scope.py, under this app's names."""

from phoihop.directory import scope

can_view_foundings = scope.can_read_programme
can_create_founding = scope.can_create_owned
can_edit_founding = scope.can_edit_owned
can_delete_founding = scope.can_delete_owned

from typing import Any

from django.core import checks

from phoihop.core import plugins


class CasesConfig(plugins.PluggedApp):
    name = "phoihop.cases"
    label = "cases"
    verbose_name = "Vụ việc, kiến nghị"

    def ready(self) -> None:
        from phoihop.core.crypto import check_field_keys

        checks.register(check_field_keys, checks.Tags.security)
        super().ready()  # what this app adds to the menu and to other apps' pages (plugins.py)
        # A handler who moves to another body loses their grants (accounts.services.update_user).
        from phoihop.accounts.signals import agency_changed
        from phoihop.cases.services.reference import end_grants_on_move

        def end_grants(sender: object, user: Any, actor: Any, previous_agency_id: int | None, **kwargs: Any) -> None:
            end_grants_on_move(user=user, actor=actor, previous_agency_id=previous_agency_id)

        agency_changed.connect(end_grants, weak=False, dispatch_uid="cases.end_grants_on_move")

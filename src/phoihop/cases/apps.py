from typing import Any

from django.apps import AppConfig
from django.core import checks


class CasesConfig(AppConfig):
    name = "phoihop.cases"
    label = "cases"
    verbose_name = "Vụ việc, kiến nghị"

    def ready(self) -> None:
        from phoihop.core.crypto import check_field_keys

        checks.register(check_field_keys, checks.Tags.security)
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.cases.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()
        # A handler who moves to another body loses their grants (accounts.services.update_user).
        from phoihop.accounts.signals import agency_changed
        from phoihop.cases.services.reference import end_grants_on_move

        def end_grants(sender: object, user: Any, actor: Any, previous_agency_id: int | None, **kwargs: Any) -> None:
            end_grants_on_move(user=user, actor=actor, previous_agency_id=previous_agency_id)

        agency_changed.connect(end_grants, weak=False, dispatch_uid="cases.end_grants_on_move")

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
        from phoihop.cases.plugins import plug_in

        plug_in()

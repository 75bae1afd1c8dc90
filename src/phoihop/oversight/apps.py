from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "phoihop.oversight"
    label = "oversight"
    verbose_name = "Kiểm tra, giám sát"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.oversight.plugins import declare_demo_data, plug_in, register_record_kinds

        register_record_kinds()
        plug_in()
        declare_demo_data()

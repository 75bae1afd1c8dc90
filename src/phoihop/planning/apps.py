from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "phoihop.planning"
    label = "planning"
    verbose_name = "Kế hoạch phối hợp"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.planning.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

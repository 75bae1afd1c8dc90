from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "phoihop.reports"
    label = "reports"
    verbose_name = "Báo cáo liên tịch"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.reports.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

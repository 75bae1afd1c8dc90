from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "phoihop.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu và số liệu"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.indicators.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "phoihop.housing"
    label = "housing"
    verbose_name = "Nhà ở công nhân"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.housing.plugins import declare_demo_data, plug_in, register_record_kinds

        register_record_kinds()
        plug_in()
        declare_demo_data()

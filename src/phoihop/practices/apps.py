from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "phoihop.practices"
    label = "practices"
    verbose_name = "Mô hình “Dân vận khéo”"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.practices.plugins import declare_demo_data, plug_in, register_record_kinds

        register_record_kinds()
        plug_in()
        declare_demo_data()

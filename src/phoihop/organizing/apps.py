from django.apps import AppConfig


class OrganizingConfig(AppConfig):
    name = "phoihop.organizing"
    label = "organizing"
    verbose_name = "Thành lập tổ chức"

    def ready(self) -> None:
        # What this app adds to the menu, to other apps' pages, to the spreadsheets, to indicators and to the demo
        # (plugins.py).
        from phoihop.organizing.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

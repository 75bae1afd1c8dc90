from django.apps import AppConfig


class OrganizingConfig(AppConfig):
    name = "phoihop.organizing"
    label = "organizing"
    verbose_name = "Thành lập tổ chức"

    def ready(self) -> None:
        # What this app adds to the menu, to other apps' pages, to the spreadsheets and to indicators (plugins.py).
        from phoihop.organizing.plugins import plug_in

        plug_in()

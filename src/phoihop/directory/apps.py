from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "phoihop.directory"
    label = "directory"
    verbose_name = "Danh mục"

    def ready(self) -> None:
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.directory.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

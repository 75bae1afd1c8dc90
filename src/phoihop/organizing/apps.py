from django.apps import AppConfig, apps


class OrganizingConfig(AppConfig):
    name = "phoihop.organizing"
    label = "organizing"
    verbose_name = "Thành lập tổ chức"

    def ready(self) -> None:
        if apps.is_installed("phoihop.indicators"):
            from phoihop.organizing.counting import register_record_kinds

            register_record_kinds()
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.organizing.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

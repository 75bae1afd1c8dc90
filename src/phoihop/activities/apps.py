from django.apps import AppConfig, apps


class ActivitiesConfig(AppConfig):
    name = "phoihop.activities"
    label = "activities"
    verbose_name = "Hoạt động"

    def ready(self) -> None:
        if apps.is_installed("phoihop.indicators"):
            from phoihop.activities.counting import register_record_kinds

            register_record_kinds()
        # What this app adds to the menu and to other apps' pages (core/plugins.py).
        from phoihop.activities.plugins import declare_demo_data, plug_in

        plug_in()
        declare_demo_data()

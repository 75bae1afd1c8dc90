from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "phoihop.workforce"
    label = "workforce"
    verbose_name = "Tình hình công nhân lao động"

    def ready(self) -> None:
        from phoihop.workforce.plugins import declare_demo_data, plug_in, register_record_kinds

        register_record_kinds()
        plug_in()
        declare_demo_data()

from django.apps import AppConfig, apps


class OrganizingConfig(AppConfig):
    name = "phoihop.organizing"
    label = "organizing"
    verbose_name = "Thành lập tổ chức"

    def ready(self) -> None:
        if apps.is_installed("phoihop.indicators"):
            from phoihop.organizing.counting import register_record_kinds

            register_record_kinds()

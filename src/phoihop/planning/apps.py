from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "phoihop.planning"
    label = "planning"
    verbose_name = "Kế hoạch phối hợp"

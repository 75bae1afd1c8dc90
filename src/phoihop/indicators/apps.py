from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "phoihop.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu và số liệu"

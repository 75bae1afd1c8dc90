from phoihop.core import plugins


class IndicatorsConfig(plugins.PluggedApp):
    name = "phoihop.indicators"
    label = "indicators"
    verbose_name = "Chỉ tiêu và số liệu"

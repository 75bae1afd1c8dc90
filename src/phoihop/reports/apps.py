from phoihop.core import plugins


class ReportsConfig(plugins.PluggedApp):
    name = "phoihop.reports"
    label = "reports"
    verbose_name = "Báo cáo liên tịch"

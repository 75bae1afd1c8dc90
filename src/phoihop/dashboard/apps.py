from phoihop.core import plugins


class DashboardConfig(plugins.PluggedApp):
    name = "phoihop.dashboard"
    label = "dashboard"
    verbose_name = "Tổng quan theo vai trò"

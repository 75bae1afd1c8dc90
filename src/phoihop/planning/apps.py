from phoihop.core import plugins


class PlanningConfig(plugins.PluggedApp):
    name = "phoihop.planning"
    label = "planning"
    verbose_name = "Kế hoạch phối hợp"

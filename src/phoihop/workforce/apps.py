from phoihop.core import plugins


class WorkforceConfig(plugins.PluggedApp):
    name = "phoihop.workforce"
    label = "workforce"
    verbose_name = "Tình hình công nhân lao động"

from phoihop.core import plugins


class OversightConfig(plugins.PluggedApp):
    name = "phoihop.oversight"
    label = "oversight"
    verbose_name = "Kiểm tra, giám sát"

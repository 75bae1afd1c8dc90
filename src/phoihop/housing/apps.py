from phoihop.core import plugins


class HousingConfig(plugins.PluggedApp):
    name = "phoihop.housing"
    label = "housing"
    verbose_name = "Nhà ở công nhân"

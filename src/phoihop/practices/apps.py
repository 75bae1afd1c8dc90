from phoihop.core import plugins


class PracticesConfig(plugins.PluggedApp):
    name = "phoihop.practices"
    label = "practices"
    verbose_name = "Mô hình “Dân vận khéo”"

from phoihop.core import plugins


class DirectoryConfig(plugins.PluggedApp):
    name = "phoihop.directory"
    label = "directory"
    verbose_name = "Danh mục"

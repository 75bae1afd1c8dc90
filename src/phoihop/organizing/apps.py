from phoihop.core import plugins


class OrganizingConfig(plugins.PluggedApp):
    name = "phoihop.organizing"
    label = "organizing"
    verbose_name = "Thành lập tổ chức"

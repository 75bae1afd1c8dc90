from phoihop.core import plugins


class ActivitiesConfig(plugins.PluggedApp):
    name = "phoihop.activities"
    label = "activities"
    verbose_name = "Hoạt động"

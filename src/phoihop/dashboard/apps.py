from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "phoihop.dashboard"
    label = "dashboard"
    verbose_name = "Tổng quan theo vai trò"

    def ready(self) -> None:
        # The home page's "what needs me" cards (core/plugins.py); nothing imports this app.
        from phoihop.dashboard.plugins import plug_in

        plug_in()

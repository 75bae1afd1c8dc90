from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "phoihop.core"
    label = "core"
    verbose_name = "Nền tảng"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from phoihop.core.plugins import menu

        menu.add(group="home", url_name="core:home", label=_("Tổng quan"), order=0)

        from django.core import checks

        from phoihop.core.clientip import check_proxy_setup

        checks.register(check_proxy_setup, checks.Tags.security, deploy=True)

        from phoihop.core.cache import connect_signals

        connect_signals()

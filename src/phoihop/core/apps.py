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

        # How the demo data files write dates and amounts (core/plugins.py, demo_data).
        import datetime as dt
        from decimal import Decimal

        from django.utils import timezone

        from phoihop.core.plugins import demo_data

        demo_data.converter("date", dt.date.fromisoformat)
        demo_data.converter("datetime", lambda text: timezone.make_aware(dt.datetime.strptime(text, "%Y-%m-%d %H:%M")))
        demo_data.converter("decimal", Decimal)

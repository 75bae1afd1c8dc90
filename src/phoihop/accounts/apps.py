from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "phoihop.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from phoihop.accounts import signals  # noqa: F401  (records logins in the audit trail)
        from phoihop.accounts.mfa_admin import replace_otp_admins

        replace_otp_admins()
        # The demo's accounts (core/plugins.py, demo_data); the directory's data file lists them.
        from phoihop.accounts.models import User
        from phoihop.accounts.services import create_user
        from phoihop.core.plugins import demo_data

        demo_data.kind(
            "accounts.user",
            create_user,
            User,
            natural_key={"username": "username"},
            fields={"agency": "directory.agency"},
        )
        demo_data.converter(
            "accounts.user", lambda username: User.objects.select_related("agency").get(username=username)
        )

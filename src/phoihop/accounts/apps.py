from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "phoihop.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from phoihop.accounts import signals  # noqa: F401  (records logins in the audit trail)
        from phoihop.accounts.mfa_admin import replace_otp_admins

        replace_otp_admins()

"""django-otp registers admin pages that would let anyone with admin access read TOTP secrets and recovery codes or
change them unaudited. They are replaced by read-only lists that show who has a second factor and nothing secret;
removing a lost one is `phoihop reset_mfa` (audited). Called from AccountsConfig.ready(), after admin autodiscovery."""

from __future__ import annotations

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.core.admin import ReadOnlyAdmin


class SecondFactorDeviceAdmin(ReadOnlyAdmin):
    list_display = ("user", "name", "confirmed", "created_at", "last_used_at")
    list_filter = ("confirmed",)
    fields = ("user", "name", "confirmed", "created_at", "last_used_at")
    readonly_fields = fields
    search_fields = ("user__username",)


def replace_otp_admins(site: admin.AdminSite = admin.site) -> None:
    for model in (TOTPDevice, StaticDevice):
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, SecondFactorDeviceAdmin)

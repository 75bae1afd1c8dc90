"""The administration site shows who has a second factor, never the TOTP secret or the recovery codes, and cannot
change them (that would be an unaudited way around the second factor)."""

from __future__ import annotations

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.accounts.models import User


def test_the_admin_shows_devices_without_their_secrets(admin_user: User, officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    device = TOTPDevice.objects.create(user=officer, name="Ứng dụng xác thực", confirmed=True)
    codes = StaticDevice.objects.create(user=officer, name="Mã khôi phục", confirmed=True)
    StaticToken.objects.create(device=codes, token="abcd2345")
    client = client_for(admin_user)

    for url in (
        "/quan-tri/otp_totp/totpdevice/",
        f"/quan-tri/otp_totp/totpdevice/{device.pk}/change/",
        f"/quan-tri/otp_static/staticdevice/{codes.pk}/change/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert device.key not in html, url
        assert "abcd2345" not in html, url
    assert str(officer) in client.get("/quan-tri/otp_totp/totpdevice/").content.decode()

    response = client.post(f"/quan-tri/otp_totp/totpdevice/{device.pk}/change/", {"name": "x", "key": "00" * 20})
    assert response.status_code == 403
    assert client.post(f"/quan-tri/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"}).status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk, name="Ứng dụng xác thực").exists()

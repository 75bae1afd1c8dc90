"""The second factor: a TOTP authenticator app (django-otp) with ten single-use recovery codes.

Leaders, the secretariat and administrators must have one when settings.PHOIHOP_MFA_REQUIRED is on; others may.
Sign-in is two steps: the password (accounts.views.LoginView) only remembers who is signing in (`pending_login`),
and the user is logged in by the code step once a code checks out; a half-signed-in session never exists. Wrong
codes count as failed logins for django-axes, like wrong passwords. API tokens are untouched: a token is created
from a session that has passed both steps."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from phoihop.accounts.choices import Role
from phoihop.core.audit import record_event
from phoihop.core.models import AuditAction

if TYPE_CHECKING:
    from phoihop.accounts.models import User

REQUIRED_ROLES = frozenset({Role.LEADER, Role.SECRETARIAT, Role.ADMIN})
RECOVERY_CODE_COUNT = 10
PENDING_KEY = "mfa_pending_login"
ENROL_KEY = "mfa_enrol_key"
PENDING_SECONDS = 300
DEVICE_NAME = "Ứng dụng xác thực"


def required_for(user: Any) -> bool:
    """Whether this user must have a second factor (always False when the setting is off)."""
    if not getattr(settings, "PHOIHOP_MFA_REQUIRED", False):
        return False
    return bool(user.role in REQUIRED_ROLES or user.is_superuser or user.is_staff)


def is_enrolled(user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: Any) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- enrolment ------------------------------------------------------------------------------------------------------


def enrolment_key(request: HttpRequest) -> str:
    """The secret offered on the enrolment page, kept in the session until a code confirms it, so that reloading
    the page shows the same QR code and nothing is written before the user proves the app has it."""
    key = request.session.get(ENROL_KEY)
    if not key:
        key = default_key()
        request.session[ENROL_KEY] = key
    return str(key)


def provisioning_uri(user: Any, key: str) -> str:
    return str(TOTPDevice(user=user, key=key, name=DEVICE_NAME).config_url)


def secret_for_typing(key: str) -> str:
    """The key in base32, in groups of four, for typing into an app that cannot scan."""
    from base64 import b32encode
    from binascii import unhexlify

    text = b32encode(unhexlify(key)).decode("ascii").rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _normalise(code: str) -> str:
    return "".join(ch for ch in code if ch.isalnum()).lower()


def _new_recovery_codes(user: Any) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Mã khôi phục"), confirmed=True)
    codes = [StaticToken.random_token() for _n in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def format_code(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


@transaction.atomic
def confirm_enrolment(*, user: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Turn the offered secret into the user's authenticator once `code` from the app matches it; return the device
    and the recovery codes (shown once, never again)."""
    if is_enrolled(user):
        raise ValidationError(_("Tài khoản này đã bật xác thực hai bước."), code="already_enrolled")
    totp = TOTP(bytes.fromhex(key), 30, 0, 6, 0)
    totp.time = time.time()
    digits = _normalise(code)
    if not (digits.isdigit() and len(digits) == 6 and totp.verify(int(digits), tolerance=1)):
        raise ValidationError(
            {"code": _("Mã không đúng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực.")}, code="invalid_code"
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, key=key, name=DEVICE_NAME, confirmed=True, last_t=totp.t())
    codes = _new_recovery_codes(user)
    record_event(actor=user, action=AuditAction.UPDATE, obj=user, note=_("Bật xác thực hai bước"))
    return device, codes


@transaction.atomic
def regenerate_recovery_codes(*, user: User) -> list[str]:
    if not is_enrolled(user):
        raise ValidationError(_("Hãy bật xác thực hai bước trước."), code="not_enrolled")
    codes = _new_recovery_codes(user)
    record_event(actor=user, action=AuditAction.UPDATE, obj=user, note=_("Tạo lại mã khôi phục"))
    return codes


@transaction.atomic
def remove_second_factor(*, actor: User | None, user: User) -> None:
    """Turn the second factor off: by its owner when their role does not require it, or by an administrator (or
    `phoihop reset_mfa`, actor None) for someone who lost both the phone and the recovery codes; a user whose role
    requires it enrols again at the next sign-in."""
    if actor is not None and not actor.is_admin and (actor.pk != user.pk or required_for(user)):
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record_event(actor=actor, action=AuditAction.UPDATE, obj=user, note=_("Tắt xác thực hai bước"))


# --- the code step of signing in ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingLogin:
    user: User
    backend: str
    next_url: str


def begin_second_step(request: HttpRequest, user: Any, next_url: str) -> None:
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "next": next_url,
        "at": time.time(),
    }


def pending_login(request: HttpRequest) -> PendingLogin | None:
    """Who passed the password step in this browser in the last five minutes, or None."""
    from phoihop.accounts.models import User

    data = request.session.get(PENDING_KEY)
    if not isinstance(data, dict) or time.time() - float(data.get("at", 0)) > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=int(data.get("user") or 0), is_active=True).first()
    if user is None:
        return None
    return PendingLogin(user=user, backend=str(data["backend"]), next_url=str(data.get("next") or ""))


def end_second_step(request: HttpRequest) -> None:
    request.session.pop(PENDING_KEY, None)


def verify_code(*, user: Any, code: str) -> Device | None:
    """The device that accepts `code`: the authenticator for six digits, else a recovery code (used up by this)."""
    value = _normalise(code)
    if not value:
        return None
    model = TOTPDevice if value.isdigit() and len(value) == 6 else StaticDevice
    with transaction.atomic():
        for device in model.objects.select_for_update().filter(user=user, confirmed=True):
            if device.verify_token(value):
                return device
    return None

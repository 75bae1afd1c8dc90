from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.accounts.choices import Role
from phoihop.accounts.models import ApiToken, User, hash_token
from phoihop.accounts.permissions import can_manage_tokens
from phoihop.core.audit import record_event
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction

if TYPE_CHECKING:
    from phoihop.directory.models import Agency  # users belong to agencies; accounts sits below directory


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: Role | str,
    agency: Agency | None,
    full_name: str = "",
    position: str = "",
    email: str = "",
) -> User:
    """Create an account. `actor=None` only from trusted commands (load_demo, createsuperuser-like tools)."""
    if actor is not None and not actor.is_admin:
        raise PermissionDenied
    first, _sep, last = full_name.rpartition(" ")
    user = User(
        username=username,
        role=role,
        agency=agency,
        first_name=first,
        last_name=last,
        position=position,
        email=email,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    record_event(actor=actor, action=AuditAction.CREATE, obj=user, changes={"role": ["", user.get_role_display()]})
    return user


@transaction.atomic
def create_token(*, actor: User, owner: User, name: str) -> tuple[ApiToken, str]:
    """Return the token row and the raw token, which is never stored and cannot be shown again."""
    if not can_manage_tokens(actor, owner):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise field_error("name", _("Hãy đặt tên cho mã API (ví dụ: tên phần mềm sẽ dùng nó)."), "required")
    raw = ApiToken.generate()
    token = ApiToken.objects.create(user=owner, name=name[:100], prefix=raw[:8], key_hash=hash_token(raw))
    record_event(actor=actor, action=AuditAction.TOKEN_CREATE, obj=owner, note=f"{token.name} ({token.prefix}…)")
    return token, raw


@transaction.atomic
def revoke_token(*, actor: User, token: ApiToken) -> ApiToken:
    if not can_manage_tokens(actor, token.user):
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record_event(actor=actor, action=AuditAction.TOKEN_REVOKE, obj=token.user, note=str(token))
    return token


def user_for_token(raw: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_token(raw), revoked_at__isnull=True).first()
    if token is None or not token.user.is_active:
        return None
    token.touch()
    return token.user

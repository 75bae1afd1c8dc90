from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.accounts.choices import Role
from phoihop.accounts.models import ApiToken, User, hash_token
from phoihop.accounts.permissions import can_manage_tokens
from phoihop.accounts.signals import agency_changed
from phoihop.core.audit import MASK, changed_fields, field_values, record_event, snapshot
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
    first_name: str | None = None,
    last_name: str | None = None,
) -> User:
    """Create an account. `actor=None` only from trusted commands (load_demo, createsuperuser-like tools).
    `full_name` is split at its last space, unless `first_name`/`last_name` are given."""
    if actor is not None and not actor.is_admin:
        raise PermissionDenied
    first, _sep, last = full_name.rpartition(" ")
    if first_name is not None or last_name is not None:
        first, last = first_name or "", last_name or ""
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
    after = snapshot(user)
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=user,
        changes={name: ["", after[name]] for name in (*PRIVILEGED_FIELDS, "username") if after.get(name)},
    )
    return user


# What an administrator may change on an account, and which of those are privileges (noted as such in the trail).
USER_FIELDS = (
    "username",
    "first_name",
    "last_name",
    "email",
    "position",
    "role",
    "agency",
    "is_active",
    "is_staff",
    "is_superuser",
)
PRIVILEGED_FIELDS = ("role", "agency", "is_active", "is_staff", "is_superuser")


def check_user_change(*, actor: User, user: User, data: Mapping[str, Any]) -> None:
    """Refuse what an administrator may not do to an account, before anything is written (forms call it too)."""
    if not actor.is_admin:
        raise PermissionDenied
    unknown = set(data) - set(USER_FIELDS)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}, code="unknown_field"
        )
    if actor.pk == user.pk:
        keeps_admin = (
            data.get("is_active", user.is_active)
            and (data.get("role", user.role) == Role.ADMIN or data.get("is_superuser", user.is_superuser))
            and data.get("is_staff", user.is_staff)
        )
        if not keeps_admin:
            raise ValidationError(
                _(
                    "Không thể tự bỏ quyền quản trị hoặc khóa tài khoản của chính mình: "
                    "hãy nhờ một quản trị viên khác làm việc này."
                ),
                code="own_admin_rights",
            )


@transaction.atomic
def update_user(*, actor: User, user: User, data: Mapping[str, Any]) -> User:
    """Change an account: one audit event listing every changed field (privileges noted as such). A user whose
    body changes loses the rights tied to the old body (`agency_changed`: the cases app ends their grants)."""
    check_user_change(actor=actor, user=user, data=data)
    stored = User.objects.select_for_update().get(pk=user.pk)
    before, values_before = snapshot(stored), field_values(stored)
    previous_agency_id = stored.agency_id
    for name, value in data.items():
        setattr(stored, name, value)
    stored.full_clean()
    changed = changed_fields(values_before, field_values(stored))
    if not changed:
        return stored
    fields = {field.name: field for field in User._meta.concrete_fields}
    stored.save(update_fields=[fields[name].attname for name in changed])
    after = snapshot(stored)
    privileged = [str(fields[name].verbose_name) for name in changed if name in PRIVILEGED_FIELDS]
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=stored,
        changes={name: [before.get(name, ""), after.get(name, "")] for name in changed},
        note=_("Thay đổi quyền: %(fields)s.") % {"fields": ", ".join(privileged)} if privileged else "",
    )
    if stored.agency_id != previous_agency_id:
        agency_changed.send(sender=User, user=stored, actor=actor, previous_agency_id=previous_agency_id)
    return stored


@transaction.atomic
def record_password_set(*, actor: User, user: User) -> None:
    """The administrator set (or disabled) another user's password in the administration site: the trail says
    so, without any trace of the password itself. Called in the transaction that saved it."""
    if not actor.is_admin:
        raise PermissionDenied
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=user,
        changes={"password": [MASK, MASK]},
        note=_("Quản trị đặt lại mật khẩu."),
    )


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
    if ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now()) == 1:
        token.refresh_from_db(fields=["revoked_at"])
        record_event(actor=actor, action=AuditAction.TOKEN_REVOKE, obj=token.user, note=str(token))
    return token


def user_for_token(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user", "user__agency")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    token.touch()
    return token.user

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.accounts.choices import Role

TOKEN_PREFIX = "ph_"  # noqa: S105  (a visible marker of our tokens, not a secret)


class User(AbstractUser):
    """A person who signs in. Belongs to one agency (unit) and has one role."""

    agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text=_("Bắt buộc với mọi vai trò trừ quản trị."),
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role=Role.ADMIN) | models.Q(agency__isnull=False),
                name="user_agency_required_unless_admin",
                violation_error_message=_("Người dùng phải thuộc một đơn vị (trừ quản trị)."),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_admin(self) -> bool:
        return self.is_active and (self.role == Role.ADMIN or self.is_superuser)

    @property
    def reads_all_agencies(self) -> bool:
        """The secretariat compiles the joint report; viewers are the city leadership; both read every body."""
        return self.is_admin or self.role in {Role.SECRETARIAT, Role.VIEWER}


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token itself is shown once, at creation."""

    user = models.ForeignKey(User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100)
    prefix = models.CharField(_("tiền tố"), max_length=12, editable=False)
    key_hash = models.CharField(_("mã khóa (đã mã hóa)"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã API")
        verbose_name_plural = _("mã API")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A revoked token stays revoked: the database refuses it too (trigger, see core.audit.install_guards).
        if self.pk is not None and (
            ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=False).exclude(revoked_at=self.revoked_at).exists()
        ):
            raise ValidationError(_("Mã API đã thu hồi thì không dùng lại được: hãy tạo mã mới."), code="revoked")
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @staticmethod
    def generate() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    def touch(self) -> None:
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=timezone.now())

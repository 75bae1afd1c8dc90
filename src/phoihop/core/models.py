"""Base models every domain app builds on, and the audit trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """An editable record. `version` goes up by one on every change; an edit made against an older version
    is a conflict (see `core.services.update_versioned`)."""

    version = models.PositiveIntegerField(_("phiên bản"), default=1, editable=False)

    class Meta:
        abstract = True


class AuditAction(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    LOGIN = "login", _("Đăng nhập")
    TOKEN_CREATE = "token_create", _("Cấp mã API")
    TOKEN_REVOKE = "token_revoke", _("Thu hồi mã API")
    SUBMIT = "submit", _("Gửi duyệt")
    APPROVE = "approve", _("Phê duyệt")
    RETURN = "return", _("Trả lại")
    TRANSITION = "transition", _("Chuyển trạng thái")


class AuditEvent(models.Model):
    """One row per change, written by the service in the same transaction as the change itself.

    `changes` maps field name to [old, new] as display strings; personal fields are masked before they
    get here (see `core.audit.MASK`)."""

    occurred_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("hành động"), max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(_("loại đối tượng"), max_length=100)
    object_id = models.CharField(_("mã đối tượng"), max_length=64)
    object_repr = models.CharField(_("đối tượng"), max_length=300)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-occurred_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

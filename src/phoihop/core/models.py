"""Base models every domain app builds on, and the audit trail."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import connections, models, router, transaction
from django.utils import timezone
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


# The fields an event's hash covers, in this order (with the previous event's hash in front).
CHAINED_FIELDS = (
    "occurred_at",
    "actor_id",
    "actor_name",
    "agency_id",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "changes",
    "note",
)
# Key of the PostgreSQL advisory lock that makes writers of the audit trail take turns (any fixed 64-bit number).
AUDIT_CHAIN_LOCK = 7_045_118_230_915


def _canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat(timespec="microseconds")
    return value


def chain_hash(previous: str, fields: Mapping[str, Any]) -> str:
    """sha256 over the previous event's hash and a canonical JSON of this event's fields: changing, removing or
    inserting any event breaks the hash of every event after it."""
    payload = json.dumps(
        [previous, [_canonical(fields[name]) for name in CHAINED_FIELDS]],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class AppendOnly(Exception):
    """An audit event is never changed or deleted."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("Nhật ký thay đổi chỉ được ghi thêm, không được sửa.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Nhật ký thay đổi chỉ được ghi thêm, không được xóa.")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[AuditEvent]:
        raise AppendOnly("Sự kiện nhật ký được ghi từng cái một, nối vào chuỗi (AuditEvent.save).")


class AuditEvent(models.Model):
    """One row per change, written by the service in the same transaction as the change itself.

    `changes` maps field name to [old, new] as display strings; personal fields are masked before they
    get here (see `core.audit.MASK`).

    Append-only: the model refuses changes and deletions, and so does the database (triggers, see
    `core.audit.install_guards`). Each event carries `chain_hash`, chained to the event before it
    (`phoihop verify_audit` checks the chain)."""

    occurred_at = models.DateTimeField(_("thời điểm"), default=timezone.now, editable=False, db_index=True)
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
    chain_hash = models.CharField(_("mã chuỗi"), max_length=64, editable=False, default="")

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-occurred_at"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding or self.pk is not None:
            raise AppendOnly("Nhật ký thay đổi chỉ được ghi thêm, không được sửa.")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        # What the database will give back, so that the hash is computed over what is read later.
        self.changes = json.loads(json.dumps(self.changes or {}))
        with transaction.atomic(using=using):
            connection = connections[using]
            if connection.vendor == "postgresql":
                # Held to the end of the caller's transaction: the next writer reads this event as its previous.
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [AUDIT_CHAIN_LOCK])
            # SQLite: transactions begin IMMEDIATE (settings.database_config), so writers already take turns.
            previous = (
                AuditEvent.objects.using(using).order_by("-pk").values_list("chain_hash", flat=True).first() or ""
            )
            self.chain_hash = chain_hash(previous, self.chained_fields())
            super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Nhật ký thay đổi chỉ được ghi thêm, không được xóa.")

    def chained_fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CHAINED_FIELDS}


class CacheEntry(models.Model):
    """The table of the shared cache (settings.CACHES: Django's database cache, read and written by its own SQL):
    a model so that `migrate` creates it and `flush` empties it. Rendered lists live there (core/cache.py)."""

    cache_key = models.CharField(_("khóa"), max_length=255, primary_key=True)
    value = models.TextField(_("giá trị"))
    expires = models.DateTimeField(_("hết hạn lúc"), db_index=True)

    class Meta:
        db_table = "phoihop_cache"
        verbose_name = _("mục bộ nhớ đệm")
        verbose_name_plural = _("bộ nhớ đệm")

    def __str__(self) -> str:
        return self.cache_key

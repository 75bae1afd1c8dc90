"""The import log: one row per file imported (or waiting for its preview to be confirmed)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        DONE = "done", _("Đã nhập")
        INVALID = "invalid", _("Có lỗi")

    kind = models.CharField(_("loại dữ liệu"), max_length=60)
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    filename = models.CharField(_("tên tệp"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DONE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhập"), on_delete=models.SET_NULL, null=True
    )
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị"), on_delete=models.SET_NULL, null=True, blank=True
    )
    row_count = models.PositiveIntegerField(_("số dòng"), default=0)
    created = models.PositiveIntegerField(_("số bản ghi mới"), default=0)
    updated = models.PositiveIntegerField(_("số bản ghi cập nhật"), default=0)
    # A file waiting for its preview to be confirmed is kept until then, and emptied once imported; a refused file
    # (status "invalid") is kept for its officer to download it back with the problems marked.
    content = models.BinaryField(_("nội dung tệp"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("các lần nhập Excel")
        ordering = ("-created_at",)
        indexes = [models.Index(fields=("kind", "sha256"))]

    def __str__(self) -> str:
        return f"Nhập Excel {self.kind}: {self.filename or self.sha256[:12]} ({self.row_count} dòng)"

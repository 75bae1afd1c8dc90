"""The import log: one row per file imported (or waiting for its preview to be confirmed, refused with its problems,
or, for a large file, queued for the background worker with the progress the upload page polls)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        DONE = "done", _("Đã nhập")
        INVALID = "invalid", _("Có lỗi")
        QUEUED = "queued", _("Đang chờ xử lý")
        RUNNING = "running", _("Đang xử lý")
        FAILED = "failed", _("Không nhập")

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
    # A large file's background job (status queued → running → done, invalid, pending or failed): what the page polls.
    confirmed = models.BooleanField(_("đã xác nhận thay đổi"), default=False)
    phase = models.CharField(_("bước"), max_length=200, blank=True)
    rows_read = models.PositiveIntegerField(_("số dòng đã đọc"), default=0)
    rows_checked = models.PositiveIntegerField(_("số dòng đã kiểm tra"), default=0)
    rows_written = models.PositiveIntegerField(_("số dòng đã ghi"), default=0)
    # The job's outcome as the result area shows it (status, message, messages, changes, counts).
    result = models.JSONField(_("kết quả"), null=True, blank=True, editable=False)
    progressed_at = models.DateTimeField(_("tiến độ lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập Excel")
        verbose_name_plural = _("các lần nhập Excel")
        ordering = ("-created_at",)
        indexes = [models.Index(fields=("kind", "sha256"))]

    def __str__(self) -> str:
        return f"Nhập Excel {self.kind}: {self.filename or self.sha256[:12]} ({self.row_count} dòng)"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING) and not self.is_stalled

    @property
    def waits_for_worker(self) -> bool:
        """Still queued well after a worker would have taken it: most likely no worker runs."""
        return self.status == self.Status.QUEUED and timezone.now() - self.created_at > timedelta(seconds=30)

    @property
    def is_stalled(self) -> bool:
        """Running with no sign of life for longer than any write takes: its worker died (its transaction with it)."""
        seen = self.progressed_at or self.created_at
        return self.status == self.Status.RUNNING and timezone.now() - seen > timedelta(
            seconds=int(settings.PHOIHOP_IMPORT_STALLED_SECONDS)
        )

    @property
    def percent(self) -> int:
        """Reading counts for a fifth of the bar, checking for two fifths, writing for the rest."""
        total = max(self.row_count, 1)
        share = 20 * self.rows_read + 40 * self.rows_checked + 40 * self.rows_written
        return min(100, round(share / total))

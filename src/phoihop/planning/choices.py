from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """Kinds of cited documents (tên loại văn bản); the label is what a citation prints before "số"."""

    RESOLUTION = "resolution", _("Nghị quyết")
    CONCLUSION = "conclusion", _("Kết luận")
    PLAN = "plan", _("Kế hoạch")
    PROGRAMME = "programme", _("Chương trình")
    NOTICE = "notice", _("Thông báo")
    LETTER = "letter", _("Công văn")
    REPORT = "report", _("Báo cáo")
    DECISION = "decision", _("Quyết định")
    GUIDANCE = "guidance", _("Hướng dẫn")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ACTIVE = "active", _("Đang thực hiện")
    CLOSED = "closed", _("Đã tổng kết")


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa triển khai")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    NOT_DONE = "not_done", _("Không hoàn thành")

    @classmethod
    def unfinished(cls) -> tuple[str, str, str]:
        """Statuses an item may be carried over from."""
        return (cls.NOT_STARTED, cls.IN_PROGRESS, cls.NOT_DONE)

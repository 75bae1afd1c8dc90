"""Choices more than one domain uses, with the words the report writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Qualifier(models.TextChoices):
    """How exact a figure is, as the report writes it before the number ("khoảng 4.456 căn hộ", "trên 3.000 lượt
    người"): housing projects' planned figures and activities' participants and outputs."""

    EXACT = "exact", _("chính xác")
    ABOUT = "about", _("khoảng")
    NEARLY = "nearly", _("gần")
    OVER = "over", _("trên")

    @property
    def prefix(self) -> str:
        return "" if self is Qualifier.EXACT else str(self.label)

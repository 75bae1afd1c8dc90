from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What a user may do. The rules per role live in each app's permissions.py."""

    VIEWER = "viewer", _("Xem")
    OFFICER = "officer", _("Cán bộ")
    LEADER = "leader", _("Lãnh đạo")
    SECRETARIAT = "secretariat", _("Thư ký tổng hợp")
    ADMIN = "admin", _("Quản trị")

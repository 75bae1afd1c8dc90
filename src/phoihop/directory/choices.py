from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.text import lower_first


class AgencyKind(models.TextChoices):
    PARTY = "party", _("Cơ quan Đảng")
    STATE = "state", _("Cơ quan nhà nước")
    UNION = "union", _("Công đoàn")
    YOUTH = "youth", _("Đoàn Thanh niên")
    OTHER = "other", _("Khác")

    @property
    def in_sentence(self) -> str:
        """The kind inside a sentence ("thuộc hệ thống cơ quan Đảng"): the Party and the Youth Union keep their
        capitals."""
        return str(self.label) if self is AgencyKind.YOUTH else lower_first(str(self.label))


class ZoneKind(models.TextChoices):
    ECONOMIC_ZONE = "economic_zone", _("Khu kinh tế")
    INDUSTRIAL_PARK = "industrial_park", _("Khu công nghiệp")


class Ownership(models.TextChoices):
    DOMESTIC = "domestic", _("Doanh nghiệp trong nước")
    FOREIGN_INVESTED = "foreign_invested", _("Doanh nghiệp có vốn đầu tư nước ngoài")
    WHOLLY_FOREIGN = "wholly_foreign", _("Doanh nghiệp 100% vốn nước ngoài")

    @classmethod
    def fdi(cls) -> tuple[str, str]:
        return (cls.FOREIGN_INVESTED, cls.WHOLLY_FOREIGN)

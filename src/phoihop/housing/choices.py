from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectKind(models.TextChoices):
    SOCIAL_HOUSING = "social_housing", _("Nhà ở xã hội")
    WORKER_HOUSING = "worker_housing", _("Nhà ở công nhân")
    DORMITORY = "dormitory", _("Ký túc xá")
    UNION_FACILITY = "union_facility", _("Thiết chế công đoàn")


class MilestoneKind(models.TextChoices):
    """The steps of a project in the order they happen; `stage` gives that order."""

    INVESTMENT_POLICY_APPROVED = "investment_policy_approved", _("Chấp thuận chủ trương đầu tư")
    INVESTOR_SELECTED = "investor_selected", _("Lựa chọn nhà đầu tư")
    GROUNDBREAKING = "groundbreaking", _("Khởi công")
    UNDER_CONSTRUCTION = "under_construction", _("Đang thi công")
    PHASE_COMPLETED = "phase_completed", _("Hoàn thành giai đoạn, đưa vào sử dụng")
    IN_USE = "in_use", _("Hoàn thành toàn bộ, đưa vào sử dụng")

    @property
    def stage(self) -> int:
        return list(MilestoneKind).index(self) + 1

    @classmethod
    def starts(cls) -> tuple[str, str]:
        """Milestones after which the quantities they carry are being built."""
        return (cls.GROUNDBREAKING, cls.UNDER_CONSTRUCTION)

    @classmethod
    def deliveries(cls) -> tuple[str, str]:
        """Milestones whose quantities are delivered (built and handed over)."""
        return (cls.PHASE_COMPLETED, cls.IN_USE)


class CapacityGroup(models.TextChoices):
    """Whom the capacity counts, as the report words it: "chỗ ở cho 10.000 công nhân lao động"."""

    PEOPLE = "people", _("người")
    WORKERS = "workers", _("công nhân lao động")
    LABOURERS = "labourers", _("lao động")


class DatePrecision(models.TextChoices):
    """How much of a milestone's date is known: "Tháng 3/2023" is a month; "năm 2023" a year."""

    DAY = "day", _("Ngày")
    MONTH = "month", _("Tháng")
    YEAR = "year", _("Năm")

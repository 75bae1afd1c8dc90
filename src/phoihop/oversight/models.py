from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.oversight.choices import FollowUpStatus, InspectionKind

if TYPE_CHECKING:
    from phoihop.directory.models import Enterprise


class InspectionTopic(VersionedModel):
    """One entry of the managed list of topics an inspection covers (regional minimum wage, OSH, ...).

    Reference data kept by the administrator; `code` is stable so indicators can filter on it."""

    code = models.SlugField(
        _("mã"),
        max_length=50,
        unique=True,
        error_messages={"unique": _("Đã có nội dung kiểm tra khác mang mã này.")},
    )
    name = models.CharField(
        _("tên nội dung"),
        max_length=200,
        unique=True,
        error_messages={"unique": _("Đã có nội dung kiểm tra mang tên này.")},
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("nội dung kiểm tra, giám sát")
        verbose_name_plural = _("nội dung kiểm tra, giám sát")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("oversight:topic_list")


class Inspection(VersionedModel):
    """An inspection or supervision led by one body, with partner bodies, at one or more enterprises of the
    directory, on topics of the managed list. Findings and follow-up actions hang off it."""

    kind = models.CharField(_("hình thức"), max_length=20, choices=InspectionKind.choices)
    title = models.CharField(_("tên cuộc kiểm tra, giám sát"), max_length=300)
    owner_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("cơ quan chủ trì"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    partner_agencies = models.ManyToManyField(
        "directory.Agency",
        verbose_name=_("cơ quan phối hợp"),
        blank=True,
        related_name="partner_inspections",
    )
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    basis = models.CharField(
        _("căn cứ"),
        max_length=300,
        blank=True,
        help_text=_("Kế hoạch, quyết định thành lập đoàn… Ví dụ: Kế hoạch số 15/KH-LĐLĐ"),
    )
    enterprises: models.ManyToManyField[Enterprise, InspectionEnterprise] = models.ManyToManyField(
        "directory.Enterprise",
        verbose_name=_("doanh nghiệp được kiểm tra, giám sát"),
        related_name="inspections",
        through="InspectionEnterprise",
    )
    topics = models.ManyToManyField(InspectionTopic, verbose_name=_("nội dung"), related_name="inspections")
    summary = models.TextField(_("kết quả chung"), blank=True)
    recommendations = models.TextField(_("kiến nghị"), blank=True)
    plan_items = models.ManyToManyField(
        "planning.PlanItem",
        verbose_name=_("nội dung phối hợp thực hiện"),
        blank=True,
        related_name="oversight_inspections",
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cuộc kiểm tra, giám sát")
        verbose_name_plural = _("kiểm tra, giám sát")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="inspection_end_not_before_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("oversight:inspection_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.title} {self.basis} {self.get_kind_display()}")[:1000]


class WithRelatedManager(models.Manager[Any]):
    """Rows that print their enterprise (the audit trail, an indicator's provenance list) load it in the same query:
    the indicators read records through the default manager."""

    related: tuple[str, ...] = ()

    def get_queryset(self) -> models.QuerySet[Any]:
        return super().get_queryset().select_related(*self.related)


class VisitManager(WithRelatedManager):
    related = ("enterprise", "inspection")


class FindingManager(WithRelatedManager):
    related = ("enterprise", "topic")


class InspectionEnterprise(models.Model):
    """One enterprise visited by one inspection: the row the indicators count ("13 FDI enterprises supervised")."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("cuộc kiểm tra, giám sát"), on_delete=models.CASCADE, related_name="visits"
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("doanh nghiệp"),
        on_delete=models.PROTECT,
        related_name="inspection_visits",
    )

    objects = VisitManager()

    class Meta:
        verbose_name = _("doanh nghiệp được kiểm tra, giám sát")
        verbose_name_plural = _("doanh nghiệp được kiểm tra, giám sát")
        ordering = ["inspection", "enterprise__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["inspection", "enterprise"],
                name="inspection_enterprise_once",
                violation_error_message=_("Doanh nghiệp đã có trong danh sách của cuộc kiểm tra, giám sát này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.inspection}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:inspection_detail", args=[self.inspection_id])


class Finding(VersionedModel):
    """What the inspection found at one enterprise on one topic, and whether the enterprise complies."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("cuộc kiểm tra, giám sát"), on_delete=models.CASCADE, related_name="findings"
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="findings"
    )
    topic = models.ForeignKey(
        InspectionTopic, verbose_name=_("nội dung"), on_delete=models.PROTECT, related_name="findings"
    )
    compliant = models.BooleanField(_("chấp hành đúng quy định"))
    text = models.TextField(_("nội dung phát hiện"))

    objects = FindingManager()

    class Meta:
        verbose_name = _("kết quả kiểm tra tại doanh nghiệp")
        verbose_name_plural = _("kết quả kiểm tra tại doanh nghiệp")
        ordering = ["enterprise__name", "topic__position", "pk"]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.topic}"

    def get_absolute_url(self) -> str:
        return reverse("oversight:inspection_detail", args=[self.inspection_id]) + f"#finding-{self.pk}"


class FollowUpAction(VersionedModel):
    """Something to be done after the inspection, by a due date. Overdue when still open after its due date."""

    inspection = models.ForeignKey(
        Inspection, verbose_name=_("cuộc kiểm tra, giám sát"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("doanh nghiệp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
    )
    description = models.TextField(_("việc cần làm"))
    responsible = models.CharField(_("đơn vị, người thực hiện"), max_length=200, blank=True)
    due_date = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("việc cần làm sau kiểm tra")
        verbose_name_plural = _("việc cần làm sau kiểm tra")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=FollowUpStatus.DONE) | models.Q(completed_on__isnull=False),
                name="followup_done_has_date",
                violation_error_message=_("Việc đã hoàn thành phải có ngày hoàn thành."),
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]

    def get_absolute_url(self) -> str:
        return reverse("oversight:inspection_detail", args=[self.inspection_id]) + f"#followup-{self.pk}"

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status not in FollowUpStatus.closed() and self.due_date < today

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

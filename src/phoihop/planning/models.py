from __future__ import annotations

import datetime as dt

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.planning.choices import DocumentKind, ItemStatus, PlanStatus


class Document(VersionedModel):
    """A document the programme cites (nghị quyết, kết luận, kế hoạch, thông báo…). Plans, items and report text
    cite documents from this registry only, always printed by `planning.citation.citation`, so one document is
    written the same way everywhere."""

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    designation = models.CharField(
        _("tên loại in khi trích dẫn"),
        max_length=100,
        blank=True,
        help_text=_("Để trống thì dùng tên loại. Ví dụ: “Chương trình hành động”, “Chương trình công tác”."),
    )
    number = models.CharField(_("số"), max_length=20, help_text=_("Ví dụ: 02"))
    symbol = models.CharField(_("ký hiệu"), max_length=120, help_text=_("Ví dụ: KH/BDVTU-BQLKKT-LĐLĐTP"))
    issued_on = models.DateField(
        _("ngày ban hành"), null=True, blank=True, help_text=_("Để trống khi chưa biết; không đoán ngày.")
    )
    issuer = models.CharField(
        _("cơ quan ban hành"),
        max_length=255,
        blank=True,
        help_text=_("Như in trong trích dẫn. Ví dụ: Ban Chấp hành Đảng bộ thành phố; Ban Thường vụ Thành ủy."),
    )
    issuer_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("cơ quan ban hành trong danh mục"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_documents",
    )
    title = models.TextField(
        _("trích yếu"),
        blank=True,
        help_text=_(
            "Như in sau số, ngày và cơ quan ban hành, thường mở đầu bằng “về”. "
            "Ví dụ: về phát triển nhà ở xã hội đến năm 2030"
        ),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    owner_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("đơn vị đăng ký"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registered_documents",
    )
    reference_key = models.CharField(
        _("số, ký hiệu dùng để đối chiếu"),
        max_length=160,
        editable=False,
        unique=True,
        error_messages={"unique": _("Đã có văn bản mang số, ký hiệu này (có thể viết khác chữ hoa, chữ thường).")},
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "kind", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["number", "symbol"],
                name="document_number_symbol_unique",
                violation_error_message=_("Đã có văn bản mang số, ký hiệu này trong sổ văn bản."),
            ),
        ]

    def __str__(self) -> str:
        from phoihop.planning.citation import citation

        return citation(self)

    def get_absolute_url(self) -> str:
        return reverse("planning:document_detail", args=[self.pk])

    @property
    def reference(self) -> str:
        """ "02-KH/BDVTU-BQLKKT-LĐLĐTP": number and symbol as printed after "số"."""
        return f"{self.number}-{self.symbol}"

    def refresh_search_text(self) -> None:
        from phoihop.planning.citation import reference_key

        self.reference_key = reference_key(self.number, self.symbol)
        self.search_text = fold_vi(f"{self.number}-{self.symbol} {self.issuer} {self.title}")[:1000]


class Programme(VersionedModel):
    """The multi-year coordination programme between the bodies (e.g. 2021-2025); each year has its plan."""

    title = models.CharField(_("tên chương trình"), max_length=500)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes",
    )
    bodies = models.ManyToManyField(
        "directory.Agency", verbose_name=_("các cơ quan phối hợp"), blank=True, related_name="programmes"
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("chương trình phối hợp")
        verbose_name_plural = _("chương trình phối hợp")
        ordering = ["-start_year", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="programme_years_ordered",
                violation_error_message=_("Năm kết thúc không được trước năm bắt đầu."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("planning:programme_detail", args=[self.pk])

    @property
    def years_text(self) -> str:
        return f"{self.start_year} - {self.end_year}"


class Plan(VersionedModel):
    """The annual coordination plan: its document, its reporting period and the date figures are taken up to."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("chương trình"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), unique=True, error_messages={"unique": _("Đã có kế hoạch phối hợp của năm này.")}
    )
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    document = models.ForeignKey(
        Document,
        verbose_name=_("văn bản kế hoạch"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
    )
    period_start = models.DateField(_("kỳ báo cáo từ ngày"))
    period_end = models.DateField(_("kỳ báo cáo đến ngày"))
    cut_off_date = models.DateField(
        _("ngày chốt số liệu"),
        null=True,
        blank=True,
        help_text=_("Số liệu và bản ghi tính đến ngày này; để trống là hết kỳ báo cáo."),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT)

    class Meta:
        verbose_name = _("kế hoạch phối hợp năm")
        verbose_name_plural = _("kế hoạch phối hợp năm")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="plan_period_ordered",
                violation_error_message=_("Ngày kết thúc kỳ báo cáo không được trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=models.Q(cut_off_date__isnull=True)
                | (
                    models.Q(cut_off_date__gte=models.F("period_start"))
                    & models.Q(cut_off_date__lte=models.F("period_end"))
                ),
                name="plan_cut_off_in_period",
                violation_error_message=_("Ngày chốt số liệu phải nằm trong kỳ báo cáo."),
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"Kế hoạch phối hợp năm {self.year}"

    def get_absolute_url(self) -> str:
        return reverse("planning:plan_detail", args=[self.pk])

    @property
    def counted_until(self) -> dt.date:
        """The last day whose values and records count in the plan's figures."""
        return self.cut_off_date or self.period_end


class Area(VersionedModel):
    """An ordered section of a plan (the report's sections follow them)."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="areas")
    number = models.PositiveSmallIntegerField(_("thứ tự"))
    title = models.CharField(_("tên lĩnh vực"), max_length=500)

    class Meta:
        verbose_name = _("lĩnh vực phối hợp")
        verbose_name_plural = _("lĩnh vực phối hợp")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="area_number_unique_in_plan",
                violation_error_message=_("Kế hoạch đã có lĩnh vực mang số thứ tự này."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class PlanItem(VersionedModel):
    """One coordination item (nội dung phối hợp): a lead body, partners, a status and, when unfinished, the
    reason; carried over into next year's plan as a new item linked both ways."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="items")
    area = models.ForeignKey(Area, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="items")
    number = models.PositiveSmallIntegerField(_("số thứ tự"))
    title = models.TextField(_("nội dung phối hợp"))
    lead_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị chủ trì"), on_delete=models.PROTECT, related_name="led_plan_items"
    )
    partners = models.ManyToManyField(
        "directory.Agency", verbose_name=_("đơn vị phối hợp"), blank=True, related_name="partner_plan_items"
    )
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.NOT_STARTED
    )
    result_note = models.TextField(_("kết quả thực hiện"), blank=True)
    not_done_reason = models.TextField(_("nguyên nhân chưa hoàn thành"), blank=True)
    documents = models.ManyToManyField(
        Document, verbose_name=_("văn bản liên quan"), blank=True, related_name="plan_items"
    )
    carried_from = models.OneToOneField(
        "self",
        verbose_name=_("chuyển từ nội dung"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried_to",
    )
    carry_over_reason = models.TextField(_("lý do chuyển sang năm sau"), blank=True)

    class Meta:
        verbose_name = _("nội dung phối hợp")
        verbose_name_plural = _("nội dung phối hợp")
        ordering = ["plan", "area__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_item_number_unique_in_plan",
                violation_error_message=_("Kế hoạch đã có nội dung phối hợp mang số thứ tự này."),
            ),
        ]

    def __str__(self) -> str:
        title = self.title if len(self.title) <= 120 else self.title[:117] + "…"
        return f"{self.number}. {title}"

    def get_absolute_url(self) -> str:
        return reverse("planning:item_detail", args=[self.pk])

    @property
    def is_done(self) -> bool:
        return self.status == ItemStatus.DONE

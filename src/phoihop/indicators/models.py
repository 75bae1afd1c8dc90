from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.core.vnformat import Rounding
from phoihop.indicators.choices import (
    ApprovalStatus,
    Counting,
    Measure,
    PeriodType,
    RoundingRule,
    RuleOperator,
    UnitKind,
)
from phoihop.indicators.periods import Period

NOT_NEGATIVE = _("Giá trị không được âm.")


class Indicator(VersionedModel):
    """What is measured and how: counting records of a registered kind, summing a numeric field of them, summing,
    taking the latest or the range of reported values, or adding other indicators of the same unit kind."""

    code = models.CharField(
        _("mã chỉ tiêu"),
        max_length=40,
        unique=True,
        error_messages={"unique": _("Đã có chỉ tiêu mang mã này.")},
    )
    name = models.CharField(_("tên chỉ tiêu"), max_length=500)
    unit = models.CharField(_("đơn vị tính"), max_length=50, help_text=_("Ví dụ: đoàn viên, người, lượt, đồng/suất"))
    unit_kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices)
    owner_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("đơn vị phụ trách"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    measure = models.CharField(_("cách tính"), max_length=30, choices=Measure.choices)
    frequency = models.CharField(
        _("kỳ báo cáo"),
        max_length=10,
        choices=PeriodType.choices,
        blank=True,
        help_text=_("Số liệu báo cáo theo tháng, quý hay năm; để trống nếu được nhập theo kỳ nào cũng được."),
    )
    record_kind = models.CharField(_("loại bản ghi được đếm"), max_length=60, blank=True)
    record_filter = models.JSONField(_("điều kiện lọc bản ghi"), default=dict, blank=True)
    sum_field = models.CharField(_("trường số được cộng"), max_length=60, blank=True)
    counting = models.CharField(
        _("cách đếm"),
        max_length=30,
        choices=Counting.choices,
        blank=True,
        help_text=_(
            "Với chỉ tiêu tính từ bản ghi: đếm từng bản ghi, đếm số doanh nghiệp khác nhau (một doanh nghiệp có hai "
            "bản ghi trong kỳ chỉ tính một), số người khác nhau, hay cộng một trường số."
        ),
    )
    components = models.ManyToManyField(
        "self",
        verbose_name=_("các chỉ tiêu thành phần"),
        symmetrical=False,
        blank=True,
        related_name="composites",
    )
    rounding = models.CharField(
        _("quy tắc làm tròn tỷ lệ"), max_length=20, choices=RoundingRule.choices, default=RoundingRule.HALF_UP
    )
    description = models.TextField(_("mô tả"), blank=True)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    search_text = models.CharField(max_length=700, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:indicator_detail", args=[self.pk])

    @property
    def rounding_rule(self) -> Rounding:
        return Rounding(self.rounding)

    @property
    def from_records(self) -> bool:
        return self.measure in Measure.from_records()

    @property
    def from_values(self) -> bool:
        return self.measure in Measure.from_values()

    @property
    def counting_text(self) -> str:
        """What the indicator counts, in words ("số doanh nghiệp khác nhau được kiểm tra, giám sát"); empty for an
        indicator of reported values."""
        from phoihop.indicators.counting import counting_of
        from phoihop.indicators.registry import record_kinds

        if not self.from_records or self.record_kind not in record_kinds:
            return ""
        return record_kinds.get(self.record_kind).counting_text(counting_of(self), self.sum_field)

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.code} {self.name} {self.unit}")[:700]

    def audit_display(self, name: str) -> str | None:
        """The record kind by its label and the filter in words in the history, not as a key and a JSON dict."""
        from phoihop.indicators.registry import record_kinds

        shown = {"record_kind", "record_filter", "sum_field", "counting"}
        if name not in shown or self.record_kind not in record_kinds:
            return None
        kind = record_kinds.get(self.record_kind)
        if name == "counting":
            return self.counting_text
        if name == "record_kind":
            return kind.label
        if name == "sum_field":
            return kind.field_label(self.sum_field) if self.sum_field else ""
        return "; ".join(f"{label}: {values}" for label, values in kind.describe_filter(self.record_filter))


class Target(VersionedModel):
    """An indicator followed in a plan, optionally for one body (and the units under it), with the plan figure.

    A line without a value is followed without a plan figure (for example the mid-shift meal value range)."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="targets"
    )
    plan = models.ForeignKey(
        "planning.Plan", verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="targets"
    )
    agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        help_text=_("Để trống là chỉ tiêu chung của kế hoạch (mọi đơn vị)."),
    )
    value = models.DecimalField(
        _("kế hoạch năm"),
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=NOT_NEGATIVE)],
    )
    position = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=0)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "plan", "agency"],
                condition=models.Q(agency__isnull=False),
                name="target_unique_per_agency",
                violation_error_message=_("Chỉ tiêu này đã có trong kế hoạch cho đơn vị này."),
            ),
            models.UniqueConstraint(
                fields=["indicator", "plan"],
                condition=models.Q(agency__isnull=True),
                name="target_unique_overall",
                violation_error_message=_("Chỉ tiêu chung này đã có trong kế hoạch."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=0),
                name="target_value_not_negative",
                violation_error_message=NOT_NEGATIVE,
            ),
        ]

    def __str__(self) -> str:
        who = f" — {self.agency}" if self.agency_id else ""
        return f"{self.indicator.name}{who} ({self.plan.year})"

    def get_absolute_url(self) -> str:
        return reverse("indicators:target_progress", args=[self.pk])


class ReportedValue(VersionedModel):
    """A figure a body reports for a period of a plan (e.g. new union members in March 2023). Locked while the
    body's data of that period is approved."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu"), on_delete=models.PROTECT, related_name="values"
    )
    plan = models.ForeignKey(
        "planning.Plan", verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="reported_values"
    )
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="reported_values"
    )
    period_type = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodType.choices)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    value = models.DecimalField(
        _("giá trị"),
        max_digits=18,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), message=NOT_NEGATIVE)],
    )
    note = models.TextField(_("ghi chú"), blank=True)
    source = models.CharField(
        _("nguồn số liệu"), max_length=255, blank=True, help_text=_("Ví dụ: phần mềm quản lý đoàn viên")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("số liệu báo cáo")
        verbose_name_plural = _("số liệu báo cáo")
        ordering = ["plan", "indicator", "agency", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "agency", "period_type", "period_start"],
                name="reported_value_unique_per_period",
                violation_error_message=_("Đơn vị đã có số liệu của chỉ tiêu này trong kỳ này."),
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0),
                name="reported_value_not_negative",
                violation_error_message=NOT_NEGATIVE,
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="reported_value_period_ordered",
            ),
        ]
        indexes = [models.Index(fields=["plan", "indicator", "agency"], name="value_plan_indicator_idx")]

    def __str__(self) -> str:
        return f"{self.indicator.code} — {self.agency.short_code} — {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:value_detail", args=[self.pk])

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end, self.period_type)


class PeriodApproval(VersionedModel):
    """The approval state of one body's data for one period of a plan (DHIS2's model): draft → submitted →
    approved (locks the values) → returned with a reason (unlocks)."""

    plan = models.ForeignKey(
        "planning.Plan", verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="approvals"
    )
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="period_approvals"
    )
    period_type = models.CharField(_("loại kỳ"), max_length=10, choices=PeriodType.choices)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ApprovalStatus.choices, default=ApprovalStatus.DRAFT
    )
    reason = models.TextField(_("lý do trả lại"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người chuyển trạng thái"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("chuyển trạng thái lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phê duyệt số liệu")
        verbose_name_plural = _("phê duyệt số liệu")
        ordering = ["plan", "agency", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "agency", "period_type", "period_start"], name="period_approval_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_code} — {self.period.label} ({self.plan.year})"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end, self.period_type)

    @property
    def is_locked(self) -> bool:
        return self.status == ApprovalStatus.APPROVED


class ValidationRule(VersionedModel):
    """A rule between two indicators, checked per body: e.g. admitted to the Party ≤ introduced to the Party."""

    left = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu vế trái"), on_delete=models.PROTECT, related_name="rules_as_left"
    )
    operator = models.CharField(_("phép so sánh"), max_length=5, choices=RuleOperator.choices)
    right = models.ForeignKey(
        Indicator, verbose_name=_("chỉ tiêu vế phải"), on_delete=models.PROTECT, related_name="rules_as_right"
    )
    message = models.CharField(_("thông báo khi vi phạm"), max_length=500)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.left.code} {self.get_operator_display()} {self.right.code}"

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.practices.choices import AwardLevel, PracticeField, PracticeStatus


class GoodPractice(VersionedModel):
    """A "Dân vận khéo" (skilful mass mobilisation) model a body builds in a year, with its results and awards."""

    title = models.CharField(_("tên mô hình"), max_length=500)
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị xây dựng"), on_delete=models.PROTECT, related_name="good_practices"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    # 1 January of `year`, kept by the services so that indicators can count the models of a period by date.
    year_start = models.DateField(_("năm xây dựng mô hình"), editable=False)
    field = models.CharField(_("lĩnh vực"), max_length=30, choices=PracticeField.choices)
    description = models.TextField(_("nội dung, cách làm"), blank=True)
    results = models.TextField(_("kết quả, hiệu quả"), blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=PracticeStatus.choices, default=PracticeStatus.IMPLEMENTING
    )
    enterprises = models.ManyToManyField(
        "directory.Enterprise", verbose_name=_("doanh nghiệp áp dụng"), blank=True, related_name="good_practices"
    )
    plan_items = models.ManyToManyField(
        "planning.PlanItem",
        verbose_name=_("nội dung phối hợp thực hiện"),
        blank=True,
        related_name="practices_goodpractices",
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("mô hình “Dân vận khéo”")
        verbose_name_plural = _("mô hình “Dân vận khéo”")
        ordering = ["-year", "title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100),
                name="good_practice_year_in_range",
                violation_error_message=_("Năm phải nằm trong khoảng 2000–2100."),
                violation_error_code="year_out_of_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("practices:practice_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.title} {self.description}")[:1000]


class AwardManager(models.Manager["Award"]):
    """An award prints its awarding body: load it in the same query (the indicators read through this manager)."""

    def get_queryset(self) -> models.QuerySet[Award]:
        return super().get_queryset().select_related("awarding_agency")


class Award(VersionedModel):
    """A distinction the model received: level, awarding body (from the directory, or named when it is not there),
    decision and date. "Bằng khen của Ủy ban nhân dân thành phố" is level = Bằng khen, body = UBND TP."""

    practice = models.ForeignKey(
        GoodPractice, verbose_name=_("mô hình"), on_delete=models.CASCADE, related_name="awards"
    )
    level = models.CharField(_("hình thức khen thưởng"), max_length=30, choices=AwardLevel.choices)
    awarding_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("cơ quan khen thưởng (trong danh mục)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="awards_given",
    )
    awarding_body_name = models.CharField(
        _("cơ quan khen thưởng (ngoài danh mục)"),
        max_length=255,
        blank=True,
        help_text=_("Chỉ điền khi cơ quan khen thưởng không có trong danh mục cơ quan, đơn vị."),
    )
    decision_number = models.CharField(
        _("số quyết định"), max_length=100, blank=True, help_text=_("Ví dụ: 1234/QĐ-UBND")
    )
    decision_date = models.DateField(_("ngày quyết định"))
    note = models.TextField(_("ghi chú"), blank=True)

    objects = AwardManager()

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        ordering = ["decision_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(awarding_agency__isnull=False) & models.Q(awarding_body_name=""))
                | (models.Q(awarding_agency__isnull=True) & ~models.Q(awarding_body_name="")),
                name="award_one_awarding_body",
                violation_error_message=_(
                    "Hãy chọn cơ quan khen thưởng trong danh mục hoặc ghi tên cơ quan ngoài danh mục "
                    "(chỉ một trong hai)."
                ),
                violation_error_code="one_awarding_body",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_level_display()} của {self.awarding_body}"

    def get_absolute_url(self) -> str:
        return reverse("practices:practice_detail", args=[self.practice_id]) + f"#award-{self.pk}"

    @property
    def awarding_body(self) -> str:
        return (
            self.awarding_agency.name if self.awarding_agency_id and self.awarding_agency else self.awarding_body_name
        )

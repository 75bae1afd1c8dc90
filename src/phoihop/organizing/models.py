from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.organizing.choices import FoundingKind


class Founding(VersionedModel):
    """A grassroots trade union, a party cell or a Youth Union branch founded at an enterprise of the directory.
    Counts such as "22/22 tổ chức công đoàn cơ sở" and "09/09 tổ chức đảng" come from these records."""

    kind = models.CharField(_("tổ chức được thành lập"), max_length=30, choices=FoundingKind.choices)
    name = models.CharField(
        _("tên tổ chức"),
        max_length=300,
        blank=True,
        help_text=_("Để trống thì hiển thị theo loại và tên doanh nghiệp, ví dụ “Chi bộ Công ty TNHH Maple”."),
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="foundings"
    )
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị thành lập"), on_delete=models.PROTECT, related_name="foundings"
    )
    founded_on = models.DateField(_("ngày thành lập"))
    members_at_founding = models.PositiveIntegerField(_("số thành viên khi thành lập (người)"), null=True, blank=True)
    decision_document = models.ForeignKey(
        "planning.Document",
        verbose_name=_("quyết định thành lập"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="foundings",
        help_text=_("Văn bản trong sổ văn bản; để trống khi chưa đăng ký."),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    plan_items = models.ManyToManyField(
        "planning.PlanItem",
        verbose_name=_("nội dung phối hợp thực hiện"),
        blank=True,
        related_name="organizing_foundings",
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("thành lập tổ chức")
        verbose_name_plural = _("thành lập tổ chức")
        ordering = ["-founded_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(members_at_founding__isnull=True) | models.Q(members_at_founding__gte=0),
                name="founding_members_not_negative",
                violation_error_message=_("Số thành viên không được âm."),
                violation_error_code="negative",
            ),
            models.UniqueConstraint(
                fields=["kind", "enterprise"],
                name="founding_one_per_kind_and_enterprise",
                violation_error_message=_("Doanh nghiệp này đã có bản ghi thành lập tổ chức cùng loại."),
                violation_error_code="duplicate_founding",
            ),
        ]
        indexes = [models.Index(fields=["kind", "founded_on"], name="founding_kind_date_idx")]

    def __str__(self) -> str:
        return founding_text(self.name, self.kind, self.enterprise.name if self.enterprise_id else "")

    def get_absolute_url(self) -> str:
        return reverse("organizing:founding_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        enterprise = f"{self.enterprise.name} {self.enterprise.tax_code}" if self.enterprise_id else ""
        self.search_text = fold_vi(f"{self.name} {enterprise}")[:1000]


def founding_text(name: str, kind: str, enterprise_name: str | None) -> str:
    """A founding in words: its own name, else its kind's prefix and the enterprise ("Chi bộ Công ty TNHH Maple") —
    its `str()`, and the report's provenance row read from values."""
    if name:
        return name
    try:
        prefix = FoundingKind(kind).name_prefix
    except ValueError:  # a kind no longer offered
        prefix = ""
    return f"{prefix} {enterprise_name or ''}".strip()

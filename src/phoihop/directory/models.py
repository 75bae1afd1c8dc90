from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi
from phoihop.directory.choices import AgencyKind, Ownership, ZoneKind
from phoihop.directory.validators import validate_tax_code


class Agency(VersionedModel):
    """A body or one of its units. Agencies are data: they merge and are renamed, so nothing in code names one."""

    name = models.CharField(_("tên"), max_length=255)
    short_code = models.CharField(_("ký hiệu"), max_length=30, unique=True, help_text=_("Ví dụ: BDVTU, BQLKKT, LĐLĐTP"))
    kind = models.CharField(_("hệ thống"), max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    header_lines = models.TextField(
        _("tên in trên văn bản"),
        blank=True,
        help_text=_("Mỗi dòng một dòng của tiêu đề, cơ quan cấp trên trước. Ví dụ: THÀNH ỦY HẢI PHÒNG / BAN DÂN VẬN"),
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_text = models.CharField(max_length=600, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:agency_detail", args=[self.pk])

    @property
    def header(self) -> list[str]:
        return [line.strip() for line in self.header_lines.splitlines() if line.strip()]

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.name} {self.short_code}")


class Zone(VersionedModel):
    """An economic zone or an industrial park; a park may lie inside an economic zone."""

    name = models.CharField(_("tên"), max_length=255, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=ZoneKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc khu kinh tế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parks",
        limit_choices_to={"kind": ZoneKind.ECONOMIC_ZONE},
    )
    district = models.CharField(_("quận, huyện"), max_length=120, blank=True)
    area_ha = models.DecimalField(_("diện tích (ha)"), max_digits=10, decimal_places=2, null=True, blank=True)
    search_text = models.CharField(max_length=600, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("khu công nghiệp, khu kinh tế")
        verbose_name_plural = _("khu công nghiệp, khu kinh tế")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area_ha__isnull=True) | models.Q(area_ha__gte=0),
                name="zone_area_not_negative",
                violation_error_message=_("Diện tích không được âm."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:zone_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.name} {self.district}")


class Enterprise(VersionedModel):
    """An enterprise the programme works with. Shared reference data: every body reads it; the body that
    registered it (owner_agency) keeps it up to date."""

    name = models.CharField(_("tên doanh nghiệp"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=120, blank=True)
    tax_code = models.CharField(
        _("mã số thuế"),
        max_length=14,
        unique=True,
        validators=[validate_tax_code],
        error_messages={"unique": _("Đã có doanh nghiệp khác mang mã số thuế này.")},
    )
    zone = models.ForeignKey(
        Zone,
        verbose_name=_("khu công nghiệp, khu kinh tế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    ownership = models.CharField(_("loại hình sở hữu"), max_length=20, choices=Ownership.choices)
    investor_country = models.CharField(_("quốc gia nhà đầu tư"), max_length=100, blank=True)
    sector = models.CharField(_("ngành nghề"), max_length=200, blank=True)
    workforce = models.PositiveIntegerField(_("số lao động hiện có"), null=True, blank=True)
    owner_agency = models.ForeignKey(
        Agency, verbose_name=_("đơn vị quản lý hồ sơ"), on_delete=models.PROTECT, related_name="enterprises"
    )
    search_text = models.CharField(max_length=600, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("doanh nghiệp")
        verbose_name_plural = _("doanh nghiệp")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(workforce__isnull=True) | models.Q(workforce__gte=0),
                name="enterprise_workforce_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:enterprise_detail", args=[self.pk])

    @property
    def is_fdi(self) -> bool:
        return self.ownership in Ownership.fdi()

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.name} {self.short_name} {self.tax_code} {self.investor_country}")

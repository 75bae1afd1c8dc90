from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.choices import Qualifier
from phoihop.core.models import VersionedModel
from phoihop.core.text import fold_vi, nfc
from phoihop.core.vnformat import format_date, format_month, format_number
from phoihop.housing.choices import CapacityGroup, DatePrecision, MilestoneKind, ProjectKind

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _qualifier(label: StrOrPromise) -> models.CharField[str, str]:
    return models.CharField(label, max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)


def _not_negative(field: str, name: str, message: StrOrPromise) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
        name=name,
        violation_error_message=message,
        violation_error_code="negative",
    )


def quantity_text(value: object, qualifier: str, unit: StrOrPromise = "") -> str:
    """ "khoảng 4.456 căn hộ", "10.000 công nhân lao động", "khoảng 37.000 m²"; "" when the value is unknown."""
    if value is None:
        return ""
    prefix = Qualifier(qualifier).prefix
    text = f"{format_number(value)} {unit}".strip()  # type: ignore[arg-type]
    return f"{prefix} {text}" if prefix else text


def _spoken(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(text).casefold()).strip()


def _names(text: str, place: str) -> bool:
    """Whether `text` names `place` as a whole ("phường Đông Hải 2" is not named by "phường Đông Hải 20")."""
    return re.search(rf"(?<!\w){re.escape(place)}(?!\w)", text) is not None


class HousingProject(VersionedModel):
    """A social housing, worker housing, dormitory or trade-union facility project, with its planned scale.

    What has been built so far is never typed here: it is derived from the milestones (`selectors.progress_of`)."""

    kind = models.CharField(_("loại dự án"), max_length=20, choices=ProjectKind.choices)
    name = models.CharField(_("tên dự án"), max_length=500)
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị theo dõi"), on_delete=models.PROTECT, related_name="housing_projects"
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("thuộc dự án"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
    )
    district = models.CharField(_("quận, huyện"), max_length=120, blank=True, help_text=_("Ví dụ: huyện An Dương"))
    commune = models.CharField(_("phường, xã, thị trấn"), max_length=300, blank=True, help_text=_("Ví dụ: xã Lê Lợi"))
    zone = models.ForeignKey(
        "directory.Zone",
        verbose_name=_("khu công nghiệp, khu kinh tế phục vụ"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="housing_projects",
    )
    investor_enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("chủ đầu tư (trong danh mục doanh nghiệp)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="housing_projects",
    )
    investor_name = models.CharField(
        _("chủ đầu tư (ngoài danh mục)"),
        max_length=300,
        blank=True,
        help_text=_("Chỉ điền khi chủ đầu tư không phải doanh nghiệp trong danh mục."),
    )
    land_area_ha = models.DecimalField(_("diện tích đất (ha)"), max_digits=10, decimal_places=2, null=True, blank=True)
    social_housing_land_ha = models.DecimalField(
        _("trong đó đất nhà ở xã hội (ha)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    floor_area_m2 = models.DecimalField(
        _("diện tích sàn xây dựng (m²)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    floor_area_qualifier = _qualifier(_("mức chính xác của diện tích sàn"))
    buildings = models.PositiveIntegerField(_("số tòa nhà, block"), null=True, blank=True)
    max_floors = models.PositiveSmallIntegerField(_("số tầng (cao nhất)"), null=True, blank=True)
    apartments = models.PositiveIntegerField(_("số căn hộ"), null=True, blank=True)
    apartments_qualifier = _qualifier(_("mức chính xác của số căn hộ"))
    capacity = models.PositiveIntegerField(_("đáp ứng chỗ ở cho (người)"), null=True, blank=True)
    capacity_qualifier = _qualifier(_("mức chính xác của số người"))
    capacity_group = models.CharField(
        _("đối tượng ở"), max_length=20, choices=CapacityGroup.choices, default=CapacityGroup.PEOPLE
    )
    description = models.TextField(_("ghi chú"), blank=True)
    plan_items = models.ManyToManyField(
        "planning.PlanItem",
        verbose_name=_("nội dung phối hợp thực hiện"),
        blank=True,
        related_name="housing_housingprojects",
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("dự án nhà ở")
        verbose_name_plural = _("dự án nhà ở công nhân")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(investor_enterprise__isnull=False) & Q(investor_name=""))
                | (Q(investor_enterprise__isnull=True) & ~Q(investor_name="")),
                name="housing_one_investor",
                violation_error_message=_(
                    "Hãy chọn chủ đầu tư trong danh mục doanh nghiệp hoặc ghi tên chủ đầu tư (chỉ một trong hai)."
                ),
                violation_error_code="one_investor",
            ),
            _not_negative("land_area_ha", "housing_land_not_negative", _("Diện tích đất không được âm.")),
            _not_negative(
                "social_housing_land_ha",
                "housing_social_land_not_negative",
                _("Diện tích đất nhà ở xã hội không được âm."),
            ),
            _not_negative("floor_area_m2", "housing_floor_area_not_negative", _("Diện tích sàn không được âm.")),
            models.CheckConstraint(
                condition=Q(social_housing_land_ha__isnull=True)
                | Q(land_area_ha__isnull=True)
                | Q(social_housing_land_ha__lte=F("land_area_ha")),
                name="housing_social_land_within_land",
                violation_error_message=_("Đất nhà ở xã hội không được lớn hơn diện tích đất của dự án."),
                violation_error_code="social_land_exceeds_land",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("housing:project_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.name} {self.district} {self.commune} {self.investor_name}")[:1000]

    @property
    def investor(self) -> str:
        if self.investor_enterprise_id and self.investor_enterprise is not None:
            return self.investor_enterprise.name
        return self.investor_name

    @property
    def location(self) -> str:
        """ "xã Lê Lợi, huyện An Dương"."""
        return ", ".join(part for part in (self.commune, self.district) if part)

    @property
    def location_not_in_name(self) -> str:
        """The commune and district the project's name does not already say, for sentences that print both: "Dự án …
        tại phường Đông Hải 2, quận Hải An", never "… tại phường Đông Hải 2, phường Đông Hải 2, quận Hải An"."""
        name = _spoken(self.name)
        return ", ".join(part for part in (self.commune, self.district) if part and not _names(name, _spoken(part)))

    @property
    def apartments_text(self) -> str:
        return quantity_text(self.apartments, self.apartments_qualifier, "căn hộ")

    @property
    def capacity_text(self) -> str:
        return quantity_text(self.capacity, self.capacity_qualifier, CapacityGroup(self.capacity_group).label)

    @property
    def floor_area_text(self) -> str:
        return quantity_text(self.floor_area_m2, self.floor_area_qualifier, "m²")


class Milestone(VersionedModel):
    """A step of a project (investment policy approved, investor selected, groundbreaking, a phase completed…)
    with its date, as precise as it is known, and the quantities it concerns: the buildings, floor area, apartments
    and people of the part started or delivered."""

    project = models.ForeignKey(
        HousingProject, verbose_name=_("dự án"), on_delete=models.CASCADE, related_name="milestones"
    )
    kind = models.CharField(_("mốc"), max_length=30, choices=MilestoneKind.choices)
    date = models.DateField(_("thời điểm"))
    date_precision = models.CharField(
        _("thời điểm biết đến"), max_length=10, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    phase = models.CharField(
        _("giai đoạn, hạng mục"),
        max_length=300,
        blank=True,
        help_text=_("Để trống nếu mốc là của cả dự án. Ví dụ: Giai đoạn 3 (02 tòa nhà còn lại)"),
    )
    description = models.TextField(_("mô tả"), blank=True)
    buildings = models.PositiveIntegerField(_("số tòa nhà"), null=True, blank=True)
    worker_buildings = models.PositiveIntegerField(_("trong đó tòa phục vụ công nhân"), null=True, blank=True)
    floor_area_m2 = models.DecimalField(_("diện tích sàn (m²)"), max_digits=12, decimal_places=2, null=True, blank=True)
    floor_area_qualifier = _qualifier(_("mức chính xác của diện tích sàn"))
    apartments = models.PositiveIntegerField(_("số căn hộ"), null=True, blank=True)
    apartments_qualifier = _qualifier(_("mức chính xác của số căn hộ"))
    people = models.PositiveIntegerField(_("chỗ ở cho (người)"), null=True, blank=True)
    people_qualifier = _qualifier(_("mức chính xác của số người"))

    class Meta:
        verbose_name = _("mốc tiến độ dự án nhà ở")
        verbose_name_plural = _("mốc tiến độ dự án nhà ở")
        ordering = ["project", "date", "pk"]
        indexes = [models.Index(fields=["kind", "date"], name="housing_milestone_kind_date")]
        constraints = [
            _not_negative("floor_area_m2", "milestone_floor_area_not_negative", _("Diện tích sàn không được âm.")),
            models.CheckConstraint(
                condition=Q(worker_buildings__isnull=True)
                | Q(buildings__isnull=True)
                | Q(worker_buildings__lte=F("buildings")),
                name="milestone_worker_buildings_within_buildings",
                violation_error_message=_("Số tòa phục vụ công nhân không được lớn hơn số tòa nhà."),
                violation_error_code="worker_buildings_exceed",
            ),
        ]

    def __str__(self) -> str:
        phase = f" — {self.phase}" if self.phase else ""
        return f"{self.get_kind_display()}{phase} ({self.date_text})"

    def get_absolute_url(self) -> str:
        return reverse("housing:project_detail", args=[self.project_id]) + f"#milestone-{self.pk}"

    @property
    def stage(self) -> int:
        return MilestoneKind(self.kind).stage

    @property
    def date_text(self) -> str:
        """ "04/01/2023", "tháng 3/2023" or "năm 2023", as precise as the date is known."""
        if self.date_precision == DatePrecision.YEAR:
            return f"năm {self.date.year}"
        if self.date_precision == DatePrecision.MONTH:
            return format_month(self.date, capitalised=False)
        return format_date(self.date)

    @property
    def floor_area_text(self) -> str:
        return quantity_text(self.floor_area_m2, self.floor_area_qualifier, "m²")

    @property
    def apartments_text(self) -> str:
        return quantity_text(self.apartments, self.apartments_qualifier, "căn hộ")

    @property
    def people_text(self) -> str:
        return quantity_text(self.people, self.people_qualifier, "người")

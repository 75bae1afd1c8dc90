from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePosixPath
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.activities.choices import ActivityKind, CountUnit, OutputKind, ParticipantGroup
from phoihop.core.choices import Qualifier
from phoihop.core.models import VersionedModel
from phoihop.core.text import choice_label, fold_vi
from phoihop.core.vnformat import format_number


class Activity(VersionedModel):
    """Something a body did for the workers: a campaign, a class, a dialogue, a welfare event… with who took part
    (in persons or person-times) and what it produced. The report counts and sums these."""

    kind = models.CharField(_("loại hoạt động"), max_length=30, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=500)
    series = models.CharField(
        _("thuộc chương trình, chuỗi hoạt động"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_("Ví dụ: “Tết Sum vầy, Xuân gắn kết”; “Tập huấn cán bộ công đoàn năm 2023”."),
    )
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True, help_text=_("Để trống nếu trong một ngày."))
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="activities"
    )
    partner_agencies = models.ManyToManyField(
        "directory.Agency", verbose_name=_("đơn vị phối hợp"), blank=True, related_name="partner_activities"
    )
    place = models.CharField(_("địa điểm"), max_length=300, blank=True)
    zone = models.ForeignKey(
        "directory.Zone",
        verbose_name=_("khu công nghiệp, khu kinh tế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
    )
    enterprises = models.ManyToManyField(
        "directory.Enterprise", verbose_name=_("doanh nghiệp tham gia"), blank=True, related_name="activities"
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    plan_items = models.ManyToManyField(
        "planning.PlanItem",
        verbose_name=_("nội dung phối hợp thực hiện"),
        blank=True,
        related_name="activities_activities",
    )
    search_text = models.CharField(max_length=1000, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="activity_end_not_before_start",
                violation_error_message=_("Ngày kết thúc không được trước ngày bắt đầu."),
                violation_error_code="end_before_start",
            ),
        ]
        indexes = [models.Index(fields=["kind", "start_date"], name="activity_kind_date_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("activities:activity_detail", args=[self.pk])

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.start_date

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.title} {self.series} {self.place}")[:1000]


class ActivityParticipant(models.Model):
    """Who took part, in one unit: "trên 4.000 công nhân lao động" (persons), "2.500 lượt cán bộ công đoàn"."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="participants"
    )
    group = models.CharField(_("đối tượng"), max_length=30, choices=ParticipantGroup.choices)
    count = models.PositiveIntegerField(_("số lượng"))
    unit = models.CharField(_("đơn vị tính"), max_length=20, choices=CountUnit.choices)
    qualifier = models.CharField(_("mức chính xác"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thành phần tham gia")
        verbose_name_plural = _("thành phần tham gia")
        ordering = ["activity", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count__gte=0),
                name="activity_participant_count_not_negative",
                violation_error_message=_("Số người tham gia không được âm."),
                violation_error_code="negative",
            ),
            models.CheckConstraint(
                condition=~models.Q(group__in=ParticipantGroup.persons_only(), unit=CountUnit.PERSON_TIMES),
                name="activity_participant_students_in_persons",
                violation_error_message=_(
                    "Học viên của một lớp được đếm theo người, không theo lượt người: hãy chọn đơn vị tính “người”."
                ),
                violation_error_code="persons_required",
            ),
            models.UniqueConstraint(
                fields=["activity", "group", "unit"],
                name="activity_participant_one_row_per_group_unit",
                violation_error_message=_("Mỗi đối tượng chỉ khai một dòng cho mỗi đơn vị tính."),
                violation_error_code="duplicate_row",
            ),
        ]

    def __str__(self) -> str:
        return participant_text(self.group, self.count, self.unit, self.qualifier)

    @property
    def display_count(self) -> str:
        """ "trên 4.000 người", "2.500 lượt người"."""
        return _amount_text(self.count, choice_label(CountUnit, self.unit), self.qualifier)


class ActivityOutput(models.Model):
    """What the activity produced, each with its own unit: 1.500 cuốn, trên 200 gian hàng, 07 ki-ốt."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="outputs"
    )
    kind = models.CharField(_("loại kết quả"), max_length=30, choices=OutputKind.choices)
    label = models.CharField(_("mô tả"), max_length=300, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng"))
    unit = models.CharField(_("đơn vị tính"), max_length=50)
    qualifier = models.CharField(_("mức chính xác"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT)

    class Meta:
        verbose_name = _("kết quả, sản phẩm")
        verbose_name_plural = _("kết quả, sản phẩm")
        ordering = ["activity", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gte=0),
                name="activity_output_quantity_not_negative",
                violation_error_message=_("Số lượng không được âm."),
                violation_error_code="negative",
            ),
        ]

    def __str__(self) -> str:
        return output_text(self.kind, self.label, self.quantity, self.unit, self.qualifier)

    @property
    def display_quantity(self) -> str:
        return _amount_text(self.quantity, self.unit, self.qualifier)


def _amount_text(amount: int, unit: str, qualifier: str) -> str:
    text = f"{format_number(amount)} {unit}".strip()
    # Qualifier(qualifier).prefix, from the label table: a report describes thousands of these.
    prefix = "" if qualifier == Qualifier.EXACT else choice_label(Qualifier, qualifier)
    return f"{prefix} {text}" if prefix else text


def participant_text(group: str, count: int, unit: str, qualifier: str) -> str:
    """A participant row in words, "Công nhân lao động: trên 4.000 người" — its `str()`, and the report's provenance
    row read from values (counting.py)."""
    return f"{choice_label(ParticipantGroup, group)}: {_amount_text(count, choice_label(CountUnit, unit), qualifier)}"


def output_text(kind: str, label: str, quantity: int, unit: str, qualifier: str) -> str:
    """An output in words, "Tài liệu “Sổ tay pháp luật”: 1.500 cuốn" — its `str()` and its provenance row."""
    named = f" “{label}”" if label else ""
    return f"{choice_label(OutputKind, kind)}{named}: {_amount_text(quantity, unit, qualifier)}"


def attachment_path(instance: ActivityAttachment, filename: str) -> str:
    """A random name: what the uploader called the file is kept in `original_name`, never in the storage path."""
    suffix = PurePosixPath(filename).suffix.lower()[:10]
    return f"activities/{uuid.uuid4().hex}{suffix}"


class ActivityAttachment(models.Model):
    """A file kept with an activity (minutes, photos, the published booklet). Served only as a download."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("hoạt động"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("kiểu tệp"), max_length=100)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["activity", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("activities:attachment_download", args=[self.activity_id, self.pk])


class _PersonsManager(models.Manager["ParticipantInPersons"]):
    """Participant rows counted in persons, with their activity (for the indicators' provenance lists)."""

    def get_queryset(self) -> models.QuerySet[ParticipantInPersons]:
        return super().get_queryset().filter(unit=CountUnit.PERSONS).select_related("activity")


class _PersonTimesManager(models.Manager["ParticipantInPersonTimes"]):
    """Participant rows counted in person-times, with their activity."""

    def get_queryset(self) -> models.QuerySet[ParticipantInPersonTimes]:
        return super().get_queryset().filter(unit=CountUnit.PERSON_TIMES).select_related("activity")


class ParticipantInPersons(ActivityParticipant):
    """Participant rows counted in persons. Indicators that sum people count these, so a person-time figure can
    never end up in a sum of persons."""

    objects: ClassVar[_PersonsManager] = _PersonsManager()

    class Meta:
        proxy = True
        verbose_name = _("thành phần tham gia (người)")
        verbose_name_plural = _("thành phần tham gia (người)")


class ParticipantInPersonTimes(ActivityParticipant):
    """Participant rows counted in person-times (lượt người)."""

    objects: ClassVar[_PersonTimesManager] = _PersonTimesManager()

    class Meta:
        proxy = True
        verbose_name = _("thành phần tham gia (lượt người)")
        verbose_name_plural = _("thành phần tham gia (lượt người)")

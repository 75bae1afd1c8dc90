"""The workforce situation at enterprises: labour reports, the regional minimum wage as data, incidents with the
support given to workers, early warnings worked by a body, and anonymous worker surveys.

Nothing here holds a worker's personal data: every figure is a count or an amount for an enterprise."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStampedModel, VersionedModel
from phoihop.core.text import fold_vi
from phoihop.core.vnformat import format_date
from phoihop.workforce.choices import (
    CauseTopic,
    CheckStatus,
    IncidentKind,
    Outcome,
    QuestionKind,
    ReportStatus,
    ReportType,
    RuleCode,
    Severity,
    SupportKind,
    WageRegion,
    WarningAction,
    WarningStatus,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _check(condition: Q, name: str, message: StrOrPromise, code: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=condition, name=name, violation_error_message=message, violation_error_code=code
    )


def _not_above(part: str, whole: str, name: str, message: StrOrPromise, code: str) -> models.CheckConstraint:
    return _check(
        Q(**{f"{part}__isnull": True}) | Q(**{f"{whole}__isnull": True}) | Q(**{f"{part}__lte": F(whole)}),
        name,
        message,
        code,
    )


def period_end_of(report_type: str, start: dt.date) -> dt.date:
    months = {ReportType.MONTHLY: 1, ReportType.SEMIANNUAL: 6, ReportType.ANNUAL: 12}[ReportType(report_type)]
    year, month = divmod(start.month - 1 + months, 12)
    return dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)


def period_label(report_type: str, start: dt.date) -> str:
    """ "tháng 3/2023", "6 tháng đầu năm 2023", "năm 2023"."""
    if report_type == ReportType.MONTHLY:
        return f"tháng {start.month}/{start.year}"
    if report_type == ReportType.SEMIANNUAL:
        half = "đầu" if start.month == 1 else "cuối"
        return f"6 tháng {half} năm {start.year}"
    return f"năm {start.year}"


class LabourReport(VersionedModel):
    """The labour situation of one enterprise for one period, entered by a body's officer and approved by its
    leader (draft → submitted → approved, or returned with a reason). Money is in đồng."""

    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="labour_reports"
    )
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="labour_reports"
    )
    report_type = models.CharField(_("loại báo cáo"), max_length=12, choices=ReportType.choices)
    period_start = models.DateField(_("kỳ báo cáo (ngày đầu kỳ)"))
    period_end = models.DateField(_("ngày cuối kỳ"), editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=ReportStatus.choices, default=ReportStatus.DRAFT, editable=False
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True, editable=False)
    headcount = models.PositiveIntegerField(_("tổng số lao động"))
    women = models.PositiveIntegerField(_("lao động nữ"), null=True, blank=True)
    other_province = models.PositiveIntegerField(_("lao động ngoại tỉnh"), null=True, blank=True)
    foreign_workers = models.PositiveIntegerField(_("lao động nước ngoài"), null=True, blank=True)
    hires = models.PositiveIntegerField(_("tuyển mới trong kỳ"), null=True, blank=True)
    leavers = models.PositiveIntegerField(_("nghỉ việc trong kỳ"), null=True, blank=True)
    union_members = models.PositiveIntegerField(_("đoàn viên công đoàn"), null=True, blank=True)
    average_income = models.PositiveBigIntegerField(_("thu nhập bình quân (đồng/tháng)"), null=True, blank=True)
    lowest_wage = models.PositiveBigIntegerField(_("mức lương thấp nhất đang trả (đồng/tháng)"), null=True, blank=True)
    meal_value = models.PositiveIntegerField(_("giá trị bữa ăn giữa ca (đồng/suất)"), null=True, blank=True)
    overtime_avg_hours = models.DecimalField(
        _("giờ làm thêm bình quân (giờ/người/tháng)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    overtime_max_hours = models.DecimalField(
        _("giờ làm thêm cao nhất của một người trong một tháng"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    overtime_year_max_hours = models.DecimalField(
        _("giờ làm thêm cao nhất của một người từ đầu năm"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    has_collective_agreement = models.BooleanField(_("có thỏa ước lao động tập thể còn hiệu lực"), default=False)
    agreement_expires_on = models.DateField(_("thỏa ước hết hạn ngày"), null=True, blank=True)
    has_democracy_regulation = models.BooleanField(_("có quy chế dân chủ ở cơ sở"), default=False)
    last_workers_conference = models.DateField(_("ngày hội nghị người lao động gần nhất"), null=True, blank=True)
    si_arrears_amount = models.PositiveBigIntegerField(_("số tiền nợ bảo hiểm xã hội (đồng)"), null=True, blank=True)
    si_arrears_months = models.PositiveSmallIntegerField(_("số tháng nợ bảo hiểm xã hội"), default=0)
    wage_delay_days = models.PositiveSmallIntegerField(_("số ngày chậm trả lương"), default=0)
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("báo cáo tình hình lao động")
        verbose_name_plural = _("báo cáo tình hình lao động")
        ordering = ["-period_start", "enterprise__name", "pk"]
        indexes = [models.Index(fields=["enterprise", "status", "period_end"], name="wf_report_ent_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "report_type", "period_start"],
                name="wf_one_report_per_period",
                violation_error_message=_(
                    "Doanh nghiệp này đã có báo cáo cùng loại cho kỳ này. Hãy mở báo cáo đó để sửa, không tạo thêm."
                ),
                violation_error_code="duplicate_report",
            ),
            _not_above(
                "women",
                "headcount",
                "wf_women_within_headcount",
                _("Số lao động nữ không được lớn hơn tổng số lao động."),
                "women_exceed",
            ),
            _not_above(
                "union_members",
                "headcount",
                "wf_members_within_headcount",
                _("Số đoàn viên không được lớn hơn tổng số lao động."),
                "members_exceed",
            ),
            _check(
                Q(other_province__isnull=True)
                | Q(foreign_workers__isnull=True)
                | Q(headcount__gte=F("other_province") + F("foreign_workers")),
                "wf_migrants_within_headcount",
                _("Lao động ngoại tỉnh cộng lao động nước ngoài không được lớn hơn tổng số lao động."),
                "migrants_exceed",
            ),
            _not_above(
                "overtime_avg_hours",
                "overtime_max_hours",
                "wf_overtime_avg_within_max",
                _("Giờ làm thêm bình quân không được lớn hơn giờ làm thêm cao nhất."),
                "overtime_avg_exceeds_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.period_label}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:report_detail", args=[self.pk])

    @property
    def period_label(self) -> str:
        return period_label(self.report_type, self.period_start)

    @property
    def is_editable(self) -> bool:
        return self.status in {ReportStatus.DRAFT, ReportStatus.RETURNED}


# --- the regional minimum wage ----------------------------------------------------------------------------------------


class WageDecree(VersionedModel):
    """A Government decree setting the regional minimum wages, with the citation every amount is printed from."""

    number = models.CharField(_("số hiệu"), max_length=60, unique=True, help_text=_("Ví dụ: 38/2022/NĐ-CP"))
    signed_on = models.DateField(_("ngày ban hành"))
    effective_from = models.DateField(_("có hiệu lực từ"), unique=True)
    citation = models.CharField(_("trích dẫn"), max_length=500)
    check_status = models.CharField(
        _("đối chiếu"), max_length=12, choices=CheckStatus.choices, default=CheckStatus.UNVERIFIED
    )
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("nghị định lương tối thiểu vùng")
        verbose_name_plural = _("nghị định lương tối thiểu vùng")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"Nghị định số {self.number}"


class MinimumWage(VersionedModel):
    decree = models.ForeignKey(
        WageDecree, verbose_name=_("nghị định"), on_delete=models.CASCADE, related_name="amounts"
    )
    region = models.CharField(_("vùng"), max_length=1, choices=WageRegion.choices)
    monthly_amount = models.PositiveIntegerField(_("mức lương tối thiểu tháng (đồng/tháng)"))
    check_status = models.CharField(
        _("đối chiếu"), max_length=12, choices=CheckStatus.choices, default=CheckStatus.UNVERIFIED
    )

    class Meta:
        verbose_name = _("mức lương tối thiểu vùng")
        verbose_name_plural = _("mức lương tối thiểu vùng")
        ordering = ["-decree__effective_from", "region"]
        constraints = [
            models.UniqueConstraint(
                fields=["decree", "region"],
                name="wf_one_amount_per_region",
                violation_error_message=_("Nghị định này đã có mức lương cho vùng này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_region_display()}: {self.monthly_amount} đồng/tháng ({self.decree})"


class WageRegionAssignment(VersionedModel):
    """Which wage region a zone (or a commune inside it) belongs to from a date, as the decree's appendix lists."""

    zone = models.ForeignKey(
        "directory.Zone", verbose_name=_("khu"), on_delete=models.CASCADE, related_name="wage_regions"
    )
    commune = models.CharField(_("xã, phường (theo phụ lục)"), max_length=200, blank=True)
    region = models.CharField(_("vùng"), max_length=1, choices=WageRegion.choices)
    effective_from = models.DateField(_("áp dụng từ"))
    decree = models.ForeignKey(WageDecree, verbose_name=_("theo nghị định"), on_delete=models.PROTECT)
    check_status = models.CharField(
        _("đối chiếu"), max_length=12, choices=CheckStatus.choices, default=CheckStatus.UNVERIFIED
    )

    class Meta:
        verbose_name = _("vùng lương tối thiểu của khu")
        verbose_name_plural = _("vùng lương tối thiểu của các khu")
        ordering = ["zone", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["zone", "effective_from"],
                name="wf_one_region_per_zone_date",
                violation_error_message=_("Khu này đã có vùng lương áp dụng từ ngày này."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.zone}: {self.get_region_display()} từ {format_date(self.effective_from)}"


# --- incidents --------------------------------------------------------------------------------------------------------


class Incident(VersionedModel):
    """A work stoppage, dispute, accident, poisoning, absconding employer, bankruptcy, layoff or wage arrears at an
    enterprise: counts only, never the workers' names."""

    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị theo dõi"), on_delete=models.PROTECT, related_name="incidents"
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="incidents"
    )
    kind = models.CharField(_("loại vụ việc"), max_length=20, choices=IncidentKind.choices)
    started_on = models.DateField(_("ngày xảy ra"))
    ended_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    workers_involved = models.PositiveIntegerField(_("số người lao động liên quan"))
    cause_topic = models.CharField(_("nguyên nhân, yêu cầu chính"), max_length=20, choices=CauseTopic.choices)
    demands = models.TextField(_("yêu cầu, nguyên nhân cụ thể"), blank=True)
    handled_by = models.ManyToManyField(
        "directory.Agency", verbose_name=_("cơ quan tham gia giải quyết"), blank=True, related_name="handled_incidents"
    )
    outcome = models.CharField(_("kết quả"), max_length=12, choices=Outcome.choices, default=Outcome.ONGOING)
    outcome_text = models.TextField(_("kết quả cụ thể"), blank=True)
    follow_up = models.TextField(_("việc cần theo dõi tiếp"), blank=True)
    search_text = models.CharField(max_length=600, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("vụ việc lao động")
        verbose_name_plural = _("vụ việc lao động")
        ordering = ["-started_on", "pk"]
        constraints = [
            _check(
                Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                "wf_incident_ends_after_start",
                _("Ngày kết thúc không được trước ngày xảy ra."),
                "ends_before_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.enterprise} ({format_date(self.started_on)})"

    def get_absolute_url(self) -> str:
        return reverse("workforce:incident_detail", args=[self.pk])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(f"{self.demands} {self.outcome_text}")[:600]


class IncidentStep(VersionedModel):
    incident = models.ForeignKey(Incident, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="steps")
    date = models.DateField(_("ngày"))
    description = models.TextField(_("việc đã làm"))

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{format_date(self.date)}: {self.description[:80]}"

    def get_absolute_url(self) -> str:
        return self.incident.get_absolute_url() + f"#step-{self.pk}"


class IncidentSupport(VersionedModel):
    """Support given to the workers of an incident: how many people, how much, of what kind, by whom."""

    incident = models.ForeignKey(Incident, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="supports")
    kind = models.CharField(_("hình thức hỗ trợ"), max_length=20, choices=SupportKind.choices)
    given_on = models.DateField(_("ngày hỗ trợ"))
    people = models.PositiveIntegerField(_("số người được hỗ trợ"))
    amount = models.PositiveBigIntegerField(_("giá trị (đồng)"), null=True, blank=True)
    given_by = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị hỗ trợ"), on_delete=models.PROTECT, null=True, blank=True
    )
    description = models.CharField(_("mô tả"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hỗ trợ người lao động")
        verbose_name_plural = _("hỗ trợ người lao động")
        ordering = ["given_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.people} người ({format_date(self.given_on)})"

    def get_absolute_url(self) -> str:
        return self.incident.get_absolute_url() + f"#support-{self.pk}"


# --- early warnings ---------------------------------------------------------------------------------------------------


class WarningRule(VersionedModel):
    """An early-warning rule: the condition (`code`) is evaluated by the code; whether it runs, its thresholds
    (`params`) and its severity are data the secretariat keeps."""

    code = models.CharField(_("điều kiện"), max_length=30, choices=RuleCode.choices, unique=True)
    name = models.CharField(_("tên cảnh báo"), max_length=200)
    severity = models.CharField(_("mức độ"), max_length=8, choices=Severity.choices, default=Severity.MEDIUM)
    params = models.JSONField(_("ngưỡng"), default=dict, blank=True)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    citation = models.CharField(_("căn cứ"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("quy tắc cảnh báo sớm")
        verbose_name_plural = _("quy tắc cảnh báo sớm")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Warning(VersionedModel):
    """One rule holding at one enterprise: opened by the evaluation with its evidence, acknowledged and worked by a
    named body, closed by the evaluation when the condition stops holding. At most one is open per rule and
    enterprise; a closed one stays as history."""

    rule = models.ForeignKey(WarningRule, verbose_name=_("quy tắc"), on_delete=models.PROTECT, related_name="warnings")
    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.CASCADE, related_name="warnings"
    )
    status = models.CharField(_("trạng thái"), max_length=14, choices=WarningStatus.choices, default=WarningStatus.OPEN)
    severity = models.CharField(_("mức độ"), max_length=8, choices=Severity.choices)
    summary = models.CharField(_("nội dung"), max_length=500)
    opened_at = models.DateTimeField(_("phát sinh lúc"))
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    handling_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("đơn vị xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_warnings",
    )

    class Meta:
        verbose_name = _("cảnh báo sớm")
        verbose_name_plural = _("cảnh báo sớm")
        ordering = ["-opened_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "enterprise"],
                condition=~Q(status="closed"),
                name="wf_one_live_warning",
                violation_error_message=_("Doanh nghiệp đã có cảnh báo này đang mở."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} — {self.enterprise}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:warning_detail", args=[self.pk])


class WarningEvidence(models.Model):
    """A record the warning rests on: a labour report or an incident, with what it shows."""

    warning = models.ForeignKey(Warning, verbose_name=_("cảnh báo"), on_delete=models.CASCADE, related_name="evidence")
    labour_report = models.ForeignKey(
        LabourReport, verbose_name=_("báo cáo"), on_delete=models.SET_NULL, null=True, blank=True
    )
    incident = models.ForeignKey(Incident, verbose_name=_("vụ việc"), on_delete=models.SET_NULL, null=True, blank=True)
    survey = models.ForeignKey(
        "workforce.Survey", verbose_name=_("khảo sát"), on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.CharField(_("căn cứ"), max_length=500)

    class Meta:
        verbose_name = _("căn cứ của cảnh báo")
        verbose_name_plural = _("căn cứ của cảnh báo")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def record(self) -> models.Model | None:
        return self.labour_report or self.incident or self.survey


class WarningEvent(models.Model):
    """The warning's own history: opened, evidence changed, acknowledged by a body, notes, closed."""

    warning = models.ForeignKey(Warning, verbose_name=_("cảnh báo"), on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("lúc"))
    action = models.CharField(_("sự kiện"), max_length=14, choices=WarningAction.choices)
    actor_name = models.CharField(_("người thực hiện"), max_length=200, default="hệ thống")
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị"), on_delete=models.SET_NULL, null=True, blank=True
    )
    text = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("diễn biến cảnh báo")
        verbose_name_plural = _("diễn biến cảnh báo")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d})"


# --- worker surveys ---------------------------------------------------------------------------------------------------


def new_token() -> str:
    return secrets.token_urlsafe(12)


class Survey(VersionedModel):
    """A short questionnaire a body opens for chosen enterprises and dates; workers answer it anonymously at
    /khao-sat/<token>/."""

    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị khảo sát"), on_delete=models.PROTECT, related_name="surveys"
    )
    title = models.CharField(_("tên cuộc khảo sát"), max_length=300)
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    opens_on = models.DateField(_("mở từ ngày"))
    closes_on = models.DateField(_("đến hết ngày"))
    enterprises = models.ManyToManyField(
        "directory.Enterprise", verbose_name=_("doanh nghiệp khảo sát"), related_name="surveys"
    )
    token = models.CharField(_("mã đường dẫn"), max_length=40, unique=True, default=new_token, editable=False)
    search_text = models.CharField(max_length=600, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = _("khảo sát người lao động")
        verbose_name_plural = _("khảo sát người lao động")
        ordering = ["-opens_on", "pk"]
        constraints = [
            _check(
                Q(closes_on__gte=F("opens_on")),
                "wf_survey_closes_after_opening",
                _("Ngày đóng khảo sát không được trước ngày mở."),
                "closes_before_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workforce:survey_detail", args=[self.pk])

    def public_path(self) -> str:
        return reverse("survey_public:answer", args=[self.token])

    def refresh_search_text(self) -> None:
        self.search_text = fold_vi(self.title)[:600]

    def is_open_on(self, day: dt.date) -> bool:
        return self.opens_on <= day <= self.closes_on


class Question(VersionedModel):
    survey = models.ForeignKey(Survey, verbose_name=_("khảo sát"), on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    text = models.CharField(_("câu hỏi"), max_length=500)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=QuestionKind.choices)
    options = models.JSONField(_("các lựa chọn"), default=list, blank=True)
    scale_max = models.PositiveSmallIntegerField(_("điểm cao nhất của thang"), default=5)
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)

    class Meta:
        verbose_name = _("câu hỏi khảo sát")
        verbose_name_plural = _("câu hỏi khảo sát")
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return self.survey.get_absolute_url()

    def labels(self) -> list[str]:
        if self.kind == QuestionKind.SCALE:
            return [str(point) for point in range(1, self.scale_max + 1)]
        return [str(option) for option in self.options]


class SurveyResponse(TimeStampedModel):
    """One anonymous answer sheet: the enterprise the worker chose and when; nothing about the person."""

    survey = models.ForeignKey(Survey, verbose_name=_("khảo sát"), on_delete=models.CASCADE, related_name="responses")
    enterprise = models.ForeignKey(
        "directory.Enterprise", verbose_name=_("doanh nghiệp"), on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField(_("ngày trả lời"))

    class Meta:
        verbose_name = _("phiếu trả lời khảo sát")
        verbose_name_plural = _("phiếu trả lời khảo sát")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Phiếu {self.pk} — {self.survey}"

    def get_absolute_url(self) -> str:
        return self.survey.get_absolute_url()


class Answer(models.Model):
    """One chosen option (index into the question's labels; several rows for a multiple choice) or a short text."""

    response = models.ForeignKey(
        SurveyResponse, verbose_name=_("phiếu trả lời"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, verbose_name=_("câu hỏi"), on_delete=models.CASCADE, related_name="answers")
    choice = models.PositiveSmallIntegerField(_("lựa chọn (thứ tự)"), null=True, blank=True)
    text = models.CharField(_("trả lời ngắn"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        indexes = [models.Index(fields=["question", "choice"], name="wf_answer_question_choice")]

    def __str__(self) -> str:
        return self.text or str(self.choice)

"""The joint annual report: its issuing bodies and signers, its sections and the bodies' narrative blocks, the
named figures and listings the blocks bind by placeholder, and the background jobs that render it.

A report holds no figure: figures are computed from the records by the builder (`builders/`) each time, until the
report is final, when the computed `ReportData` is frozen in `snapshot` and never recomputed."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import TimeStampedModel, VersionedModel
from phoihop.indicators.choices import RoundingRule
from phoihop.reports.choices import (
    JobStatus,
    ListingPeriod,
    RenderFormat,
    ReportKind,
    ReportStatus,
    SectionKind,
    SignAuthority,
)

# Phrases with digits that are not figures, known before any report is written; the secretariat edits each
# report's list.
DEFAULT_FIXED_EXPRESSIONS = "24/7\n100% vốn nước ngoài\nnhiệm kỳ 2023-2028"


class Report(VersionedModel):
    """One report of a plan (the annual results report). Number and date may stay blank while it is a draft:
    the header then prints "Số -BC/BDVTU-BQLKKT-LĐLĐTP" and "Hải Phòng, ngày    tháng    năm 2024"."""

    plan = models.ForeignKey(
        "planning.Plan", verbose_name=_("kế hoạch"), on_delete=models.PROTECT, related_name="reports"
    )
    kind = models.CharField(
        _("loại báo cáo"), max_length=30, choices=ReportKind.choices, default=ReportKind.ANNUAL_RESULTS
    )
    summary = models.TextField(
        _("trích yếu"),
        help_text=_("In dưới chữ BÁO CÁO; mỗi dòng một dòng. Ví dụ: kết quả thực hiện Chương trình phối hợp năm 2023"),
    )
    doc_code = models.CharField(_("tên loại viết tắt"), max_length=10, default="BC", help_text=_("Ví dụ: BC"))
    symbol = models.CharField(_("ký hiệu cơ quan ban hành"), max_length=120, help_text=_("Ví dụ: BDVTU-BQLKKT-LĐLĐTP"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True, help_text=_("Để trống khi còn dự thảo."))
    place = models.CharField(_("địa danh"), max_length=100, default="Hải Phòng")
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issue_year = models.PositiveSmallIntegerField(
        _("năm ban hành"), help_text=_("In khi chưa có ngày: “ngày    tháng    năm 2024”.")
    )
    draft_mark = models.BooleanField(_("in dấu “(Dự thảo)”"), default=True)
    data_annex = models.BooleanField(
        _("kèm phụ lục số liệu"),
        default=False,
        help_text=_(
            "In thêm “Phụ lục số liệu” sau phần ký: biểu đồ và bảng số liệu tính từ hồ sơ (tiến độ chỉ tiêu, "
            "nội dung phối hợp, vụ việc tư vấn)."
        ),
    )
    rounding = models.CharField(
        _("quy tắc làm tròn tỷ lệ"), max_length=20, choices=RoundingRule.choices, default=RoundingRule.HALF_UP
    )
    recipients = models.TextField(
        _("nơi nhận"),
        blank=True,
        help_text=_("Mỗi dòng một nơi nhận. Ví dụ: - Thường trực Thành ủy (để b/c); … - Lưu: VT."),
    )
    fixed_expressions = models.TextField(
        _("cụm từ cố định có chữ số"),
        blank=True,
        default=DEFAULT_FIXED_EXPRESSIONS,
        help_text=_(
            "Mỗi dòng một cụm từ có chữ số nhưng không phải số liệu (ví dụ: 24/7; 100% vốn nước ngoài; nhiệm kỳ "
            "2023-2028): bộ kiểm tra không coi là số liệu gõ tay."
        ),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    snapshot = models.JSONField(_("số liệu đã chốt"), null=True, blank=True, editable=False)
    finalised_at = models.DateTimeField(_("chốt lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("báo cáo liên tịch")
        verbose_name_plural = _("báo cáo liên tịch")
        ordering = ["-plan__year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "kind"],
                name="report_one_per_plan_and_kind",
                violation_error_message=_("Kế hoạch này đã có báo cáo cùng loại."),
            ),
        ]

    def __str__(self) -> str:
        return f"Báo cáo kết quả năm {self.plan.year}" if self.plan_id else "Báo cáo"

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", args=[self.pk])

    @property
    def summary_lines(self) -> list[str]:
        return [line.strip() for line in self.summary.splitlines() if line.strip()]

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    @property
    def fixed_expression_lines(self) -> list[str]:
        return [line.strip() for line in self.fixed_expressions.splitlines() if line.strip()]

    @property
    def is_final(self) -> bool:
        return self.status == ReportStatus.FINAL

    @property
    def is_draft(self) -> bool:
        return self.status == ReportStatus.DRAFT


class ReportIssuer(VersionedModel):
    """An issuing body, in header and signature order (the first leads), with its document format profile and its
    signer. Each body confirms its own part; its leader signs off."""

    report = models.ForeignKey(Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="issuers")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="+"
    )
    profile = models.CharField(
        _("thể thức văn bản"), max_length=30, help_text=_("hd36: văn bản của Đảng; nd30: nhà nước; tld: công đoàn")
    )
    header_lines = models.TextField(
        _("tên in ở tiêu đề"),
        blank=True,
        help_text=_("Để trống thì dùng tên in trên văn bản của cơ quan trong danh mục."),
    )
    authority = models.CharField(
        _("thẩm quyền ký"), max_length=20, choices=SignAuthority.choices, default=SignAuthority.SIGN_FOR
    )
    office = models.CharField(
        _("ký thay, thay mặt cho"), max_length=120, help_text=_("Ví dụ: TRƯỞNG BAN; BAN CHẤP HÀNH")
    )
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120, blank=True)
    organisation = models.CharField(
        _("tên cơ quan trên chữ ký"), max_length=200, blank=True, help_text=_("Ví dụ: BAN DÂN VẬN THÀNH ỦY")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xác nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo ký duyệt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_off_at = models.DateTimeField(_("ký duyệt lúc"), null=True, blank=True)

    @property
    def profile_name(self) -> str:
        """ "Nhà nước (NĐ 30)" rather than the profile's key."""
        from phoihop.reports.docx.profiles import default_profiles

        profile = default_profiles().get(self.profile)
        return profile.display_name if profile is not None else self.profile

    class Meta:
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "agency"],
                name="report_issuer_unique_agency",
                violation_error_message=_("Cơ quan này đã có trong danh sách cơ quan ban hành."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.agency) if self.agency_id else "—"

    @property
    def header(self) -> list[str]:
        lines = [line.strip() for line in self.header_lines.splitlines() if line.strip()]
        return lines or (self.agency.header if self.agency_id else [])

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def is_signed_off(self) -> bool:
        return self.signed_off_at is not None


class ReportSection(VersionedModel):
    """A section of the report, in order. Area sections take their heading from the plan's (or the next plan's)
    area; the others from `title`. Numbers ("I.", "1.", "8.1.") are given when the report is built."""

    report = models.ForeignKey(Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    kind = models.CharField(_("loại mục"), max_length=20, choices=SectionKind.choices)
    title = models.CharField(_("tên mục"), max_length=500, blank=True)
    area = models.ForeignKey(
        "planning.Area", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("mục của báo cáo")
        verbose_name_plural = _("mục của báo cáo")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "position"], name="report_section_position_unique"),
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        if self.area_id and self.area is not None:
            return self.area.title
        return self.title

    @property
    def level(self) -> int:
        if self.kind == SectionKind.OPENING:
            return 0
        if self.kind == SectionKind.PART:
            return 1
        if self.kind in (SectionKind.STRENGTHS, SectionKind.SHORTCOMINGS):
            return 3
        return 2

    @property
    def takes_blocks(self) -> bool:
        return self.kind not in (SectionKind.PART, SectionKind.ASSESSMENT)


class ReportBlock(VersionedModel):
    """A piece of narrative a body writes in a section. The text binds figures, documents and listings by
    placeholder ({{DV_MOI}}, {{van_ban:28-NQ/TU}}, [[chu_thich:NHA_O_KHOI_CONG]]; see docs/report-rendering.md);
    every placeholder is checked when the block is saved."""

    section = models.ForeignKey(ReportSection, verbose_name=_("mục"), on_delete=models.CASCADE, related_name="blocks")
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("cơ quan soạn"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự trong mục"), default=0)
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("đoạn báo cáo")
        verbose_name_plural = _("đoạn báo cáo")
        ordering = ["section", "position", "pk"]

    def __str__(self) -> str:
        first = self.text.strip().splitlines()[0] if self.text.strip() else ""
        return first if len(first) <= 80 else first[:77] + "…"

    def get_absolute_url(self) -> str:
        return reverse("reports:block_update", args=[self.pk])


class ReportFigure(VersionedModel):
    """A short name officers use in blocks for one line of the plan's indicators: {{DV_MOI}} is the Economic Zone
    Union's new members against its plan figure."""

    report = models.ForeignKey(Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="figures")
    name = models.CharField(
        _("tên dùng trong đoạn"), max_length=40, help_text=_("Chữ không dấu, số và _ ; ví dụ DV_MOI")
    )
    target = models.ForeignKey(
        "indicators.Target", verbose_name=_("chỉ tiêu của kế hoạch"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("tên số liệu")
        verbose_name_plural = _("tên số liệu")
        ordering = ["report", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "name"],
                name="report_figure_name_unique",
                violation_error_message=_("Báo cáo đã có số liệu mang tên này."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Listing(VersionedModel):
    """A named selection of records printed one sentence per record: placed in a block as [[chu_thich:KEY]] it
    becomes a real Word footnote. Records come from a source (a record kind of the indicators' registry, or an
    aggregate such as the consultation topics), filtered by a validated filter, a body and the period."""

    report = models.ForeignKey(Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="listings")
    key = models.CharField(
        _("tên dùng trong đoạn"), max_length=40, help_text=_("Chữ không dấu, số và _ ; ví dụ CHI_BO_FDI")
    )
    title = models.CharField(_("mô tả"), max_length=300)
    source = models.CharField(_("nguồn bản ghi"), max_length=60)
    record_filter = models.JSONField(_("điều kiện lọc"), default=dict, blank=True)
    agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("bản ghi của đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Đơn vị và các đơn vị trực thuộc; để trống là mọi đơn vị."),
    )
    period_mode = models.CharField(
        _("thời gian"), max_length=20, choices=ListingPeriod.choices, default=ListingPeriod.REPORTING_PERIOD
    )
    intro = models.TextField(_("câu dẫn"), blank=True, help_text=_("In trước danh sách; được dùng {{…}}."))
    pattern = models.TextField(_("mẫu câu cho mỗi bản ghi"))
    value_field = models.CharField(
        _("trường số để tính"),
        max_length=60,
        blank=True,
        help_text=_(
            "Trường số của bản ghi mà {{KEY.khoang}}, {{KEY.tong}}… tính trên các bản ghi của danh sách, ví dụ "
            "meal_value; để trống nếu chỉ liệt kê."
        ),
    )
    separator = models.CharField(_("ngăn cách giữa các bản ghi"), max_length=10, default=" ", blank=True)
    ending = models.CharField(_("kết thúc"), max_length=10, default="", blank=True)
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("cơ quan soạn"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("danh sách chú thích")
        verbose_name_plural = _("danh sách chú thích")
        ordering = ["report", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "key"],
                name="listing_key_unique",
                violation_error_message=_("Báo cáo đã có danh sách mang tên này."),
            ),
        ]

    def __str__(self) -> str:
        return self.key

    def get_absolute_url(self) -> str:
        return reverse("reports:listing_update", args=[self.pk])


class ListingEntry(VersionedModel):
    """One record's place in a listing and, when its sentence is shaped differently, its own pattern (still made
    of the record's fields: figures are never typed)."""

    listing = models.ForeignKey(Listing, verbose_name=_("danh sách"), on_delete=models.CASCADE, related_name="entries")
    record_id = models.PositiveBigIntegerField(_("mã bản ghi"))
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    pattern = models.TextField(_("mẫu câu riêng"), blank=True)

    class Meta:
        verbose_name = _("bản ghi trong danh sách")
        verbose_name_plural = _("bản ghi trong danh sách")
        ordering = ["listing", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["listing", "record_id"], name="listing_entry_unique_record"),
        ]

    def __str__(self) -> str:
        return f"{self.listing_id}:{self.record_id}"


# A queued job that no worker has taken after this long is explained on its page (no worker is running).
WORKER_PICKUP_SECONDS = 30


class RenderJob(TimeStampedModel):
    """A rendering of a report to a file, run in the background; the page polls its phase and percentage. The file
    goes to the storage backend, never to a local path another server would have to read."""

    report = models.ForeignKey(Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="jobs")
    format = models.CharField(_("định dạng"), max_length=10, choices=RenderFormat.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    phase = models.CharField(_("bước"), max_length=200, blank=True)
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.TextField(_("thông báo"), blank=True)
    file = models.FileField(_("tệp"), upload_to="reports/%Y/", blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt kết xuất báo cáo")
        verbose_name_plural = _("lượt kết xuất báo cáo")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_format_display()} — {self.get_status_display()}"

    @property
    def is_running(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING)

    @property
    def waits_for_worker(self) -> bool:
        """Still queued well after a worker would have taken it: most likely no worker runs."""
        return self.status == JobStatus.QUEUED and timezone.now() - self.created_at > timedelta(
            seconds=WORKER_PICKUP_SECONDS
        )

"""Worker support cases and petitions.

A case's facts (what was asked, through which channel, who handles it, what was answered) live in `Case`; the
requester's personal data lives apart in `CasePerson`, encrypted at rest and shown only to the case handlers of the
handling body (docs/privacy.md). Facts feed the report's aggregates; personal data never does."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.cases.choices import (
    CaseEventKind,
    CaseStatus,
    Channel,
    ConsentMethod,
    DataRequestKind,
    DataRequestStatus,
    PetitionStatus,
    RequesterKind,
)
from phoihop.core.crypto import EncryptedTextField
from phoihop.core.models import TimeStampedModel, VersionedModel
from phoihop.core.text import lower_first

TOPIC_SEPARATOR = " › "


class Topic(VersionedModel):
    """A node of the managed topic tree, e.g. "Tiền lương, phụ cấp › Tiền lương làm thêm giờ"."""

    name = models.CharField(_("tên chủ đề"), max_length=200)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chủ đề cha"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    report_phrase = models.CharField(
        _("cách viết trong báo cáo"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: “trợ cấp thôi việc của người lao động”. Để trống thì dùng tên chủ đề."),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"],
                name="topic_unique_name_under_parent",
                violation_error_message=_("Đã có chủ đề cùng tên ở cùng nhánh."),
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(parent__isnull=True),
                name="topic_unique_root_name",
                violation_error_message=_("Đã có chủ đề gốc cùng tên."),
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def path(self) -> str:
        """Ancestors first. Follows loaded parents; selectors load two levels with select_related."""
        names = [self.name]
        parent = self.parent
        seen = 0
        while parent is not None and seen < 10:
            names.insert(0, parent.name)
            parent = parent.parent
            seen += 1
        return TOPIC_SEPARATOR.join(names)

    @property
    def phrase(self) -> str:
        return self.report_phrase or lower_first(self.name)


class ChannelPolicy(VersionedModel):
    """How many working hours a body has to answer a request that came through a channel."""

    channel = models.CharField(_("kênh tiếp nhận"), max_length=30, choices=Channel.choices, unique=True)
    response_hours = models.PositiveIntegerField(
        _("thời hạn trả lời (giờ làm việc)"),
        help_text=_("Một ngày làm việc có 7,5 giờ (07:30–11:30 và 13:30–17:00)."),
    )

    class Meta:
        verbose_name = _("thời hạn theo kênh")
        verbose_name_plural = _("thời hạn theo kênh")
        ordering = ["channel"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(response_hours__gt=0),
                name="channel_policy_hours_positive",
                violation_error_message=_("Thời hạn phải lớn hơn 0 giờ."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.response_hours} giờ làm việc"


class Holiday(TimeStampedModel):
    """A public holiday (or a day off in lieu): not a working day for the deadline clock."""

    date = models.DateField(_("ngày"), unique=True, error_messages={"unique": _("Ngày này đã có trong lịch nghỉ.")})
    name = models.CharField(_("tên ngày nghỉ"), max_length=200)

    class Meta:
        verbose_name = _("ngày nghỉ lễ")
        verbose_name_plural = _("ngày nghỉ lễ")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class CaseHandlerGrant(TimeStampedModel):
    """A user may handle the cases of one body, and so see their requesters' personal data. Not a role: granted
    and revoked by that body's leader (or the administrator), each step audited."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.PROTECT,
        related_name="case_handler_grants",
    )
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị xử lý"), on_delete=models.PROTECT, related_name="+"
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người giao quyền"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("giao quyền lúc"), default=timezone.now)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("quyền xử lý vụ việc")
        verbose_name_plural = _("quyền xử lý vụ việc")
        ordering = ["agency__name", "user__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency"],
                condition=models.Q(revoked_at__isnull=True),
                name="case_handler_grant_one_active",
                violation_error_message=_("Cán bộ này đã được giao quyền xử lý vụ việc của đơn vị."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — xử lý vụ việc của {self.agency}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class Case(VersionedModel):
    """The facts of one consultation or request. No personal data here: see `CasePerson`."""

    # The hash of the public tracking code is no secret, but it has no business in the history either.
    AUDIT_MASKED_FIELDS = ("tracking_hash",)

    channel = models.CharField(_("kênh tiếp nhận"), max_length=30, choices=Channel.choices)
    requester_kind = models.CharField(_("người hỏi là"), max_length=20, choices=RequesterKind.choices)
    topic = models.ForeignKey(Topic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, related_name="cases")
    enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("doanh nghiệp liên quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    zone = models.ForeignKey(
        "directory.Zone",
        verbose_name=_("khu công nghiệp, khu kinh tế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
    )
    handling_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị xử lý"), on_delete=models.PROTECT, related_name="cases"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_cases",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.RECEIVED, db_index=True
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"), db_index=True)
    due_at = models.DateTimeField(_("hạn trả lời"), null=True, blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng lúc"), null=True, blank=True)
    answer = models.TextField(_("nội dung trả lời, tư vấn"), blank=True, max_length=8000)
    referred_to = models.CharField(_("chuyển đến cơ quan"), max_length=255, blank=True)
    tracking_hash = models.CharField(
        _("mã tra cứu (đã mã hóa)"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    anonymised_at = models.DateTimeField(_("ẩn danh hóa lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("vụ việc")
        verbose_name_plural = _("vụ việc")
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["handling_agency", "status", "-received_at"], name="case_agency_status_idx"),
            models.Index(fields=["status", "due_at"], name="case_status_due_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="answered") | models.Q(answered_at__isnull=False),
                name="case_answered_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | models.Q(closed_at__isnull=False),
                name="case_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        # Never personal data: this text goes into the audit trail and page titles.
        return f"Vụ việc số {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("cases:case_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in CaseStatus.open_statuses()

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED

    @property
    def is_overdue(self) -> bool:
        return bool(self.is_open and self.due_at is not None and self.due_at < timezone.now())

    @property
    def answered_late(self) -> bool:
        return bool(self.answered_at and self.due_at and self.answered_at > self.due_at)


class CasePerson(TimeStampedModel):
    """The requester's personal data, one-to-one with the case, every field encrypted at rest. Read only through
    `selectors.personal_data_for`, which checks the handler grant; never logged, never in a URL or a report."""

    PERSONAL_FIELDS = ("full_name", "phone", "employer", "account")
    AUDIT_MASKED_FIELDS = PERSONAL_FIELDS

    case = models.OneToOneField(Case, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="person")
    full_name = EncryptedTextField(_("họ và tên người hỏi"), blank=True)
    phone = EncryptedTextField(_("số điện thoại"), blank=True)
    employer = EncryptedTextField(_("nơi làm việc"), blank=True)
    account = EncryptedTextField(_("nội dung trình bày"), blank=True)
    phone_index = models.CharField(
        _("chỉ mục số điện thoại (đã mã hóa)"), max_length=64, blank=True, db_index=True, editable=False
    )

    class Meta:
        verbose_name = _("thông tin người hỏi")
        verbose_name_plural = _("thông tin người hỏi")

    def __str__(self) -> str:
        return f"Thông tin người hỏi của vụ việc số {self.case_id}"

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.PERSONAL_FIELDS)


class Consent(TimeStampedModel):
    """The requester's consent to the processing of their personal data for the stated purpose (Luật 91/2025/QH15,
    Điều 9: given clearly and specifically; silence is not consent)."""

    case = models.OneToOneField(Case, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="consent")
    given_at = models.DateTimeField(_("đồng ý lúc"))
    method = models.CharField(_("hình thức đồng ý"), max_length=20, choices=ConsentMethod.choices)
    purpose_version = models.CharField(_("phiên bản nội dung mục đích"), max_length=20)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Để trống khi người hỏi tự đánh dấu đồng ý trên trang hỏi đáp."),
    )
    withdrawn_at = models.DateTimeField(_("rút lại lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sự đồng ý xử lý dữ liệu cá nhân")
        verbose_name_plural = _("sự đồng ý xử lý dữ liệu cá nhân")

    def __str__(self) -> str:
        return f"Sự đồng ý của người hỏi trong vụ việc số {self.case_id}"


class CaseEvent(models.Model):
    """One step of a case's timeline, written by the service that took the step. Notes hold no personal data."""

    case = models.ForeignKey(Case, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="events")
    occurred_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    kind = models.CharField(_("loại"), max_length=20, choices=CaseEventKind.choices)
    from_status = models.CharField(_("từ trạng thái"), max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=20, choices=CaseStatus.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    note = models.TextField(_("ghi chú"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("diễn biến vụ việc")
        verbose_name_plural = _("diễn biến vụ việc")
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — vụ việc số {self.case_id}"


class DataExport(models.Model):
    """A copy of a requester's personal data handed to them (right of access), kept as a register of disclosures."""

    case = models.ForeignKey(Case, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="exports")
    exported_at = models.DateTimeField(_("xuất lúc"), default=timezone.now)
    exported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người xuất"), on_delete=models.PROTECT, related_name="+"
    )
    case_count = models.PositiveIntegerField(_("số vụ việc trong bản xuất"), default=1)

    class Meta:
        verbose_name = _("bản xuất dữ liệu cá nhân")
        verbose_name_plural = _("bản xuất dữ liệu cá nhân")
        ordering = ["-exported_at"]

    def __str__(self) -> str:
        return f"Bản xuất dữ liệu cá nhân số {self.pk} (vụ việc số {self.case_id})"


class DataRequest(VersionedModel):
    """A data subject's request to correct or erase their personal data, handled by a case handler."""

    AUDIT_MASKED_FIELDS = ("details",)

    case = models.ForeignKey(Case, verbose_name=_("vụ việc"), on_delete=models.CASCADE, related_name="data_requests")
    kind = models.CharField(_("loại yêu cầu"), max_length=20, choices=DataRequestKind.choices)
    received_at = models.DateTimeField(_("nhận yêu cầu lúc"), default=timezone.now)
    due_on = models.DateField(_("hạn xử lý"))
    details = EncryptedTextField(_("nội dung yêu cầu"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=DataRequestStatus.choices, default=DataRequestStatus.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    outcome = models.TextField(_("kết quả xử lý"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("yêu cầu về dữ liệu cá nhân")
        verbose_name_plural = _("yêu cầu về dữ liệu cá nhân")
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Yêu cầu {self.get_kind_display().lower()} số {self.pk} (vụ việc số {self.case_id})"


class IntakeThrottle(models.Model):
    """Requests from one client to the public pages in one time window. The client is a keyed hash of its
    address, never the address; kept in the database so every app server counts the same requests."""

    bucket = models.CharField(max_length=20)
    client_hash = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bucket", "client_hash", "window_start"], name="intake_throttle_window"),
        ]
        indexes = [models.Index(fields=["window_start"], name="intake_throttle_window_idx")]

    def __str__(self) -> str:
        return f"{self.bucket} {self.window_start:%Y-%m-%d %H:%M} ×{self.count}"


class Petition(VersionedModel):
    """A petition raised by workers (a group or unit, never an individual) at a dialogue conference, the body
    responsible for it, the conclusion notice that answered it, and its follow-up until resolved."""

    title = models.CharField(_("nội dung kiến nghị (tóm tắt)"), max_length=300)
    content = models.TextField(_("nội dung kiến nghị đầy đủ"), blank=True, max_length=8000)
    raised_by = models.CharField(
        _("tập thể, đơn vị kiến nghị"),
        max_length=255,
        help_text=_("Một nhóm hoặc đơn vị, ví dụ “Công nhân lao động KCN Tràng Duệ”; không ghi tên cá nhân."),
    )
    conference = models.CharField(_("tại hội nghị"), max_length=300)
    raised_on = models.DateField(_("ngày nêu kiến nghị"))
    topic = models.ForeignKey(
        Topic, verbose_name=_("chủ đề"), on_delete=models.PROTECT, null=True, blank=True, related_name="petitions"
    )
    enterprise = models.ForeignKey(
        "directory.Enterprise",
        verbose_name=_("doanh nghiệp liên quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
    )
    zone = models.ForeignKey(
        "directory.Zone",
        verbose_name=_("khu công nghiệp, khu kinh tế"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
    )
    owner_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("đơn vị theo dõi"), on_delete=models.PROTECT, related_name="+"
    )
    responsible_agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("cơ quan chịu trách nhiệm"), on_delete=models.PROTECT, related_name="+"
    )
    conclusion_document = models.ForeignKey(
        "planning.Document",
        verbose_name=_("văn bản kết luận trả lời"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="answered_petitions",
        help_text=_("Ví dụ: Thông báo số 1558-TB/TU, ngày 27/5/2023 (chọn trong sổ văn bản)."),
    )
    answer = models.TextField(_("nội dung trả lời, kết luận"), blank=True, max_length=8000)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=PetitionStatus.choices, default=PetitionStatus.RAISED
    )
    resolved_on = models.DateField(_("giải quyết xong ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="resolved") | models.Q(resolved_on__isnull=False),
                name="petition_resolved_has_date",
                violation_error_message=_("Kiến nghị đã giải quyết xong phải có ngày giải quyết."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cases:petition_detail", args=[self.pk])


class PetitionFollowUp(TimeStampedModel):
    """One follow-up step of a petition: what happened, and the status it left the petition in."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("kiến nghị"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    occurred_on = models.DateField(_("ngày"))
    status = models.CharField(_("trạng thái sau bước này"), max_length=20, choices=PetitionStatus.choices)
    note = models.TextField(_("nội dung theo dõi"), max_length=4000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bước theo dõi kiến nghị")
        verbose_name_plural = _("theo dõi kiến nghị")
        ordering = ["occurred_on", "id"]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y} — {self.get_status_display()}"

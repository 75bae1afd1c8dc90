from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    ANNUAL_RESULTS = "annual_results", _("Báo cáo kết quả thực hiện chương trình phối hợp năm")


class ReportStatus(models.TextChoices):
    """draft → (every issuing body confirms its part) → confirmed → (every leader signs off) → final."""

    DRAFT = "draft", _("Dự thảo")
    CONFIRMED = "confirmed", _("Các cơ quan đã xác nhận, chờ ký")
    FINAL = "final", _("Đã ký, số liệu đã chốt")


class SectionKind(models.TextChoices):
    """Where a section's heading comes from. Sections follow the plan's areas, then the general assessment, then
    part II from the next plan's areas."""

    OPENING = "opening", _("Mở đầu (không có đề mục)")
    PART = "part", _("Phần (I., II.)")
    AREA = "area", _("Lĩnh vực của kế hoạch năm")
    ASSESSMENT = "assessment", _("Đánh giá chung")
    STRENGTHS = "strengths", _("Về ưu điểm")
    SHORTCOMINGS = "shortcomings", _("Về hạn chế và nguyên nhân")
    NEXT_AREA = "next_area", _("Nhiệm vụ trọng tâm năm sau (lĩnh vực của kế hoạch năm sau)")


class SignAuthority(models.TextChoices):
    """Stored form of reports.docx.Authority. Each format profile prints its own mark ("K/T" or "KT.")."""

    HEAD = "head", _("Người đứng đầu ký (không ghi thẩm quyền)")
    SIGN_FOR = "sign_for", _("Ký thay (K/T, KT.)")
    ON_BEHALF = "on_behalf", _("Thay mặt tập thể (T/M, TM.)")
    BY_ORDER = "by_order", _("Thừa lệnh (T/L, TL.)")
    AUTHORISED = "authorised", _("Thừa ủy quyền (TUQ.)")
    ACTING = "acting", _("Quyền (Q.)")


class ListingPeriod(models.TextChoices):
    """Which records of a listing count, by their date."""

    REPORTING_PERIOD = "period", _("Trong kỳ báo cáo")
    UNTIL_REPORT = "until_report", _("Từ đầu kỳ đến thời điểm báo cáo (ghi rõ “tính đến thời điểm báo cáo”)")
    CURRENT = "current", _("Hiện trạng (không lọc theo ngày)")


class RenderFormat(models.TextChoices):
    DOCX = "docx", _("Word (.docx)")
    PDF = "pdf", _("PDF")
    HTML = "html", _("HTML")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang chạy")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")

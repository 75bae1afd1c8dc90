from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportType(models.TextChoices):
    """How often an enterprise's labour situation is reported: monthly for the union's follow-up, six-monthly and
    yearly as enterprises report labour changes to the Economic Zone Authority."""

    MONTHLY = "monthly", _("Hằng tháng (công đoàn theo dõi tình hình)")
    SEMIANNUAL = "semiannual", _("6 tháng")
    ANNUAL = "annual", _("Hằng năm")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi duyệt")
    APPROVED = "approved", _("Đã phê duyệt")
    RETURNED = "returned", _("Bị trả lại")


class WageRegion(models.TextChoices):
    I = "1", _("Vùng I")  # noqa: E741  (the decree's own name for the region)
    II = "2", _("Vùng II")
    III = "3", _("Vùng III")
    IV = "4", _("Vùng IV")


class CheckStatus(models.TextChoices):
    """Whether a stored legal value was compared with the text of the decree itself."""

    VERIFIED = "verified", _("đã đối chiếu văn bản")
    UNVERIFIED = "unverified", _("chưa đối chiếu")


class IncidentKind(models.TextChoices):
    STOPPAGE = "stoppage", _("Ngừng việc tập thể, đình công")
    DISPUTE = "dispute", _("Tranh chấp lao động tập thể")
    ACCIDENT = "accident", _("Tai nạn lao động")
    FOOD_POISONING = "food_poisoning", _("Ngộ độc thực phẩm tập thể")
    ABSCONDING = "absconding", _("Chủ doanh nghiệp bỏ trốn")
    BANKRUPTCY = "bankruptcy", _("Doanh nghiệp phá sản")
    MASS_LAYOFF = "mass_layoff", _("Cắt giảm lao động hàng loạt")
    WAGE_ARREARS = "wage_arrears", _("Nợ lương")


class CauseTopic(models.TextChoices):
    WAGES = "wages", _("Tiền lương, thu nhập")
    WAGE_ARREARS = "wage_arrears", _("Chậm trả, nợ lương")
    SOCIAL_INSURANCE = "social_insurance", _("Bảo hiểm xã hội")
    MEALS = "meals", _("Bữa ăn giữa ca")
    OVERTIME = "overtime", _("Làm thêm giờ")
    WORKING_CONDITIONS = "working_conditions", _("Điều kiện, môi trường làm việc")
    BONUS = "bonus", _("Tiền thưởng")
    DISMISSAL = "dismissal", _("Chấm dứt hợp đồng, cắt giảm lao động")
    MANAGEMENT = "management", _("Cách quản lý, ứng xử của người sử dụng lao động")
    EMPLOYER_GONE = "employer_gone", _("Người sử dụng lao động bỏ trốn, phá sản")
    OTHER = "other", _("Khác")


class Outcome(models.TextChoices):
    ONGOING = "ongoing", _("Đang xử lý")
    RESOLVED = "resolved", _("Đã giải quyết")
    PARTLY = "partly", _("Giải quyết một phần")
    UNRESOLVED = "unresolved", _("Chưa giải quyết được")


class SupportKind(models.TextChoices):
    MONEY = "money", _("Tiền")
    GOODS = "goods", _("Hiện vật, nhu yếu phẩm")
    JOBS = "jobs", _("Giới thiệu việc làm")
    SOCIAL_SECURITY = "social_security", _("Gói an sinh xã hội")


class RuleCode(models.TextChoices):
    """The early-warning conditions the code knows how to evaluate; which are on, their thresholds and severity are
    data (`WarningRule`)."""

    WAGE_BELOW_MINIMUM = "wage_below_minimum", _("Lương thấp nhất dưới mức lương tối thiểu vùng")
    SI_ARREARS = "si_arrears", _("Nợ bảo hiểm xã hội nhiều tháng")
    OVERTIME_CAP = "overtime_cap", _("Làm thêm giờ vượt giới hạn")
    AGREEMENT = "agreement", _("Không có hoặc hết hạn thỏa ước lao động tập thể")
    NO_CONFERENCE = "no_conference", _("Không tổ chức hội nghị người lao động trong 12 tháng")
    HEADCOUNT_DROP = "headcount_drop", _("Số lao động giảm mạnh giữa hai kỳ báo cáo")
    REPEATED_INCIDENTS = "repeated_incidents", _("Nhiều vụ việc trong thời gian ngắn")
    SURVEY_DISSATISFIED = "survey_dissatisfied", _("Tỷ lệ người lao động rất không hài lòng cao trong khảo sát")


class Severity(models.TextChoices):
    LOW = "low", _("Thấp")
    MEDIUM = "medium", _("Trung bình")
    HIGH = "high", _("Cao")


class WarningStatus(models.TextChoices):
    OPEN = "open", _("Mới phát sinh")
    ACKNOWLEDGED = "acknowledged", _("Đã tiếp nhận")
    CLOSED = "closed", _("Đã đóng")


class WarningAction(models.TextChoices):
    OPENED = "opened", _("Phát sinh cảnh báo")
    EVIDENCE = "evidence", _("Căn cứ thay đổi")
    ACKNOWLEDGED = "acknowledged", _("Tiếp nhận, giao xử lý")
    NOTE = "note", _("Ghi nhận xử lý")
    CLOSED = "closed", _("Tự đóng: điều kiện không còn")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Chọn một")
    MULTIPLE = "multiple", _("Chọn nhiều")
    SCALE = "scale", _("Thang điểm")
    TEXT = "text", _("Trả lời ngắn")

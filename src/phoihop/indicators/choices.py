from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    """What an indicator counts. Figures of different kinds are never added or compared; persons and
    person-times (người / lượt người) above all."""

    PERSONS = "persons", _("Người")
    PERSON_TIMES = "person_times", _("Lượt người")
    ORGANISATIONS = "organisations", _("Tổ chức, đơn vị")
    CLASSES = "classes", _("Lớp")
    VND = "vnd", _("Đồng")
    SQUARE_METRES = "m2", _("m²")
    HECTARES = "ha", _("ha")
    OTHER = "other", _("Khác")


class Measure(models.TextChoices):
    COUNT_RECORDS = "count_records", _("Đếm bản ghi")
    SUM_RECORDS = "sum_records", _("Cộng một trường số của bản ghi")
    SUM_VALUES = "sum_values", _("Cộng số liệu báo cáo trong kỳ")
    LATEST_VALUE = "latest_value", _("Lấy số liệu báo cáo mới nhất")
    RANGE_OF_VALUES = "range_of_values", _("Khoảng giá trị (thấp nhất - cao nhất)")
    SUM_OF_INDICATORS = "sum_of_indicators", _("Tổng của các chỉ tiêu khác")

    @classmethod
    def from_records(cls) -> tuple[str, str]:
        return (cls.COUNT_RECORDS, cls.SUM_RECORDS)

    @classmethod
    def from_values(cls) -> tuple[str, str, str]:
        return (cls.SUM_VALUES, cls.LATEST_VALUE, cls.RANGE_OF_VALUES)

    @classmethod
    def cumulative(cls) -> tuple[str, str, str, str]:
        """Measures that grow through the year, so a year-end projection from the pace so far makes sense."""
        return (cls.COUNT_RECORDS, cls.SUM_RECORDS, cls.SUM_VALUES, cls.SUM_OF_INDICATORS)


class Counting(models.TextChoices):
    """What an indicator computed from records counts. "13 doanh nghiệp được giám sát" is a count of distinct
    enterprises: an enterprise supervised twice in the year counts once, unlike a count of rows."""

    ROWS = "rows", _("Số bản ghi (mỗi bản ghi tính một)")
    DISTINCT_ENTERPRISES = "distinct_enterprises", _("Số doanh nghiệp khác nhau")
    DISTINCT_PERSONS = "distinct_persons", _("Số người khác nhau")
    SUM = "sum", _("Tổng một trường số của bản ghi")

    @classmethod
    def distinct(cls) -> tuple[str, str]:
        return (cls.DISTINCT_ENTERPRISES, cls.DISTINCT_PERSONS)


class PeriodType(models.TextChoices):
    MONTH = "month", _("Tháng")
    QUARTER = "quarter", _("Quý")
    YEAR = "year", _("Năm")


class ApprovalStatus(models.TextChoices):
    DRAFT = "draft", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã gửi duyệt")
    APPROVED = "approved", _("Đã phê duyệt")
    RETURNED = "returned", _("Bị trả lại")


class RuleOperator(models.TextChoices):
    LE = "le", "≤"
    LT = "lt", "<"
    EQ = "eq", "="
    GE = "ge", "≥"
    GT = "gt", ">"


class RoundingRule(models.TextChoices):
    """Stored form of core.vnformat.Rounding."""

    HALF_UP = "half_up", _("Làm tròn (từ 5 trở lên làm tròn lên)")
    TRUNCATE = "truncate", _("Cắt bỏ phần thập phân thừa")

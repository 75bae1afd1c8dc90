from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeField(models.TextChoices):
    ADMINISTRATIVE_SUPPORT = "administrative_support", _("Cải cách hành chính, hỗ trợ doanh nghiệp")
    LABOUR_RELATIONS = "labour_relations", _("Quan hệ lao động, đối thoại")
    WORKER_WELFARE = "worker_welfare", _("Chăm lo đời sống công nhân lao động")
    DIGITAL = "digital", _("Chuyển đổi số")
    ORGANISATION_BUILDING = "organisation_building", _("Xây dựng tổ chức Đảng, đoàn thể")
    SECURITY = "security", _("An ninh, trật tự")
    OTHER = "other", _("Khác")


class PracticeStatus(models.TextChoices):
    REGISTERED = "registered", _("Đăng ký xây dựng")
    IMPLEMENTING = "implementing", _("Đang triển khai")
    EFFECTIVE = "effective", _("Hiệu quả, đang duy trì")
    REPLICATED = "replicated", _("Được nhân rộng")
    STOPPED = "stopped", _("Dừng triển khai")


class AwardLevel(models.TextChoices):
    CERTIFICATE_OF_MERIT = "certificate_of_merit", _("Bằng khen")
    COMMENDATION = "commendation", _("Giấy khen")
    EMULATION_FLAG = "emulation_flag", _("Cờ thi đua")
    RECOGNITION = "recognition", _("Công nhận mô hình tiêu biểu")
    OTHER = "other", _("Khác")

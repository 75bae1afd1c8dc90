from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    COMMUNICATION_CAMPAIGN = "communication_campaign", _("Tuyên truyền")
    PUBLICATION = "publication", _("Biên soạn, phát hành ấn phẩm")
    TRAINING_CLASS = "training_class", _("Lớp tập huấn, bồi dưỡng, đào tạo")
    DIALOGUE = "dialogue", _("Đối thoại, hội nghị")
    WELFARE_EVENT = "welfare_event", _("Chăm lo, phúc lợi")
    CULTURAL_EVENT = "cultural_event", _("Văn hóa, văn nghệ, thể thao")
    SURVEY = "survey", _("Khảo sát, nắm tình hình")
    HOTLINE_SERVICE = "hotline_service", _("Đường dây nóng, ứng dụng hỗ trợ")
    OTHER = "other", _("Khác")


class ParticipantGroup(models.TextChoices):
    WORKERS = "workers", _("Công nhân lao động")
    UNION_CADRES = "union_cadres", _("Cán bộ công đoàn")
    ENTERPRISE_OWNERS = "enterprise_owners", _("Chủ doanh nghiệp, người sử dụng lao động")
    STUDENTS = "students", _("Học viên")
    OTHER = "other", _("Khác")

    @classmethod
    def persons_only(cls) -> tuple[str, ...]:
        """Groups counted by head only: the students enrolled in a course are people, never visits."""
        return (cls.STUDENTS,)


class CountUnit(models.TextChoices):
    """Persons and person-times are different units and are never added together."""

    PERSONS = "persons", _("người")
    PERSON_TIMES = "person_times", _("lượt người")


class OutputKind(models.TextChoices):
    BOOKLETS = "booklets", _("Tài liệu, sách phát hành")
    BOOTHS = "booths", _("Gian hàng")
    PARTICIPATING_UNITS = "participating_units", _("Đơn vị, doanh nghiệp tham gia")
    KIOSKS = "kiosks", _("Ki-ốt")
    VIDEOS = "videos", _("Video clip")
    INFOGRAPHICS = "infographics", _("Infographic")
    OTHER = "other", _("Khác")

    @property
    def default_unit(self) -> str:
        return {
            OutputKind.BOOKLETS: "cuốn",
            OutputKind.BOOTHS: "gian hàng",
            OutputKind.PARTICIPATING_UNITS: "đơn vị",
            OutputKind.KIOSKS: "ki-ốt",
            OutputKind.VIDEOS: "video",
            OutputKind.INFOGRAPHICS: "sản phẩm",
        }.get(self, "")

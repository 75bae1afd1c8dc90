from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a question or request reached a body."""

    HOTLINE = "hotline", _("Đường dây nóng tư vấn 24/7")
    APP = "app", _("Ứng dụng “Hướng Công”")
    IN_PERSON = "in_person", _("Trực tiếp")
    DIALOGUE = "dialogue", _("Hội nghị đối thoại")
    LETTER = "letter", _("Thư, đơn")
    ENTERPRISE_HOTLINE = "enterprise_hotline", _("Đường dây nóng doanh nghiệp")
    ONLINE = "online", _("Trang hỏi đáp trực tuyến")


class RequesterKind(models.TextChoices):
    WORKER = "worker", _("Người lao động")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    UNION_CADRE = "union_cadre", _("Cán bộ công đoàn")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    REFERRED = "referred", _("Đã chuyển cơ quan khác")
    CLOSED = "closed", _("Đã đóng")

    @classmethod
    def open_statuses(cls) -> tuple[str, str]:
        """Still waiting for an answer: these run against the deadline."""
        return (cls.RECEIVED, cls.IN_PROGRESS)


# The status machine: which status may follow which. Closed is final.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    CaseStatus.RECEIVED: (CaseStatus.IN_PROGRESS, CaseStatus.ANSWERED, CaseStatus.REFERRED, CaseStatus.CLOSED),
    CaseStatus.IN_PROGRESS: (CaseStatus.ANSWERED, CaseStatus.REFERRED, CaseStatus.CLOSED),
    CaseStatus.ANSWERED: (CaseStatus.CLOSED,),
    CaseStatus.REFERRED: (CaseStatus.CLOSED,),
    CaseStatus.CLOSED: (),
}


class CaseEventKind(models.TextChoices):
    """Entries of a case's timeline."""

    RECEIVED = "received", _("Tiếp nhận")
    STATUS = "status", _("Chuyển trạng thái")
    ASSIGNED = "assigned", _("Giao cán bộ xử lý")
    EDITED = "edited", _("Cập nhật thông tin")
    DATA_EXPORT = "data_export", _("Xuất dữ liệu cho người được hỏi")
    DATA_REQUEST = "data_request", _("Yêu cầu về dữ liệu cá nhân")
    ANONYMISED = "anonymised", _("Ẩn danh hóa")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp (ký hoặc xác nhận tại chỗ)")
    PHONE = "phone", _("Qua điện thoại (cán bộ ghi nhận)")
    ONLINE_FORM = "online_form", _("Qua biểu mẫu trực tuyến (tự đánh dấu đồng ý)")


class DataRequestKind(models.TextChoices):
    CORRECTION = "correction", _("Đính chính dữ liệu cá nhân")
    ERASURE = "erasure", _("Xóa dữ liệu cá nhân (kể cả rút lại sự đồng ý)")


class DataRequestStatus(models.TextChoices):
    OPEN = "open", _("Đang chờ xử lý")
    DONE = "done", _("Đã thực hiện")
    REJECTED = "rejected", _("Từ chối (có lý do)")


class PetitionStatus(models.TextChoices):
    RAISED = "raised", _("Đã ghi nhận")
    IN_PROGRESS = "in_progress", _("Đang giải quyết")
    ANSWERED = "answered", _("Đã có kết luận trả lời")
    RESOLVED = "resolved", _("Đã giải quyết xong")

    @classmethod
    def open_statuses(cls) -> tuple[str, str, str]:
        return (cls.RAISED, cls.IN_PROGRESS, cls.ANSWERED)


# The purpose a requester consents to, by version. A new wording gets a new version; old consents keep theirs.
PURPOSE_TEXTS: dict[str, str] = {
    "2026-01": (
        "Thông tin cá nhân của anh/chị (họ tên, số điện thoại, nơi làm việc, nội dung trình bày) chỉ được dùng để "
        "tiếp nhận, tư vấn, trả lời và theo dõi kết quả giải quyết yêu cầu của chính anh/chị. Chỉ cán bộ được giao "
        "xử lý vụ việc của cơ quan tiếp nhận được xem các thông tin này; báo cáo chỉ dùng số liệu tổng hợp không "
        "gắn với cá nhân. Thông tin được lưu đến khi vụ việc kết thúc và thêm 5 năm, sau đó được xóa. Anh/chị có "
        "quyền xem, đính chính, yêu cầu xóa dữ liệu hoặc rút lại sự đồng ý bất cứ lúc nào."
    ),
}
CURRENT_PURPOSE_VERSION = "2026-01"

"""The six "Dân vận khéo" models that section I.6 of the 2023 joint report (seed) names, with the titles as the seed
writes them, and their awards.

The seed says "Nhiều mô hình “Dân vận khéo” được Ủy ban nhân dân thành phố tặng Bằng khen trong năm 2023" without
saying which: the three awards below (models 1, 2 and 5) and their date are illustrative, and their decision numbers
are left blank rather than invented. Owning bodies, fields and texts are illustrative too: the first five models are
the Economic Zone Authority's (its hotline, its head's dialogues, its eHeza system), the sixth the Labour
Federation's. The first five carry out item 16 of the 2023 plan, the sixth item 15 (planning_data.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

PRACTICES: list[dict[str, Any]] = [
    {
        "title": (
            "Đảm bảo nâng cao chất lượng hoạt động hỗ trợ giải quyết khó khăn, vướng mắc cho doanh nghiệp thực chất, "
            "hiệu quả qua số điện thoại đường dây nóng của Ban"
        ),
        "owner": "BQLKKT",
        "field": "administrative_support",
        "description": (
            "Công khai số điện thoại đường dây nóng của Ban; tiếp nhận, phân công xử lý và trả lời phản ánh, kiến nghị "
            "của doanh nghiệp về thủ tục đầu tư, xây dựng, lao động."
        ),
        "results": "Khó khăn, vướng mắc của doanh nghiệp được tiếp nhận và giải quyết kịp thời, thực chất.",
        "awarded": True,
        "plan_items": [16],
    },
    {
        "title": (
            "Tổ chức đối thoại định kỳ giữa Trưởng ban Ban Quản lý Khu kinh tế Hải Phòng với các doanh nghiệp và công "
            "nhân trong các KCN, KKT trên địa bàn thành phố Hải Phòng"
        ),
        "owner": "BQLKKT",
        "field": "labour_relations",
        "description": (
            "Trưởng ban Ban Quản lý Khu kinh tế định kỳ gặp gỡ, đối thoại với doanh nghiệp và công nhân lao động để "
            "nắm bắt và tháo gỡ vướng mắc trong sản xuất kinh doanh và quan hệ lao động."
        ),
        "results": "Góp phần xây dựng quan hệ lao động hài hòa, ổn định, tiến bộ trong doanh nghiệp.",
        "awarded": True,
        "plan_items": [16],
    },
    {
        "title": (
            "Vận động tổ chức doanh nghiệp sử dụng dịch vụ Bưu chính công ích trong tiếp nhận và trả kết quả thủ tục "
            "hành chính"
        ),
        "owner": "BQLKKT",
        "field": "administrative_support",
        "description": (
            "Vận động doanh nghiệp nộp hồ sơ và nhận kết quả thủ tục hành chính qua dịch vụ bưu chính công ích."
        ),
        "results": "Giảm thời gian đi lại, chi phí của doanh nghiệp khi thực hiện thủ tục hành chính.",
        "awarded": False,
        "plan_items": [16],
    },
    {
        "title": "Vận động tổ chức doanh nghiệp tham gia thanh toán điện tử đạt 100%",
        "owner": "BQLKKT",
        "field": "digital",
        "description": "Vận động doanh nghiệp thanh toán phí, lệ phí thủ tục hành chính bằng hình thức điện tử.",
        "results": "Các doanh nghiệp thực hiện thủ tục tại Ban đều thanh toán điện tử.",
        "awarded": False,
        "plan_items": [16],
    },
    {
        "title": ("Vận động tổ chức, doanh nghiệp thực hiện báo cáo, trao đổi thông tin trên hệ thống phần mềm eHeza"),
        "owner": "BQLKKT",
        "field": "digital",
        "description": (
            "Hướng dẫn, vận động doanh nghiệp báo cáo tình hình sử dụng lao động và trao đổi thông tin với Ban trên hệ "
            "thống quản lý, điều hành điện tử eHeza."
        ),
        "results": "Rút ngắn thời gian báo cáo của doanh nghiệp; số liệu được cập nhật thường xuyên.",
        "awarded": True,
        "plan_items": [16],
    },
    {
        "title": "Khu nhà trọ văn minh an toàn",
        "owner": "LĐLĐTP",
        "field": "worker_welfare",
        "description": (
            "Phối hợp với chính quyền địa phương và chủ nhà trọ xây dựng khu nhà trọ bảo đảm an ninh, trật tự, phòng "
            "cháy, chữa cháy và vệ sinh môi trường cho công nhân lao động thuê trọ."
        ),
        "results": "Công nhân lao động thuê trọ được bảo đảm an toàn, văn minh trong sinh hoạt.",
        "awarded": False,
        "plan_items": [15],
    },
]

YEAR = 2023
STATUS = "effective"
AWARD = {"level": "certificate_of_merit", "awarding_agency": "UBNDTP", "decision_date": "2023-12-26"}


def load_practices(report: Any) -> None:
    """Step of `load_demo`: the six models and their awards through the services; what exists (by owning body,
    title and year) is left alone."""
    from phoihop.accounts.models import User
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.demo.oversight_data import plan_items_numbered
    from phoihop.directory.models import Agency
    from phoihop.practices.models import GoodPractice
    from phoihop.practices.services import add_award, create_practice

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    for row in PRACTICES:
        owner = agencies[row["owner"]]
        if GoodPractice.objects.filter(owner_agency=owner, title=row["title"], year=YEAR).exists():
            continue
        practice = create_practice(
            actor=admin,
            owner_agency=owner,
            data={
                "title": row["title"],
                "year": YEAR,
                "field": row["field"],
                "description": row["description"],
                "results": row["results"],
                "status": STATUS,
                "plan_items": plan_items_numbered(YEAR, row["plan_items"]),
            },
        )
        report.count("good practices")
        if row["awarded"]:
            add_award(
                actor=admin,
                practice=practice,
                data={
                    "level": AWARD["level"],
                    "awarding_agency": agencies[AWARD["awarding_agency"]],
                    "decision_date": dt.date.fromisoformat(AWARD["decision_date"]),
                },
            )
            report.count("awards")

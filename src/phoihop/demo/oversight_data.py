"""The inspections and supervisions behind section I.7 of the 2023 joint report (seed):

- the City Labour Federation's supervision at 13 FDI enterprises on the regional minimum wage, occupational safety
  and health, the grassroots democracy regulation and collective labour agreements ("giám sát tại 13 doanh nghiệp
  FDI");
- the Economic Zone Authority's inspection of labour rules and collective labour agreements;
- the joint checks on the democracy regulation, collective agreements and workers' conferences.

Each record carries out the 2023 plan item of the same subject (numbers from planning_data.py: 17, 18, 19).

The seed gives the count (13), the bodies and the topics. Which enterprises, the split into two rounds, the dates,
the findings and the follow-up actions are illustrative: the seed gives none of them. Enterprises are named by tax
code (directory_data.py); the indicator "13 FDI enterprises supervised" counts the enterprises of these records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from phoihop.demo import read

DATA = read("oversight")

# (topic code, text) for a finding of compliance, per topic.
COMPLIANT = DATA["COMPLIANT"]

FDI_SUPERVISION_TOPICS = ["regional_minimum_wage", "osh", "democracy_regulation", "cla"]
FEDERATION_PARTNERS = ["BQLKKT", "CĐKKT"]

INSPECTIONS: list[dict[str, Any]] = [
    {
        "kind": "supervision",
        "title": "Giám sát việc thực hiện chính sách, pháp luật lao động tại doanh nghiệp FDI năm 2023 (đợt 1)",
        "owner": "LĐLĐTP",
        "partners": FEDERATION_PARTNERS,
        "start_date": "2023-05-15",
        "end_date": "2023-06-30",
        "basis": "Kế hoạch giám sát năm 2023 của Liên đoàn Lao động thành phố",
        "topics": FDI_SUPERVISION_TOPICS,
        # Pegatron, LG Display, LG Electronics, LG Innotek, Haengsung, Heesung
        "enterprises": ["0299000021", "0299000022", "0299000023", "0299000024", "0299000705", "0299000706"],
        "summary": (
            "Các doanh nghiệp cơ bản chấp hành quy định về tiền lương, an toàn, vệ sinh lao động, quy chế dân chủ ở "
            "cơ sở và thỏa ước lao động tập thể; một số doanh nghiệp còn thiếu sót về thực hiện quy chế dân chủ."
        ),
        "recommendations": (
            "Đề nghị doanh nghiệp công khai quy chế dân chủ ở cơ sở và duy trì đối thoại định kỳ tại nơi làm việc; "
            "công đoàn cơ sở theo dõi, đôn đốc việc khắc phục."
        ),
        "plan_items": [18],
        "noncompliant": {
            ("0299000706", "democracy_regulation"): (
                "Chưa niêm yết công khai quy chế dân chủ ở cơ sở tại nơi làm việc; "
                "chưa tổ chức đối thoại định kỳ quý II."
            ),
        },
        "follow_ups": [
            {
                "enterprise": "0299000706",
                "description": (
                    "Niêm yết công khai quy chế dân chủ ở cơ sở và tổ chức đối thoại định kỳ tại nơi làm việc."
                ),
                "responsible": "Công ty và công đoàn cơ sở; Công đoàn Khu kinh tế theo dõi",
                "due_date": "2024-03-31",
                "status": "in_progress",
                "completed_on": None,
                "note": "Doanh nghiệp đã niêm yết quy chế; chưa tổ chức đối thoại định kỳ.",
            },
        ],
    },
    {
        "kind": "supervision",
        "title": "Giám sát việc thực hiện chính sách, pháp luật lao động tại doanh nghiệp FDI năm 2023 (đợt 2)",
        "owner": "LĐLĐTP",
        "partners": FEDERATION_PARTNERS,
        "start_date": "2023-08-14",
        "end_date": "2023-09-29",
        "basis": "Kế hoạch giám sát năm 2023 của Liên đoàn Lao động thành phố",
        "topics": FDI_SUPERVISION_TOPICS,
        # Bridgestone, Kyocera, Fuji Xerox, Yazaki, Toyoda Gosei, Regina Miracle, Rorze Robotech
        "enterprises": [
            "0299000025",
            "0299000026",
            "0299000027",
            "0299000701",
            "0299000702",
            "0299000703",
            "0299000704",
        ],
        "summary": (
            "Các doanh nghiệp trả lương không thấp hơn mức lương tối thiểu vùng, thực hiện quy chế dân chủ ở cơ sở; "
            "một doanh nghiệp có thỏa ước lao động tập thể hết hiệu lực, một doanh nghiệp còn thiếu sót về hồ sơ "
            "huấn luyện an toàn, vệ sinh lao động."
        ),
        "recommendations": (
            "Đề nghị doanh nghiệp thương lượng, ký kết thỏa ước lao động tập thể mới và hoàn thiện hồ sơ huấn luyện "
            "an toàn, vệ sinh lao động cho lao động mới tuyển."
        ),
        "plan_items": [18],
        "noncompliant": {
            ("0299000703", "cla"): (
                "Thỏa ước lao động tập thể đã hết hiệu lực, doanh nghiệp chưa tổ chức thương lượng để ký kết "
                "thỏa ước mới."
            ),
            ("0299000704", "osh"): (
                "Chưa cập nhật đầy đủ hồ sơ huấn luyện an toàn, vệ sinh lao động cho lao động mới tuyển dụng."
            ),
        },
        "follow_ups": [
            {
                "enterprise": "0299000703",
                "description": "Công đoàn cơ sở đề xuất thương lượng, ký kết thỏa ước lao động tập thể mới.",
                "responsible": "Công đoàn cơ sở; Công đoàn Khu kinh tế hỗ trợ",
                "due_date": "2023-12-31",
                "status": "done",
                "completed_on": "2023-12-15",
                "note": "",
            },
            {
                "enterprise": "0299000704",
                "description": "Hoàn thiện hồ sơ huấn luyện an toàn, vệ sinh lao động cho lao động mới tuyển dụng.",
                "responsible": "Công ty TNHH Rorze Robotech",
                "due_date": "2023-11-30",
                "status": "done",
                "completed_on": "2023-11-20",
                "note": "",
            },
        ],
    },
    {
        "kind": "inspection",
        "title": "Kiểm tra việc thực hiện nội quy lao động, thỏa ước lao động tập thể tại doanh nghiệp trong KCN, KKT",
        "owner": "BQLKKT",
        "partners": ["LĐLĐTP"],
        "start_date": "2023-10-09",
        "end_date": "2023-10-27",
        "basis": "Kế hoạch kiểm tra năm 2023 của Ban Quản lý Khu kinh tế",
        "topics": ["labour_rules", "cla"],
        # Crystal Sweater, Fuming, Horn, Jinka
        "enterprises": ["0299000011", "0299000012", "0299000015", "0299000016"],
        "summary": "Các doanh nghiệp đã xây dựng nội quy lao động; một doanh nghiệp chưa đăng ký nội quy lao động.",
        "recommendations": "Đề nghị doanh nghiệp đăng ký nội quy lao động với Ban Quản lý Khu kinh tế theo quy định.",
        "plan_items": [19],
        "noncompliant": {
            ("0299000012", "labour_rules"): "Nội quy lao động đã ban hành nhưng chưa đăng ký với cơ quan quản lý.",
        },
        "follow_ups": [
            {
                "enterprise": "0299000012",
                "description": "Đăng ký nội quy lao động với Ban Quản lý Khu kinh tế.",
                "responsible": "Công ty TNHH ngành gỗ Fuming Việt Nam",
                "due_date": "2023-11-30",
                "status": "done",
                "completed_on": "2023-11-17",
                "note": "",
            },
        ],
    },
    {
        "kind": "joint",
        "title": (
            "Phối hợp kiểm tra, giám sát việc thực hiện quy chế dân chủ ở cơ sở, ký kết thỏa ước lao động tập thể, "
            "tổ chức hội nghị người lao động"
        ),
        "owner": "LĐLĐTP",
        "partners": ["BQLKKT"],
        "start_date": "2023-11-13",
        "end_date": "2023-11-24",
        "basis": "",
        "topics": ["democracy_regulation", "cla", "workers_conference"],
        # Amtran, Takahata
        "enterprises": ["0299000014", "0299000019"],
        "summary": "Các doanh nghiệp thực hiện quy chế dân chủ ở cơ sở, tổ chức hội nghị người lao động đúng quy định.",
        "recommendations": "",
        "plan_items": [17],
        "noncompliant": {},
        "follow_ups": [],
    },
]

INDICATORS: list[dict[str, Any]] = DATA["INDICATORS"]


def plan_items_numbered(year: int, numbers: list[int]) -> list[Any]:
    """The items of that year's plan with these numbers (planning_data.py); none while the plan is not there."""
    from phoihop.planning.models import PlanItem

    return list(PlanItem.objects.filter(plan__year=year, number__in=numbers).order_by("number"))


# The managed list as the first migration seeds it (oversight/migrations/0002_seed_topics.py). A test database that
# is flushed between tests loses migration data, so the demo makes sure the topics it uses are there.
DEFAULT_TOPICS = DATA["DEFAULT_TOPICS"]


def load_topics(report: Any) -> None:
    """Step of `load_demo`: the managed list of inspection topics, where a flushed database has lost it."""
    from phoihop.oversight.models import InspectionTopic
    from phoihop.oversight.services import create_topic

    existing = set(InspectionTopic.objects.values_list("code", flat=True))
    for position, (code, name) in enumerate(DEFAULT_TOPICS, start=1):
        if code not in existing:
            create_topic(actor=None, data={"code": code, "name": name, "position": position * 10})
            report.count("inspection topics")


def load_inspections(report: Any) -> None:
    """Step of `load_demo`: the inspections above with their findings and follow-up actions, through the services;
    what exists (by lead body, title and start date) is left alone."""
    from phoihop.accounts.models import User
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.directory.models import Agency, Enterprise
    from phoihop.oversight.models import Inspection
    from phoihop.oversight.selectors import topics_by_code
    from phoihop.oversight.services import add_finding, add_follow_up, create_inspection

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    for row in INSPECTIONS:
        owner = agencies[row["owner"]]
        start = dt.date.fromisoformat(row["start_date"])
        if Inspection.objects.filter(owner_agency=owner, title=row["title"], start_date=start).exists():
            continue
        enterprises = {e.tax_code: e for e in Enterprise.objects.filter(tax_code__in=row["enterprises"])}
        topics = topics_by_code(row["topics"])
        inspection = create_inspection(
            actor=admin,
            owner_agency=owner,
            data={
                "kind": row["kind"],
                "title": row["title"],
                "start_date": start,
                "end_date": dt.date.fromisoformat(row["end_date"]),
                "basis": row["basis"],
                "summary": row["summary"],
                "recommendations": row["recommendations"],
                "partner_agencies": [agencies[code] for code in row["partners"]],
                "enterprises": [enterprises[code] for code in row["enterprises"]],
                "topics": topics,
                "plan_items": plan_items_numbered(2023, row["plan_items"]),
            },
        )
        report.count("inspections")
        for code in row["enterprises"]:
            for topic in topics:
                problem = row["noncompliant"].get((code, topic.code))
                add_finding(
                    actor=admin,
                    inspection=inspection,
                    data={
                        "enterprise": enterprises[code],
                        "topic": topic,
                        "compliant": problem is None,
                        "text": problem or COMPLIANT[topic.code],
                    },
                )
                report.count("findings")
        for action in row["follow_ups"]:
            add_follow_up(
                actor=admin,
                inspection=inspection,
                data={
                    "enterprise": enterprises[action["enterprise"]],
                    "description": action["description"],
                    "responsible": action["responsible"],
                    "due_date": dt.date.fromisoformat(action["due_date"]),
                    "status": action["status"],
                    "completed_on": (dt.date.fromisoformat(action["completed_on"]) if action["completed_on"] else None),
                    "note": action["note"],
                },
            )
            report.count("follow-up actions")

"""The activities behind part I of the 2023 joint report (seed): communication, the dialogue conference, the Union
Tet Market, the welfare kiosks, the app and hotline, the survey, the 48 training classes for union cadres, the law
and the inspection courses, and the Economic Zone Authority's conferences and programmes.

Every figure the report prints is the seed's, with its qualifier ("trên 4.000" is stored as 4000 with "over").
The seed gives months at best, so the days are illustrative, and places are left empty where the seed names none.
`plan_item` is the number of the 2023 plan item the activity carries out (see planning_data.py); the loader skips
the link when that plan or item is not there."""

from __future__ import annotations

from typing import Any

from phoihop.demo import read

DATA = read("activities")

TRAINING_SERIES = "Tập huấn, bồi dưỡng cán bộ công đoàn năm 2023"
TET_SERIES = "Tết Sum vầy, Xuân gắn kết"

# Footnote-free activities of part I, in the order the report tells them.
ACTIVITIES: list[dict[str, Any]] = [
    {
        "key": "communication-labour-law",
        "kind": "communication_campaign",
        "title": (
            "Tuyên truyền pháp luật lao động, Bảo hiểm xã hội, chính sách đối với lao động nữ, Luật Thực hiện dân chủ "
            "ở cơ sở cho công nhân lao động tại các doanh nghiệp trong KCN, KKT"
        ),
        "series": "",
        "start_date": "2023-03-01",
        "end_date": "2023-11-30",
        "owner": "LĐLĐTP",
        "partners": ["BDVTU", "BQLKKT"],
        "zone": "",
        "enterprises": ["0299000041", "0299000043", "0299000045", "0299000050", "0299000058"],
        "place": "",
        "notes": (
            "Từng bước chuyển đổi số trong tuyên truyền: sản phẩm truyền thông hiện đại (infographics, intro, "
            "videoclip…) đăng trên Cổng thông tin Dân vận Hải Phòng, Cổng thông tin của Ban Quản lý Khu kinh tế, "
            "Cổng thông tin điện tử Liên đoàn Lao động thành phố, Fanpage Công đoàn Hải Phòng, các nhóm Zalo, Facebook."
        ),
        "participants": [{"group": "workers", "count": 4000, "unit": "persons", "qualifier": "over"}],
        "outputs": [],
        "plan_item": 3,
    },
    {
        "key": "booklet-labour-law-qa",
        "kind": "publication",
        "title": "Biên soạn và phát hành cuốn “Hỏi đáp về pháp luật lao động”",
        "series": "",
        "start_date": "2023-05-15",
        "end_date": "2023-06-30",
        "owner": "LĐLĐTP",
        "partners": ["BDVTU", "BQLKKT"],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Phát cho công nhân lao động tại các doanh nghiệp trong KCN, KKT.",
        "participants": [],
        "outputs": [
            {
                "kind": "booklets",
                "label": "Hỏi đáp về pháp luật lao động",
                "quantity": 1500,
                "unit": "cuốn",
                "qualifier": "exact",
            }
        ],
        "plan_item": 3,
    },
    {
        "key": "media-workers-month",
        "kind": "communication_campaign",
        "title": (
            "Phối hợp với các cơ quan truyền thông tuyên truyền về Hội nghị gặp gỡ, đối thoại giữa Thường trực "
            "Thành ủy với công nhân, viên chức, lao động; “Tháng Công nhân” năm 2023; Đại hội Công đoàn các cấp "
            "nhiệm kỳ 2023-2028"
        ),
        "series": "",
        "start_date": "2023-04-20",
        "end_date": "2023-10-31",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Tuyên truyền về chế độ, chính sách bảo hiểm xã hội, pháp luật lao động tại một số doanh nghiệp.",
        "participants": [],
        "outputs": [],
        "plan_item": 4,
    },
    {
        "key": "media-recruitment",
        "kind": "communication_campaign",
        "title": (
            "Phối hợp với Đài Phát thanh và Truyền hình Hải Phòng, Báo Hải Phòng, Cổng thông tin điện tử thành phố "
            "đưa tin tuyển dụng của các doanh nghiệp trong KCN, KKT"
        ),
        "series": "",
        "start_date": "2023-02-01",
        "end_date": "2023-12-31",
        "owner": "BQLKKT",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Kết nối, hỗ trợ doanh nghiệp tuyển dụng lao động.",
        "participants": [],
        "outputs": [],
        "plan_item": 4,
    },
    {
        "key": "dialogue-standing-board",
        "kind": "dialogue",
        "title": (
            "Hội nghị Thường trực Thành ủy gặp gỡ, đối thoại với công nhân, viên chức, lao động thành phố năm 2023"
        ),
        "series": "",
        "start_date": "2023-05-13",
        "end_date": None,
        "owner": "BDVTU",
        "partners": ["BQLKKT", "LĐLĐTP"],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Kết luận của Thường trực Thành ủy tại Thông báo số 1558-TB/TU, ngày 27/5/2023.",
        "participants": [],
        "outputs": [],
        "plan_item": 1,
    },
    {
        "key": "tet-programme",
        "kind": "welfare_event",
        "title": "Chuỗi chương trình “Tết Sum vầy, Xuân gắn kết” năm 2023",
        "series": TET_SERIES,
        "start_date": "2023-01-05",
        "end_date": "2023-01-20",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "",
        "participants": [],
        "outputs": [],
        "plan_item": 6,
    },
    {
        "key": "tet-market",
        "kind": "welfare_event",
        "title": "Chợ Tết Công đoàn 2023",
        "series": TET_SERIES,
        "start_date": "2023-01-12",
        "end_date": "2023-01-16",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Đơn vị, doanh nghiệp trong và ngoài thành phố; gian hàng tiêu dùng.",
        "participants": [{"group": "workers", "count": 45000, "unit": "person_times", "qualifier": "over"}],
        "outputs": [
            {
                "kind": "participating_units",
                "label": "Đơn vị, doanh nghiệp trong và ngoài thành phố tham gia",
                "quantity": 100,
                "unit": "đơn vị, doanh nghiệp",
                "qualifier": "nearly",
            },
            {
                "kind": "booths",
                "label": "Gian hàng tiêu dùng",
                "quantity": 200,
                "unit": "gian hàng",
                "qualifier": "over",
            },
        ],
        "plan_item": 6,
    },
    {
        "key": "app-huong-cong",
        "kind": "hotline_service",
        "title": "Triển khai App “Hướng Công” và đường dây tư vấn, hỗ trợ đoàn viên, người lao động 24/7",
        "series": "",
        "start_date": "2023-03-01",
        "end_date": "2023-12-31",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "",
        "participants": [],
        "outputs": [],
        "plan_item": 6,
    },
    {
        "key": "welfare-kiosks",
        "kind": "welfare_event",
        "title": "Thí điểm ki-ốt cung cấp hàng phúc lợi cho công nhân lao động tại các khu công nghiệp",
        "series": "",
        "start_date": "2023-08-01",
        "end_date": "2023-12-31",
        "owner": "LĐLĐTP",
        "partners": ["BQLKKT"],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "",
        "participants": [],
        "outputs": [
            {
                "kind": "kiosks",
                "label": "Ki-ốt cung cấp hàng phúc lợi",
                "quantity": 7,
                "unit": "ki-ốt",
                "qualifier": "exact",
            }
        ],
        "plan_item": 6,
    },
    {
        "key": "survey-workers",
        "kind": "survey",
        "title": (
            "Khảo sát tình hình việc làm, đời sống, tâm tư, nguyện vọng của công nhân, viên chức, lao động tại một số "
            "doanh nghiệp, đơn vị"
        ),
        "series": "",
        "start_date": "2023-06-05",
        "end_date": "2023-07-28",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": ["0299000044", "0299000047", "0299000055"],
        "place": "",
        "notes": "",
        "participants": [],
        "outputs": [],
        "plan_item": 7,
    },
    {
        "key": "conference-skills",
        "kind": "dialogue",
        "title": (
            "Hội nghị kết nối đào tạo lao động chất lượng cao giữa các doanh nghiệp và các trường đại học, cao đẳng"
        ),
        "series": "",
        "start_date": "2023-09-15",
        "end_date": None,
        "owner": "BQLKKT",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Thỏa thuận hợp tác đào tạo nguồn nhân lực theo chuyên ngành của các doanh nghiệp.",
        "participants": [],
        "outputs": [],
        "plan_item": 5,
    },
    {
        "key": "tv-stage",
        "kind": "cultural_event",
        "title": "Đề án “Sân khấu truyền hình” tại các khu công nghiệp, phục vụ miễn phí người lao động",
        "series": "",
        "start_date": "2023-04-01",
        "end_date": "2023-12-31",
        "owner": "BQLKKT",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Phối hợp với Sở Văn hóa và Thể thao.",
        "participants": [],
        "outputs": [],
        "plan_item": 6,
    },
    {
        "key": "dialogue-investors",
        "kind": "dialogue",
        "title": (
            "Trao đổi, đối thoại định kỳ của Trưởng Ban Quản lý Khu kinh tế, Giám đốc Công an thành phố với các nhà "
            "đầu tư, doanh nghiệp sử dụng nhiều lao động"
        ),
        "series": "",
        "start_date": "2023-06-20",
        "end_date": None,
        "owner": "BQLKKT",
        "partners": [],
        "zone": "",
        "enterprises": ["0299000021", "0299000022"],
        "place": "",
        "notes": "Kịp thời tháo gỡ vướng mắc trong sản xuất kinh doanh.",
        "participants": [],
        "outputs": [],
        "plan_item": 5,
    },
    {
        "key": "course-law-degree",
        "kind": "training_class",
        "title": "Lớp đào tạo Đại học văn bằng 2 (hệ vừa làm, vừa học) ngành Luật",
        "series": "",
        "start_date": "2023-09-09",
        "end_date": None,
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Phối hợp với Trường Đại học Công đoàn Việt Nam và Trung tâm giáo dục thường xuyên Hải Phòng.",
        "participants": [{"group": "students", "count": 61, "unit": "persons", "qualifier": "exact"}],
        "outputs": [],
        "plan_item": 14,
    },
    {
        "key": "course-inspection",
        "kind": "training_class",
        "title": "Lớp bồi dưỡng nghiệp vụ Thanh tra - Kiểm tra cho cán bộ công đoàn",
        "series": "",
        "start_date": "2023-07-17",
        "end_date": "2023-07-21",
        "owner": "LĐLĐTP",
        "partners": [],
        "zone": "",
        "enterprises": [],
        "place": "",
        "notes": "Phối hợp với Trường Thanh tra Chính phủ.",
        "participants": [{"group": "union_cadres", "count": 46, "unit": "persons", "qualifier": "exact"}],
        "outputs": [],
        "plan_item": 14,
    },
]

TRAINING_TOPICS = DATA["TRAINING_TOPICS"]
TRAINING_PLACES = DATA["TRAINING_PLACES"]
# The 48 classes of part I.5: (date, topic, union cadres trained in person-times, place). They add up to 2.500.
TRAINING_CLASSES: list[tuple[str, str, int, int]] = DATA["TRAINING_CLASSES"]
TRAINING_PLAN_ITEM = 14


def training_class_rows() -> list[dict[str, Any]]:
    """The 48 classes as activity rows, titled "… (lớp 01/48)" so each has its own natural key."""
    total = len(TRAINING_CLASSES)
    rows = []
    for number, (date, topic, count, place) in enumerate(TRAINING_CLASSES, start=1):
        rows.append(
            {
                "key": f"training-{number:02d}",
                "kind": "training_class",
                "title": f"{TRAINING_TOPICS[topic]} (lớp {number:02d}/{total})",
                "series": TRAINING_SERIES,
                "start_date": date,
                "end_date": None,
                "owner": "LĐLĐTP",
                "partners": [],
                "zone": "",
                "enterprises": [],
                "place": TRAINING_PLACES[place],
                "notes": "",
                "participants": [
                    {"group": "union_cadres", "count": count, "unit": "person_times", "qualifier": "exact"}
                ],
                "outputs": [],
                "plan_item": TRAINING_PLAN_ITEM,
            }
        )
    return rows


# --- Indicators of the 2023 plan that count these activities ------------------------------------------------------

INDICATORS: list[dict[str, Any]] = [
    {
        "code": "HD-LOP-TAP-HUAN-CBCD",
        "name": "Lớp tập huấn, bồi dưỡng kỹ năng, nghiệp vụ công tác công đoàn, kiến thức pháp luật, an toàn vệ sinh "
        "lao động cho cán bộ công đoàn",
        "unit": "lớp",
        "unit_kind": "classes",
        "owner": "LĐLĐTP",
        "measure": "count_records",
        "record_kind": "activities.activity",
        "record_filter": {"kind": "training_class", "series": TRAINING_SERIES},
        "sum_field": "",
        "target_agency": "LĐLĐTP",
        "target": None,
    },
    {
        "code": "HD-LUOT-CBCD-TAP-HUAN",
        "name": "Lượt cán bộ công đoàn được tập huấn, bồi dưỡng",
        "unit": "lượt cán bộ công đoàn",
        "unit_kind": "person_times",
        "owner": "LĐLĐTP",
        "measure": "sum_records",
        "record_kind": "activities.participants_person_times",
        "record_filter": {
            "group": "union_cadres",
            "activity__kind": "training_class",
            "activity__series": TRAINING_SERIES,
        },
        "sum_field": "count",
        "target_agency": "LĐLĐTP",
        "target": None,
    },
]


def _plan_items(year: int) -> dict[int, Any]:
    from phoihop.planning.models import PlanItem

    return {item.number: item for item in PlanItem.objects.filter(plan__year=year)}


def load_activities(report: Any) -> None:
    """Step of `load_demo`: the activities above through the activity services, skipping those already there
    (natural key: organising body, title, start date)."""
    import datetime as dt

    from phoihop.accounts.models import User
    from phoihop.activities.models import Activity
    from phoihop.activities.services import create_activity
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.directory.models import Agency, Enterprise, Zone

    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    items = _plan_items(2023)
    for row in ACTIVITIES + training_class_rows():
        owner = agencies[row["owner"]]
        start = dt.date.fromisoformat(row["start_date"])
        if Activity.objects.filter(owner_agency=owner, title=row["title"], start_date=start).exists():
            continue
        item = items.get(row["plan_item"])
        create_activity(
            actor=admin,
            owner_agency=owner,
            data={
                "kind": row["kind"],
                "title": row["title"],
                "series": row["series"],
                "start_date": start,
                "end_date": dt.date.fromisoformat(row["end_date"]) if row["end_date"] else None,
                "place": row["place"],
                "zone": Zone.objects.get(name=row["zone"]) if row["zone"] else None,
                "notes": row["notes"],
                "partner_agencies": [agencies[code] for code in row["partners"]],
                "enterprises": list(Enterprise.objects.filter(tax_code__in=row["enterprises"]).order_by("tax_code")),
                "plan_items": [item] if item is not None else [],
            },
            participants=row["participants"],
            outputs=row["outputs"],
        )
        report.count("activities")


def load_indicators(report: Any, indicators: list[dict[str, Any]] | None = None) -> None:
    """Step of `load_demo`: the indicators of the 2023 plan that count these records, with their plan lines.
    Skipped while the 2023 plan is not there; idempotent by indicator code."""
    from phoihop.accounts.models import User
    from phoihop.demo.directory_data import ADMIN_USERNAME
    from phoihop.directory.models import Agency
    from phoihop.indicators.models import Indicator, Target
    from phoihop.indicators.services import create_indicator, create_target
    from phoihop.planning.models import Plan

    plan = Plan.objects.filter(year=2023).first()
    if plan is None:
        return
    admin = User.objects.get(username=ADMIN_USERNAME)
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    position = Target.objects.filter(plan=plan).count()
    for row in INDICATORS if indicators is None else indicators:
        indicator = Indicator.objects.filter(code=row["code"]).first()
        if indicator is None:
            indicator = create_indicator(
                actor=admin,
                data={
                    "code": row["code"],
                    "name": row["name"],
                    "unit": row["unit"],
                    "unit_kind": row["unit_kind"],
                    "owner_agency": agencies[row["owner"]],
                    "measure": row["measure"],
                    "record_kind": row["record_kind"],
                    "record_filter": row["record_filter"],
                    "sum_field": row["sum_field"],
                },
            )
            report.count("indicators")
        agency = agencies[row["target_agency"]] if row["target_agency"] else None
        if not Target.objects.filter(plan=plan, indicator=indicator, agency=agency).exists():
            position += 1
            create_target(
                actor=admin,
                plan=plan,
                data={"indicator": indicator, "agency": agency, "value": row["target"], "position": position},
            )
            report.count("targets")


def load_activity_indicators(report: Any) -> None:
    load_indicators(report, INDICATORS)

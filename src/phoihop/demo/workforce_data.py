"""ILLUSTRATIVE workforce data for 2023 (Số liệu minh họa): the seed report gives no figure per enterprise, so these
labour reports, incidents and survey answers are invented, plausible and internally consistent, to show the
workforce pages, warnings and figures. They are not facts about the named enterprises. The only figures taken from
the seed are the mid-shift meal range (20.000đ–25.000đ a portion): the reports stay within it and reach both ends,
since the 2023 joint report computes its range from them ({{BUA_AN.khoang}} in demo/reports_data.py), as it computes
the support to workers of the absconding employer ({{HO_TRO_BO_TRON.tong_khong_trung}}) from the incidents below.

What they raise (all through the services): a lowest wage below region I's minimum (Minh Phát), social-insurance
arrears of 3 months or more (Hoa Thịnh, Phú An), overtime above 40 hours a month (Everbright), headcount falling by
more than 20% between the two half-years (Solaris), two work stoppages within six months (Hoa Thịnh), and the
absconding employer at Phú An with the support its workers received.

Every demo zone is put in wage region I (Hải Phòng's districts of the demo zones are listed in region I of NĐ
38/2022's appendix as far as we know; marked "chưa đối chiếu" until compared with the decree's text)."""

from __future__ import annotations

import datetime as dt
from typing import Any

ILLUSTRATIVE = "Số liệu minh họa (demo), không phải số liệu thật của doanh nghiệp."

# (tax code, headcount, women %, lowest wage, meal, SI arrears months, overtime max h/month, agreement, conference)
ANNUAL_2023: list[tuple[str, int, int, int, int, int, int, bool, str | None]] = [
    ("0299000041", 1250, 62, 4_850_000, 22_000, 0, 36, True, "2023-02-10"),
    ("0299000042", 640, 81, 4_600_000, 20_000, 0, 38, False, "2023-03-05"),  # wage below region I
    ("0299000043", 410, 35, 5_100_000, 25_000, 0, 30, True, "2023-01-20"),
    ("0299000044", 230, 48, 4_800_000, 20_000, 0, 24, False, None),  # no workers' conference
    ("0299000045", 980, 30, 5_200_000, 25_000, 0, 32, True, "2023-02-25"),
    ("0299000046", 160, 22, 4_900_000, 21_000, 0, 20, True, "2023-03-15"),
    ("0299000047", 520, 70, 4_950_000, 23_000, 0, 28, True, "2023-02-18"),
    ("0299000048", 350, 55, 4_750_000, 20_000, 0, 34, True, "2023-01-30"),
    ("0299000049", 1800, 78, 4_700_000, 20_000, 4, 39, True, "2023-02-05"),  # SI arrears, two stoppages
    ("0299000050", 1420, 66, 4_900_000, 22_000, 0, 36, True, "2023-02-12"),
    ("0299000051", 290, 60, 4_720_000, 20_000, 0, 26, True, "2023-03-01"),
    ("0299000052", 210, 8, 5_000_000, 24_000, 0, 35, True, "2023-01-14"),
    ("0299000053", 760, 58, 5_050_000, 23_000, 0, 30, True, "2023-02-22"),
    ("0299000054", 1100, 85, 4_780_000, 21_000, 0, 48, True, "2023-02-08"),  # overtime over 40 h/month
    ("0299000055", 470, 52, 4_880_000, 22_000, 0, 33, True, "2023-02-16"),
    ("0299000056", 260, 40, 4_960_000, 22_000, 0, 22, True, "2023-03-10"),
    ("0299000058", 330, 45, 4_690_000, 20_000, 3, 30, True, "2023-01-25"),  # SI arrears; employer absconded
    ("0299000059", 540, 38, 5_000_000, 24_000, 0, 31, True, "2023-02-20"),
    ("0299000060", 190, 50, 4_820_000, 21_000, 0, 27, True, "2023-03-03"),
    ("0299000061", 150, 25, 5_150_000, 25_000, 0, 18, True, "2023-01-18"),
    ("0299000062", 620, 47, 4_870_000, 22_000, 0, 34, True, "2023-02-27"),
]
# Solaris: the two half-years, headcount 890 → 680 (−23,6%).
SEMIANNUAL_2023: list[tuple[str, str, int, int]] = [
    ("0299000057", "2023-01-01", 890, 4_900_000),
    ("0299000057", "2023-07-01", 680, 4_900_000),
]
# The union's monthly follow-up at Hoa Thịnh, second half of 2023.
MONTHLY_2023: list[tuple[str, str, int]] = [
    ("0299000049", "2023-07-01", 1810),
    ("0299000049", "2023-08-01", 1805),
    ("0299000049", "2023-09-01", 1800),
]

INCIDENTS: list[dict[str, Any]] = [
    {
        "tax_code": "0299000049",
        "owner": "LĐLĐTP",
        "kind": "stoppage",
        "started_on": "2023-03-14",
        "ended_on": "2023-03-15",
        "workers_involved": 600,
        "cause_topic": "meals",
        "demands": "Người lao động đề nghị nâng chất lượng và giá trị bữa ăn giữa ca.",
        "handled_by": ["LĐLĐTP", "BQLKKT"],
        "outcome": "resolved",
        "outcome_text": "Doanh nghiệp nâng giá trị bữa ăn giữa ca lên 20.000đ/suất; người lao động trở lại làm việc.",
        "steps": [("2023-03-14", "Công đoàn khu kinh tế và Ban Quản lý làm việc với doanh nghiệp và người lao động.")],
        "supports": [],
    },
    {
        "tax_code": "0299000049",
        "owner": "LĐLĐTP",
        "kind": "stoppage",
        "started_on": "2023-07-10",
        "ended_on": "2023-07-11",
        "workers_involved": 850,
        "cause_topic": "wage_arrears",
        "demands": "Người lao động đề nghị trả lương tháng 6 đúng hạn và đóng bảo hiểm xã hội còn nợ.",
        "handled_by": ["LĐLĐTP", "BQLKKT"],
        "outcome": "partly",
        "outcome_text": "Doanh nghiệp cam kết trả lương trước ngày 20/7; nợ bảo hiểm xã hội tiếp tục theo dõi.",
        "steps": [
            ("2023-07-10", "Đối thoại giữa doanh nghiệp, công đoàn cơ sở và đại diện người lao động."),
            ("2023-07-20", "Kiểm tra việc trả lương theo cam kết."),
        ],
        "supports": [],
    },
    {
        "tax_code": "0299000058",
        "owner": "BQLKKT",
        "kind": "absconding",
        "started_on": "2023-09-05",
        "ended_on": None,
        "workers_involved": 330,
        "cause_topic": "employer_gone",
        "demands": "Chủ doanh nghiệp rời Việt Nam, nợ lương tháng 8 và bảo hiểm xã hội của người lao động.",
        "handled_by": ["BQLKKT", "LĐLĐTP"],
        "outcome": "partly",
        "outcome_text": (
            "Người lao động được hỗ trợ tiền, giới thiệu việc làm; thủ tục xử lý tài sản doanh nghiệp đang tiến hành."
        ),
        "steps": [
            ("2023-09-06", "Ban Quản lý chủ trì họp liên ngành với Công an, Bảo hiểm xã hội, Công đoàn."),
            ("2023-09-15", "Tổ chức phiên giao dịch việc làm riêng cho người lao động của doanh nghiệp."),
        ],
        "supports": [
            {
                "kind": "money",
                "given_on": "2023-09-20",
                "people": 330,
                "amount": 165_000_000,
                "given_by": "LĐLĐTP",
                "description": "Hỗ trợ 500.000đ/người từ quỹ xã hội của Công đoàn",
            },
            {
                "kind": "jobs",
                "given_on": "2023-10-10",
                "people": 212,
                "amount": None,
                "given_by": "BQLKKT",
                "description": "Giới thiệu việc làm tại các doanh nghiệp trong khu",
            },
        ],
    },
    {
        "tax_code": "0299000052",
        "owner": "BQLKKT",
        "kind": "accident",
        "started_on": "2023-11-02",
        "ended_on": "2023-11-02",
        "workers_involved": 2,
        "cause_topic": "working_conditions",
        "demands": "Tai nạn khi lắp dựng kết cấu thép; hai người lao động bị thương.",
        "handled_by": ["BQLKKT"],
        "outcome": "resolved",
        "outcome_text": "Doanh nghiệp chi trả chi phí điều trị; bổ sung biện pháp an toàn khi làm việc trên cao.",
        "steps": [("2023-11-03", "Kiểm tra hiện trường, yêu cầu doanh nghiệp khai báo và điều tra tai nạn.")],
        "supports": [],
    },
]

SURVEY: dict[str, Any] = {
    "title": "Khảo sát tình hình việc làm, đời sống, tâm tư, nguyện vọng của công nhân lao động năm 2023",
    "intro": "Phiếu khảo sát không ghi tên. " + ILLUSTRATIVE,
    "opens_on": "2023-06-01",
    "closes_on": "2023-06-30",
    "enterprises": ["0299000049", "0299000050", "0299000054"],
    "questions": [
        {
            "kind": "single",
            "text": "Anh/chị có hài lòng với bữa ăn giữa ca?",
            "options": ["Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Rất không hài lòng"],
        },
        {
            "kind": "multiple",
            "text": "Anh/chị mong muốn được hỗ trợ về",
            "options": ["Nhà ở", "Nhà trẻ, trường học cho con", "Nâng cao tay nghề", "Tư vấn pháp luật"],
        },
        {"kind": "scale", "text": "Mức độ gắn bó lâu dài với doanh nghiệp (1: thấp, 5: cao)"},
    ],
    # (enterprise tax code, meal answer, wishes, attachment) for each answer sheet: 14 sheets.
    "answers": [
        ("0299000049", 1, [0, 1], 4),
        ("0299000049", 2, [0], 3),
        ("0299000049", 1, [1], 4),
        ("0299000049", 2, [0, 2], 3),
        ("0299000049", 3, [0], 2),
        ("0299000049", 1, [3], 4),
        ("0299000050", 0, [2], 5),
        ("0299000050", 1, [0, 2], 4),
        ("0299000050", 1, [1], 4),
        ("0299000050", 0, [2, 3], 5),
        ("0299000050", 1, [0], 4),
        ("0299000050", 2, [0, 1], 3),
        ("0299000054", 2, [0], 3),
        ("0299000054", 1, [1, 0], 4),
    ],
}


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _report_data(
    enterprise: Any, report_type: str, start: str, headcount: int, lowest: int, **more: Any
) -> dict[str, Any]:
    women_share = more.pop("women_share", 55)
    data = {
        "enterprise": enterprise,
        "report_type": report_type,
        "period_start": _date(start),
        "headcount": headcount,
        "women": headcount * women_share // 100,
        "other_province": headcount * 30 // 100,
        "foreign_workers": 0,
        "union_members": headcount * 85 // 100,
        "average_income": lowest + 3_000_000,
        "lowest_wage": lowest,
        "has_democracy_regulation": True,
        "notes": ILLUSTRATIVE,
    }
    data.update(more)
    return data


def load_workforce(report: Any) -> None:
    """Step of `load_demo`: wage regions of the demo zones, the 2023 labour reports (approved), the incidents with
    their support, and the survey with its answers — through the services, which raise the warnings. What exists
    (report by enterprise, type and period; incident by enterprise, kind and date; survey by title) is left alone."""
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency, Enterprise, Zone
    from phoihop.workforce import services
    from phoihop.workforce.models import Incident, LabourReport, Survey, WageDecree, WageRegionAssignment

    officers = {
        code: User.objects.get(username=f"{slug}.canbo") for code, slug in (("BQLKKT", "bqlkkt"), ("LĐLĐTP", "ldldtp"))
    }
    leaders = {
        code: User.objects.get(username=f"{slug}.lanhdao")
        for code, slug in (("BQLKKT", "bqlkkt"), ("LĐLĐTP", "ldldtp"))
    }
    agencies = {agency.short_code: agency for agency in Agency.objects.all()}
    by_tax = {enterprise.tax_code: enterprise for enterprise in Enterprise.objects.all()}

    decrees = list(WageDecree.objects.order_by("effective_from"))
    for zone in Zone.objects.all():
        for decree in decrees:
            if not WageRegionAssignment.objects.filter(zone=zone, effective_from=decree.effective_from).exists():
                WageRegionAssignment.objects.create(
                    zone=zone, region="1", effective_from=decree.effective_from, decree=decree
                )
                report.count("wage regions")

    def file(body: str, data: dict[str, Any]) -> None:
        exists = LabourReport.objects.filter(
            enterprise=data["enterprise"], report_type=data["report_type"], period_start=data["period_start"]
        ).exists()
        if exists:
            return
        filed = services.create_report(actor=officers[body], data=data)
        filed = services.submit_report(actor=officers[body], report=filed, expected_version=filed.version)
        services.approve_report(actor=leaders[body], report=filed, expected_version=filed.version)
        report.count("labour reports")

    for tax, headcount, women, lowest, meal, arrears, overtime, agreement, conference in ANNUAL_2023:
        file(
            "BQLKKT",
            _report_data(
                by_tax[tax],
                "annual",
                "2023-01-01",
                headcount,
                lowest,
                women_share=women,
                meal_value=meal,
                si_arrears_months=arrears,
                si_arrears_amount=arrears * headcount * 1_050_000 if arrears else None,
                overtime_max_hours=overtime,
                overtime_avg_hours=overtime * 6 // 10,
                overtime_year_max_hours=min(overtime * 7, 290),
                has_collective_agreement=agreement,
                agreement_expires_on=dt.date(2025, 12, 31) if agreement else None,
                last_workers_conference=_date(conference),
            ),
        )
    for tax, start, headcount, lowest in SEMIANNUAL_2023:
        file(
            "BQLKKT",
            _report_data(
                by_tax[tax],
                "semiannual",
                start,
                headcount,
                lowest,
                meal_value=22_000,
                has_collective_agreement=True,
                last_workers_conference=dt.date(2023, 2, 14),
            ),
        )
    for tax, start, headcount in MONTHLY_2023:
        file(
            "LĐLĐTP",
            _report_data(
                by_tax[tax],
                "monthly",
                start,
                headcount,
                4_700_000,
                women_share=78,
                meal_value=20_000,
                si_arrears_months=4,
                has_collective_agreement=True,
                last_workers_conference=dt.date(2023, 2, 5),
            ),
        )

    for row in INCIDENTS:
        enterprise = by_tax[row["tax_code"]]
        started = dt.date.fromisoformat(row["started_on"])
        if Incident.objects.filter(enterprise=enterprise, kind=row["kind"], started_on=started).exists():
            continue
        actor = officers[row["owner"]]
        incident = services.create_incident(
            actor=actor,
            data={
                "enterprise": enterprise,
                "kind": row["kind"],
                "started_on": started,
                "ended_on": _date(row["ended_on"]),
                "workers_involved": row["workers_involved"],
                "cause_topic": row["cause_topic"],
                "demands": row["demands"],
                "outcome": row["outcome"],
                "outcome_text": row["outcome_text"],
                "follow_up": ILLUSTRATIVE,
                "handled_by": [agencies[code] for code in row["handled_by"]],
            },
        )
        for date, description in row["steps"]:
            services.add_step(actor=actor, incident=incident, data={"date": _date(date), "description": description})
        for support in row["supports"]:
            services.add_support(
                actor=actor,
                incident=incident,
                data={
                    "kind": support["kind"],
                    "given_on": _date(support["given_on"]),
                    "people": support["people"],
                    "amount": support["amount"],
                    "given_by": agencies[support["given_by"]],
                    "description": support["description"],
                },
            )
        report.count("incidents")

    if not Survey.objects.filter(title=SURVEY["title"]).exists():
        survey = services.create_survey(
            actor=officers["LĐLĐTP"],
            data={
                "title": SURVEY["title"],
                "intro": SURVEY["intro"],
                "opens_on": _date(SURVEY["opens_on"]),
                "closes_on": _date(SURVEY["closes_on"]),
                "enterprises": [by_tax[tax] for tax in SURVEY["enterprises"]],
            },
            questions=SURVEY["questions"],
        )
        questions = list(survey.questions.all())
        for number, (tax, meal, wishes, attachment) in enumerate(SURVEY["answers"]):
            services.submit_response(
                survey=survey,
                enterprise=by_tax[tax],
                answers={questions[0].pk: meal, questions[1].pk: wishes, questions[2].pk: attachment - 1},
                today=dt.date(2023, 6, 5 + number),
            )
        report.count("survey answers", len(SURVEY["answers"]))

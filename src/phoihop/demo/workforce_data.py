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

from phoihop.demo import read

DATA = read("workforce")

ILLUSTRATIVE = "Số liệu minh họa (demo), không phải số liệu thật của doanh nghiệp."

# (tax code, headcount, women %, lowest wage, meal, SI arrears months, overtime max h/month, agreement, conference)
ANNUAL_2023: list[tuple[str, int, int, int, int, int, int, bool, str | None]] = DATA["ANNUAL_2023"]
# Solaris: the two half-years, headcount 890 → 680 (−23,6%).
SEMIANNUAL_2023: list[tuple[str, str, int, int]] = DATA["SEMIANNUAL_2023"]
# The union's monthly follow-up at Hoa Thịnh, second half of 2023.
MONTHLY_2023: list[tuple[str, str, int]] = DATA["MONTHLY_2023"]

INCIDENTS: list[dict[str, Any]] = DATA["INCIDENTS"]

SURVEY: dict[str, Any] = DATA["SURVEY"]


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

"""The programme, the 2023 and 2024 plans, the documents the 2023 joint report cites, and the indicators, targets
and monthly reported values behind its figures (seed: shared/seed/000_5d1f240455ce4299.txt).

What the seed states is recorded as it states it; what it does not state is left blank (a document's date, its
issuing body) rather than invented. The monthly split of the yearly figures is illustrative — the seed gives only
the year's totals — and follows a working year: a slow January and February around Tết, a peak in May ("Tháng Công
nhân"), a steady second half. The totals are the seed's, computed back from these rows:

- new union members of the Economic Zone Union: 13.297 against a plan of 21.500 (61,8%);
- members the Economic Zone Union introduced to the Party: 315 against 190 (165,8% rounded half-up; the draft's
  165,7% is the truncated ratio);
- the Economic Zone Party Committee admitted 175 to the Party, 169 of them workers in enterprises;
- the City Labour Federation introduced 3.623 members to the Party (its own 3.308 plus the Economic Zone Union's 315:
  a body's figure includes its units') and 2.161 of them were admitted;
- the negotiated mid-shift meal value ranged 20.000đ - 25.000đ a portion (the union's quarterly summary here; the
  report's sentence computes the range from the enterprises' approved labour reports, demo/workforce_data.py).

Plan items are numbered through the plan (1-20), in the order of the seed's part I; the records apps link their
demo activities and foundings to these numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from phoihop.demo import read

DATA = read("planning")

PLAN_YEAR = 2023
NEXT_YEAR = 2024
SECRETARIAT = "bdvtu.thuky"

# Accounts of the Economic Zone Party Committee: no account of the three bodies acts for it (its parent is the City
# Party Committee), and its data needs its own officer and leader.
EXTRA_USERS: list[dict[str, str]] = DATA["EXTRA_USERS"]

# Every document the seed cites with a number. Unknown dates and issuers stay blank.
DOCUMENTS: list[dict[str, Any]] = DATA["DOCUMENTS"]

PROGRAMME: dict[str, Any] = DATA["PROGRAMME"]

PLANS: list[dict[str, Any]] = DATA["PLANS"]

THREE = ["BDVTU", "BQLKKT", "LĐLĐTP"]

# The seven areas of part I of the seed, and the twenty items of the 2023 plan written from what it says was done.
AREAS_2023: list[str] = DATA["AREAS_2023"]

NOT_DONE_REASON = DATA["NOT_DONE_REASON"]

ITEMS_2023: list[dict[str, Any]] = DATA["ITEMS_2023"]
NOT_DONE_ITEM = 20

# The four key tasks of part II; the item not done in 2023 is carried into area 2 by the carry-over action.
AREAS_2024: list[str] = DATA["AREAS_2024"]
CARRY_INTO_AREA = 2

ITEMS_2024: list[dict[str, Any]] = DATA["ITEMS_2024"]

# Indicators of the 2023 figures that come from reported values, each with its one reporting frequency: the
# monthly figures by month, the mid-shift meal value by quarter.
SOURCE_UNION_SOFTWARE = "Phần mềm quản lý đoàn viên"
INDICATORS: list[dict[str, Any]] = DATA["INDICATORS"]

# (indicator, body, plan figure or None); the order is the plan page's.
TARGETS_2023: list[tuple[str, str, int | None]] = DATA["TARGETS_2023"]

RULES: list[dict[str, str]] = DATA["RULES"]

# Monthly values January-December 2023: (indicator, body, [12 values], source).
MONTHLY_2023: list[tuple[str, str, list[int], str]] = DATA["MONTHLY_2023"]

# Quarterly values: the mid-shift meal value negotiated in the quarter (VND a portion).
QUARTERLY_2023: list[tuple[str, str, list[int], str]] = DATA["QUARTERLY_2023"]

# Who enters and who approves each body's data.
OFFICER_OF = {"CĐKKT": "ldldtp.canbo", "LĐLĐTP": "ldldtp.canbo", "ĐUKKT": "dukkt.canbo"}
LEADER_OF = {"CĐKKT": "ldldtp.lanhdao", "LĐLĐTP": "ldldtp.lanhdao", "ĐUKKT": "dukkt.lanhdao"}

# The figures these rows must produce (checked by tests/planning/test_demo.py).
EXPECTED = DATA["EXPECTED"]


# --- Loader steps ---------------------------------------------------------------------------------------------


def _date(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None


def _agency(code: str, cache: dict[str, Any] | None = None) -> Any:
    from phoihop.directory.models import Agency

    if cache is not None:
        if code not in cache:
            cache[code] = Agency.objects.get(short_code=code)
        return cache[code]
    return Agency.objects.get(short_code=code)


def _user(username: str, cache: dict[str, Any] | None = None) -> Any:
    """One object per account and step, so a user's agency scope is computed once."""
    from phoihop.accounts.models import User

    if cache is not None:
        if username not in cache:
            cache[username] = User.objects.select_related("agency").get(username=username)
        return cache[username]
    return User.objects.get(username=username)


def load_planning_users(report: Any) -> None:
    """Step of `load_demo`: the Economic Zone Party Committee's officer and leader."""
    from phoihop.accounts.models import User
    from phoihop.accounts.services import create_user
    from phoihop.demo.directory_data import DEMO_PASSWORD

    for row in EXTRA_USERS:
        agency = _agency(row["agency"])
        if not User.objects.filter(username=row["username"]).exists():
            create_user(
                actor=None,
                username=row["username"],
                password=DEMO_PASSWORD,
                role=row["role"],
                agency=agency,
                full_name=row["full_name"],
            )
            report.count("users")
        label = {"officer": "Cán bộ", "leader": "Lãnh đạo"}[row["role"]]
        report.logins.append((row["username"], DEMO_PASSWORD, f"{label} — {agency.name}"))


def load_documents(report: Any) -> None:
    """Step of `load_demo`: every document the seed cites, registered by the secretariat."""
    from phoihop.planning.citation import reference_key
    from phoihop.planning.models import Document
    from phoihop.planning.services import create_document

    actor = _user(SECRETARIAT)
    for row in DOCUMENTS:
        if Document.objects.filter(reference_key=reference_key(row["number"], row["symbol"])).exists():
            continue
        create_document(
            actor=actor,
            data={
                "kind": row["kind"],
                "designation": row["designation"],
                "number": row["number"],
                "symbol": row["symbol"],
                "issued_on": _date(row["issued_on"]),
                "issuer": row["issuer"],
                "issuer_agency": _agency(row["issuer_agency"]) if row["issuer_agency"] else None,
                "title": row["title"],
                "note": row["note"],
            },
        )
        report.count("documents")


def _document(reference: str) -> Any:
    from phoihop.planning.citation import reference_key, split_reference
    from phoihop.planning.models import Document

    return Document.objects.get(reference_key=reference_key(*split_reference(reference)))


def load_plans(report: Any) -> None:
    """Step of `load_demo`: the programme, the 2023 plan (19 of 20 items done) and the 2024 plan, with the item not
    done in 2023 carried over into it."""
    from phoihop.planning import services
    from phoihop.planning.models import Area, Plan, PlanItem, Programme

    actor = _user(SECRETARIAT)
    agencies: dict[str, Any] = {}
    programme = Programme.objects.filter(title=PROGRAMME["title"]).first()
    if programme is None:
        programme = services.create_programme(
            actor=actor,
            data={k: PROGRAMME[k] for k in ("title", "start_year", "end_year", "note")},
            bodies=[_agency(code) for code in PROGRAMME["bodies"]],
        )
        report.count("programmes")
    plans = {}
    for row in PLANS:
        plan = Plan.objects.filter(year=row["year"]).first()
        if plan is None:
            plan = services.create_plan(
                actor=actor,
                data={
                    "programme": programme,
                    "year": row["year"],
                    "title": row["title"],
                    "document": _document(row["document"]) if row["document"] else None,
                    "period_start": _date(row["period_start"]),
                    "period_end": _date(row["period_end"]),
                    "cut_off_date": _date(row["cut_off_date"]),
                    "status": row["status"],
                },
            )
            report.count("plans")
        plans[row["year"]] = plan
    for year, titles in ((PLAN_YEAR, AREAS_2023), (NEXT_YEAR, AREAS_2024)):
        for number, title in enumerate(titles, start=1):
            if not Area.objects.filter(plan=plans[year], number=number).exists():
                services.create_area(actor=actor, plan=plans[year], data={"number": number, "title": title})
                report.count("areas")
    areas = {(area.plan.year, area.number): area for area in Area.objects.filter(plan__in=plans.values())}
    for row in ITEMS_2023:
        if PlanItem.objects.filter(plan=plans[PLAN_YEAR], number=row["number"]).exists():
            continue
        services.create_item(
            actor=actor,
            plan=plans[PLAN_YEAR],
            data={
                "area": areas[(PLAN_YEAR, row["area"])],
                "number": row["number"],
                "title": row["title"],
                "lead_agency": _agency(row["lead"], agencies),
                "status": row["status"],
                "result_note": row["result"],
                "not_done_reason": row.get("reason", ""),
            },
            partners=[_agency(code, agencies) for code in row["partners"]],
            documents=[_document(ref) for ref in row["documents"]],
        )
        report.count("plan items")
    for number, row in enumerate(ITEMS_2024, start=1):
        if PlanItem.objects.filter(plan=plans[NEXT_YEAR], number=number).exists():
            continue
        services.create_item(
            actor=actor,
            plan=plans[NEXT_YEAR],
            data={
                "area": areas[(NEXT_YEAR, row["area"])],
                "number": number,
                "title": row["title"],
                "lead_agency": _agency(row["lead"], agencies),
                "status": "not_started",
            },
            partners=[_agency(code, agencies) for code in row["partners"]],
            documents=[_document(ref) for ref in row["documents"]],
        )
        report.count("plan items")
    unfinished = PlanItem.objects.get(plan=plans[PLAN_YEAR], number=NOT_DONE_ITEM)
    if not PlanItem.objects.filter(carried_from=unfinished).exists():
        services.carry_over_item(
            actor=actor,
            item=unfinished,
            reason=NOT_DONE_REASON,
            area=areas[(NEXT_YEAR, CARRY_INTO_AREA)],
            expected_version=unfinished.version,
        )
        report.count("plan items carried over")


def load_plan_indicators(report: Any) -> None:
    """Step of `load_demo`: indicators, the 2023 targets, validation rules, the monthly and quarterly values of
    2023 entered by each body's officer, submitted, and approved by its leader."""
    from phoihop.indicators import services
    from phoihop.indicators.choices import ApprovalStatus
    from phoihop.indicators.models import Indicator, PeriodApproval, ReportedValue, Target, ValidationRule
    from phoihop.indicators.periods import Period
    from phoihop.planning.models import Plan

    actor = _user(SECRETARIAT)
    plan = Plan.objects.get(year=PLAN_YEAR)
    for row in INDICATORS:
        if Indicator.objects.filter(code=row["code"]).exists():
            continue
        services.create_indicator(
            actor=actor,
            data={
                "code": row["code"],
                "name": row["name"],
                "unit": row["unit"],
                "unit_kind": row["unit_kind"],
                "owner_agency": _agency(row["owner"]),
                "measure": row["measure"],
                "frequency": row["frequency"],
            },
        )
        report.count("indicators")
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for position, (code, body, value) in enumerate(TARGETS_2023, start=1):
        agency = _agency(body)
        if Target.objects.filter(plan=plan, indicator=indicators[code], agency=agency).exists():
            continue
        services.create_target(
            actor=actor,
            plan=plan,
            data={
                "indicator": indicators[code],
                "agency": agency,
                "value": Decimal(value) if value is not None else None,
                "position": position,
            },
        )
        report.count("targets")
    for row in RULES:
        left, right = indicators[row["left"]], indicators[row["right"]]
        if ValidationRule.objects.filter(left=left, right=right).exists():
            continue
        services.create_rule(
            actor=actor, data={"left": left, "operator": row["operator"], "right": right, "message": row["message"]}
        )
        report.count("validation rules")
    agencies: dict[str, Any] = {}
    users: dict[str, Any] = {}
    series: list[tuple[str, str, Period, int, str]] = []
    for code, body, values, source in MONTHLY_2023:
        series += [(code, body, Period.month(PLAN_YEAR, m), v, source) for m, v in enumerate(values, start=1)]
    for code, body, values, source in QUARTERLY_2023:
        series += [(code, body, Period.quarter(PLAN_YEAR, q), v, source) for q, v in enumerate(values, start=1)]
    periods: set[tuple[str, Period]] = set()
    entered = set(
        ReportedValue.objects.filter(plan=plan).values_list(
            "indicator__code", "agency__short_code", "period_type", "period_start"
        )
    )
    for code, body, period, value, source in series:
        agency = _agency(body, agencies)
        periods.add((body, period))
        if (code, body, period.type, period.start) in entered:
            continue
        services.record_value(
            actor=_user(OFFICER_OF[body], users),
            plan=plan,
            indicator=indicators[code],
            agency=agency,
            period=period,
            value=value,
            source=source,
        )
        report.count("reported values")
    states = {
        (code, period_type, start): status
        for code, period_type, start, status in PeriodApproval.objects.filter(plan=plan).values_list(
            "agency__short_code", "period_type", "period_start", "status"
        )
    }
    for body, period in sorted(periods, key=lambda bp: (bp[0], bp[1].start, bp[1].type)):
        agency = _agency(body, agencies)
        status = states.get((body, period.type, period.start))
        if status == ApprovalStatus.APPROVED:
            continue
        if status in (None, ApprovalStatus.DRAFT, ApprovalStatus.RETURNED):
            services.submit_period(actor=_user(OFFICER_OF[body], users), plan=plan, agency=agency, period=period)
        services.approve_period(actor=_user(LEADER_OF[body], users), plan=plan, agency=agency, period=period)
        report.count("approved periods")


STEPS = [load_planning_users, load_documents, load_plans, load_plan_indicators]

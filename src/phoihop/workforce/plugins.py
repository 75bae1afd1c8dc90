"""What the workforce app offers other apps: record kinds for indicators (counts and sums over labour reports,
support to workers and survey answers, with provenance), its menu entries, a section of the enterprise page and its
Excel kinds (labour reports; the incident, survey and warning lists, export only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _

from phoihop.core.plugins import menu, sections

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Enterprise


def register_record_kinds() -> None:
    from phoihop.indicators.registry import record_kinds
    from phoihop.workforce.models import Incident, IncidentSupport, LabourReport, SurveyResponse

    # "N doanh nghiệp nợ BHXH": distinct enterprises, filter status=approved and si_arrears_months__gte=1.
    record_kinds.register(
        key="workforce.labourreport",
        link=("workforce:report_detail", "pk"),
        label="Báo cáo tình hình lao động của doanh nghiệp",
        model=LabourReport,
        date_field="period_end",
        agency_field="owner_agency",
        filter_fields={
            "report_type": ("exact", "in"),
            "status": ("exact", "in"),
            "si_arrears_months": ("exact", "gte", "gt"),
            "wage_delay_days": ("gte", "gt"),
            "has_collective_agreement": ("exact",),
            "has_democracy_regulation": ("exact",),
            "meal_value": ("gte", "lte", "isnull"),
            "enterprise__zone": ("exact", "in"),
            "enterprise__ownership": ("exact", "in"),
        },
        # meal_value is declared for the report's range over records ({{BUA_AN.khoang}}: "20.000đ - 25.000đ"), not
        # to be added up: an indicator summing it would mean nothing.
        sum_fields={
            "headcount": "persons",
            "union_members": "persons",
            "si_arrears_amount": "vnd",
            "meal_value": "vnd",
            "lowest_wage": "vnd",
            "average_income": "vnd",
        },
        enterprise_field="enterprise",
        noun="báo cáo tình hình lao động",
        done="có báo cáo tình hình lao động",
    )
    record_kinds.register(
        key="workforce.incident",
        link=("workforce:incident_detail", "pk"),
        label="Vụ việc lao động tại doanh nghiệp",
        model=Incident,
        date_field="started_on",
        agency_field="owner_agency",
        filter_fields={"kind": ("exact", "in"), "cause_topic": ("exact", "in"), "outcome": ("exact", "in")},
        sum_fields={"workers_involved": "persons"},
        enterprise_field="enterprise",
        noun="vụ việc lao động",
        done="có vụ việc lao động",
    )
    # "hỗ trợ M công nhân tại K doanh nghiệp có chủ bỏ trốn": people (each enterprise once: its largest support, as
    # the figures page counts them) and distinct enterprises, with incident__kind=absconding; in the report a listing
    # of this kind with value field "people" gives {{KEY.tong_khong_trung}} and {{KEY.so_doanh_nghiep}}.
    record_kinds.register(
        key="workforce.incidentsupport",
        label="Hỗ trợ người lao động trong vụ việc",
        model=IncidentSupport,
        date_field="given_on",
        agency_field="incident__owner_agency",
        filter_fields={"kind": ("exact", "in"), "incident__kind": ("exact", "in"), "given_by": ("exact", "in")},
        sum_fields={"people": "persons", "amount": "vnd"},
        enterprise_field="incident__enterprise",
        noun="lần hỗ trợ người lao động",
        done="có người lao động được hỗ trợ",
    )
    # "khảo sát tại N doanh nghiệp, M người trả lời": distinct enterprises and rows of answer sheets.
    record_kinds.register(
        key="workforce.surveyresponse",
        label="Phiếu trả lời khảo sát người lao động",
        model=SurveyResponse,
        date_field="answered_on",
        agency_field="survey__owner_agency",
        filter_fields={"survey": ("exact", "in")},
        enterprise_field="enterprise",
        noun="phiếu trả lời khảo sát",
        done="có người lao động trả lời khảo sát",
    )


def enterprise_section(*, user: User, enterprise: Enterprise, rows: int) -> dict[str, Any]:
    from phoihop.workforce.selectors import reports_for_enterprise, warnings_for_enterprise

    return {
        "warnings": list(warnings_for_enterprise(user=user, enterprise=enterprise)[:rows]),
        "reports": list(reports_for_enterprise(user=user, enterprise=enterprise)[:rows]),
    }


def plug_in() -> None:
    menu.add(
        group="records",
        url_name="workforce:report_list",
        label=_("Báo cáo tình hình lao động"),
        prefix="/tinh-hinh-lao-dong/bao-cao/",
        order=60,
    )
    menu.add(
        group="records",
        url_name="workforce:incident_list",
        label=_("Vụ việc lao động"),
        prefix="/tinh-hinh-lao-dong/vu-viec/",
        order=61,
    )
    menu.add(
        group="records",
        url_name="workforce:warning_list",
        label=_("Doanh nghiệp cần chú ý"),
        prefix="/tinh-hinh-lao-dong/canh-bao/",
        order=62,
    )
    menu.add(
        group="records",
        url_name="workforce:survey_list",
        label=_("Khảo sát người lao động"),
        prefix="/tinh-hinh-lao-dong/khao-sat/",
        order=63,
    )
    sections.add(
        "enterprise",
        key="workforce",
        template="workforce/enterprise_section.html",
        context=enterprise_section,
        order=60,
    )
    from phoihop.spreadsheets.registry import spreadsheets
    from phoihop.workforce.sheets import INCIDENTS, LABOUR_REPORTS, SURVEYS, WARNINGS

    spreadsheets.register(LABOUR_REPORTS)
    spreadsheets.register(INCIDENTS)
    spreadsheets.register(SURVEYS)
    spreadsheets.register(WARNINGS)
    register_record_kinds()
    declare_demo_data()


def declare_demo_data() -> None:
    """The demo's illustrative 2023 workforce data: wage regions of the demo zones, labour reports filed, submitted and
    approved, incidents with their steps and support, a survey and its answers (demo/data/workforce.json;
    core/plugins.py, demo_data). The services raise the warnings they call for."""
    from phoihop.core.plugins import demo_data
    from phoihop.workforce import services
    from phoihop.workforce.models import (
        Incident,
        IncidentStep,
        IncidentSupport,
        LabourReport,
        Survey,
        SurveyResponse,
        WageRegionAssignment,
    )
    from phoihop.workforce.services.decrees import assign_wage_region

    def respond(*, survey: Survey, enterprise: Any, answers: list[Any], today: Any) -> SurveyResponse:
        """The data file gives a sheet's answers in question order; the service takes them by question id."""
        by_question = dict(zip((question.pk for question in survey.questions.all()), answers, strict=True))
        return services.submit_response(survey=survey, enterprise=enterprise, answers=by_question, today=today)

    demo_data.kind(
        "workforce.wage_region",
        assign_wage_region,
        WageRegionAssignment,
        natural_key={"zone": "zone", "effective_from": "effective_from"},
        fields={"zone": "directory.zone", "effective_from": "date"},
    )
    report_dates = ("period_start", "agreement_expires_on", "last_workers_conference")
    demo_data.kind(
        "workforce.labour_report",
        services.create_report,
        LabourReport,
        natural_key={
            "enterprise": "data.enterprise",
            "report_type": "data.report_type",
            "period_start": "data.period_start",
        },
        fields={"data.enterprise": "directory.enterprise", **{f"data.{name}": "date" for name in report_dates}},
        then={"submit": "workforce.submit", "approve": "workforce.approve"},
    )
    for key, service in (("workforce.submit", services.submit_report), ("workforce.approve", services.approve_report)):
        demo_data.kind(key, service, LabourReport, parent="report", version_of="report")
    demo_data.kind(
        "workforce.incident",
        services.create_incident,
        Incident,
        natural_key={"enterprise": "data.enterprise", "kind": "data.kind", "started_on": "data.started_on"},
        fields={
            "data.enterprise": "directory.enterprise",
            "data.started_on": "date",
            "data.ended_on": "date",
            "data.handled_by": ["directory.agency"],
        },
        then={"steps": "workforce.incident_step", "supports": "workforce.incident_support"},
    )
    demo_data.kind(
        "workforce.incident_step", services.add_step, IncidentStep, fields={"data.date": "date"}, parent="incident"
    )
    demo_data.kind(
        "workforce.incident_support",
        services.add_support,
        IncidentSupport,
        fields={"data.given_on": "date", "data.given_by": "directory.agency"},
        parent="incident",
    )
    demo_data.kind(
        "workforce.survey",
        services.create_survey,
        Survey,
        natural_key={"title": "data.title"},
        fields={"data.opens_on": "date", "data.closes_on": "date", "data.enterprises": ["directory.enterprise"]},
        then={"responses": "workforce.survey_response"},
    )
    demo_data.kind(
        "workforce.survey_response",
        respond,
        SurveyResponse,
        fields={"enterprise": "directory.enterprise", "today": "date"},
        parent="survey",
    )
    demo_data.file(
        "workforce",
        order=60,
        kinds=("workforce.wage_region", "workforce.labour_report", "workforce.incident", "workforce.survey"),
    )

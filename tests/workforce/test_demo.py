"""The illustrative 2023 workforce demo: loaded through the services, it raises the warnings its data file says, and
the record kinds give the figures the report can state ("N doanh nghiệp nợ BHXH", "hỗ trợ M công nhân tại K doanh
nghiệp có chủ bỏ trốn", "khảo sát tại N doanh nghiệp, M người trả lời", the meal range)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db.models import Count, Sum

from phoihop.accounts.models import User
from phoihop.demo.loader import load_demo
from phoihop.indicators.registry import record_kinds
from phoihop.workforce.models import Incident, LabourReport, SurveyResponse, Warning
from phoihop.workforce.selectors import meal_range

YEAR = (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def _figure(key: str, spec: dict[str, Any], aggregate: Any) -> Any:
    kind = record_kinds.get(key)
    return kind.model.objects.filter(kind.date_q(*YEAR) & kind.parse_filter(spec)).aggregate(value=aggregate)["value"]


@pytest.mark.django_db
def test_the_demo_raises_the_warnings_it_describes(whole_demo: Any) -> None:
    live = {
        (w.rule.code, w.enterprise.tax_code)
        for w in Warning.objects.exclude(status="closed").select_related("rule", "enterprise")
    }
    assert {
        ("wage_below_minimum", "0299000042"),
        ("si_arrears", "0299000049"),
        ("si_arrears", "0299000058"),
        ("overtime_cap", "0299000054"),
        ("headcount_drop", "0299000057"),
        ("repeated_incidents", "0299000049"),
        ("no_conference", "0299000044"),
    } <= live
    assert LabourReport.objects.filter(status="approved").count() == 26
    assert all("minh họa" in notes for notes in LabourReport.objects.values_list("notes", flat=True))


@pytest.mark.django_db
def test_the_record_kinds_give_the_reports_figures(whole_demo: Any) -> None:
    arrears = _figure(
        "workforce.labourreport",
        {"status": "approved", "report_type": "annual", "si_arrears_months__gte": 1},
        Count("enterprise", distinct=True),
    )
    assert arrears == 2
    absconding = {"incident__kind": "absconding", "kind": "money"}
    assert _figure("workforce.incidentsupport", absconding, Sum("people")) == 330
    assert _figure("workforce.incidentsupport", absconding, Count("incident__enterprise", distinct=True)) == 1
    assert _figure("workforce.surveyresponse", {}, Count("pk")) == 14
    assert _figure("workforce.surveyresponse", {}, Count("enterprise", distinct=True)) == 3
    reader = User.objects.get(username="bdvtu.xem")
    meals = meal_range(user=reader, year=2023)
    assert meals is not None
    assert (meals.low, meals.high) == (20_000, 25_000)


@pytest.mark.django_db
def test_loading_again_adds_nothing(whole_demo: Any) -> None:
    before = (LabourReport.objects.count(), SurveyResponse.objects.count(), Warning.objects.count())
    report = load_demo()
    assert (LabourReport.objects.count(), SurveyResponse.objects.count(), Warning.objects.count()) == before
    assert "workforce.labour_report" not in report.created


@pytest.mark.django_db
def test_the_figures_page_states_the_years_figures_with_links_to_their_records(whole_demo: Any) -> None:
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="bdvtu.xem"))
    page = client.get("/tinh-hinh-lao-dong/so-lieu/", {"year": 2023}).content.decode()
    assert "bình quân bữa ăn giữa ca từ 20.000đ - 25.000đ/suất" in page
    assert "2 doanh nghiệp nợ bảo hiểm xã hội" in page
    assert "hỗ trợ 330 công nhân tại 1 doanh nghiệp có chủ bỏ trốn" in page
    assert "khảo sát tại 3 doanh nghiệp, 14 người trả lời" in page
    phu_an = Incident.objects.get(kind="absconding")
    assert f'href="{phu_an.get_absolute_url()}"' in page


@pytest.mark.django_db
def test_every_workforce_page_of_the_demo_opens(whole_demo: Any) -> None:
    from django.test import Client
    from django.urls import reverse

    from phoihop.workforce.models import Survey

    officer = User.objects.get(username="bqlkkt.canbo")
    client = Client()
    client.force_login(officer)
    report = LabourReport.objects.filter(owner_agency=officer.agency).first()
    incident = Incident.objects.filter(owner_agency=officer.agency).first()
    assert report is not None
    assert incident is not None
    survey = Survey.objects.get()
    warning = Warning.objects.first()
    assert warning is not None
    urls = [
        reverse("workforce:report_list"),
        reverse("workforce:report_list") + "?q=hoa+thinh&year=2023&status=approved",
        report.get_absolute_url(),
        reverse("workforce:report_create"),
        reverse("workforce:incident_list"),
        incident.get_absolute_url(),
        reverse("workforce:incident_update", args=[incident.pk]),
        reverse("workforce:step_create", args=[incident.pk]),
        reverse("workforce:support_create", args=[incident.pk]),
        reverse("workforce:warning_list"),
        reverse("workforce:warning_list") + "?status=closed",
        warning.get_absolute_url(),
        reverse("workforce:survey_list"),
        survey.get_absolute_url(),
        reverse("workforce:survey_create"),
        reverse("directory:enterprise_detail", args=[incident.enterprise_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url
    # Survey answers are the LĐLĐTP's: another body reads them but may not change the survey.
    assert client.get(reverse("workforce:survey_update", args=[survey.pk])).status_code == 403
    assert client.get(reverse("workforce:incident_delete", args=[incident.pk])).status_code == 403  # leaders delete

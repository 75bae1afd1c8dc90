"""Entering reported values: numbers in range, periods inside the plan, scope, versions, bulk import."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditEvent
from phoihop.indicators import services
from phoihop.indicators.choices import Measure
from phoihop.indicators.models import Indicator, ReportedValue
from phoihop.indicators.periods import Period
from phoihop.planning.models import Plan
from tests.indicators.factories import IndicatorFactory, ReportedValueFactory
from tests.planning.fixtures import Bodies

pytestmark = pytest.mark.django_db


def record(actor, plan, indicator, agency, period="2023-03", value=100):  # type: ignore[no-untyped-def]
    return services.record_value(
        actor=actor, plan=plan, indicator=indicator, agency=agency, period=Period.parse(period), value=value
    )


def test_an_officer_enters_a_value_for_a_unit_of_their_body(  # type: ignore[no-untyped-def]
    ld_officer, plan: Plan, bodies: Bodies, members: Indicator
) -> None:
    value = record(ld_officer, plan, members, bodies.cdkkt, value="1.720")
    assert value.value == Decimal(1720)
    assert value.entered_by == ld_officer
    assert value.period.label == "Tháng 3/2023"
    events = AuditEvent.objects.filter(object_type="indicators.reportedvalue", object_id=str(value.pk))
    assert [e.action for e in events] == ["create"]


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("mười ba", "not_a_number", "không phải là một số"),
        ("-5", "negative", "không được âm"),
        (-5, "negative", "không được âm"),
    ],
)
def test_bad_numbers_are_refused(ld_officer, plan: Plan, bodies: Bodies, members, raw, code, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, members, bodies.cdkkt, value=raw)
    assert error.value.error_dict["value"][0].code == code
    assert message in error.value.messages[0]
    assert not ReportedValue.objects.exists()


@pytest.mark.parametrize(("period", "code"), [("2024-01", "period_outside_plan"), ("2022", "period_outside_plan")])
def test_a_period_outside_the_plan_is_refused(ld_officer, plan, bodies: Bodies, members, period, code) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, members, bodies.cdkkt, period=period)
    assert error.value.error_dict["period"][0].code == code
    assert "nằm ngoài kỳ báo cáo của kế hoạch năm 2023" in error.value.messages[0]


def test_a_period_after_the_cut_off_is_refused(ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    plan.cut_off_date = plan.period_start.replace(month=11, day=30)
    plan.save()
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, members, bodies.cdkkt, period="2023-12")
    assert error.value.error_dict["period"][0].code == "period_after_cut_off"


def test_duplicate_and_overlapping_periods_are_refused(ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    record(ld_officer, plan, members, bodies.cdkkt, period="2023-03")
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, members, bodies.cdkkt, period="2023-03")
    assert error.value.error_dict["period"][0].code == "duplicate_value"
    # The first value fixed the indicator's frequency (it has none set): a quarter over March is refused for
    # every body, so nothing is counted twice.
    for agency in (bodies.cdkkt, bodies.ldldtp):
        with pytest.raises(ValidationError) as error:
            record(ld_officer, plan, members, agency, period="2023-Q1")
        assert error.value.error_dict["period"][0].code == "wrong_frequency"
        assert "báo cáo theo tháng, không theo kỳ Quý I/2023" in error.value.messages[0]
    record(ld_officer, plan, members, bodies.ldldtp, period="2023-03")  # another body, same month
    assert ReportedValue.objects.count() == 2


def test_counting_indicators_take_no_values(ld_officer, plan, bodies: Bodies) -> None:  # type: ignore[no-untyped-def]
    counted = IndicatorFactory(measure=Measure.COUNT_RECORDS, record_kind="directory.enterprise")
    with pytest.raises(ValidationError) as error:
        record(ld_officer, plan, counted, bodies.ldldtp)
    assert error.value.error_dict["indicator"][0].code == "not_a_reported_indicator"


@pytest.mark.parametrize(
    ("role", "body", "allowed"),
    [
        (Role.OFFICER, "cdkkt", True),
        (Role.OFFICER, "ldldtp", True),  # the parent acts for its unit
        (Role.LEADER, "ldldtp", True),
        (Role.SECRETARIAT, "ldldtp", True),
        (Role.VIEWER, "ldldtp", False),
        (Role.OFFICER, "bqlkkt", False),
        (Role.SECRETARIAT, "bdvtu", False),  # reads every body, enters only its own
        (Role.ADMIN, None, True),
    ],
)
def test_who_enters_a_units_values(bodies: Bodies, plan, members, role, body, allowed) -> None:  # type: ignore[no-untyped-def]
    actor = bodies.user(role, getattr(bodies, body) if body else None)
    if allowed:
        assert record(actor, plan, members, bodies.cdkkt).pk
    else:
        with pytest.raises(PermissionDenied):
            record(actor, plan, members, bodies.cdkkt)
        assert not ReportedValue.objects.exists()


def test_a_stale_edit_is_a_conflict(ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    value = record(ld_officer, plan, members, bodies.cdkkt)
    services.update_value(actor=ld_officer, reported_value=value, data={"value": 120}, expected_version=1)
    with pytest.raises(ConflictError):
        services.update_value(actor=ld_officer, reported_value=value, data={"value": 130}, expected_version=1)
    assert ReportedValue.objects.get().value == 120


# --- Pages ----------------------------------------------------------------------------------------------------


def form(members, agency, **overrides):  # type: ignore[no-untyped-def]
    data = {
        "indicator": members.pk,
        "agency": agency.pk,
        "period": "2023-03",
        "value": "1720",
        "source": "",
        "note": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": "nhiều"}, "không phải là một số"),
        ({"value": "-3"}, "Giá trị không được âm."),
        ({"period": "2024-02"}, "Kỳ “2024-02” không có trong danh sách"),
        ({"period": "tháng ba"}, "Kỳ “tháng ba” không có trong danh sách"),
    ],
)
def test_value_page_bad_input_is_422_and_nothing_saved(  # type: ignore[no-untyped-def]
    client_for, ld_officer, plan, bodies: Bodies, members, overrides, message
) -> None:
    response = client_for(ld_officer).post(f"/so-lieu/them/?plan={plan.pk}", form(members, bodies.cdkkt, **overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ReportedValue.objects.exists()


def test_value_page_saves_and_another_body_reads_but_cannot_change_it(  # type: ignore[no-untyped-def]
    client_for, ld_officer, plan, bodies: Bodies, members
) -> None:
    client = client_for(ld_officer)
    response = client.post(f"/so-lieu/them/?plan={plan.pk}", form(members, bodies.cdkkt))
    assert response.status_code == 302
    value = ReportedValue.objects.get()
    page = client.get(f"/so-lieu/{value.pk}/").content.decode()
    assert "1.720" in page
    assert "Lịch sử thay đổi" in page
    other = client_for(bodies.user(Role.OFFICER, bodies.bqlkkt))
    shared = other.get(f"/so-lieu/{value.pk}/")
    assert shared.status_code == 200
    assert "1.720" in shared.content.decode()
    assert f"/so-lieu/{value.pk}/sua/" not in shared.content.decode()
    assert other.get(f"/so-lieu/{value.pk}/sua/").status_code == 403
    assert other.post(f"/so-lieu/{value.pk}/sua/", form(members, bodies.cdkkt, value="1")).status_code == 403
    assert other.post(f"/so-lieu/{value.pk}/xoa/", {"version": 1}).status_code == 403
    assert ReportedValue.objects.get().value == 1720
    # A body not in the user's scope is not even a choice on the form.
    forged = other.post(f"/so-lieu/them/?plan={plan.pk}", form(members, bodies.cdkkt, period="2023-04"))
    assert forged.status_code == 422
    assert ReportedValue.objects.count() == 1
    secretariat = client_for(bodies.user(Role.SECRETARIAT, bodies.bdvtu))
    assert secretariat.get(f"/so-lieu/{value.pk}/").status_code == 200  # reads every body


# --- API ------------------------------------------------------------------------------------------------------


def payload(plan, members, agency, **overrides):  # type: ignore[no-untyped-def]
    data = {"plan_id": plan.pk, "indicator_id": members.pk, "agency_id": agency.pk, "period": "2023-03", "value": 1720}
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"value": "nhiều"}, "invalid_input"),
        ({"value": -3}, "negative"),
        ({"period": "2024-01"}, "period_outside_plan"),
        ({"period": "03/2023"}, "invalid_period"),
    ],
)
def test_value_api_bad_input_is_422(api_for, ld_officer, plan, bodies: Bodies, members, overrides, code) -> None:  # type: ignore[no-untyped-def]
    response = api_for(ld_officer).post("/indicators/values", payload(plan, members, bodies.cdkkt, **overrides))
    assert response.status_code == 422
    assert response.json()["code"] == code
    assert not ReportedValue.objects.exists()


def test_value_api_scope_and_versions(api_for, ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    api = api_for(ld_officer, token=True)
    created = api.post("/indicators/values", payload(plan, members, bodies.cdkkt))
    assert created.status_code == 201
    value_id = created.json()["id"]
    assert created.json()["period_label"] == "Tháng 3/2023"
    assert api.patch(f"/indicators/values/{value_id}", {"version": 1, "value": 1721}).status_code == 200
    stale = api.patch(f"/indicators/values/{value_id}", {"version": 1, "value": 1722})
    assert stale.status_code == 409
    other = api_for(bodies.user(Role.OFFICER, bodies.bqlkkt))
    assert other.get(f"/indicators/values/{value_id}").status_code == 200
    assert other.patch(f"/indicators/values/{value_id}", {"version": 2, "value": 1}).status_code == 403
    assert other.delete(f"/indicators/values/{value_id}", version=2).status_code == 403
    assert other.post("/indicators/values", payload(plan, members, bodies.cdkkt, period="2023-04")).status_code == 403
    assert other.get("/indicators/values", plan=plan.pk).json()["count"] == 1
    assert other.get("/indicators/values", plan=plan.pk, scope="mine").json()["count"] == 0
    assert ReportedValue.objects.get().value == 1721


# --- Bulk import ----------------------------------------------------------------------------------------------


def test_import_creates_and_replaces(ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    ReportedValueFactory(plan=plan, indicator=members, agency=bodies.cdkkt, period=Period.month(2023, 1), value=1)
    result = services.import_values(
        actor=ld_officer,
        plan=plan,
        rows=[
            {"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-01", "value": "520"},
            {"indicator": "ptdv", "agency": "CĐKKT", "period": "2023-02", "value": "610", "source": "Phần mềm"},
        ],
    )
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert sorted(ReportedValue.objects.values_list("value", flat=True)) == [520, 610]


def test_import_is_all_or_nothing_and_names_the_lines(ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as error:
        services.import_values(
            actor=ld_officer,
            plan=plan,
            rows=[
                {"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-01", "value": "520"},
                {"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-02", "value": "sáu trăm"},
                {"indicator": "XYZ", "agency": "CĐKKT", "period": "2023-03", "value": "1"},
                {"indicator": "PTDV", "agency": "BQLKKT", "period": "2023-04", "value": "1"},
            ],
        )
    messages = error.value.messages
    assert messages[0].startswith("Dòng 3:")
    assert "không phải là một số" in messages[0]
    assert messages[1].startswith("Dòng 4:")
    assert "XYZ" in messages[1]
    assert messages[2].startswith("Dòng 5:")
    assert not ReportedValue.objects.exists()


def test_import_page_and_api(client_for, api_for, ld_officer, plan, bodies: Bodies, members) -> None:  # type: ignore[no-untyped-def]
    csv_text = "indicator,agency,period,value,note,source\nPTDV,CĐKKT,2023-01,520,,Phần mềm quản lý đoàn viên\n"
    response = client_for(ld_officer).post(f"/so-lieu/nhap-tep/?plan={plan.pk}", {"text": csv_text})
    assert response.status_code == 302
    bad = client_for(ld_officer).post(
        f"/so-lieu/nhap-tep/?plan={plan.pk}", {"text": csv_text + "PTDV,CĐKKT,2023-13,1,,\n"}
    )
    assert bad.status_code == 422
    assert "Dòng 3" in bad.content.decode()
    api = api_for(ld_officer)
    imported = api.post(
        "/indicators/values/import",
        {"plan_id": plan.pk, "rows": [{"indicator": "PTDV", "agency": "CĐKKT", "period": "2023-02", "value": "610"}]},
    )
    assert imported.status_code == 200
    assert imported.json() == {"created": 1, "updated": 0, "unchanged": 0}
    assert ReportedValue.objects.count() == 2


def test_an_oversized_csv_file_is_refused_before_it_is_read(client_for, ld_officer, plan) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    header = b"indicator,agency,period,value\n"
    big = SimpleUploadedFile("so-lieu.csv", header + b"PTDV,C\xc4\x90KKT,2023-01,1\n" * 120_000, "text/csv")
    response = client_for(ld_officer).post(f"/so-lieu/nhap-tep/?plan={plan.pk}", {"file": big})
    assert response.status_code == 422
    assert "Tệp CSV quá lớn" in response.content.decode()
    assert not ReportedValue.objects.exists()

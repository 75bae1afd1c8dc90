"""A wage decree becomes "đã đối chiếu văn bản" only when every value read from its text equals the stored one."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command

from phoihop.core.models import AuditEvent
from phoihop.workforce.models import MinimumWage, WageDecree, WageRegionAssignment
from phoihop.workforce.wages import MinimumWageTable
from tests.directory.factories import ZoneFactory

pytestmark = pytest.mark.django_db

READ_74 = ["--vung-1", "4960000", "--vung-2", "4410000", "--vung-3", "3860000", "--vung-4", "3450000"]


def _confirm(*amounts: str, signed_on: str = "2024-06-30") -> str:
    out = io.StringIO()
    call_command(
        "confirm_wage_decree",
        "74/2024/NĐ-CP",
        "--signed-on",
        signed_on,
        *amounts,
        "--source",
        "Công báo số 789+790 ngày 05/7/2024",
        "--checked-by",
        "Nguyễn Thị Đối Chiếu",
        stdout=out,
    )
    return out.getvalue()


def test_matching_text_marks_the_decree_and_its_four_amounts_checked_with_an_audit_entry() -> None:
    assert "đã đối chiếu văn bản" in _confirm(*READ_74)
    decree = WageDecree.objects.get(number="74/2024/NĐ-CP")
    assert decree.check_status == "verified"
    assert "Công báo số 789+790" in decree.note
    assert set(MinimumWage.objects.filter(decree=decree).values_list("check_status", flat=True)) == {"verified"}
    events = AuditEvent.objects.filter(object_type__in=["workforce.wagedecree", "workforce.minimumwage"])
    assert events.count() == 5
    assert all("Nguyễn Thị Đối Chiếu" in event.note for event in events)
    # The other decrees are untouched.
    assert WageDecree.objects.get(number="38/2022/NĐ-CP").check_status == "unverified"


def test_a_different_amount_names_the_region_and_both_values_and_changes_nothing() -> None:
    wrong = [*READ_74[:-1], "3500000"]
    with pytest.raises(CommandError) as error:
        _confirm(*wrong)
    assert "Vùng IV: đã lưu 3.450.000đ, văn bản ghi 3.500.000đ" in str(error.value)
    assert WageDecree.objects.get(number="74/2024/NĐ-CP").check_status == "unverified"
    assert not MinimumWage.objects.filter(check_status="verified").exists()
    assert not AuditEvent.objects.filter(object_type="workforce.minimumwage").exists()


def test_a_different_signing_date_is_refused() -> None:
    with pytest.raises(CommandError) as error:
        _confirm(*READ_74, signed_on="2024-07-01")
    assert "ngày ban hành đã lưu 30/6/2024, văn bản ghi 01/7/2024" in str(error.value)
    assert WageDecree.objects.get(number="74/2024/NĐ-CP").signed_on == dt.date(2024, 6, 30)


def test_an_unknown_decree_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="Không có nghị định số 1/2099/NĐ-CP"):
        call_command(
            "confirm_wage_decree",
            "1/2099/NĐ-CP",
            "--signed-on",
            "2099-01-01",
            *READ_74,
            "--source",
            "x",
            "--checked-by",
            "y",
        )


def test_a_zone_gets_its_region_from_a_date_with_an_audit_entry_and_once_per_date() -> None:
    zone = ZoneFactory(name="KCN Thử Vùng Lương")
    out = io.StringIO()
    call_command(
        "set_wage_region",
        "KCN Thử Vùng Lương",
        "--vung",
        "1",
        "--from",
        "2024-07-01",
        "--decree",
        "74/2024/NĐ-CP",
        stdout=out,
    )
    assert "Vùng I từ 01/7/2024" in out.getvalue()
    assignment = WageRegionAssignment.objects.get(zone=zone)
    assert (assignment.region, assignment.check_status) == ("1", "unverified")
    assert AuditEvent.objects.filter(object_type="workforce.wageregionassignment", action="create").count() == 1
    with pytest.raises(CommandError, match="đã có vùng lương áp dụng từ ngày 01/7/2024"):
        call_command(
            "set_wage_region",
            "KCN Thử Vùng Lương",
            "--vung",
            "2",
            "--from",
            "2024-07-01",
            "--decree",
            "74/2024/NĐ-CP",
        )
    with pytest.raises(CommandError, match="sớm hơn ngày nghị định 74/2024/NĐ-CP có hiệu lực"):
        call_command(
            "set_wage_region",
            "KCN Thử Vùng Lương",
            "--vung",
            "1",
            "--from",
            "2024-01-01",
            "--decree",
            "74/2024/NĐ-CP",
        )
    with pytest.raises(CommandError, match="Không có khu tên"):
        call_command(
            "set_wage_region", "KCN Không Có", "--vung", "1", "--from", "2024-07-01", "--decree", "74/2024/NĐ-CP"
        )
    assert WageRegionAssignment.objects.filter(zone=zone).count() == 1


def test_the_appendix_region_of_a_zone_is_checked_with_the_decree_and_a_different_one_stops_everything() -> None:
    zone = ZoneFactory(name="KCN Phụ Lục")
    call_command(
        "set_wage_region",
        "KCN Phụ Lục",
        "--vung",
        "1",
        "--from",
        "2024-07-01",
        "--decree",
        "74/2024/NĐ-CP",
        stdout=io.StringIO(),
    )
    with pytest.raises(CommandError, match="KCN Phụ Lục: đã lưu Vùng I, phụ lục ghi Vùng II"):
        _confirm(*READ_74, "--zone", "KCN Phụ Lục=2")
    assert WageDecree.objects.get(number="74/2024/NĐ-CP").check_status == "unverified"
    _confirm(*READ_74, "--zone", "KCN Phụ Lục=1")
    assert WageRegionAssignment.objects.get(zone=zone).check_status == "verified"
    minimum = MinimumWageTable().in_force([zone.pk], dt.date(2024, 9, 1))
    assert minimum is not None
    assert minimum.verified

"""Change the records and the regenerated report changes exactly where it should and nowhere else; once the bodies
have confirmed their parts and the leaders have signed, the report is final and no change of the records alters it.

Each test compares the text of two rendered Word documents (body paragraphs and footnotes, read back with
reports.docx.extract), line by line."""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal

import pytest
from django.utils import timezone

from phoihop.reports import services
from phoihop.reports.builders import build_report_data
from phoihop.reports.choices import ReportStatus
from phoihop.reports.docx import extract
from phoihop.reports.models import Report
from phoihop.reports.rendering import render_docx
from tests.reports.conftest import demo_report, demo_user

pytestmark = pytest.mark.usefixtures("demo")


def lines(report: Report) -> list[str]:
    document = extract(render_docx(build_report_data(Report.objects.get(pk=report.pk))))
    return [p.text for p in document.paragraphs] + [f"[{n}] {text}" for n, text in sorted(document.footnotes.items())]


def changes(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """(lines only in before, lines only in after), in order."""
    removed, added = [], []
    for op in difflib.ndiff(before, after):
        if op.startswith("- "):
            removed.append(op[2:])
        elif op.startswith("+ "):
            added.append(op[2:])
    return removed, added


def add_founding(kind: str = "grassroots_union", day: dt.date = dt.date(2023, 12, 20)) -> None:
    from phoihop.directory.models import Agency
    from phoihop.organizing.services import create_founding
    from tests.directory.factories import EnterpriseFactory

    enterprise = EnterpriseFactory(name="Công ty TNHH Thử nghiệm Metamorphic")
    create_founding(
        actor=demo_user("quantri"),
        owner_agency=Agency.objects.get(short_code="CĐKKT"),
        data={"kind": kind, "enterprise": enterprise, "founded_on": day, "members_at_founding": 50},
    )


def test_a_new_grassroots_union_turns_22_of_22_into_23_of_22_and_nothing_else(db: None) -> None:
    report = demo_report()
    before = lines(report)
    add_founding()
    removed, added = changes(before, lines(report))
    assert len(removed) == len(added) == 1
    assert "thành lập mới 22/22 tổ chức công đoàn cơ sở (đạt 100% kế hoạch)" in removed[0]
    assert added[0] == removed[0].replace("22/22", "23/22").replace("đạt 100% kế hoạch", "đạt 104,5% kế hoạch")


def test_a_founding_dated_after_the_period_changes_nothing(db: None) -> None:
    report = demo_report()
    before = lines(report)
    add_founding(day=dt.date(2024, 1, 15))
    assert changes(before, lines(report)) == ([], [])


def test_an_item_marked_not_done_turns_19_of_20_into_18_of_20_and_adds_it_to_the_shortcomings(db: None) -> None:
    from phoihop.planning.models import PlanItem
    from phoihop.planning.services import update_item_status

    report = demo_report()
    before = lines(report)
    item = PlanItem.objects.get(plan__year=2023, number=19)
    update_item_status(
        actor=demo_user("bdvtu.thuky"),
        item=item,
        data={"status": "not_done", "not_done_reason": "Chưa bố trí được thời gian."},
        expected_version=item.version,
    )
    removed, added = changes(before, lines(report))
    assert [line for line in removed if "19/20" in line]
    assert not [line for line in added if "19/20" in line]
    (strengths,) = [line for line in added if "nội dung phối hợp tại Kế hoạch số" in line]
    assert strengths.endswith(
        "Hoàn thành 18/20 nội dung phối hợp tại Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023."
    )
    assert removed == [
        next(line for line in before if "Hoàn thành 19/20" in line),
        "Còn 01 nội dung phối hợp chưa được triển khai: Tổ chức kiểm tra, giám sát kết quả thực hiện các chỉ thị, "
        "nghị quyết, kết luận về xây dựng giai cấp công nhân.",
        next(line for line in before if line.startswith("Nguyên nhân:")),
    ]
    assert added[1:] == [
        "Còn 02 nội dung phối hợp chưa được triển khai:",
        "- " + item.title[0].upper() + item.title[1:] + ". Nguyên nhân: Chưa bố trí được thời gian.",
        "- Tổ chức kiểm tra, giám sát kết quả thực hiện các chỉ thị, nghị quyết, kết luận về xây dựng giai cấp công "
        "nhân. Nguyên nhân: " + before[before.index(removed[2])].removeprefix("Nguyên nhân: "),
    ]


def test_a_new_consultation_turns_05_into_06_in_footnote_one_only(db: None) -> None:
    from phoihop.cases.models import Case, Topic
    from phoihop.directory.models import Agency
    from tests.cases.factories import CaseFactory

    report = demo_report()
    before = lines(report)
    topic = Topic.objects.get(name="Trợ cấp thôi việc")
    received = timezone.make_aware(dt.datetime(2023, 10, 2, 9, 0))
    CaseFactory(topic=topic, handling_agency=Agency.objects.get(short_code="LĐLĐTP"), received_at=received)
    assert Case.objects.filter(requester_kind="worker").count() > 5
    removed, added = changes(before, lines(report))
    assert len(removed) == len(added) == 1
    assert removed[0].startswith("[1] ")
    assert "Tư vấn 05 vụ việc" in removed[0]
    assert added[0] == removed[0].replace("Tư vấn 05 vụ việc", "Tư vấn 06 vụ việc")


def test_a_raised_target_changes_the_fraction_and_the_ratio_only(db: None) -> None:
    from phoihop.indicators.models import Target
    from phoihop.indicators.services import update_target

    report = demo_report()
    before = lines(report)
    target = Target.objects.get(plan__year=2023, indicator__code="CD-PTDV")
    update_target(
        actor=demo_user("bdvtu.thuky"), target=target, data={"value": Decimal(25000)}, expected_version=target.version
    )
    removed, added = changes(before, lines(report))
    assert len(removed) == len(added) == 1
    assert added[0] == removed[0].replace("13.297/21.500 đoàn viên, đạt 61,8%", "13.297/25.000 đoàn viên, đạt 53,1%")
    assert added[0] != removed[0]


def sign_everything(report: Report) -> Report:
    for code in ("bdvtu", "bqlkkt", "ldldtp"):
        issuer = report.issuers.get(agency__short_code={"bdvtu": "BDVTU", "bqlkkt": "BQLKKT", "ldldtp": "LĐLĐTP"}[code])
        services.confirm_part(actor=demo_user(f"{code}.canbo"), issuer=issuer, expected_version=issuer.version)
    report.refresh_from_db()
    assert report.status == ReportStatus.CONFIRMED
    for code, short in (("bdvtu", "BDVTU"), ("bqlkkt", "BQLKKT"), ("ldldtp", "LĐLĐTP")):
        issuer = report.issuers.get(agency__short_code=short)
        services.sign_off(actor=demo_user(f"{code}.lanhdao"), issuer=issuer, expected_version=issuer.version)
    report.refresh_from_db()
    return report


def test_a_final_report_does_not_change_when_the_records_do(db: None) -> None:
    report = demo_report()
    draft = lines(report)
    report = sign_everything(report)
    assert report.status == ReportStatus.FINAL
    assert report.snapshot
    final = lines(report)
    # Signing removes the draft mark and nothing else.
    assert changes(draft, final) == (["(Dự thảo)"], [])
    add_founding()
    from phoihop.planning.models import PlanItem

    PlanItem.objects.filter(plan__year=2023, number=1).update(status="not_done")
    assert lines(report) == final
    data = build_report_data(report)
    assert data.figures["CDCS_MOI"].text == "22/22"


def test_a_draft_is_regenerated_from_the_records(db: None) -> None:
    report = demo_report()
    assert build_report_data(report).figures["CDCS_MOI"].text == "22/22"
    add_founding()
    assert build_report_data(report).figures["CDCS_MOI"].text == "23/22"

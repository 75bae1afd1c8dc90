"""The 2023 demo report states the mid-shift meal range and the support to workers of absconding employers from the
workforce records (listings with a value field: {{BUA_AN.khoang}}, {{HO_TRO_BO_TRON.tong_khong_trung}},
{{HO_TRO_BO_TRON.so_doanh_nghiep}}), each linked in the preview to the records it comes from.

The expected numbers are derived here from the demo's data file (src/phoihop/demo/data/workforce.json), never copied
from the report's prose."""

from __future__ import annotations

import re
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from phoihop.core.vnformat import format_count, format_money_range, format_number
from phoihop.reports import services
from phoihop.reports.builders import ReportData, build_report_data
from phoihop.reports.docx import ExtractedDocument, extract
from phoihop.reports.rendering import render_docx, render_html
from tests.demo.data import rows as demo_rows
from tests.reports.conftest import demo_report, demo_user
from tests.reports.test_demo_report import golden_figures, section_texts

pytestmark = pytest.mark.usefixtures("demo")

MEAL = "BUA_AN.khoang"
PEOPLE = "HO_TRO_BO_TRON.tong_khong_trung"
ENTERPRISES = "HO_TRO_BO_TRON.so_doanh_nghiep"

LABOUR_REPORTS = demo_rows("workforce", "workforce.labour_report")


def expected_meal_range() -> tuple[int, int]:
    """Lowest and highest meal value of the demo's 2023 labour reports (all of them are approved by the loader)."""
    values = [row["data"]["meal_value"] for row in LABOUR_REPORTS]
    return min(values), max(values)


def expected_support() -> tuple[int, int, int]:
    """(workers helped, enterprises, support rows) at absconding employers in 2023: per enterprise, the support that
    reached the most people (the same workers helped twice are counted once)."""
    largest: dict[str, int] = {}
    rows = 0
    for incident in demo_rows("workforce", "workforce.incident"):
        if incident["data"]["kind"] != "absconding":
            continue
        tax_code = incident["data"]["enterprise"]
        for support in incident["supports"]:
            if support["data"]["given_on"].startswith("2023"):
                rows += 1
                largest[tax_code] = max(largest.get(tax_code, 0), support["data"]["people"])
    return sum(largest.values()), len(largest), rows


@pytest.fixture(scope="module")
def data(demo: None, django_db_blocker: pytest.FixtureRequest) -> ReportData:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        return build_report_data(demo_report())


@pytest.fixture(scope="module")
def extracted(data: ReportData) -> ExtractedDocument:
    return extract(render_docx(data))


def test_the_meal_range_comes_from_the_labour_reports_and_matches_the_golden_row(data: ReportData) -> None:
    low, high = expected_meal_range()
    figure = data.figures[MEAL]
    assert figure.error == ""
    assert figure.text == format_money_range(low, high)
    golden = [row for row in golden_figures() if "mid-shift meal" in row[2]]
    assert [(row[0], row[1]) for row in golden] == [(figure.text, "I.3")]
    # Its rows are the approved 2023 labour reports that give a meal value, each with its value.
    reports = len(LABOUR_REPORTS)
    assert len(figure.provenance) == reports
    assert {row.value for row in figure.provenance} >= {f"{format_number(low)}đ", f"{format_number(high)}đ"}
    assert all(re.fullmatch(r"/tinh-hinh-lao-dong/bao-cao/\d+/", row.url) for row in figure.provenance)
    assert any("thấp nhất" in row.note for row in figure.provenance)
    assert any("cao nhất" in row.note for row in figure.provenance)
    # The reported-value indicator no longer feeds the report's sentence.
    assert "BUA_AN" not in data.figures


def test_the_support_to_workers_of_absconding_employers_is_stated_from_records(
    data: ReportData, extracted: ExtractedDocument
) -> None:
    people, enterprises, rows = expected_support()
    assert data.figures[PEOPLE].text == format_number(people, pad=2)
    assert data.figures[ENTERPRISES].text == format_count(enterprises)
    assert len(data.figures[PEOPLE].provenance) == rows
    # The second support row of the same enterprise is shown, and says it adds nothing.
    assert sum(Decimal(row.value.replace(".", "")) for row in data.figures[PEOPLE].provenance) == people
    assert any("chỉ tính lần lớn nhất" in row.note for row in data.figures[PEOPLE].provenance)
    sentence = (
        f"Năm 2023, đã hỗ trợ {format_number(people, pad=2)} công nhân lao động tại {format_count(enterprises)} "
        "doanh nghiệp có chủ lao động bỏ trốn."
    )
    i3 = section_texts(data, extracted)["I.3"]
    assert sentence in i3
    # Right after the seed's own sentence about that support, which stays word for word.
    assert f"có chủ lao động bỏ trốn, doanh nghiệp phá sản. {sentence}" in i3
    # Printed by placeholders, not typed.
    bound = {run.figure: run.text for p in data.paragraphs for run in p.runs if run.figure}
    assert bound[PEOPLE] == format_number(people, pad=2)
    assert bound[ENTERPRISES] == format_count(enterprises)
    assert bound[MEAL] == format_money_range(*expected_meal_range())


def test_the_workforce_figures_page_says_the_same(data: ReportData, client: Client, db: None) -> None:
    people, enterprises, _rows = expected_support()
    client.force_login(demo_user("bqlkkt.xem"))
    page = client.get("/tinh-hinh-lao-dong/so-lieu/?year=2023").content.decode()
    assert f"hỗ trợ {format_number(people)} công nhân tại {format_number(enterprises)} doanh nghiệp" in page
    assert f"bình quân bữa ăn giữa ca từ {data.figures[MEAL].text}/suất" in page


def test_the_preview_links_the_new_figures_to_the_workforce_records(data: ReportData, client: Client, db: None) -> None:
    html = render_html(data).decode()
    for key in (MEAL, PEOPLE, ENTERPRISES):
        anchor = "so-lieu-" + key.replace(".", "-")
        assert f'href="#{anchor}"' in html, key
        assert f'id="{anchor}"' in html, key
    report = demo_report()
    client.force_login(demo_user("bqlkkt.xem"))
    preview = client.get(f"/bao-cao/{report.pk}/xem-truoc/").content.decode()
    assert '<a class="report-figure" href="#so-lieu-BUA_AN-khoang"' in preview
    urls = {row.url for key in (MEAL, PEOPLE) for row in data.figures[key].provenance}
    assert urls
    for url in urls:
        assert f'href="{url}"' in preview
        path = urlsplit(url).path
        answer = client.get(path)
        assert answer.status_code == 200, url
    # A support row opens its incident, at the support's own line.
    support_urls = [row.url for row in data.figures[PEOPLE].provenance]
    assert all(re.fullmatch(r"/tinh-hinh-lao-dong/vu-viec/\d+/#support-\d+", url) for url in support_urls)
    incident = client.get(urlsplit(support_urls[0]).path).content.decode()
    fragment = urlsplit(support_urls[0]).fragment
    assert f'id="{fragment}"' in incident


def test_the_docx_prints_the_range_and_the_support(data: ReportData, extracted: ExtractedDocument) -> None:
    people, enterprises, _rows = expected_support()
    assert f"bình quân từ {data.figures[MEAL].text}/suất" in extracted.text
    assert (
        f"đã hỗ trợ {format_number(people, pad=2)} công nhân lao động tại {format_count(enterprises)} doanh nghiệp"
        in extracted.text
    )


def test_a_value_field_the_source_does_not_declare_is_refused(db: None) -> None:
    report = demo_report()
    listing = report.listings.get(key="BUA_AN")
    with pytest.raises(ValidationError) as caught:
        services.update_listing(
            actor=demo_user("bdvtu.thuky"),
            listing=listing,
            data={"value_field": "notes"},
            expected_version=listing.version,
        )
    assert "value_field" in caught.value.message_dict
    assert "meal_value" in caught.value.message_dict["value_field"][0]


def test_a_listing_without_a_value_field_gives_no_range(db: None) -> None:
    """{{KEY.khoang}} of a listing that only lists: the figure says why it is missing, the checker reports it."""
    from phoihop.reports.checker import check_report

    report = demo_report()
    listing = report.listings.get(key="BUA_AN")
    services.update_listing(
        actor=demo_user("bdvtu.thuky"), listing=listing, data={"value_field": ""}, expected_version=listing.version
    )
    built = build_report_data(report)
    assert built.figures[MEAL].error.endswith("chưa chọn trường số để tính.")
    assert built.figures[MEAL].text == f"[{MEAL}]"
    assert any(MEAL in finding.message or MEAL in finding.where for finding in check_report(report, built))


def test_correcting_a_meal_value_through_the_service_changes_the_range(db: None) -> None:
    from phoihop.workforce import services as workforce
    from phoihop.workforce.models import LabourReport

    low, high = expected_meal_range()
    officer, leader = demo_user("bqlkkt.canbo"), demo_user("bqlkkt.lanhdao")
    filed = LabourReport.objects.filter(report_type="annual", meal_value=high, period_start__year=2023).first()
    assert filed is not None
    filed = workforce.return_report(
        actor=leader, report=filed, expected_version=filed.version, reason="Sửa giá trị bữa ăn giữa ca."
    )
    # Returned, it is not approved: the range is made of the approved reports only.
    rows = build_report_data(demo_report()).figures[MEAL].provenance
    assert filed.get_absolute_url() not in {row.url for row in rows}
    filed = workforce.update_report(
        actor=officer, report=filed, data={"meal_value": high + 2_000}, expected_version=filed.version
    )
    filed = workforce.submit_report(actor=officer, report=filed, expected_version=filed.version)
    workforce.approve_report(actor=leader, report=filed, expected_version=filed.version)
    figure = build_report_data(demo_report()).figures[MEAL]
    assert figure.text == format_money_range(low, high + 2_000)
    (row,) = [row for row in figure.provenance if row.url == filed.get_absolute_url()]
    assert row.value == f"{format_number(high + 2_000)}đ"
    assert row.note == "cao nhất"

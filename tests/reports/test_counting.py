"""The 2023 report's supervision figure counts distinct enterprises: a second supervision of an enterprise already
supervised changes nothing in the document, and the figure's sources list that visit with a zero and the reason.
The figure-naming screen says what each figure counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from phoihop.directory.models import Agency, Enterprise
from phoihop.oversight import services
from phoihop.oversight.selectors import topics_by_code
from phoihop.reports.builders import build_report_data
from tests.reports.conftest import demo_report, demo_user
from tests.reports.test_metamorphic import changes, lines

pytestmark = pytest.mark.usefixtures("demo")


def _supervise(enterprise: Enterprise, day: dt.date) -> None:
    services.create_inspection(
        actor=demo_user("quantri"),
        owner_agency=Agency.objects.get(short_code="LĐLĐTP"),
        data={
            "kind": "supervision",
            "title": "Giám sát lần hai",
            "start_date": day,
            "enterprises": [enterprise],
            "topics": topics_by_code(["osh"]),
        },
    )


def test_a_second_supervision_of_a_supervised_enterprise_changes_nothing_in_the_report(db: None) -> None:
    report = demo_report()
    before = lines(report)
    assert any("giám sát tại 13 doanh nghiệp FDI" in line for line in before)
    _supervise(Enterprise.objects.get(name="Công ty TNHH Pegatron Việt Nam"), dt.date(2023, 11, 20))
    assert changes(before, lines(report)) == ([], [])

    figure = build_report_data(report).figures["GS_FDI"]
    assert figure.text == "13"
    assert len(figure.provenance) == 14
    assert sum(Decimal(row.value) for row in figure.provenance) == 13
    (repeat,) = [row for row in figure.provenance if row.value == "0"]
    assert repeat.label.startswith("Công ty TNHH Pegatron Việt Nam — Giám sát lần hai")
    assert repeat.note == "Cùng doanh nghiệp đã được đếm ở dòng trước."


def test_the_figure_naming_screen_says_what_each_figure_counts(db: None) -> None:
    client = Client()
    client.force_login(demo_user("bdvtu.thuky"))
    page = client.get(f"/bao-cao/{demo_report().pk}/ten-so-lieu/").content.decode()
    assert "Cách đếm: số doanh nghiệp khác nhau được kiểm tra, giám sát" in page
    assert "Cách đếm: số tổ chức được thành lập (mỗi bản ghi tính một lần)" in page

"""The demo data set holds the supervisions and inspections of section I.7 and the six "Dân vận khéo" models of
section I.6; the 2023 plan's indicator counts the 13 FDI enterprises the City Labour Federation supervised, and a new
supervision record changes the figure at once; a second supervision of an enterprise already supervised does not (the
figure counts distinct enterprises)."""

from __future__ import annotations

import datetime as dt

import pytest

from phoihop.accounts.models import User
from phoihop.demo.loader import load_demo
from phoihop.directory.models import Agency, Enterprise
from phoihop.indicators.selectors import plan_progress
from phoihop.oversight import services
from phoihop.oversight.models import Inspection, InspectionEnterprise
from phoihop.oversight.selectors import topics_by_code
from phoihop.planning.models import Plan
from phoihop.practices.models import Award, GoodPractice
from tests.demo.data import rows


def _supervised_line() -> str:
    progress = plan_progress(plan=Plan.objects.get(year=2023))
    (line,) = [line for line in progress.lines if line.code == "GS-DN-FDI-LDLD"]
    assert line.agency_name == "Liên đoàn Lao động thành phố Hải Phòng"
    return line.fraction_text


@pytest.mark.django_db
def test_section_i7_and_i6_records_and_the_13_fdi_enterprises_supervised() -> None:
    load_demo()
    federation = Agency.objects.get(short_code="LĐLĐTP")
    supervisions = Inspection.objects.filter(owner_agency=federation, kind="supervision", start_date__year=2023)
    visited = InspectionEnterprise.objects.filter(inspection__in=supervisions)
    assert visited.values("enterprise").distinct().count() == 13
    assert all(v.enterprise.is_fdi for v in visited.select_related("enterprise"))
    topics = {t.code for s in supervisions for t in s.topics.all()}
    assert topics == {"regional_minimum_wage", "osh", "democracy_regulation", "cla"}
    authority = Inspection.objects.get(owner_agency__short_code="BQLKKT")
    assert {t.code for t in authority.topics.all()} == {"labour_rules", "cla"}
    assert all(i.plan_items.exists() for i in Inspection.objects.all())

    assert _supervised_line() == "13"
    # The figure's provenance: the thirteen visits, each naming its enterprise and linking to its supervision.
    progress = plan_progress(plan=Plan.objects.get(year=2023), with_provenance=True)
    (line,) = [line for line in progress.lines if line.code == "GS-DN-FDI-LDLD"]
    assert len(line.provenance) == 13
    assert any(row.label.startswith("Công ty TNHH Pegatron Việt Nam — Giám sát") for row in line.provenance)
    assert {row.url for row in line.provenance} == {s.get_absolute_url() for s in supervisions}

    # A second supervision of an enterprise already supervised in the year: one more row, the same thirteen
    # enterprises. Its provenance row adds nothing and says why, so the rows still add up to the figure.
    admin = User.objects.get(username="quantri")
    pegatron = Enterprise.objects.get(name="Công ty TNHH Pegatron Việt Nam")
    services.create_inspection(
        actor=admin,
        owner_agency=federation,
        data={
            "kind": "supervision",
            "title": "Giám sát lần hai",
            "start_date": dt.date(2023, 12, 1),
            "enterprises": [pegatron],
            "topics": topics_by_code(["osh"]),
        },
    )
    assert _supervised_line() == "13"
    progress = plan_progress(plan=Plan.objects.get(year=2023), with_provenance=True)
    (line,) = [line for line in progress.lines if line.code == "GS-DN-FDI-LDLD"]
    assert (len(line.provenance), line.provenance_total) == (14, 13)
    (repeat,) = [row for row in line.provenance if row.value == 0]
    assert repeat.label.startswith("Công ty TNHH Pegatron Việt Nam — Giám sát lần hai")
    assert repeat.note == "Cùng doanh nghiệp đã được đếm ở dòng trước."

    # One more FDI enterprise supervised in 2023: the figure moves at once, nothing typed anywhere.
    extra = Enterprise.objects.get(tax_code="0299000011")  # Crystal Sweater, not among the thirteen
    services.create_inspection(
        actor=admin,
        owner_agency=federation,
        data={
            "kind": "supervision",
            "title": "Giám sát bổ sung",
            "start_date": dt.date(2023, 12, 4),
            "enterprises": [extra],
            "topics": topics_by_code(["regional_minimum_wage"]),
        },
    )
    assert _supervised_line() == "14"

    # Section I.6: the six models with the seed's titles; some awarded a Bằng khen of the City People's Committee.
    titles = set(GoodPractice.objects.filter(year=2023).values_list("title", flat=True))
    assert titles == {row["data"]["title"] for row in rows("practices", "practices.practice")}
    assert "Khu nhà trọ văn minh an toàn" in titles
    assert any("eHeza" in title for title in titles)
    awards = Award.objects.filter(
        level="certificate_of_merit", awarding_agency__short_code="UBNDTP", decision_date__year=2023
    )
    assert awards.count() >= 2  # "Nhiều mô hình … được Ủy ban nhân dân thành phố tặng Bằng khen"

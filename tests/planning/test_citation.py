from __future__ import annotations

import datetime as dt

import pytest

from phoihop.planning.citation import citation, reference_key, split_reference
from phoihop.planning.models import Document
from tests.directory.factories import AgencyFactory


def doc(**fields: object) -> Document:
    base: dict[str, object] = {"kind": "plan", "designation": "", "issuer": "", "title": ""}
    base.update(fields)
    return Document(**base)  # type: ignore[arg-type]


def test_plan_citation_as_the_report_writes_it() -> None:
    plan = doc(number="02", symbol="KH/BDVTU-BQLKKT-LĐLĐTP", issued_on=dt.date(2023, 1, 4))
    assert citation(plan) == "Kế hoạch số 02-KH/BDVTU-BQLKKT-LĐLĐTP, ngày 04/01/2023"


def test_resolution_with_issuer_and_title() -> None:
    resolution = doc(
        kind="resolution",
        number="09",
        symbol="NQ/TU",
        issued_on=dt.date(2023, 11, 13),
        issuer="Ban Chấp hành Đảng bộ thành phố",
        title="về phát triển nhà ở xã hội đến năm 2030",
    )
    assert citation(resolution, with_issuer=True, with_title=True) == (
        "Nghị quyết số 09-NQ/TU, ngày 13/11/2023 của Ban Chấp hành Đảng bộ thành phố về phát triển nhà ở xã hội "
        "đến năm 2030"
    )
    assert citation(resolution) == "Nghị quyết số 09-NQ/TU, ngày 13/11/2023"


def test_conclusion_month_not_padded_after_february() -> None:
    conclusion = doc(
        kind="conclusion", number="93", symbol="KL/TU", issued_on=dt.date(2020, 5, 4), issuer="Ban Thường vụ Thành ủy"
    )
    assert citation(conclusion, with_issuer=True) == "Kết luận số 93-KL/TU, ngày 04/5/2020 của Ban Thường vụ Thành ủy"


def test_notice_and_action_programme() -> None:
    notice = doc(kind="notice", number="1558", symbol="TB/TU", issued_on=dt.date(2023, 5, 27))
    assert citation(notice) == "Thông báo số 1558-TB/TU, ngày 27/5/2023"
    programme = doc(
        kind="programme",
        designation="Chương trình hành động",
        number="02",
        symbol="CTr/TU",
        issued_on=dt.date(2020, 12, 25),
    )
    assert citation(programme) == "Chương trình hành động số 02-CTr/TU, ngày 25/12/2020"


def test_unknown_date_is_left_out_not_guessed() -> None:
    resolution = doc(kind="resolution", number="20", symbol="NQ/TW", issued_on=None, issuer="Bộ Chính trị")
    assert citation(resolution, with_issuer=True) == "Nghị quyết số 20-NQ/TW của Bộ Chính trị"


@pytest.mark.django_db
def test_issuer_falls_back_to_the_directory_agency() -> None:
    agency = AgencyFactory(short_code="TU", name="Thành ủy Hải Phòng")
    resolution = doc(kind="resolution", number="28", symbol="NQ/TU", issued_on=None, issuer_agency=agency)
    assert citation(resolution, with_issuer=True) == "Nghị quyết số 28-NQ/TU của Thành ủy Hải Phòng"


def test_capitalised_abstract_runs_on_in_lower_case() -> None:
    resolution = doc(kind="resolution", number="09", symbol="NQ/TU", issued_on=None, title="Về phát triển nhà ở xã hội")
    assert citation(resolution, with_title=True) == "Nghị quyết số 09-NQ/TU về phát triển nhà ở xã hội"


def test_reference_parsing_and_keys() -> None:
    assert split_reference("02-KH/BDVTU-BQLKKT-LĐLĐTP") == ("02", "KH/BDVTU-BQLKKT-LĐLĐTP")
    assert split_reference("số 1558-TB/TU") == ("1558", "TB/TU")
    # The draft wrote "02-Ctr/TU" once and "02-CTr/TU" elsewhere: one document.
    assert reference_key("02", "Ctr/TU") == reference_key("02", "CTr/TU")
    assert reference_key("02", "KH/BDV-BQLKKT-LĐLĐTP") != reference_key("02", "KH/BDVTU-BQLKKT-LĐLĐTP")

"""Random cells, valid and invalid: the import accepts exactly the files whose every cell is valid, and names every
bad cell by its row and column (bounded: a few dozen files, well under 30 s)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.registry import spreadsheets
from phoihop.spreadsheets.services import import_file
from tests.spreadsheets.helpers import xlsx

GOOD_NAME = st.text(alphabet="abcdeđăâêôơư ÀÁẢÃẠ", min_size=1, max_size=40).filter(lambda s: s.strip())
BAD_NAME = st.just("x" * 300)
GOOD_WORKFORCE = st.one_of(st.none(), st.integers(0, 100_000))
BAD_WORKFORCE = st.one_of(st.integers(-1000, -1), st.sampled_from(["nhiều", "1,5 nghìn", "?"]))
GOOD_OWNERSHIP = st.sampled_from(["Doanh nghiệp trong nước", "doanh nghiệp 100% vốn nước ngoài"])
BAD_OWNERSHIP = st.sampled_from(["Tư nhân", "", "FDI"])


@st.composite
def rows(draw):  # type: ignore[no-untyped-def]
    count = draw(st.integers(1, 6))
    result, bad = [], set()
    for index in range(count):
        row_number = index + 3
        row = {"tax_code": f"02{index:08d}"}
        for key, good, wrong in (
            ("name", GOOD_NAME, BAD_NAME),
            ("workforce", GOOD_WORKFORCE, BAD_WORKFORCE),
            ("ownership", GOOD_OWNERSHIP, BAD_OWNERSHIP),
        ):
            if draw(st.booleans()) and draw(st.integers(0, 3)) == 0:
                row[key] = draw(wrong)
                bad.add((row_number, key))
            else:
                row[key] = draw(good)
        result.append(row)
    return result, bad


HEADERS = {"name": "Tên doanh nghiệp", "workforce": "Số lao động hiện có", "ownership": "Loại hình sở hữu"}


@pytest.mark.django_db
@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=rows())
def test_exactly_the_valid_files_are_imported_and_every_bad_cell_named(officer, case) -> None:  # type: ignore[no-untyped-def]
    data, bad = case
    kind = spreadsheets.get("directory.enterprise")
    assert kind is not None
    Enterprise.objects.all().delete()
    from phoihop.spreadsheets.models import ImportBatch

    ImportBatch.objects.all().delete()
    outcome = import_file(actor=officer, kind=kind, content=xlsx(kind, data), filename="x.xlsx")
    if not bad:
        assert outcome.status == "imported", outcome.messages
        assert Enterprise.objects.count() == len(data)
    else:
        assert outcome.status == "invalid"
        named = {(p.row, p.column) for p in outcome.problems}
        assert named == bad
        for row, key in bad:
            assert any(f"dòng {row}, cột {HEADERS[key]}:" in text for text in outcome.messages)
        assert Enterprise.objects.count() == 0

"""The record kinds matched by their natural key (spreadsheets.records.RecordRows.check): an export of a body's records
imported back is read and matched in the same number of queries whatever the number of rows — the recorded records
in one query for the file, their many-to-many cells prefetched, nothing read per row — and changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from phoihop.accounts.choices import Role
from phoihop.directory.choices import AgencyKind
from tests.activities.factories import ActivityFactory
from tests.directory.factories import AgencyFactory, EnterpriseFactory
from tests.housing.factories import ProjectFactory
from tests.organizing.factories import FoundingFactory
from tests.oversight.factories import InspectionFactory, topic
from tests.practices.factories import PracticeFactory
from tests.spreadsheets.helpers import upload_sheet

pytestmark = pytest.mark.django_db


def _practice(agency: Any, n: int) -> None:
    PracticeFactory(owner_agency=agency, title=f"Mô hình {n}", year=2023).enterprises.set([EnterpriseFactory()])


def _inspection(agency: Any, n: int) -> None:
    InspectionFactory(
        owner_agency=agency,
        title=f"Giám sát {n}",
        start_date=dt.date(2023, 3, 1) + dt.timedelta(days=n),
        enterprises=[EnterpriseFactory()],
        topics=[topic("osh")],
    )


def _activity(agency: Any, n: int) -> None:
    ActivityFactory(owner_agency=agency, title=f"Tuyên truyền {n}", enterprises=[EnterpriseFactory()])


def _project(agency: Any, n: int) -> None:
    whole = ProjectFactory(owner_agency=agency, name=f"Dự án {n}", investor_name="Công ty Cổ phần Nhà ở Hải Phòng")
    ProjectFactory(owner_agency=agency, name=f"Dự án {n} giai đoạn 2", part_of=whole, investor_name="Công ty A")


def _founding(agency: Any, n: int) -> None:
    FoundingFactory(
        owner_agency=agency, enterprise=EnterpriseFactory(), founded_on=dt.date(2023, 1, 1) + dt.timedelta(days=n)
    )


KINDS: dict[str, tuple[Callable[[Any, int], None], int]] = {
    "practices.practice": (_practice, 1),
    "oversight.inspection": (_inspection, 1),
    "activities.activity": (_activity, 1),
    "housing.project": (_project, 2),
    "organizing.founding": (_founding, 1),
}


@pytest.mark.parametrize("kind", KINDS)
def test_an_export_read_back_is_matched_in_queries_that_do_not_grow_with_rows(kind, make_user, client_for) -> None:  # type: ignore[no-untyped-def]
    make, per_record = KINDS[kind]
    union = AgencyFactory(short_code="LĐLĐTP", name="Liên đoàn Lao động thành phố", kind=AgencyKind.UNION)
    client = client_for(make_user(Role.OFFICER, union, username="canbo"))

    made: list[int] = []

    def read_back(count: int) -> int:
        for _ in range(count):
            make(union, len(made))
            made.append(per_record)
        exported = client.get(f"/excel/{kind}/xuat/").content
        rows = sum(made)  # every record made so far, the earlier round's too
        with CaptureQueriesContext(connection) as queries:
            text = upload_sheet(client, exported, name=f"{count}.xlsx", kind=kind)
        assert f"Đã nhập {rows} dòng: 0 bản ghi mới, 0 bản ghi cập nhật, {rows} không đổi." in text
        return len(queries)

    assert read_back(2) == read_back(8)

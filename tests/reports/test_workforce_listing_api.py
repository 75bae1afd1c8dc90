"""A listing's value field over the API (token): read and written, checked against the numeric fields its source
declares, refused in the one error shape on its field."""

from __future__ import annotations

from typing import Any

from phoihop.accounts.choices import Role
from phoihop.reports.models import Listing
from tests.reports.conftest import SmallWorld

MEALS = {
    "key": "BUA_AN",
    "title": "Giá trị bữa ăn giữa ca",
    "source": "workforce.labourreport",
    "record_filter": {"status": "approved"},
    "pattern": "{ten}: {meal_value}đ/suất",
    "value_field": "meal_value",
}


def test_the_value_field_is_written_read_and_checked(small_world: SmallWorld, api_for: Any) -> None:
    api = api_for(small_world.user(Role.OFFICER, "party"), token=True)
    created = api.post(
        f"/reports/reports/{small_world.report.pk}/listings", {**MEALS, "owner_agency_id": small_world.party.pk}
    )
    assert created.status_code == 201, created.content
    listing = created.json()
    assert listing["value_field"] == "meal_value"
    assert api.get(f"/reports/listings/{listing['id']}").json()["value_field"] == "meal_value"

    wrong = api.patch(f"/reports/listings/{listing['id']}", {"version": listing["version"], "value_field": "notes"})
    assert wrong.status_code == 422, wrong.content
    answer = wrong.json()
    assert set(answer) == {"message", "code", "fields"}
    assert answer["code"] == "unknown_value_field"
    assert "value_field" in answer["fields"]
    assert "meal_value" in answer["message"]  # names what can be used
    # A source without declared numeric fields (the consultation topics) takes none.
    topics = api.post(
        f"/reports/reports/{small_world.report.pk}/listings",
        {
            **MEALS,
            "key": "TU_VAN",
            "source": "cases.worker_consultations",
            "record_filter": {},
            "pattern": "{noi_dung}",
            "owner_agency_id": small_world.party.pk,
        },
    )
    assert (topics.status_code, topics.json()["code"]) == (422, "unknown_value_field")
    assert list(Listing.objects.values_list("key", "value_field")) == [("BUA_AN", "meal_value")]

    cleared = api.patch(f"/reports/listings/{listing['id']}", {"version": listing["version"], "value_field": ""})
    assert cleared.status_code == 200, cleared.content
    assert Listing.objects.get().value_field == ""


def test_the_measures_over_rows_add_up_and_say_why() -> None:
    """Without a database: the measures of a listing from its rows (two supports at one enterprise, one at another,
    one naming none)."""
    import datetime as dt
    from decimal import Decimal

    from phoihop.reports.builders.annual import measures
    from phoihop.reports.sources import SourceRow

    def row(pk: int, people: int | None, enterprise: int | None) -> SourceRow:
        number = Decimal(people) if people is not None else None
        date = dt.date(2023, 9, pk)
        return SourceRow(pk, date, f"hỗ trợ {pk}", f"/r/{pk}/", {}, number=number, enterprise=enterprise)

    listing = Listing(key="HO_TRO", title="Hỗ trợ", value_field="people")
    rows = [row(1, 330, 7), row(2, 212, 7), row(3, 40, 9), row(4, 5, None), row(5, None, 9)]
    found = measures(listing, rows, {1: "Tiền cho người lao động công ty A"}, unit="persons")
    assert found["khoang"].text == "5 - 330"
    assert (found["thap_nhat"].text, found["cao_nhat"].text) == ("5", "330")
    assert found["tong"].text == "587"
    assert found["tong_khong_trung"].text == "375"  # 330 (not 330 + 212) + 40 + 5
    assert found["so_doanh_nghiep"].text == "02"
    once = found["tong_khong_trung"].provenance
    assert [p.value for p in once] == ["330", "0", "40", "5"]
    assert "chỉ tính lần lớn nhất" in once[1].note
    assert once[0].label == "Tiền cho người lao động công ty A"
    assert once[0].url == "/r/1/"
    distinct = found["so_doanh_nghiep"].provenance
    assert [p.value for p in distinct] == ["1", "0", "1", "0", "0"]
    money = measures(listing, rows[:2], {}, unit="vnd")
    assert money["khoang"].text == "212đ - 330đ"
    empty = measures(listing, [row(6, None, 3)], {}, unit="vnd")
    assert empty["khoang"].error
    assert empty["khoang"].text == "[HO_TRO.khoang]"
    assert empty["so_doanh_nghiep"].text == "01"

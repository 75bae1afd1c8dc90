"""Cases and petitions of the Hai Phong 2023 demo data set.

The seed report (footnote 1) says the City Labour Federation "Tư vấn 05 vụ việc theo yêu cầu của người lao động"
on four topics: severance allowance, overtime pay, moving a worker to other work than in the contract, and the
conditions for unemployment insurance. The five cases below are those consultations; everything personal in them is
invented and obviously fictitious (names with "Mẫu"/"Thử", numbers 0900 000 00x, employers "Mẫu Thử"). The
Economic Zone Authority's enterprise-hotline cases are answered the same day and are enterprise requests, so they do
not change the count of worker consultations. Dates and times of day are illustrative: the seed gives none.

`PERSONAL_STRINGS` lists every personal value here: the test suite fails if any of them appears in a log."""

from __future__ import annotations

from phoihop.demo import read

DATA = read("cases")

# Topic tree: (parent name or "", name, report phrase, position).
TOPICS: list[tuple[str, str, str, int]] = DATA["TOPICS"]

# Public holidays of 2023 that fell on working days (Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương with 30/4 and
# 1/5, Quốc khánh), as the deadline clock needs them.
HOLIDAYS_2023: list[tuple[str, str]] = DATA["HOLIDAYS_2023"]

# Who handles cases in the demo: (body, officer username, leader username who granted it).
HANDLER_GRANTS: list[tuple[str, str, str]] = DATA["HANDLER_GRANTS"]

# Each case: facts, the requester's (fictitious) data, and the steps it went through (status, local time, text).
CASES: list[dict[str, object]] = DATA["CASES"]

CONFERENCE_2023 = DATA["CONFERENCE_2023"]
CONCLUSION_2023 = {"number": "1558", "symbol": "TB/TU"}  # Thông báo số 1558-TB/TU, ngày 27/5/2023

PETITIONS: list[dict[str, object]] = DATA["PETITIONS"]


def _personal_strings() -> list[str]:
    values: list[str] = []
    for case in CASES:
        person = case["person"]
        assert isinstance(person, dict)  # noqa: S101
        for value in person.values():
            values.append(str(value))
        values.append(str(person["phone"]).replace(" ", ""))
    return values


# Every personal value of the demo (phones also without spaces): none may ever appear in a log.
PERSONAL_STRINGS: tuple[str, ...] = tuple(_personal_strings())

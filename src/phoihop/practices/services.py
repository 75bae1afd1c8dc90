"""Writes to "Dân vận khéo" models and their awards: the owned-record writes of directory/records.py (permission,
clean input, owner body, the rules below, one audited transaction each)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.directory.records import OwnedRows, OwnedWrites
from phoihop.practices.models import Award, GoodPractice
from phoihop.practices.permissions import can_create_practice, can_delete_practice, can_edit_practice

if TYPE_CHECKING:
    pass

PRACTICE_FIELDS = ("title", "year", "field", "description", "results", "status")
PRACTICE_M2M = ("enterprises", "plan_items")
AWARD_FIELDS = ("level", "awarding_agency", "awarding_body_name", "decision_number", "decision_date", "note")
ONE_LINE_FIELDS = {"title", "awarding_body_name", "decision_number"}


def _check_year(fields: dict[str, Any], practice: GoodPractice | None) -> None:
    year = fields.get("year")
    if year is not None:
        if not isinstance(year, int) or not 2000 <= year <= 2100:
            raise field_error("year", _("Năm phải nằm trong khoảng 2000–2100."), "year_out_of_range")
        fields["year_start"] = dt.date(year, 1, 1)
    if practice is None and "year" not in fields:
        raise field_error("year", _("Hãy nhập năm xây dựng mô hình."), "required")


# A model is deleted with its awards (one event: awards have no life of their own).
PRACTICES = OwnedWrites(
    model=GoodPractice,
    record="practice",
    fields=PRACTICE_FIELDS,
    m2m=PRACTICE_M2M,
    one_line=ONE_LINE_FIELDS,
    owner_required=gettext_lazy("Hãy chọn đơn vị xây dựng mô hình."),
    can_create=can_create_practice,
    can_edit=can_edit_practice,
    can_delete=can_delete_practice,
    clean=_check_year,
)
create_practice = PRACTICES.create
update_practice = PRACTICES.update  # update_practice(*, actor, practice, data, expected_version)
delete_practice = PRACTICES.delete  # delete_practice(*, actor, practice, expected_version)


def _check_award(practice: GoodPractice, cleaned: dict[str, Any], award: Award | None) -> None:
    merged = cleaned if award is None else {name: getattr(award, name) for name in AWARD_FIELDS} | cleaned
    agency, name = merged.get("awarding_agency"), merged.get("awarding_body_name") or ""
    if (agency is None) == (not name):
        raise field_error(
            "awarding_agency",
            _("Hãy chọn cơ quan khen thưởng trong danh mục hoặc ghi tên cơ quan ngoài danh mục (chỉ một trong hai)."),
            "one_awarding_body",
        )
    date = merged.get("decision_date")
    if date is not None and date.year < practice.year:
        raise field_error(
            "decision_date",
            _("Ngày quyết định khen thưởng không được trước năm xây dựng mô hình (%(year)s).")
            % {"year": practice.year},
            "award_before_practice",
        )


AWARD_ROWS = OwnedRows(
    model=Award,
    parent="practice",
    row="award",
    fields=AWARD_FIELDS,
    one_line=ONE_LINE_FIELDS,
    can_edit_parent=can_edit_practice,
    rules=_check_award,
)
add_award = AWARD_ROWS.create  # add_award(*, actor, practice, data)
update_award = AWARD_ROWS.update  # update_award(*, actor, award, data, expected_version)
delete_award = AWARD_ROWS.delete  # delete_award(*, actor, award, expected_version)

# The three writes, called one way by the pages, the spreadsheet kind and the API (core/records.py).
WRITES = PRACTICES.writes
AWARDS = AWARD_ROWS.writes

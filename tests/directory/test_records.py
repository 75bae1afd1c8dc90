"""The shared owned-record layer (directory/records.py), on "Dân vận khéo" models and their awards declared afresh
here: what a reader shows whom, the list's search and sorting, and the refusals and audit of the writers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.errors import field_error
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory import scope
from phoihop.directory.models import Agency
from phoihop.directory.records import OwnedRecords, OwnedRows, OwnedWrites, sort_keys
from phoihop.practices.filters import PracticeFilter
from phoihop.practices.models import Award, GoodPractice
from tests.directory.factories import AgencyFactory
from tests.practices.factories import AwardFactory, PracticeFactory

READER = OwnedRecords(
    model=GoodPractice,
    filter=PracticeFilter,
    can_view=scope.can_read_programme,
    related=("owner_agency",),
    search=("search_text", "owner_agency__search_text"),
    sorts=sort_keys({"year": "year", "title": "title"}),
    default_sort="-year",
)


def _no_title_in_capitals(fields: dict[str, Any], practice: GoodPractice | None) -> None:
    if str(fields.get("title", "")).isupper():
        raise field_error("title", "Không viết tên mô hình toàn chữ hoa.", "shouting")
    if "year" in fields:
        fields["year_start"] = dt.date(fields["year"], 1, 1)


def _not_before_2020(fields: dict[str, Any], m2m: object, owner: Agency, practice: GoodPractice | None) -> None:
    year = fields.get("year", practice.year if practice is not None else None)
    if year is not None and year < 2020:
        raise field_error("year", f"{owner.short_code} chỉ ghi mô hình từ năm 2020.", "too_old")


WRITER = OwnedWrites(
    model=GoodPractice,
    record="practice",
    fields=("title", "year", "field", "status"),
    one_line={"title"},
    owner_required="Hãy chọn đơn vị.",
    owner_foreign="Không phải đơn vị của anh/chị.",
    can_create=scope.can_create_owned,
    can_edit=scope.can_edit_owned,
    can_delete=scope.can_delete_owned,
    clean=_no_title_in_capitals,
    rules=_not_before_2020,
)
ROWS = OwnedRows(
    model=Award,
    parent="practice",
    row="award",
    fields=("level", "awarding_body_name", "decision_date"),
    one_line={"awarding_body_name"},
    can_edit_parent=scope.can_edit_owned,
)
NEW = {
    "title": "  Mô hình   “Dân vận khéo”  ",
    "year": 2023,
    "field": "administrative_support",
    "status": "implementing",
}


def events() -> list[AuditEvent]:
    return list(AuditEvent.objects.exclude(action=AuditAction.LOGIN).order_by("pk"))


@pytest.fixture
def body(db: None) -> Agency:
    return AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")


@pytest.fixture
def leader(body: Agency, make_user: Any) -> User:
    return make_user(Role.LEADER, body)


# --- the reader ---------------------------------------------------------------------------------------------------


def test_a_member_of_any_body_reads_a_record_and_an_account_that_may_not_view_gets_a_404(
    officer: User, other_agency: Agency, make_user: Any
) -> None:
    practice = PracticeFactory(owner_agency=other_agency)
    assert READER.get(user=officer, pk=practice.pk) == practice
    retired = make_user(Role.OFFICER, officer.agency, is_active=False)
    with pytest.raises(Http404):
        READER.get(user=retired, pk=practice.pk)
    assert not READER.list(user=retired).exists()


def test_the_owner_scope_limits_the_rows_when_the_view_permission_does_not(officer: User) -> None:
    """A reader that lets anyone view still shows a visitor of no body no body's records: its read scope is empty."""
    practice = PracticeFactory()
    reader = OwnedRecords(
        model=GoodPractice,
        filter=PracticeFilter,
        can_view=lambda user: True,
        sorts={"year": "year"},
        default_sort="year",
    )
    assert list(reader.visible_to(officer)) == [practice]
    assert not reader.visible_to(AnonymousUser()).exists()  # type: ignore[arg-type]
    with pytest.raises(Http404):
        reader.get(user=AnonymousUser(), pk=practice.pk)  # type: ignore[arg-type]


def test_rows_of_a_record_are_scoped_through_it(officer: User) -> None:
    award = AwardFactory()
    assert list(READER.scoped(Award.objects.all(), officer, via="practice")) == [award]
    reader = OwnedRecords(
        model=GoodPractice,
        filter=PracticeFilter,
        can_view=lambda user: True,
        sorts={"year": "year"},
        default_sort="year",
    )
    assert not reader.scoped(Award.objects.all(), AnonymousUser(), via="practice").exists()  # type: ignore[arg-type]


def test_the_search_ignores_diacritics_and_every_word_must_match_one_field(officer: User, body: Agency) -> None:
    hotline = PracticeFactory(title="Đường dây nóng Công đoàn", owner_agency=body)
    PracticeFactory(title="Tủ sách pháp luật")
    assert list(READER.list(user=officer, params={"q": "duong day nong"})) == [hotline]
    # "quan ly" is in the owner body's name, "nong" in the title: each word matches one of the fields.
    assert list(READER.list(user=officer, params={"q": "nóng quan ly"})) == [hotline]
    assert not READER.list(user=officer, params={"q": "nong sach"}).exists()


def test_the_list_sorts_by_a_known_key_and_falls_back_to_the_default_for_an_unknown_one(officer: User) -> None:
    old = PracticeFactory(title="B", year=2021)
    new = PracticeFactory(title="A", year=2024)
    same_year = PracticeFactory(title="C", year=2024)
    assert list(READER.list(user=officer, params={"sort": "title"})) == [new, old, same_year]
    assert list(READER.list(user=officer, params={"sort": "-title"})) == [same_year, old, new]
    # Unknown key: the default (-year), newest row first among equals.
    assert list(READER.list(user=officer, params={"sort": "drop table"})) == [same_year, new, old]
    assert list(READER.list(user=officer)) == [same_year, new, old]


def test_the_list_applies_the_filter_set(officer: User) -> None:
    PracticeFactory(year=2021)
    recent = PracticeFactory(year=2024)
    assert list(READER.list(user=officer, params={"year": "2024"})) == [recent]


# --- the writers --------------------------------------------------------------------------------------------------


def test_create_cleans_the_input_files_it_under_the_actors_body_and_audits_it(leader: User, body: Agency) -> None:
    practice = WRITER.create(actor=leader, data=NEW)
    assert practice.title == "Mô hình “Dân vận khéo”"
    assert practice.owner_agency == body
    [event] = events()
    assert event.action == AuditAction.CREATE


def test_the_owner_body_must_be_chosen_by_the_administrator_and_be_the_actors_own(
    admin_user: User, leader: User, other_agency: Agency
) -> None:
    with pytest.raises(ValidationError) as caught:
        WRITER.create(actor=admin_user, data=NEW)
    assert caught.value.message_dict == {"owner_agency": ["Hãy chọn đơn vị."]}
    with pytest.raises(ValidationError) as caught:
        WRITER.create(actor=leader, data=NEW, owner_agency=other_agency)
    assert caught.value.error_dict["owner_agency"][0].code == "foreign_agency"
    assert WRITER.create(actor=admin_user, data=NEW, owner_agency=other_agency).owner_agency
    assert len(events()) == 1


@pytest.mark.parametrize("app", ["practices", "housing", "oversight"])
def test_a_record_kind_that_names_no_foreign_owner_message_says_the_shared_one(
    app: str, leader: User, other_agency: Agency
) -> None:
    from importlib import import_module

    services = import_module(f"phoihop.{app}.services")
    writer = next(value for value in vars(services).values() if isinstance(value, OwnedWrites))
    with pytest.raises(ValidationError) as caught:
        writer.owner_for(leader, other_agency)
    assert caught.value.message_dict == {
        "owner_agency": ["Anh/chị chỉ có thể tạo hồ sơ cho đơn vị của mình hoặc đơn vị trực thuộc."]
    }


def test_a_write_without_the_permission_is_refused_and_changes_nothing(
    other_agency: Agency, leader: User, make_user: Any
) -> None:
    officer = make_user(Role.OFFICER, other_agency)
    viewer = make_user(Role.VIEWER, leader.agency)
    with pytest.raises(PermissionDenied):
        WRITER.create(actor=viewer, data=NEW)
    practice = WRITER.create(actor=leader, data=NEW)
    with pytest.raises(PermissionDenied):
        WRITER.update(actor=officer, practice=practice, data={"title": "Khác"}, expected_version=1)
    with pytest.raises(PermissionDenied):
        WRITER.delete(actor=make_user(Role.OFFICER, leader.agency), practice=practice, expected_version=1)
    practice.refresh_from_db()
    assert practice.title == "Mô hình “Dân vận khéo”"
    assert len(events()) == 1


def test_the_rules_refuse_before_and_after_the_owner_is_known_and_nothing_is_saved(leader: User) -> None:
    with pytest.raises(ValidationError) as caught:
        WRITER.create(actor=leader, data={**NEW, "title": "MÔ HÌNH"})
    assert caught.value.error_dict["title"][0].code == "shouting"
    with pytest.raises(ValidationError) as caught:
        WRITER.create(actor=leader, data={**NEW, "year": 2019})
    assert caught.value.messages == ["BQLKKT chỉ ghi mô hình từ năm 2020."]
    practice = WRITER.create(actor=leader, data=NEW)
    with pytest.raises(ValidationError) as caught:
        WRITER.update(actor=leader, practice=practice, data={"year": 2018}, expected_version=1)
    assert caught.value.error_dict["year"][0].code == "too_old"
    assert GoodPractice.objects.get().year == 2023
    assert len(events()) == 1


def test_update_and_delete_are_versioned_and_audited(leader: User) -> None:
    practice = WRITER.create(actor=leader, data=NEW)
    practice = WRITER.update(actor=leader, practice=practice, data={"title": " Mới "}, expected_version=1)
    assert (practice.title, practice.version) == ("Mới", 2)
    WRITER.delete(actor=leader, practice=practice, expected_version=2)
    assert not GoodPractice.objects.exists()
    assert [event.action for event in events()] == [AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE]


def test_a_write_names_its_record_by_the_declared_keyword_only(leader: User) -> None:
    practice = WRITER.create(actor=leader, data=NEW)
    with pytest.raises(TypeError):
        WRITER.update(actor=leader, record=practice, data={}, expected_version=1)  # type: ignore[call-arg]


def test_rows_of_a_record_are_written_by_those_who_may_edit_it(
    leader: User, other_agency: Agency, make_user: Any
) -> None:
    officer = make_user(Role.OFFICER, other_agency)
    practice = PracticeFactory(owner_agency=leader.agency)
    award = ROWS.create(
        actor=leader,
        practice=practice,
        data={
            "level": "certificate_of_merit",
            "awarding_body_name": " UBND  TP ",
            "decision_date": dt.date(2024, 1, 5),
        },
    )
    assert (award.practice, award.awarding_body_name) == (practice, "UBND TP")
    with pytest.raises(PermissionDenied):
        ROWS.update(actor=officer, award=award, data={"awarding_body_name": "Khác"}, expected_version=1)
    ROWS.delete(actor=leader, award=award, expected_version=1)
    assert not Award.objects.exists()
    assert [event.action for event in events()] == [AuditAction.CREATE, AuditAction.DELETE]
    assert ROWS.writes.parent == "practice"
    assert WRITER.writes.record == "practice"

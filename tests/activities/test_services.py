"""Activity services: one transaction and one AuditEvent per change covering the activity and its rows; stale
edits are conflicts; bad input is refused with a clear message and nothing is saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.activities.models import Activity, ActivityOutput, ActivityParticipant
from phoihop.activities.services import create_activity, delete_activity, update_activity
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory
from tests.directory.factories import EnterpriseFactory, ZoneFactory

BASE = {
    "kind": "welfare_event",
    "title": "Chợ Tết Công đoàn 2023",
    "start_date": dt.date(2023, 1, 10),
    "end_date": dt.date(2023, 1, 15),
}
VISITS = {"group": "workers", "count": 45000, "unit": "person_times", "qualifier": "over"}
BOOTHS = {"kind": "booths", "label": "Gian hàng tiêu dùng", "quantity": 200, "unit": "gian hàng", "qualifier": "over"}


def events() -> list[AuditEvent]:
    return list(AuditEvent.objects.exclude(action=AuditAction.LOGIN).order_by("pk"))


def test_create_saves_the_activity_its_rows_and_one_event(union_officer: User) -> None:
    enterprise = EnterpriseFactory(name="Công ty TNHH Maple")
    activity = create_activity(
        actor=union_officer,
        data={**BASE, "title": "  Chợ Tết   Công đoàn 2023 ", "enterprises": [enterprise]},
        participants=[VISITS],
        outputs=[BOOTHS, {"kind": "participating_units", "quantity": 100, "qualifier": "nearly"}],
    )

    assert activity.title == "Chợ Tết Công đoàn 2023"
    assert activity.owner_agency == union_officer.agency
    assert [str(p) for p in activity.participants.all()] == ["Công nhân lao động: trên 45.000 lượt người"]
    outputs = list(activity.outputs.order_by("pk"))
    assert [o.display_quantity for o in outputs] == ["trên 200 gian hàng", "gần 100 đơn vị"]
    assert list(activity.enterprises.all()) == [enterprise]
    [event] = events()
    assert event.action == AuditAction.CREATE
    assert event.changes["title"] == ["", "Chợ Tết Công đoàn 2023"]
    assert event.changes["thành phần tham gia"] == ["", "Công nhân lao động: trên 45.000 lượt người"]
    assert "trên 200 gian hàng" in event.changes["kết quả, sản phẩm"][1]
    assert event.actor == union_officer


def test_changing_only_the_rows_is_one_event_and_a_new_version(union_officer: User) -> None:
    activity = create_activity(actor=union_officer, data=BASE, participants=[VISITS])
    updated = update_activity(
        actor=union_officer,
        activity=activity,
        data={},
        participants=[{**VISITS, "count": 46000}],
        expected_version=1,
    )
    assert updated.version == 2
    assert ActivityParticipant.objects.get(activity=activity).count == 46000
    last = events()[-1]
    assert len(events()) == 2
    assert last.action == AuditAction.UPDATE
    assert last.changes == {
        "thành phần tham gia": [
            "Công nhân lao động: trên 45.000 lượt người",
            "Công nhân lao động: trên 46.000 lượt người",
        ]
    }


def test_changing_fields_and_rows_together_is_still_one_event(union_officer: User) -> None:
    activity = create_activity(actor=union_officer, data=BASE, participants=[VISITS], outputs=[BOOTHS])
    update_activity(
        actor=union_officer,
        activity=activity,
        data={"place": "Cung Văn hóa Lao động Hữu nghị Việt - Tiệp"},
        outputs=[],
        expected_version=1,
    )
    assert len(events()) == 2
    last = events()[-1]
    assert set(last.changes) == {"place", "kết quả, sản phẩm"}
    assert last.changes["kết quả, sản phẩm"][1] == ""
    assert not ActivityOutput.objects.filter(activity=activity).exists()
    # rows left out of the call stay as they were
    assert ActivityParticipant.objects.filter(activity=activity).count() == 1


def test_a_stale_edit_is_a_conflict_that_names_who_changed_it(union_officer: User, union_leader: User) -> None:
    activity = create_activity(actor=union_officer, data=BASE, participants=[VISITS])
    update_activity(actor=union_leader, activity=activity, data={"place": "Quận Lê Chân"}, expected_version=1)

    with pytest.raises(ConflictError) as caught:
        update_activity(
            actor=union_officer,
            activity=activity,
            data={"place": "Quận Ngô Quyền"},
            participants=[{**VISITS, "count": 1}],
            expected_version=1,
        )
    assert "Lê Văn Nam" in caught.value.message
    activity.refresh_from_db()
    assert activity.place == "Quận Lê Chân"
    assert ActivityParticipant.objects.get(activity=activity).count == 45000
    assert len(events()) == 2


@pytest.mark.parametrize(
    ("data", "participants", "outputs", "field", "code", "message"),
    [
        (
            {"end_date": dt.date(2023, 1, 9)},
            [],
            [],
            "__all__",
            "end_before_start",
            "Ngày kết thúc không được trước ngày bắt đầu.",
        ),
        ({}, [{**VISITS, "count": -5}], [], "participants", "min_value", "Dòng 1 của phần thành phần tham gia"),
        ({}, [], [{**BOOTHS, "quantity": -1}], "outputs", "min_value", "Dòng 1 của phần kết quả, sản phẩm"),
        (
            {"kind": "training_class", "title": "Lớp Đại học văn bằng 2 ngành Luật"},
            [{"group": "students", "count": 61, "unit": "person_times"}],
            [],
            "participants",
            "persons_required",
            "Học viên của một lớp được đếm theo người, không theo lượt người",
        ),
        (
            {},
            [VISITS, {**VISITS, "count": 3}],
            [],
            "participants",
            "duplicate_row",
            "Dòng 2 của phần thành phần tham gia",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(
    union_officer: User,
    data: dict[str, object],
    participants: list[dict[str, object]],
    outputs: list[dict[str, object]],
    field: str,
    code: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(actor=union_officer, data={**BASE, **data}, participants=participants, outputs=outputs)
    errors = caught.value.error_dict
    assert field in errors
    assert errors[field][0].code == code
    assert message in " ".join(caught.value.messages)
    assert not Activity.objects.exists()
    assert not ActivityParticipant.objects.exists()
    assert not events()


def test_person_times_are_fine_for_workers_and_cadres_but_students_count_in_persons(union_officer: User) -> None:
    activity = create_activity(
        actor=union_officer,
        data={**BASE, "kind": "training_class", "title": "Lớp bồi dưỡng nghiệp vụ Thanh tra - Kiểm tra"},
        participants=[
            {"group": "union_cadres", "count": 46, "unit": "persons"},
            {"group": "students", "count": 61, "unit": "persons"},
            {"group": "workers", "count": 120, "unit": "person_times"},
        ],
    )
    assert activity.participants.count() == 3


def test_an_update_that_breaks_a_rule_changes_nothing(union_officer: User) -> None:
    activity = create_activity(actor=union_officer, data=BASE, participants=[VISITS])
    with pytest.raises(ValidationError):
        update_activity(
            actor=union_officer,
            activity=activity,
            data={"title": "Tên mới"},
            participants=[{**VISITS, "count": -1}],
            expected_version=1,
        )
    activity.refresh_from_db()
    assert activity.title == "Chợ Tết Công đoàn 2023"
    assert activity.version == 1
    assert ActivityParticipant.objects.get(activity=activity).count == 45000
    assert len(events()) == 1


def test_the_organising_body_is_not_also_a_partner(union_officer: User, federation: Agency) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(actor=union_officer, data={**BASE, "partner_agencies": [federation]})
    assert caught.value.error_dict["partner_agencies"][0].code == "owner_is_partner"
    assert not Activity.objects.exists()


def test_an_officer_records_for_a_unit_under_the_body_but_not_for_another_body(
    union_officer: User, zone_union: Agency, authority: Agency
) -> None:
    activity = create_activity(actor=union_officer, data=BASE, owner_agency=zone_union)
    assert activity.owner_agency == zone_union

    with pytest.raises(ValidationError) as caught:
        create_activity(actor=union_officer, data=BASE, owner_agency=authority)
    assert caught.value.error_dict["owner_agency"][0].code == "foreign_agency"
    assert Activity.objects.count() == 1


def test_the_administrator_must_name_the_organising_body(admin_user: User, authority: Agency) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(actor=admin_user, data=BASE)
    assert caught.value.error_dict["owner_agency"][0].code == "required"
    activity = create_activity(actor=admin_user, data=BASE, owner_agency=authority)
    assert activity.owner_agency == authority


def test_unknown_fields_are_refused(union_officer: User) -> None:
    with pytest.raises(ValidationError) as caught:
        create_activity(actor=union_officer, data={**BASE, "version": 7})
    assert caught.value.error_list[0].code == "unknown_field"


def test_viewers_and_the_secretariat_do_not_write(make_user, federation: Agency) -> None:  # type: ignore[no-untyped-def]
    for role in (Role.VIEWER, Role.SECRETARIAT):
        with pytest.raises(PermissionDenied):
            create_activity(actor=make_user(role, federation), data=BASE)
    assert not Activity.objects.exists()


def test_delete_is_for_leaders_and_takes_the_rows_with_it(union_officer: User, union_leader: User) -> None:
    activity = create_activity(actor=union_officer, data=BASE, participants=[VISITS], outputs=[BOOTHS])
    with pytest.raises(PermissionDenied):
        delete_activity(actor=union_officer, activity=activity, expected_version=1)
    with pytest.raises(ConflictError):
        delete_activity(actor=union_leader, activity=activity, expected_version=9)
    delete_activity(actor=union_leader, activity=activity, expected_version=1)
    assert not Activity.objects.exists()
    assert not ActivityParticipant.objects.exists()
    assert not ActivityOutput.objects.exists()
    assert [e.action for e in events()] == [AuditAction.CREATE, AuditAction.DELETE]


def test_search_text_ignores_diacritics(union_officer: User) -> None:
    zone = ZoneFactory(name="KCN Tràng Duệ")
    activity = create_activity(actor=union_officer, data={**BASE, "zone": zone, "series": "Tết Sum vầy, Xuân gắn kết"})
    assert "cho tet cong doan 2023" in activity.search_text
    assert "tet sum vay" in activity.search_text
    assert ActivityFactory._meta.model is Activity

"""Founding services: who founds what, one AuditEvent per change, conflicts, and bad input refused with nothing
saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.errors import ConflictError
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency, Enterprise
from phoihop.organizing.models import Founding
from phoihop.organizing.services import create_founding, delete_founding, update_founding

UNION = {"kind": "grassroots_union", "founded_on": dt.date(2023, 6, 1), "members_at_founding": 45}


def events() -> list[AuditEvent]:
    return list(AuditEvent.objects.exclude(action=AuditAction.LOGIN).order_by("pk"))


def test_a_union_officer_records_a_union_founded_by_the_economic_zone_union(
    union_officer: User, zone_union: Agency, maple: Enterprise
) -> None:
    founding = create_founding(actor=union_officer, data={**UNION, "enterprise": maple}, owner_agency=zone_union)
    assert str(founding) == "Công đoàn cơ sở Công ty TNHH Maple"
    assert founding.owner_agency == zone_union
    assert "maple" in founding.search_text
    [event] = events()
    assert event.action == AuditAction.CREATE
    assert event.changes["enterprise"] == ["", "Công ty TNHH Maple"]
    assert event.changes["members_at_founding"] == ["", "45"]


def test_update_and_conflict(union_officer: User, union_leader: User, maple: Enterprise) -> None:
    founding = create_founding(actor=union_officer, data={**UNION, "enterprise": maple})
    update_founding(actor=union_leader, founding=founding, data={"members_at_founding": 50}, expected_version=1)
    with pytest.raises(ConflictError) as caught:
        update_founding(actor=union_officer, founding=founding, data={"members_at_founding": 60}, expected_version=1)
    assert "Lê Văn Nam" in caught.value.message
    founding.refresh_from_db()
    assert founding.members_at_founding == 50
    assert founding.version == 2
    assert len(events()) == 2


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({"members_at_founding": -3}, "members_at_founding", "min_value"),
        ({"kind": "party_cell"}, "kind", "wrong_founder"),
        ({"kind": "youth_union"}, "kind", "wrong_founder"),
        ({"founded_on": timezone.localdate() + dt.timedelta(days=3)}, "founded_on", "future_date"),
        ({"enterprise": None}, "enterprise", "null_not_allowed"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(
    union_officer: User, maple: Enterprise, data: dict[str, object], field: str, code: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_founding(actor=union_officer, data={**UNION, "enterprise": maple, **data})
    assert caught.value.error_dict[field][0].code == code
    assert caught.value.messages
    assert not Founding.objects.exists()
    assert not events()


def test_the_founding_body_must_be_of_the_right_system(
    union_officer: User, federation: Agency, party_committee: Agency, maple: Enterprise, make_user
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        create_founding(actor=union_officer, data={**UNION, "kind": "party_cell", "enterprise": maple})
    assert "Chi bộ, tổ chức đảng do một đơn vị thuộc hệ thống cơ quan Đảng thành lập" in caught.value.messages[0]
    assert "thuộc hệ thống công đoàn." in caught.value.messages[0]
    with pytest.raises(ValidationError) as youth:
        create_founding(actor=union_officer, data={**UNION, "kind": "youth_union", "enterprise": maple})
    assert "do một đơn vị thuộc hệ thống Đoàn Thanh niên thành lập" in youth.value.messages[0]
    party_officer = make_user(Role.OFFICER, party_committee)
    cell = create_founding(
        actor=party_officer,
        data={"kind": "party_cell", "enterprise": maple, "founded_on": dt.date(2023, 5, 19), "members_at_founding": 3},
    )
    assert str(cell) == "Chi bộ Công ty TNHH Maple"


def test_one_founding_of_a_kind_per_enterprise(union_officer: User, maple: Enterprise) -> None:
    create_founding(actor=union_officer, data={**UNION, "enterprise": maple})
    with pytest.raises(ValidationError) as caught:
        create_founding(actor=union_officer, data={**UNION, "enterprise": maple, "founded_on": dt.date(2023, 7, 1)})
    assert caught.value.messages == ["Doanh nghiệp này đã có bản ghi thành lập tổ chức cùng loại."]
    assert Founding.objects.count() == 1


def test_an_officer_cannot_file_under_another_body(
    union_officer: User, party_committee: Agency, maple: Enterprise
) -> None:
    with pytest.raises(ValidationError) as caught:
        create_founding(actor=union_officer, data={**UNION, "enterprise": maple}, owner_agency=party_committee)
    assert caught.value.error_dict["owner_agency"][0].code == "foreign_agency"
    assert not Founding.objects.exists()


def test_only_writers_create_and_only_leaders_delete(
    union_officer: User, union_leader: User, federation: Agency, maple: Enterprise, make_user
) -> None:  # type: ignore[no-untyped-def]
    for role in (Role.VIEWER, Role.SECRETARIAT):
        with pytest.raises(PermissionDenied):
            create_founding(actor=make_user(role, federation), data={**UNION, "enterprise": maple})
    founding = create_founding(actor=union_officer, data={**UNION, "enterprise": maple})
    with pytest.raises(PermissionDenied):
        delete_founding(actor=union_officer, founding=founding, expected_version=1)
    delete_founding(actor=union_leader, founding=founding, expected_version=1)
    assert not Founding.objects.exists()
    assert [e.action for e in events()] == [AuditAction.CREATE, AuditAction.DELETE]

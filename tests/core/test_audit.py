"""The audit trail written by core.services: which fields changed is read from the values, what it shows is their
display text, masked for personal fields."""

from __future__ import annotations

import pytest

from phoihop.accounts.models import User
from phoihop.core.audit import MASK, history_of
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.core.services import update_record
from phoihop.core.templatetags.vn import audit_changes
from phoihop.directory.models import Agency, Enterprise
from phoihop.directory.services import create_enterprise, update_enterprise
from tests.directory.factories import AgencyFactory


def enterprise_for(officer: User, **data: object) -> Enterprise:
    return create_enterprise(
        actor=officer,
        data={"name": "Công ty TNHH Maple", "tax_code": "0299000013", "ownership": "wholly_foreign"} | data,
    )


def test_a_masked_field_change_is_recorded_without_its_values(officer: User, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Enterprise, "AUDIT_MASKED_FIELDS", ("address",), raising=False)
    enterprise = enterprise_for(officer, address="Số 5 đường Trần Phú")
    created = AuditEvent.objects.get(action=AuditAction.CREATE)
    assert created.changes["address"] == ["", MASK]

    update_enterprise(actor=officer, enterprise=enterprise, data={"address": "Số 7 đường Lê Lợi"}, expected_version=1)

    event = AuditEvent.objects.get(action=AuditAction.UPDATE)
    assert event.changes == {"address": [MASK, MASK]}
    assert "Lê Lợi" not in str(event.changes)
    assert Enterprise.objects.get(pk=enterprise.pk).address == "Số 7 đường Lê Lợi"


def test_moving_to_a_body_with_the_same_name_is_still_a_change(admin_user: User, officer: User, agency: Agency) -> None:
    """Display text alone would call this "no change": both bodies print the same name."""
    twin = AgencyFactory(name=agency.name, short_code="BQLKKT2")
    enterprise = enterprise_for(officer)

    update_record(actor=admin_user, instance=enterprise, data={"owner_agency": twin}, expected_version=1)

    stored = Enterprise.objects.get(pk=enterprise.pk)
    assert (stored.owner_agency, stored.version) == (twin, 2)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE).count() == 1


def test_history_is_newest_first(officer: User) -> None:
    enterprise = enterprise_for(officer)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Gỗ"}, expected_version=1)
    update_enterprise(actor=officer, enterprise=enterprise, data={"sector": "Nội thất"}, expected_version=2)

    actions = [(e.action, e.changes.get("sector")) for e in history_of(enterprise)]
    assert actions == [
        (AuditAction.UPDATE, ["Gỗ", "Nội thất"]),
        (AuditAction.UPDATE, ["", "Gỗ"]),
        (AuditAction.CREATE, None),
    ]


def test_history_lists_changed_fields_in_the_forms_order(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL's jsonb reorders the keys of `changes`; the history must not."""
    enterprise = enterprise_for(officer, short_name="Maple", sector="Gỗ", investor_country="Canada")
    event = AuditEvent.objects.get(action=AuditAction.CREATE)  # read back from the database

    labels = [label for label, _old, _new in audit_changes(event)]
    assert labels == [
        "Tên doanh nghiệp",
        "Tên viết tắt",
        "Mã số thuế",
        "Loại hình sở hữu",
        "Quốc gia nhà đầu tư",
        "Ngành nghề",
        "Đơn vị quản lý hồ sơ",
    ]
    html = client_for(officer).get(enterprise.get_absolute_url()).content.decode()
    positions = [html.index(f"<strong>{label}</strong>") for label in labels]
    assert positions == sorted(positions)


def test_history_shows_times_as_people_read_them(officer: User, client_for) -> None:  # type: ignore[no-untyped-def]
    """A time in the history reads "10:44 ngày 06/12/2026" in Hải Phòng's time, including events written before
    times were formatted (stored as Python prints a datetime)."""
    import datetime as dt

    from phoihop.core.audit import _display

    enterprise = enterprise_for(officer)
    AuditEvent.objects.create(
        actor=officer,
        actor_name="Cán bộ",
        action=AuditAction.UPDATE,
        object_type="directory.enterprise",
        object_id=str(enterprise.pk),
        object_repr=str(enterprise),
        changes={"sector": ["2023-01-04", "2026-12-06 03:44:28.734117+00:00"]},
    )
    html = client_for(officer).get(enterprise.get_absolute_url()).content.decode()
    assert "10:44 ngày 06/12/2026" in html
    assert "04/01/2023" in html
    assert "+00:00" not in html
    assert "03:44:28" not in html
    moment = dt.datetime(2026, 12, 6, 3, 44, 28, 734117, tzinfo=dt.UTC)
    field = Enterprise._meta.get_field("created_at")
    enterprise.created_at = moment
    assert _display(enterprise, field) == "10:44 ngày 06/12/2026"

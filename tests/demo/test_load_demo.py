"""`phoihop load_demo`: the Hai Phong 2023 bodies, zones, enterprises and one account per role per body; idempotent;
refused under the production settings."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import Client, override_settings

from phoihop.accounts.choices import Role
from phoihop.accounts.models import User
from phoihop.core.models import AuditEvent
from phoihop.directory.choices import Ownership, ZoneKind
from phoihop.directory.models import Agency, Enterprise, Zone
from tests.demo.seed import FOOTNOTE_4

PASSWORD = "PhoiHop@2023"
BODIES = {
    "BDVTU": ("Ban Dân vận Thành ủy", "bdvtu"),
    "BQLKKT": ("Ban Quản lý Khu kinh tế Hải Phòng", "bqlkkt"),
    "LĐLĐTP": ("Liên đoàn Lao động thành phố Hải Phòng", "ldldtp"),
}
ROLE_SLUGS = {Role.VIEWER: "xem", Role.OFFICER: "canbo", Role.LEADER: "lanhdao", Role.SECRETARIAT: "thuky"}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """The demo data set, loaded once for this module inside a transaction that is rolled back at its end (each test
    still runs in its own savepoint). Loading it takes seconds; loading it per test would take minutes."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def loaded(demo_output: str, db: None) -> str:
    return demo_output


def test_the_three_bodies_and_their_units(loaded: str) -> None:
    for code, (name, _slug) in BODIES.items():
        assert Agency.objects.get(short_code=code).name == name
    bdvtu = Agency.objects.get(short_code="BDVTU")
    assert bdvtu.header == ["THÀNH ỦY HẢI PHÒNG", "BAN DÂN VẬN"]
    units = {
        "Công đoàn Khu kinh tế Hải Phòng": "LĐLĐTP",
        "Đảng ủy Khu kinh tế Hải Phòng": "TU",
        "Đoàn Thanh niên Khu kinh tế Hải Phòng": "ĐUKKT",
    }
    for name, parent in units.items():
        unit = Agency.objects.get(name=name)
        assert unit.parent is not None
        assert unit.parent.short_code == parent
    assert Agency.objects.get(name="Đoàn Thanh niên Khu kinh tế Hải Phòng").kind == "youth"


def test_the_zones_the_seed_names(loaded: str) -> None:
    economic_zone = Zone.objects.get(name="Khu kinh tế Đình Vũ - Cát Hải")
    assert economic_zone.kind == ZoneKind.ECONOMIC_ZONE
    trang_due = Zone.objects.get(name="KCN Tràng Duệ")
    assert trang_due.kind == ZoneKind.INDUSTRIAL_PARK
    assert trang_due.parent == economic_zone
    assert trang_due.search_text == "kcn trang due an duong"
    assert Zone.objects.filter(name="KCN Đình Vũ", parent=economic_zone).exists()
    assert Zone.objects.filter(kind=ZoneKind.INDUSTRIAL_PARK).count() >= 5


def test_the_enterprises_the_seed_names(loaded: str) -> None:
    for name in FOOTNOTE_4:
        enterprise = Enterprise.objects.get(name=name)
        assert enterprise.ownership == Ownership.WHOLLY_FOREIGN, name
        assert enterprise.is_fdi
    assert Enterprise.objects.get(short_name="Pegatron").name == "Công ty TNHH Pegatron Việt Nam"
    lg_display = Enterprise.objects.get(short_name="LG Display")
    assert lg_display.zone is not None
    assert lg_display.zone.name == "KCN Tràng Duệ"
    assert lg_display.owner_agency.short_code == "BQLKKT"
    assert lg_display.investor_country == "Hàn Quốc"


def test_one_account_per_role_per_body_and_an_administrator(loaded: str) -> None:
    for code, (_name, slug) in BODIES.items():
        for role, role_slug in ROLE_SLUGS.items():
            user = User.objects.get(username=f"{slug}.{role_slug}")
            assert (user.role, user.agency.short_code if user.agency else None) == (role, code)
            assert user.check_password(PASSWORD)
    admin = User.objects.get(username="quantri")
    assert admin.is_admin
    assert admin.agency is None
    assert User.objects.filter(username__regex=r"^(bdvtu|bqlkkt|ldldtp)\.(xem|canbo|lanhdao|thuky)$").count() == 12


def test_the_command_prints_the_demo_logins(loaded: str) -> None:
    assert "Đã nạp dữ liệu mẫu" in loaded
    assert "Tài khoản dùng thử" in loaded
    for username in ["quantri", "bdvtu.xem", "bqlkkt.canbo", "ldldtp.lanhdao", "ldldtp.thuky"]:
        assert username in loaded
    assert PASSWORD in loaded


def test_a_demo_officer_signs_in_and_finds_lg_display(loaded: str) -> None:
    client = Client()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "bqlkkt.canbo", "password": PASSWORD})
    assert response.status_code == 302
    html = client.get("/danh-muc/doanh-nghiep/", {"q": "trang due"}).content.decode()
    assert "Công ty TNHH LG Display Việt Nam Hải Phòng" in html
    assert "Công ty TNHH Pegatron Việt Nam" not in html


def test_running_it_again_creates_nothing(loaded: str) -> None:
    counts = [m.objects.count() for m in (Agency, Zone, Enterprise, User, AuditEvent)]
    again = load_demo()
    assert [m.objects.count() for m in (Agency, Zone, Enterprise, User, AuditEvent)] == counts
    assert "không có gì mới (đã nạp trước đó)" in again
    assert "bqlkkt.canbo" in again, "the logins are printed every time"


def test_every_record_is_created_through_the_services(loaded: str) -> None:
    for model, object_type in (
        (Agency, "directory.agency"),
        (Zone, "directory.zone"),
        (Enterprise, "directory.enterprise"),
    ):
        assert AuditEvent.objects.filter(object_type=object_type, action="create").count() == model.objects.count()


@override_settings(ENVIRONMENT="production")
def test_refused_under_production_settings(db: None) -> None:
    """Production has no default accounts: the command stops before creating anything."""
    counts = [m.objects.count() for m in (Agency, Zone, Enterprise, User, AuditEvent)]
    with pytest.raises(CommandError, match="Không nạp dữ liệu mẫu trên môi trường production"):
        load_demo()
    assert [m.objects.count() for m in (Agency, Zone, Enterprise, User, AuditEvent)] == counts

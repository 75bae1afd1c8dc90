"""Personal fields are encrypted at rest; keys rotate by prepending a new one and running `reencrypt_fields`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from phoihop.cases.models import CasePerson, DataRequest
from phoihop.core import crypto
from tests.cases.conftest import PERSON, World

OLD_KEY = settings.PHOIHOP_FIELD_KEYS[0]
NEW_KEY = Fernet.generate_key().decode()


def raw_row(case_id: int) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, phone, employer, account, phone_index FROM cases_caseperson WHERE case_id = %s",
            [case_id],
        )
        row = cursor.fetchone()
    return dict(zip(["full_name", "phone", "employer", "account", "phone_index"], row, strict=True))


def test_raw_columns_hold_no_clear_text(world: World) -> None:
    raw = raw_row(world.case.pk)
    for name in ("full_name", "phone", "employer", "account"):
        assert raw[name].startswith(crypto.TOKEN_PREFIX)
        assert PERSON[name] not in raw[name]
        assert Fernet(OLD_KEY.encode()).decrypt(raw[name].encode()).decode() == PERSON[name]
    assert PERSON["phone"] not in raw["phone_index"]
    assert len(raw["phone_index"]) == 64


def test_python_sees_the_clear_values(world: World) -> None:
    person = CasePerson.objects.get(case=world.case)
    assert (person.full_name, person.phone, person.employer, person.account) == tuple(
        PERSON[name] for name in ("full_name", "phone", "employer", "account")
    )


def test_same_value_encrypts_differently_each_time(db: None) -> None:
    assert crypto.encrypt_text("0911222333") != crypto.encrypt_text("0911222333")
    assert crypto.encrypt_text("") == ""


def test_rotation_reencrypts_every_row_under_the_new_key(world: World) -> None:
    DataRequest.objects.create(
        case=world.case,
        kind="correction",
        due_on="2030-01-01",
        details="Sửa số điện thoại",
        recorded_by=world.users["handler"],
    )
    with override_settings(PHOIHOP_FIELD_KEYS=[NEW_KEY, OLD_KEY]):
        call_command("reencrypt_fields", stdout=open(os.devnull, "w"))  # noqa: SIM115
    raw = raw_row(world.case.pk)
    for name in ("full_name", "phone", "employer", "account"):
        assert Fernet(NEW_KEY.encode()).decrypt(raw[name].encode()).decode() == PERSON[name]
        with pytest.raises(InvalidToken):
            Fernet(OLD_KEY.encode()).decrypt(raw[name].encode())
    with override_settings(PHOIHOP_FIELD_KEYS=[NEW_KEY]):
        # The old key can now be dropped: everything still opens.
        assert CasePerson.objects.get(case=world.case).full_name == PERSON["full_name"]
        assert DataRequest.objects.get(case=world.case).details == "Sửa số điện thoại"


def test_a_value_no_key_opens_is_an_error_not_an_empty_field(world: World) -> None:
    with override_settings(PHOIHOP_FIELD_KEYS=[NEW_KEY]), pytest.raises(crypto.FieldDecryptionError):
        CasePerson.objects.get(case=world.case)


def test_encrypted_fields_cannot_be_searched(db: None) -> None:
    with pytest.raises(TypeError, match="encrypted"):
        list(CasePerson.objects.filter(full_name__icontains="Bảo"))


def test_system_check_reports_missing_or_malformed_keys() -> None:
    with override_settings(PHOIHOP_FIELD_KEYS=[], PHOIHOP_HASH_KEY=""):
        ids = {message.id for message in crypto.check_field_keys()}
    assert ids == {"phoihop.E001", "phoihop.E002"}
    with override_settings(PHOIHOP_FIELD_KEYS=["not-a-key"]):
        assert [m.id for m in crypto.check_field_keys()] == ["phoihop.E001"]
        with pytest.raises(ImproperlyConfigured):
            crypto.encrypt_text("x")
    assert crypto.check_field_keys() == []


def test_comma_separated_keys_are_accepted(db: None) -> None:
    with override_settings(PHOIHOP_FIELD_KEYS=f"{NEW_KEY}, {OLD_KEY}"):
        assert crypto.configured_keys() == (NEW_KEY, OLD_KEY)
        token = crypto.encrypt_text("a")
    assert Fernet(NEW_KEY.encode()).decrypt(token.encode()) == b"a"


def _prod_import(extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PHOIHOP_FIELD_KEYS", "PHOIHOP_HASH_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="phoihop.example.gov.vn",
        PYTHONPATH=str(Path(settings.BASE_DIR) / "src"),
        **extra_env,
    )
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.prod"], env=env, capture_output=True, text=True, check=False
    )


def test_production_settings_refuse_to_start_without_keys() -> None:
    missing = _prod_import({})
    assert missing.returncode != 0
    assert "PHOIHOP_FIELD_KEYS must be set" in missing.stderr
    no_hash = _prod_import({"PHOIHOP_FIELD_KEYS": NEW_KEY})
    assert "PHOIHOP_HASH_KEY must be set" in no_hash.stderr
    complete = _prod_import({"PHOIHOP_FIELD_KEYS": NEW_KEY, "PHOIHOP_HASH_KEY": "h" * 40})
    assert complete.returncode == 0, complete.stderr


def test_rotating_the_hash_key_recomputes_phone_lookups(world: World) -> None:
    from phoihop.cases import selectors

    handler = world.users["handler"]
    assert list(selectors.find_cases_by_phone(user=handler, phone="0911 222 333")) == [world.case]
    with override_settings(PHOIHOP_HASH_KEY="a-new-hash-key-of-at-least-32-characters!"):
        assert list(selectors.find_cases_by_phone(user=handler, phone="0911 222 333")) == []
        call_command("reencrypt_fields", stdout=open(os.devnull, "w"))  # noqa: SIM115
        assert list(selectors.find_cases_by_phone(user=handler, phone="0911 222 333")) == [world.case]


def test_recomputing_phone_lookups_is_audited_without_any_hash_or_phone(world: World) -> None:
    from phoihop.core.audit import MASK
    from phoihop.core.models import AuditEvent

    person = CasePerson.objects.get(case=world.case)
    with override_settings(PHOIHOP_HASH_KEY="a-new-hash-key-of-at-least-32-characters!"):
        call_command("reencrypt_fields", stdout=open(os.devnull, "w"))  # noqa: SIM115
    events = AuditEvent.objects.filter(object_type="cases.caseperson", object_id=str(person.pk))
    assert [event.changes for event in events] == [{"phone_index": [MASK, MASK]}]
    assert "khóa PHOIHOP_HASH_KEY mới" in events[0].note
    trail = " ".join(f"{event.changes} {event.note} {event.object_repr}" for event in AuditEvent.objects.all())
    assert PERSON["phone"] not in trail
    assert PERSON["full_name"] not in trail
    assert person.phone_index not in trail

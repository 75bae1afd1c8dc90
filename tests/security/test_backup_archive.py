"""What a backup of the demo holds: every table's rows, the workers' personal fields only as the ciphertext the
database stores (no demo name, phone, employer or account in clear text anywhere in the unpacked archive), the
schema version; and a restore refuses the demo's database, which is in use."""

from __future__ import annotations

import base64
import io
import json
import tarfile
import unicodedata
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from phoihop.cases.models import CasePerson
from phoihop.core import backup
from phoihop.demo.loader import LoadReport
from tests.demo.data import CASES, PERSONAL_STRINGS

KEY = b"k" * 32

pytestmark = pytest.mark.django_db


@pytest.fixture
def unpacked(whole_demo: LoadReport, tmp_path: Path, settings: pytest.FixtureRequest) -> Path:
    """The demo's backup, decrypted and unpacked into a folder, as someone holding the key would see it."""
    settings.PHOIHOP_BACKUP_KEYS = [base64.b64encode(KEY).decode()]  # type: ignore[attr-defined]
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "m"}},
    }
    path = tmp_path / "demo.phb"
    call_command("backup", out=str(path))
    with path.open("rb") as stream:
        plain = b"".join(backup.decrypted_chunks(stream, [KEY]))
    folder = tmp_path / "unpacked"
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:gz") as archive:
        archive.extractall(folder, filter="data")
    return folder


def forms_of(value: str) -> set[bytes]:
    """The ways a value could sit in the files: UTF-8 (NFC and NFD) and JSON's \\u escapes."""
    forms = set()
    for text in {value, unicodedata.normalize("NFC", value), unicodedata.normalize("NFD", value)}:
        forms.add(text.encode("utf-8"))
        forms.add(json.dumps(text, ensure_ascii=True)[1:-1].encode("ascii"))
    return forms


def test_no_demo_name_or_phone_is_in_clear_text_in_the_unpacked_archive(unpacked: Path) -> None:
    files = [path for path in unpacked.rglob("*") if path.is_file()]
    assert {path.name for path in files} >= {"manifest.json", "data.jsonl"}
    contents = b"".join(path.read_bytes() for path in files)
    names_and_phones = [str(case["person"][key]) for case in CASES for key in ("full_name", "phone")]
    assert names_and_phones
    assert set(names_and_phones) <= set(PERSONAL_STRINGS)
    for position, value in enumerate(PERSONAL_STRINGS):
        for form in forms_of(value):
            assert form not in contents, f"demo personal value #{position} is in clear text in the archive"


def test_the_personal_fields_are_in_the_archive_as_the_stored_ciphertext(unpacked: Path) -> None:
    rows = [json.loads(line) for line in (unpacked / "data.jsonl").read_text(encoding="utf-8").splitlines()]
    people = {row["pk"]: row["fields"] for row in rows if row["model"] == "cases.caseperson"}
    assert len(people) == CasePerson.objects.count() == len(CASES)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT id, full_name, phone FROM cases_caseperson")
        stored = {pk: (name, phone) for pk, name, phone in cursor.fetchall()}
    for pk, fields in people.items():
        assert fields["full_name"].startswith("gAAAAA")
        assert (fields["full_name"], fields["phone"]) == stored[pk], "the token as stored, not re-encrypted"


def test_the_manifest_gives_the_schema_version_and_every_tables_rows(unpacked: Path) -> None:
    from django.apps import apps
    from django.db.migrations.recorder import MigrationRecorder

    manifest = json.loads((unpacked / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema_version"]["cases"] == max(
        name for app, name in MigrationRecorder.Migration.objects.values_list("app", "name") if app == "cases"
    )
    for model in backup.backed_up_models():
        assert manifest["rows"][model._meta.label_lower] == model._base_manager.count(), model._meta.label
    assert "sessions.session" not in manifest["rows"]
    assert apps.get_model("accounts.user")._base_manager.count() == manifest["rows"]["accounts.user"] > 0


def test_the_demo_database_is_in_use_and_a_restore_refuses_it(unpacked: Path, tmp_path: Path) -> None:
    from phoihop.core.models import AuditEvent

    before = AuditEvent.objects.count()
    with pytest.raises(CommandError, match="Cơ sở dữ liệu đích không trống") as refusal:
        call_command("restore", str(tmp_path / "demo.phb"))
    assert refusal.value.returncode != 0
    assert AuditEvent.objects.count() == before

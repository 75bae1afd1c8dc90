"""`phoihop restore` refuses what it cannot trust: a changed, cut or extended archive, a key it does not hold, an
archive of another schema version; and reads an archive written with an older key still in the list (rotation)."""

from __future__ import annotations

import base64
import gzip
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from phoihop.accounts.models import User
from phoihop.core import backup
from phoihop.directory.models import Agency
from tests.directory.factories import AgencyFactory

KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings.PHOIHOP_BACKUP_KEYS = [KEY_A]  # type: ignore[attr-defined]
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path / "m"}},
    }


def archive_of_a_small_database(tmp_path: Path) -> Path:
    """A backup of a database holding one body, taken before the rows are removed again: the database is then
    empty but migrated, what a restore expects."""
    AgencyFactory(short_code="BQLKKT", name="Ban Quản lý Khu kinh tế Hải Phòng")
    path = tmp_path / "sao-luu.phb"
    call_command("backup", out=str(path))
    Agency.objects.all().delete()
    return path


def restore(path: Path) -> None:
    call_command("restore", str(path))


def test_an_intact_archive_restores(keys: None, tmp_path: Path) -> None:
    path = archive_of_a_small_database(tmp_path)
    restore(path)
    assert list(Agency.objects.values_list("short_code", flat=True)) == ["BQLKKT"]


@pytest.mark.parametrize("where", ["header", "first chunk", "tag"])
def test_a_changed_byte_anywhere_is_refused_and_nothing_is_written(keys: None, tmp_path: Path, where: str) -> None:
    path = archive_of_a_small_database(tmp_path)
    data = bytearray(path.read_bytes())
    header_end = len(backup.MAGIC) + 4 + int.from_bytes(data[len(backup.MAGIC) : len(backup.MAGIC) + 4], "big")
    # In the header, a digit of the creation time: still a well-formed header, but not the one the tags cover.
    created = bytes(data).index(b'"created_at": "') + len('"created_at": "') + 3
    position = {"header": created, "first chunk": header_end + 10, "tag": len(data) - 3}[where]
    data[position] ^= 0x01
    path.write_bytes(bytes(data))

    with pytest.raises(CommandError, match="Bản sao lưu đã bị sửa hoặc hỏng"):
        restore(path)
    assert not Agency.objects.exists()


def test_a_cut_or_extended_archive_is_refused(keys: None, tmp_path: Path) -> None:
    path = archive_of_a_small_database(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    with pytest.raises(CommandError, match=r"đã bị sửa|cắt cụt"):
        restore(path)
    path.write_bytes(data + b"\x00")
    with pytest.raises(CommandError, match="có dữ liệu sau phần cuối"):
        restore(path)
    assert not Agency.objects.exists()


def test_a_wrong_key_is_refused(keys: None, tmp_path: Path, settings: pytest.FixtureRequest) -> None:
    path = archive_of_a_small_database(tmp_path)
    settings.PHOIHOP_BACKUP_KEYS = [KEY_B]  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="Không có khóa để mở bản sao lưu này") as refusal:
        restore(path)
    assert refusal.value.returncode != 0
    assert not Agency.objects.exists()


def test_a_wrong_key_under_the_right_id_fails_the_tag(
    keys: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = archive_of_a_small_database(tmp_path)
    with path.open("rb") as stream:
        header, _aad = backup.read_header(stream)
    # Pretend key B carries key A's id: the tag check, not the id, is what keeps a wrong key out.
    monkeypatch.setattr(backup, "key_id", lambda key: header["key_id"])
    with path.open("rb") as stream, pytest.raises(backup.BackupError, match="khóa không đúng"):
        list(backup.decrypted_chunks(stream, [b"B" * 32]))


def test_the_old_key_still_reads_after_a_new_one_is_put_in_front(
    keys: None, tmp_path: Path, settings: pytest.FixtureRequest
) -> None:
    path = archive_of_a_small_database(tmp_path)
    settings.PHOIHOP_BACKUP_KEYS = [KEY_B, KEY_A]  # type: ignore[attr-defined]
    restore(path)
    assert Agency.objects.count() == 1
    again = tmp_path / "moi.phb"
    call_command("backup", out=str(again))
    with again.open("rb") as stream:
        header, _aad = backup.read_header(stream)
    assert header["key_id"] == backup.key_id(b"B" * 32), "the first key writes"


def test_the_key_is_never_in_the_archive(keys: None, tmp_path: Path) -> None:
    path = archive_of_a_small_database(tmp_path)
    data = path.read_bytes()
    assert b"A" * 32 not in data
    assert KEY_A.encode() not in data
    with path.open("rb") as stream:
        plain = b"".join(backup.decrypted_chunks(stream, [b"A" * 32]))
    unpacked = gzip.decompress(plain)
    assert b"A" * 32 not in unpacked
    assert KEY_A.encode() not in unpacked


def test_an_archive_of_another_schema_version_is_refused(
    keys: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = backup.schema_version

    def newer(using: str = "default") -> dict[str, list[str]]:
        schema = real(using)
        schema["cases"] = [*schema["cases"], "9999_from_the_future"]
        return schema

    monkeypatch.setattr(backup, "schema_version", newer)
    path = archive_of_a_small_database(tmp_path)
    monkeypatch.setattr(backup, "schema_version", real)

    with pytest.raises(CommandError, match="Phiên bản lược đồ cơ sở dữ liệu không khớp") as refusal:
        restore(path)
    assert "cases: bản sao lưu ở 9999_from_the_future" in str(refusal.value)
    assert not Agency.objects.exists()


def test_without_a_key_backup_says_how_to_set_one(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings.PHOIHOP_BACKUP_KEYS = []  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="PHOIHOP_BACKUP_KEYS"):
        call_command("backup", out=str(tmp_path / "x.phb"))
    assert not list(tmp_path.iterdir()), "no half-written file is left"


def test_a_database_in_use_is_never_overwritten(keys: None, tmp_path: Path, make_user) -> None:  # type: ignore[no-untyped-def]
    path = archive_of_a_small_database(tmp_path)
    user: User = make_user(username="con-lai")
    with pytest.raises(CommandError, match="Cơ sở dữ liệu đích không trống") as refusal:
        restore(path)
    assert refusal.value.returncode != 0
    assert User.objects.filter(pk=user.pk).exists()
    assert not Agency.objects.filter(short_code="BQLKKT").exists()


def test_a_file_that_is_no_backup_is_refused(keys: None, tmp_path: Path) -> None:
    path = tmp_path / "khac.phb"
    path.write_bytes(b"PK\x03\x04 not ours")
    with pytest.raises(CommandError, match="không phải bản sao lưu của Phối hợp"):
        restore(path)

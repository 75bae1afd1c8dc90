"""Encrypted backups: `phoihop backup --out FILE` and `phoihop restore FILE` (docs/deployment.md).

One archive holds the database content, the uploaded files and the schema version (the migrations applied per app).
Personal fields of cases are dumped as the ciphertext the database stores (never opened on the way), and the whole
archive is encrypted again with AES-256-GCM under a backup key (settings.PHOIHOP_BACKUP_KEYS: base64 keys, the first
writes, any reads). The archive's header names the key by an id (a hash), never the key itself.

File layout::

    MAGIC | header length (4 bytes) | header (JSON) | chunk… (4-byte length | AES-GCM ciphertext and tag)

The plaintext (a gzipped tar: manifest.json, data.jsonl, media/…) is cut into chunks of CHUNK_SIZE bytes; chunk i is
sealed with nonce = random prefix (7 bytes, in the header) | i (4 bytes) | 1 on the last chunk else 0, and the whole
header as associated data. Changing, dropping, reordering or appending a chunk, or editing the header, breaks a tag;
a restore reads the whole file once to check every tag before it writes anything."""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import struct
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import IO, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.python import Deserializer as PythonDeserializer
from django.core.serializers.python import Serializer as PythonSerializer
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.functions import Cast
from django.utils import timezone

from phoihop.core.crypto import EncryptedTextField
from phoihop.core.models import CacheEntry

MAGIC = b"PHOIHOP-BACKUP\n"
FORMAT = 1
CHUNK_SIZE = 1 << 20
NONCE_PREFIX_BYTES = 7
BATCH = 500
RAW_PREFIX = "backup_raw_"
# Rebuilt by `migrate` (content types, permissions), or short-lived state that must not come back (sessions,
# current lock-outs, the shared cache of rendered lists: a restore empties it). Login history (axes' access and
# failure logs) is kept.
EXCLUDED_MODELS = frozenset(
    {"contenttypes.contenttype", "auth.permission", "sessions.session", "axes.accessattempt", "core.cacheentry"}
)
# A database holding any of these is in use: a restore never writes over it.
IN_USE_MODELS = ("accounts.user", "core.auditevent")


class BackupError(Exception):
    """A backup or a restore refused, with a Vietnamese sentence for the operator."""


# --- keys -----------------------------------------------------------------------------------------------------------


def parse_keys(keys: Iterable[str] | str | None = None) -> list[bytes]:
    if keys is None:
        keys = getattr(settings, "PHOIHOP_BACKUP_KEYS", [])
    if isinstance(keys, str):
        keys = keys.split(",")
    parsed = []
    for position, key in enumerate((k.strip() for k in keys if k and k.strip()), start=1):
        try:
            raw = base64.b64decode(key, validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32:
            raise BackupError(f"Khóa sao lưu thứ {position} trong PHOIHOP_BACKUP_KEYS không phải 32 byte mã base64.")
        parsed.append(raw)
    if not parsed:
        raise BackupError(
            "Chưa đặt khóa sao lưu: hãy đặt biến môi trường PHOIHOP_BACKUP_KEYS "
            "(khóa 32 byte mã base64, ví dụ tạo bằng `openssl rand -base64 32`)."
        )
    return parsed


def key_id(key: bytes) -> str:
    """Names the key in the header; a one-way hash of 256 random bits says nothing about the key."""
    return hashlib.sha256(b"phoihop-backup-key-id\x00" + key).hexdigest()[:16]


# --- the encrypted container ----------------------------------------------------------------------------------------


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


class EncryptingWriter(io.RawIOBase):
    """A write-only stream: plaintext in, sealed chunks out to `target`."""

    def __init__(self, target: IO[bytes], key: bytes, header: dict[str, Any]) -> None:
        super().__init__()
        self.target = target
        self.aead = AESGCM(key)
        self.prefix = os.urandom(NONCE_PREFIX_BYTES)
        header = {**header, "nonce_prefix": base64.b64encode(self.prefix).decode("ascii"), "chunk_size": CHUNK_SIZE}
        body = json.dumps(header, sort_keys=True).encode("utf-8")
        self.aad = MAGIC + struct.pack(">I", len(body)) + body
        target.write(self.aad)
        self.buffer = bytearray()
        self.index = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += bytes(data)
        while len(self.buffer) > CHUNK_SIZE:  # keep at least one byte back: the last chunk is sealed on close
            self._seal(bytes(self.buffer[:CHUNK_SIZE]), last=False)
            del self.buffer[:CHUNK_SIZE]
        return len(data)

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        sealed = self.aead.encrypt(_nonce(self.prefix, self.index, last), chunk, self.aad)
        self.target.write(struct.pack(">I", len(sealed)) + sealed)
        self.index += 1

    def close(self) -> None:
        if not self.closed:
            self._seal(bytes(self.buffer), last=True)
            self.buffer.clear()
        super().close()


def read_header(stream: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    magic = stream.read(len(MAGIC))
    if magic != MAGIC:
        raise BackupError("Tệp này không phải bản sao lưu của Phối hợp.")
    size_bytes = stream.read(4)
    if len(size_bytes) != 4:
        raise BackupError("Bản sao lưu bị cắt cụt: thiếu phần đầu.")
    (size,) = struct.unpack(">I", size_bytes)
    if size > 1 << 16:
        raise BackupError("Phần đầu của bản sao lưu không hợp lệ.")
    body = stream.read(size)
    try:
        header = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError("Phần đầu của bản sao lưu không hợp lệ.") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupError("Bản sao lưu có định dạng mà phiên bản này không đọc được.")
    try:
        prefix = base64.b64decode(str(header.get("nonce_prefix", "")), validate=True)
    except (binascii.Error, ValueError):
        prefix = b""
    if len(prefix) != NONCE_PREFIX_BYTES:
        raise BackupError("Phần đầu của bản sao lưu không hợp lệ.")
    return header, magic + size_bytes + body


def _key_for(header: dict[str, Any], keys: list[bytes]) -> bytes:
    for key in keys:
        if key_id(key) == header.get("key_id"):
            return key
    raise BackupError(
        f"Không có khóa để mở bản sao lưu này (mã khóa {header.get('key_id')!s}): "
        "hãy thêm khóa đã dùng khi sao lưu vào PHOIHOP_BACKUP_KEYS."
    )


def decrypted_chunks(stream: IO[bytes], keys: list[bytes] | None = None) -> Iterator[bytes]:
    """The plaintext, chunk by chunk, each checked against its tag; raises BackupError at the first bad one."""
    header, aad = read_header(stream)
    aead = AESGCM(_key_for(header, keys if keys is not None else parse_keys()))
    prefix = base64.b64decode(header["nonce_prefix"])
    index = 0
    while True:
        size_bytes = stream.read(4)
        if len(size_bytes) < 4:
            raise BackupError("Bản sao lưu bị cắt cụt hoặc đã bị sửa: thiếu phần cuối.")
        (size,) = struct.unpack(">I", size_bytes)
        if size > CHUNK_SIZE + 16:
            raise BackupError("Bản sao lưu đã bị sửa hoặc hỏng (kiểm tra xác thực không đạt).")
        sealed = stream.read(size)
        for last in (False, True):
            try:
                chunk = aead.decrypt(_nonce(prefix, index, last), sealed, aad)
            except InvalidTag:
                continue
            break
        else:
            raise BackupError("Bản sao lưu đã bị sửa hoặc hỏng, hoặc khóa không đúng (kiểm tra xác thực không đạt).")
        yield chunk
        index += 1
        if last:
            if stream.read(1):
                raise BackupError("Bản sao lưu đã bị sửa: có dữ liệu sau phần cuối.")
            return


class DecryptingReader(io.RawIOBase):
    def __init__(self, chunks: Iterator[bytes]) -> None:
        super().__init__()
        self.chunks = chunks
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: Any) -> int:
        while not self.pending:
            try:
                self.pending = next(self.chunks)
            except StopIteration:
                return 0
        size = min(len(target), len(self.pending))
        target[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


# --- what goes in ---------------------------------------------------------------------------------------------------


def schema_version(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """The migrations applied, per app (the last of each list is the app's schema version)."""
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def backed_up_models() -> list[type[models.Model]]:
    """Every stored model, in an order where natural-key references come before they are used."""
    ordered = serializers.sort_dependencies([(config, None) for config in apps.get_app_configs()], allow_cycles=True)
    return [
        model
        for model in ordered
        if model._meta.label_lower not in EXCLUDED_MODELS and model._meta.managed and not model._meta.proxy
    ]


def _encrypted_fields(model: type[models.Model]) -> list[EncryptedTextField]:
    return [field for field in model._meta.local_fields if isinstance(field, EncryptedTextField)]


class RawSerializer(PythonSerializer):
    """Django's serializer, except that encrypted fields are written as the stored token (read with a cast, so
    the value is never decrypted) instead of the clear text the field would give."""

    def handle_field(self, obj: models.Model, field: models.Field[Any, Any]) -> None:
        if isinstance(field, EncryptedTextField):
            self._current[field.name] = getattr(obj, RAW_PREFIX + field.attname)  # type: ignore[attr-defined]
        else:
            super().handle_field(obj, field)


def _rows(model: type[models.Model], using: str) -> Iterator[dict[str, Any]]:
    queryset = model._base_manager.using(using).order_by(model._meta.pk.name)
    encrypted = _encrypted_fields(model)
    if encrypted:
        queryset = queryset.defer(*(f.name for f in encrypted)).annotate(
            **{RAW_PREFIX + f.attname: Cast(f.attname, output_field=models.TextField()) for f in encrypted}
        )
    iterator = queryset.iterator(chunk_size=BATCH)
    while batch := list(islice(iterator, BATCH)):
        serializer = RawSerializer()
        yield from serializer.serialize(batch, use_natural_foreign_keys=True)


def _media_names(storage: Storage, folder: str = "") -> Iterator[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for directory in sorted(directories):
        yield from _media_names(storage, f"{folder}/{directory}" if folder else directory)


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


@dataclass
class BackupSummary:
    rows: dict[str, int]
    files: int
    key_id: str


def write_backup(target: IO[bytes], *, using: str = DEFAULT_DB_ALIAS, keys: list[bytes] | None = None) -> BackupSummary:
    """Write the encrypted archive of database `using` and the default storage to `target`."""
    key = (keys if keys is not None else parse_keys())[0]
    schema = schema_version(using)
    header = {
        "format": FORMAT,
        "cipher": "AES-256-GCM",
        "key_id": key_id(key),
        "created_at": timezone.now().isoformat(),
    }
    writer = EncryptingWriter(target, key, header)
    counts: dict[str, int] = {}
    files = 0
    # One read transaction: on PostgreSQL a consistent snapshot of every table (SQLite's readers see one snapshot
    # per transaction already). Inside a caller's transaction, that transaction's snapshot is the one read.
    outermost = not connections[using].in_atomic_block
    with transaction.atomic(using=using), tarfile.open(fileobj=writer, mode="w|gz") as archive:
        if outermost and connections[using].vendor == "postgresql":
            with connections[using].cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        data = io.BytesIO()
        for model in backed_up_models():
            label = model._meta.label_lower
            counts[label] = 0
            for row in _rows(model, using):
                data.write(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False).encode("utf-8") + b"\n")
                counts[label] += 1
        names = list(_media_names(default_storage))
        manifest = {
            "format": FORMAT,
            "created_at": header["created_at"],
            "schema": schema,
            "schema_version": {app: names[-1] for app, names in schema.items()},
            "rows": counts,
            "media": names,
        }
        _add_bytes(archive, "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
        _add_bytes(archive, "data.jsonl", data.getvalue())
        for name in names:
            with default_storage.open(name, "rb") as handle:
                _add_bytes(archive, f"media/{name}", handle.read())
            files += 1
    writer.close()
    return BackupSummary(rows=counts, files=files, key_id=key_id(key))


# --- what comes out -------------------------------------------------------------------------------------------------


def verify_backup(path: Path, keys: list[bytes] | None = None) -> None:
    """Check every tag of the archive without writing anything."""
    with path.open("rb") as stream:
        for _chunk in decrypted_chunks(stream, keys):
            pass


def open_archive(stream: IO[bytes], keys: list[bytes] | None = None) -> tarfile.TarFile:
    reader = io.BufferedReader(DecryptingReader(decrypted_chunks(stream, keys)), buffer_size=CHUNK_SIZE)
    return tarfile.open(fileobj=reader, mode="r|gz")


def database_in_use(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The tables that make this database one in use (a user account, an audit event): empty when a restore may go
    ahead. Other tables may only hold the reference rows `migrate` writes, which the archive's rows replace."""
    return [label for label in IN_USE_MODELS if apps.get_model(label)._base_manager.using(using).exists()]


def _check_schema(archived: dict[str, list[str]], using: str) -> None:
    current = schema_version(using)
    differences = []
    for app in sorted(set(archived) | set(current)):
        here, there = current.get(app, []), archived.get(app, [])
        if set(here) != set(there):
            archived_at, current_at = there[-1] if there else "—", here[-1] if here else "—"
            differences.append(f"{app}: bản sao lưu ở {archived_at}, cơ sở dữ liệu ở {current_at}")
    if differences:
        raise BackupError(
            "Phiên bản lược đồ cơ sở dữ liệu không khớp với bản sao lưu ("
            + "; ".join(differences)
            + "). Hãy khôi phục bằng phiên bản phần mềm đã tạo bản sao lưu, sau khi chạy `phoihop migrate`."
        )


def _safe_media_name(name: str) -> str:
    relative = name.removeprefix("media/")
    parts = Path(relative).parts
    if not relative or Path(relative).is_absolute() or ".." in parts:
        raise BackupError("Bản sao lưu chứa đường dẫn tệp không hợp lệ.")
    return relative


def _load_rows(lines: IO[bytes], using: str) -> tuple[dict[str, int], set[type[models.Model]]]:
    connection = connections[using]
    counts: dict[str, int] = {}
    touched: set[type[models.Model]] = set()
    deferred = []
    quote = connection.ops.quote_name
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        for item in PythonDeserializer([row], using=using, handle_forward_references=True):
            obj = item.object
            model = type(obj)
            encrypted = _encrypted_fields(model)
            tokens = {field.column: getattr(obj, field.attname) for field in encrypted}
            for field in encrypted:
                # Saved empty, then the stored token is written as it is: saving it would encrypt it a second time.
                if getattr(obj, field.attname) is not None:
                    setattr(obj, field.attname, "")
            item.save(using=using)
            if any(token for token in tokens.values()):
                assignments = ", ".join(f"{quote(column)} = %s" for column in tokens)
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "  # noqa: S608 (quoted names)
                        f"WHERE {quote(model._meta.pk.column)} = %s",
                        [*tokens.values(), obj.pk],
                    )
            if item.deferred_fields:
                deferred.append(item)
            label = model._meta.label_lower
            counts[label] = counts.get(label, 0) + 1
            touched.add(model)
    for item in deferred:
        item.save_deferred_fields(using=using)
    return counts, touched


@dataclass
class RestoreSummary:
    rows: dict[str, int]
    files: int


def restore_backup(path: Path, *, using: str = DEFAULT_DB_ALIAS, keys: list[bytes] | None = None) -> RestoreSummary:
    """Load the archive at `path` into the empty, migrated database `using` and the default storage."""
    keys = keys if keys is not None else parse_keys()
    verify_backup(path, keys)
    in_use = database_in_use(using)
    if in_use:
        raise BackupError(
            "Cơ sở dữ liệu đích không trống (đã có "
            + ", ".join(str(apps.get_model(label)._meta.verbose_name_plural) for label in in_use)
            + "): chỉ khôi phục vào một cơ sở dữ liệu mới, vừa chạy `phoihop migrate`."
        )
    connection = connections[using]
    files = 0
    with path.open("rb") as stream, open_archive(stream, keys) as archive:
        member = archive.next()
        if member is None or member.name != "manifest.json":
            raise BackupError("Bản sao lưu thiếu phần mô tả (manifest.json).")
        manifest = json.load(archive.extractfile(member))  # type: ignore[arg-type]
        _check_schema(manifest["schema"], using)
        with transaction.atomic(using=using), connection.constraint_checks_disabled():
            # Only reference rows written by `migrate` can be here (see database_in_use): the archive's replace them.
            for model in reversed(backed_up_models()):
                queryset = model._base_manager.using(using).all()
                if queryset.exists():
                    queryset._raw_delete(using)
            # Lists rendered from what the database held before the restore must not be served after it.
            CacheEntry._base_manager.using(using).all()._raw_delete(using)
            member = archive.next()
            if member is None or member.name != "data.jsonl":
                raise BackupError("Bản sao lưu thiếu dữ liệu (data.jsonl).")
            counts, touched = _load_rows(archive.extractfile(member), using)  # type: ignore[arg-type]
            if counts != {label: n for label, n in manifest["rows"].items() if n}:
                raise BackupError("Số dòng đã nạp không khớp với phần mô tả của bản sao lưu.")
            connection.check_constraints(table_names=[model._meta.db_table for model in touched])
            statements = connection.ops.sequence_reset_sql(no_style(), list(touched))
            if statements:
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
            while (member := archive.next()) is not None:
                name = _safe_media_name(member.name)
                content = archive.extractfile(member)
                if content is None:
                    continue
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, ContentFile(content.read()))
                if saved != name:
                    raise BackupError(f"Không ghi được tệp đính kèm {name!r} đúng tên của nó.")
                files += 1
    return RestoreSummary(rows=counts, files=files)

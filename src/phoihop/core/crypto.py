"""Encryption of personal fields at rest, and keyed hashes for looking them up.

Keys come from the environment, never from the source (settings.PHOIHOP_FIELD_KEYS: Fernet keys, newest first).
Every value is written with the newest key and read with whichever key still opens it, so rotating a key is: put a
new key in front of the list, restart, run `phoihop reencrypt_fields`, then drop the old key (docs/privacy.md).

An encrypted column cannot be searched: each write produces a different token. Where a lookup is needed (a
requester's phone number) the model stores a keyed hash beside it (`blind_index`), made with a separate key
(settings.PHOIHOP_HASH_KEY), which reveals nothing about the value without that key."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

TOKEN_PREFIX = "gAAAAA"  # noqa: S105  (not a secret: how every Fernet token starts)


class FieldDecryptionError(RuntimeError):
    """A stored value opens with none of the configured keys: a key was removed before `reencrypt_fields` ran,
    or the database comes from another installation. Never silently shown as empty."""


def configured_keys() -> tuple[str, ...]:
    keys = getattr(settings, "PHOIHOP_FIELD_KEYS", ())
    if isinstance(keys, str):
        keys = list(keys.split(","))
    return tuple(key.strip() for key in keys if key and key.strip())


def validate_keys(keys: Sequence[str]) -> list[str]:
    """Problems with a key list, as sentences; empty when the keys are usable."""
    if not keys:
        return ["PHOIHOP_FIELD_KEYS is empty: set at least one Fernet key (newest first, comma-separated)."]
    problems = []
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            problems.append(f"PHOIHOP_FIELD_KEYS key #{position} is not a Fernet key (32 url-safe base64 bytes).")
    return problems


@lru_cache(maxsize=8)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    problems = validate_keys(keys)
    if problems:
        raise ImproperlyConfigured(" ".join(problems))
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet_for(configured_keys())


def encrypt_text(value: str) -> str:
    """The empty string stays empty (so "not given" is still visible to the code); anything else is a token."""
    if value == "":
        return ""
    return fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    if token == "":
        return ""
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as exc:
        raise FieldDecryptionError(
            "An encrypted field cannot be opened with the configured PHOIHOP_FIELD_KEYS."
        ) from exc


def rotate_token(token: str) -> str:
    """The same value under the newest key (the token's original timestamp is kept)."""
    if token == "":
        return ""
    try:
        return fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise FieldDecryptionError("A token cannot be re-encrypted: none of the keys opens it.") from exc


def hash_key() -> bytes:
    key = getattr(settings, "PHOIHOP_HASH_KEY", "") or ""
    if not key:
        raise ImproperlyConfigured("PHOIHOP_HASH_KEY must be set (a random string of at least 32 characters).")
    return key.encode("utf-8")


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of `value` under the hash key, separated by purpose so one hash cannot stand in for another."""
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(hash_key(), message, hashlib.sha256).hexdigest()


def blind_index(value: str, *, purpose: str) -> str:
    """The lookup hash of a (normalised) personal value; empty for an empty value."""
    return keyed_hash(value, purpose=purpose) if value else ""


class EncryptedTextField(models.TextField):
    """A text column stored as a Fernet token. Python code sees clear text; the database, its backups, SQL logs
    and query parameters see only tokens. Only `isnull` and comparisons with "" make sense as lookups."""

    description = "Text encrypted at rest"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt_text(value)

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt_text(str(value))

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name not in {"isnull", "exact"}:
            raise TypeError(f"An encrypted field cannot be searched with '{lookup_name}'.")
        return super().get_lookup(lookup_name)


def encrypted_field_names(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]


def models_with_encrypted_fields() -> list[type[models.Model]]:
    from django.apps import apps

    return [model for model in apps.get_models() if encrypted_field_names(model)]


def reencrypt_model(model: type[models.Model], *, batch_size: int = 500) -> int:
    """Rewrite every encrypted column of `model` under the newest key, batch by batch, each batch in its own
    transaction. Raw tokens are rotated without ever being turned back into Python strings of personal data
    longer than needed. Returns the number of rows rewritten."""
    names = encrypted_field_names(model)
    if not names:
        return 0
    table = model._meta.db_table
    pk_column = str(model._meta.pk.column)
    columns = [str(f.column) for f in model._meta.concrete_fields if f.name in names]
    rewritten = 0
    last_pk: Any = None
    from django.db import connection

    quote = connection.ops.quote_name
    select_list = ", ".join(quote(c) for c in [pk_column, *columns])
    while True:
        with transaction.atomic(), connection.cursor() as cursor:
            where = f"WHERE {quote(pk_column)} > %s " if last_pk is not None else ""
            params: list[Any] = [last_pk] if last_pk is not None else []
            cursor.execute(
                f"SELECT {select_list} FROM {quote(table)} {where}"  # noqa: S608 (identifiers quoted, values bound)
                f"ORDER BY {quote(pk_column)} LIMIT {int(batch_size)}",
                params,
            )
            rows = cursor.fetchall()
            for row in rows:
                pk, tokens = row[0], row[1:]
                rotated = [None if token is None else rotate_token(token) for token in tokens]
                assignments = ", ".join(f"{quote(c)} = %s" for c in columns)
                cursor.execute(
                    f"UPDATE {quote(table)} SET {assignments} WHERE {quote(pk_column)} = %s",  # noqa: S608
                    [*rotated, pk],
                )
                rewritten += 1
        if len(rows) < batch_size:
            return rewritten
        last_pk = rows[-1][0]


def check_field_keys(app_configs: Iterable[Any] | None = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """System check: the keys are present and well-formed (run by `check --deploy` and on every start)."""
    errors: list[checks.CheckMessage] = [
        checks.Error(problem, id="phoihop.E001") for problem in validate_keys(configured_keys())
    ]
    if not getattr(settings, "PHOIHOP_HASH_KEY", ""):
        errors.append(checks.Error("PHOIHOP_HASH_KEY is not set.", id="phoihop.E002"))
    return errors

"""Helpers the case services share: text cleaning, the masked diff of personal fields, timeline entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.cases.models import Case, CaseEvent, CasePerson
from phoihop.cases.validators import PHONE_INDEX_PURPOSE, normalize_phone, validate_phone
from phoihop.core.audit import MASK
from phoihop.core.crypto import blind_index
from phoihop.core.text import clean_text, nfc

if TYPE_CHECKING:
    from phoihop.accounts.models import User

# Longest accepted personal values (the columns are encrypted text, so the limits live here).
PERSON_LIMITS = {"full_name": 150, "phone": 20, "employer": 255, "account": 8000}
PERSON_ONE_LINE = {"full_name", "employer", "phone"}


def actor_name(actor: User | None, fallback: str = "hệ thống") -> str:
    if actor is None:
        return fallback
    return actor.get_full_name() or actor.get_username()


def clean_person(data: Mapping[str, Any]) -> dict[str, str]:
    """Normalise and check the personal fields given (others are left out). Errors never repeat the values."""
    unknown = set(data) - set(CasePerson.PERSONAL_FIELDS)
    if unknown:
        raise ValidationError(
            _("Trường không được phép sửa: %(fields)s.") % {"fields": ", ".join(sorted(unknown))},
            code="unknown_field",
        )
    cleaned: dict[str, str] = {}
    errors: dict[str, list[ValidationError]] = {}
    for name, raw in data.items():
        value = "" if raw is None else str(raw)
        value = clean_text(value) if name in PERSON_ONE_LINE else nfc(value).strip()
        if name == "phone":
            value = normalize_phone(value)
            try:
                validate_phone(value)
            except ValidationError as error:
                errors.setdefault(name, []).append(error)
                continue
        if len(value) > PERSON_LIMITS[name]:
            errors.setdefault(name, []).append(
                ValidationError(
                    _("Quá dài: tối đa %(n)s ký tự.") % {"n": PERSON_LIMITS[name]},
                    code="too_long",
                )
            )
            continue
        cleaned[name] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def apply_person(person: CasePerson, values: Mapping[str, str]) -> dict[str, list[str]]:
    """Set the values on the record; return the masked changes for the audit trail (which field changed, never
    to what: "••••••" for a value, "" for none)."""
    changes: dict[str, list[str]] = {}
    for name, value in values.items():
        old = getattr(person, name) or ""
        if old != value:
            label = str(getattr(CasePerson._meta.get_field(name), "verbose_name", name))
            changes[label] = [MASK if old else "", MASK if value else ""]
            setattr(person, name, value)
    person.phone_index = blind_index(person.phone, purpose=PHONE_INDEX_PURPOSE)
    return changes


def wipe_person(person: CasePerson) -> dict[str, list[str]]:
    return apply_person(person, dict.fromkeys(CasePerson.PERSONAL_FIELDS, ""))


def add_event(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    note: str = "",
    from_status: str = "",
    to_status: str = "",
    actor_label: str = "hệ thống",
    occurred_at: dt.datetime | None = None,
) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case,
        occurred_at=occurred_at or timezone.now(),
        kind=kind,
        actor=actor,
        actor_name=actor_name(actor, actor_label),
        note=note[:2000],
        from_status=from_status,
        to_status=to_status,
    )

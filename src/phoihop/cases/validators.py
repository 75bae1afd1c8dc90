"""Parsing and checking of phone numbers and public tracking codes."""

from __future__ import annotations

import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Purpose tag of the keyed hash that finds a requester's cases by phone number.
PHONE_INDEX_PURPOSE = "case-phone"
# Vietnamese numbers: mobile 0 + 9 digits; landline 0 + 2 + 9 digits (11 in all). +84 / 84 stand for the 0.
PHONE_RE = re.compile(r"^0\d{9,10}$")
_PHONE_NOISE = re.compile(r"[\s.\-()]")

# Crockford's base32 without I, L, O, U: nothing to confuse when read aloud or typed from paper.
TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_GROUPS = 4
TRACKING_GROUP_LENGTH = 5  # 20 characters of 5 bits: 100 random bits
_TRACKING_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def normalize_phone(raw: str) -> str:
    """ "0900 000 001", "0900.000.001", "+84 900 000 001" -> "0900000001". Anything else is returned cleaned, for
    `validate_phone` to reject."""
    text = _PHONE_NOISE.sub("", raw or "")
    if text.startswith("+84"):
        text = "0" + text[3:]
    elif text.startswith("84") and len(text) in (11, 12):
        text = "0" + text[2:]
    return text


def validate_phone(value: str) -> None:
    """The message never repeats the value: it may be someone's number typed wrong."""
    if value and not PHONE_RE.fullmatch(value):
        raise ValidationError(
            _(
                "Số điện thoại không hợp lệ: phải gồm 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678), hoặc 11 chữ số "
                "với số máy bàn có mã vùng (ví dụ 0225 3123 456)."
            ),
            code="invalid_phone",
        )


def generate_tracking_code() -> str:
    """ "7KQ2M-9XD4T-H3B8R-W6ZPA": 100 random bits, grouped for reading."""
    raw = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_GROUPS * TRACKING_GROUP_LENGTH))
    return "-".join(raw[i : i + TRACKING_GROUP_LENGTH] for i in range(0, len(raw), TRACKING_GROUP_LENGTH))


def normalize_tracking_code(raw: str) -> str:
    """Upper case, without spaces and hyphens, look-alike letters mapped to what they stand for; "" when what is
    left cannot be a tracking code."""
    text = re.sub(r"[\s\-]", "", (raw or "").upper()).translate(_TRACKING_FIXES)
    if len(text) != TRACKING_GROUPS * TRACKING_GROUP_LENGTH or any(ch not in TRACKING_ALPHABET for ch in text):
        return ""
    return text

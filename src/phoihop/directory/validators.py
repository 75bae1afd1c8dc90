from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")


def normalize_tax_code(raw: str) -> str:
    """Accept "0201234567", "0201234567-001", "0201234567001" and spaces or dots typed in between;
    store the 10-digit code, or code-branch with a hyphen."""
    digits_and_hyphen = re.sub(r"[\s.]", "", raw or "")
    if re.fullmatch(r"\d{13}", digits_and_hyphen):
        return f"{digits_and_hyphen[:10]}-{digits_and_hyphen[10:]}"
    return digits_and_hyphen


def validate_tax_code(value: str) -> None:
    if not TAX_CODE_RE.fullmatch(value or ""):
        raise ValidationError(
            _(
                "Mã số thuế “%(value)s” không hợp lệ: phải gồm 10 chữ số (ví dụ 0201234567), "
                "hoặc 10 chữ số kèm mã chi nhánh 3 chữ số (ví dụ 0201234567-001)."
            ),
            code="invalid_tax_code",
            params={"value": value},
        )

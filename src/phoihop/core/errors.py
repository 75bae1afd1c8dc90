"""Exceptions the services raise beside Django's ValidationError, PermissionDenied and Http404."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from phoihop.core.vnformat import format_datetime


class ConflictError(Exception):
    """The record changed since the user loaded it: an edit against an old version is refused, never merged.

    The view shows `message`; the API answers 409 with code "conflict"."""

    code = "conflict"

    def __init__(self, *, changed_by: str | None, changed_at: dt.datetime | None) -> None:
        self.changed_by = changed_by
        self.changed_at = changed_at
        if changed_by and changed_at:
            message = _(
                "Bản ghi này vừa được %(who)s sửa lúc %(when)s, sau khi anh/chị mở trang. "
                "Thay đổi của anh/chị chưa được lưu: hãy tải lại trang để xem nội dung mới rồi sửa lại."
            ) % {"who": changed_by, "when": format_datetime(changed_at)}
        else:
            message = _(
                "Bản ghi này đã bị thay đổi hoặc xóa sau khi anh/chị mở trang. "
                "Thay đổi của anh/chị chưa được lưu: hãy tải lại trang rồi sửa lại."
            )
        self.message = message
        super().__init__(message)


def field_error(field: str, message: str, code: str) -> ValidationError:
    """A ValidationError on one field that keeps its code. `ValidationError({field: message}, code=...)` silently
    drops the code (Django only keeps codes of the inner errors), and the API would answer 422 "invalid"."""
    return ValidationError({field: ValidationError(message, code=code)})

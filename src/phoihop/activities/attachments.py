"""Checks on uploaded attachments: a size limit (setting ATTACHMENT_MAX_BYTES, 10 MB by default) and a type whose
content agrees with what the file claims to be. The magic-byte check is written by hand (no extra dependency):
PDF, DOCX and XLSX (zip packages holding the Word or Excel part), JPEG and PNG."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePosixPath
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.vnformat import format_number

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# What browsers and HTTP clients send when they do not know the type: the extension then declares it.
GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}


@dataclass(frozen=True)
class FileType:
    key: str
    label: str
    extensions: tuple[str, ...]
    content_type: str
    also_declared_as: tuple[str, ...] = ()

    @property
    def declared_types(self) -> set[str]:
        return {self.content_type, *self.also_declared_as}


FILE_TYPES: tuple[FileType, ...] = (
    FileType("pdf", "PDF", (".pdf",), "application/pdf", ("application/x-pdf",)),
    FileType(
        "docx",
        "Word (.docx)",
        (".docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    FileType(
        "xlsx",
        "Excel (.xlsx)",
        (".xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    FileType("jpeg", "JPEG", (".jpg", ".jpeg"), "image/jpeg", ("image/pjpeg",)),
    FileType("png", "PNG", (".png",), "image/png"),
)
_BY_EXTENSION = {ext: kind for kind in FILE_TYPES for ext in kind.extensions}
_BY_KEY = {kind.key: kind for kind in FILE_TYPES}


def max_bytes() -> int:
    return int(getattr(settings, "ATTACHMENT_MAX_BYTES", DEFAULT_MAX_BYTES))


def megabytes(size: int) -> str:
    return format_number(Decimal(size) / Decimal(1024 * 1024), 1).removesuffix(",0") + " MB"


def allowed_extensions() -> str:
    return ", ".join(ext for kind in FILE_TYPES for ext in kind.extensions)


def _zip_kind(stream: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(stream) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff(stream: IO[bytes]) -> str | None:
    """The file type its content shows, from the first bytes (and, for zip packages, the part names)."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    kind: str | None = None
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream)
    stream.seek(0)
    return kind


def check_upload(upload: UploadedFile) -> FileType:
    """The attachment's type, or a ValidationError on the field "file" that says what is wrong."""
    name = PurePosixPath(upload.name or "").name
    size = upload.size or 0
    limit = max_bytes()
    if size > limit:
        raise field_error(
            "file",
            _("Tệp “%(name)s” có dung lượng %(size)s, vượt quá giới hạn %(limit)s.")
            % {"name": name, "size": megabytes(size), "limit": megabytes(limit)},
            "file_too_large",
        )
    if size == 0:
        raise field_error("file", _("Tệp “%(name)s” rỗng.") % {"name": name}, "file_empty")
    declared = _BY_EXTENSION.get(PurePosixPath(name).suffix.lower())
    if declared is None:
        raise field_error(
            "file",
            _("Không nhận loại tệp “%(name)s”. Chỉ nhận các loại: %(allowed)s.")
            % {"name": name, "allowed": allowed_extensions()},
            "unsupported_type",
        )
    content_type = (upload.content_type or "").split(";")[0].strip().lower()
    if content_type not in GENERIC_TYPES and content_type not in declared.declared_types:
        raise field_error(
            "file",
            _("Tệp “%(name)s” có đuôi của tệp %(kind)s nhưng được gửi lên với kiểu “%(type)s”.")
            % {"name": name, "kind": declared.label, "type": content_type},
            "type_mismatch",
        )
    actual = sniff(upload.file) if upload.file is not None else None
    if actual != declared.key:
        found = _BY_KEY[actual].label if actual else _("không thuộc loại nào được nhận")
        raise field_error(
            "file",
            _("Nội dung tệp “%(name)s” không phải là tệp %(kind)s như tên tệp khai báo (nội dung thực: %(found)s).")
            % {"name": name, "kind": declared.label, "found": found},
            "type_mismatch",
        )
    return declared

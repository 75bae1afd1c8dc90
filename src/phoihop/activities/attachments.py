"""Checks on uploaded attachments: a size limit (setting ATTACHMENT_MAX_BYTES, 10 MB by default) and a type whose
content agrees with what the file claims to be. The magic-byte check is written by hand (no extra dependency):
PDF, DOCX and XLSX (zip packages holding the Word or Excel part), JPEG and PNG.

Magic bytes alone are a few bytes anyone can put in front of a web page, so the content is also checked beyond
them: no HTML or script markup near the start (what a browser sniffs), a PNG is a well-formed chain of chunks with
valid checksums from IHDR to IEND, a JPEG ends with its end-of-image marker, a PDF has its end-of-file marker; and
an Office package (a zip) may unpack to at most ATTACHMENT_MAX_UNPACKED_BYTES (100 MB by default) with at most
ATTACHMENT_MAX_ZIP_RATIO (100) times its packed size — measured while actually inflating, not taken from the sizes
the package declares — so a small .docx that inflates to gigabytes (a zip bomb) is refused."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
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


DEFAULT_MAX_UNPACKED_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ZIP_RATIO = 100
DEFAULT_MAX_ZIP_MEMBERS = 2000
# What a browser's content sniffing would take for a web page or a script (the first bytes it looks at).
_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|meta\s|a\s|img\s|div|style)",
    re.IGNORECASE,
)
_SNIFF_BYTES = 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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


def max_unpacked_bytes() -> int:
    return int(getattr(settings, "ATTACHMENT_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES))


def max_zip_ratio() -> int:
    return int(getattr(settings, "ATTACHMENT_MAX_ZIP_RATIO", DEFAULT_MAX_ZIP_RATIO))


def _png_is_well_formed(stream: IO[bytes]) -> bool:
    """Signature, then chunks (length, type, data, CRC) from IHDR to IEND, each checksum right, nothing after."""
    stream.seek(0)
    if stream.read(8) != _PNG_SIGNATURE:
        return False
    first = True
    while True:
        header = stream.read(8)
        if len(header) != 8:
            return False
        length, kind = struct.unpack(">I4s", header)
        if first and kind != b"IHDR":
            return False
        first = False
        if length > 0x7FFFFFFF or not kind.isalpha():
            return False
        data = stream.read(length)
        crc = stream.read(4)
        if len(data) != length or len(crc) != 4:
            return False
        if zlib.crc32(kind + data) != struct.unpack(">I", crc)[0]:
            return False
        if kind == b"IEND":
            return stream.read(1) == b""


def _tail(stream: IO[bytes], size: int) -> bytes:
    stream.seek(0, 2)
    end = stream.tell()
    stream.seek(max(0, end - size))
    return stream.read()


def _jpeg_is_well_formed(stream: IO[bytes]) -> bool:
    return b"\xff\xd9" in _tail(stream, 64)


def _pdf_is_well_formed(stream: IO[bytes]) -> bool:
    return b"%%EOF" in _tail(stream, 2048)


def _looks_like_markup(stream: IO[bytes]) -> bool:
    stream.seek(0)
    head = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    return bool(_MARKUP.search(head))


def zip_bomb_problem(stream: IO[bytes], packed_size: int) -> str | None:
    """Why this zip package unpacks too far (a message), or None: the members' sizes as actually inflated (the
    sizes a package declares can lie), stopped as soon as a limit is passed."""
    limit = min(max_unpacked_bytes(), max(packed_size, 1) * max_zip_ratio())
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as package:
            members = package.infolist()
            if len(members) > DEFAULT_MAX_ZIP_MEMBERS:
                return _("có quá nhiều phần (%(n)s)") % {"n": format_number(len(members))}
            if sum(member.file_size for member in members) > limit:
                return _unpacks_too_far(limit)
            total = 0
            for member in members:
                with package.open(member) as part:
                    while chunk := part.read(1024 * 1024):
                        total += len(chunk)
                        if total > limit:
                            return _unpacks_too_far(limit)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, zlib.error):
        return _("không giải nén được")
    finally:
        stream.seek(0)
    return None


def _unpacks_too_far(limit: int) -> str:
    return _("khi giải nén vượt quá %(limit)s (hoặc gấp hơn %(ratio)s lần dung lượng tệp)") % {
        "limit": megabytes(limit),
        "ratio": max_zip_ratio(),
    }


_WELL_FORMED = {"png": _png_is_well_formed, "jpeg": _jpeg_is_well_formed, "pdf": _pdf_is_well_formed}


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
    stream = upload.file
    if stream is None:  # pragma: no cover - sniff found a type, so there is a file
        raise field_error("file", _("Tệp “%(name)s” rỗng.") % {"name": name}, "file_empty")
    well_formed = _WELL_FORMED.get(actual)
    try:
        # Office packages are zips: their parts are XML by design, checked by unpacking below.
        broken = well_formed is not None and (_looks_like_markup(stream) or not well_formed(stream))
    finally:
        stream.seek(0)
    if broken:
        raise field_error(
            "file",
            _(
                "Nội dung tệp “%(name)s” không phải là một tệp %(kind)s hợp lệ: chỉ phần đầu giống %(kind)s "
                "(tệp có thể là trang web hoặc mã độc đổi tên)."
            )
            % {"name": name, "kind": declared.label},
            "type_mismatch",
        )
    if actual in ("docx", "xlsx"):
        problem = zip_bomb_problem(stream, size)
        if problem is not None:
            raise field_error(
                "file",
                _("Tệp “%(name)s” không nhận được: %(problem)s.") % {"name": name, "problem": problem},
                "file_unpacks_too_large",
            )
    return declared

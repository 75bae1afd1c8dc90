"""Attachments are checked beyond their first bytes (activities/attachments.py): a web page given a PNG header and
a .png name is refused, and so is an Office package that would unpack far beyond its size (a zip bomb)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from phoihop.activities.attachments import check_upload
from tests.activities.helpers import JPEG_BYTES, PDF_BYTES, PNG_BYTES, office_bytes, png_chunk

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def refusal(name: str, content: bytes, content_type: str = "application/octet-stream") -> ValidationError:
    with pytest.raises(ValidationError) as raised:
        check_upload(upload(name, content, content_type))
    return raised.value


def bomb(part: str = "word/document.xml", size: int = 200 * 1024 * 1024) -> bytes:
    """A .docx of well under 1 MB whose document part inflates to `size` bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open(part, "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("anh.png", PNG_SIGNATURE + HTML),
        ("anh.png", PNG_SIGNATURE + b"\n" + HTML),
        ("anh.jpg", b"\xff\xd8\xff\xe0" + HTML + b"\xff\xd9"),
        ("bao-cao.pdf", b"%PDF-1.4\n" + HTML + b"\n%%EOF\n"),
    ],
)
def test_a_web_page_behind_an_image_or_pdf_header_is_refused(name: str, content: bytes) -> None:
    error = refusal(name, content, "image/png" if name.endswith(".png") else "application/octet-stream")
    assert error.error_dict["file"][0].code == "type_mismatch"
    assert "không phải là một tệp" in error.messages[0]


def test_a_png_header_on_anything_but_a_png_is_refused() -> None:
    assert refusal("anh.png", PNG_SIGNATURE + b"\0" * 64).error_dict["file"][0].code == "type_mismatch"
    broken_crc = PNG_BYTES[:-4] + b"\0\0\0\0"
    assert refusal("anh.png", broken_crc).error_dict["file"][0].code == "type_mismatch"
    trailing = PNG_BYTES + HTML
    assert refusal("anh.png", trailing).error_dict["file"][0].code == "type_mismatch"
    no_header = PNG_SIGNATURE + png_chunk(b"IEND", b"")
    assert refusal("anh.png", no_header).error_dict["file"][0].code == "type_mismatch"


def test_real_files_are_accepted() -> None:
    for name, content in [
        ("anh.png", PNG_BYTES),
        ("anh.jpg", JPEG_BYTES),
        ("bao-cao.pdf", PDF_BYTES),
        ("ke-hoach.docx", office_bytes("word/document.xml")),
        ("so-lieu.xlsx", office_bytes("xl/workbook.xml")),
    ]:
        assert check_upload(upload(name, content)).extensions[0] in name


def test_a_docx_that_inflates_far_beyond_its_size_is_refused() -> None:
    content = bomb()
    assert len(content) < 1024 * 1024
    error = refusal("ke-hoach.docx", content)
    assert error.error_dict["file"][0].code == "file_unpacks_too_large"
    assert "khi giải nén vượt quá" in error.messages[0]


def test_the_ratio_limit_stops_a_small_bomb(settings) -> None:
    settings.ATTACHMENT_MAX_ZIP_RATIO = 10
    error = refusal("ke-hoach.docx", bomb(size=2 * 1024 * 1024))
    assert error.error_dict["file"][0].code == "file_unpacks_too_large"

"""Attachments: stored under random names, served only as downloads to those who may read the activity, limited in
size, and refused when the declared type does not match the content."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from phoihop.accounts.models import User
from phoihop.activities.models import ActivityAttachment
from phoihop.core.models import AuditAction, AuditEvent
from phoihop.directory.models import Agency
from tests.activities.factories import ActivityFactory
from tests.activities.helpers import JPEG_BYTES, PDF_BYTES, PNG_BYTES, office_bytes


def changes() -> int:
    return AuditEvent.objects.exclude(action=AuditAction.LOGIN).count()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "content_type", "stored_type"),
    [
        ("Biên bản hội nghị.pdf", PDF_BYTES, "application/pdf", "application/pdf"),
        ("anh-cho-tet.png", PNG_BYTES, "image/png", "image/png"),
        ("anh.JPG", JPEG_BYTES, "application/octet-stream", "image/jpeg"),
        (
            "ke-hoach.docx",
            office_bytes("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "danh-sach.xlsx",
            office_bytes("xl/workbook.xml"),
            "",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ],
)
def test_an_accepted_file_is_stored_under_a_random_name_and_audited(
    union_officer: User,
    federation: Agency,
    client_for,
    media_in_tmp: Path,
    name: str,
    content: bytes,
    content_type: str,
    stored_type: str,
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    client: Client = client_for(union_officer)
    response = client.post(
        reverse("activities:attachment_upload", args=[activity.pk]), {"file": upload(name, content, content_type)}
    )
    assert response.status_code == 302
    attachment = ActivityAttachment.objects.get()
    assert attachment.original_name == name
    assert attachment.content_type == stored_type
    assert Path(attachment.file.name).stem not in name  # random, not the uploader's name
    assert (media_in_tmp / attachment.file.name).read_bytes() == content
    [event] = AuditEvent.objects.exclude(action=AuditAction.LOGIN)
    assert event.object_id == str(activity.pk)
    assert event.changes == {"tệp đính kèm": ["", name]}

    download = client.get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Type"] == stored_type
    assert b"".join(download.streaming_content) == content


@pytest.mark.parametrize(
    ("name", "content", "content_type", "code", "message"),
    [
        ("bao-cao.pdf", PNG_BYTES, "application/pdf", "type_mismatch", "không phải là tệp PDF"),
        ("anh.png", PDF_BYTES, "image/png", "type_mismatch", "nội dung thực: PDF"),
        ("bao-cao.pdf", PDF_BYTES, "text/html", "type_mismatch", "được gửi lên với kiểu “text/html”"),
        ("ke-hoach.docx", office_bytes("xl/workbook.xml"), "", "type_mismatch", "không phải là tệp Word (.docx)"),
        ("ke-hoach.docx", b"PK\x03\x04 not a zip", "", "type_mismatch", "không thuộc loại nào được nhận"),
        ("trang.html", b"<html><script>alert(1)</script>", "text/html", "unsupported_type", "Chỉ nhận các loại"),
        ("rong.pdf", b"", "application/pdf", "file_empty", "rỗng"),
    ],
)
def test_a_file_whose_type_does_not_match_is_refused(
    union_officer: User,
    federation: Agency,
    client_for,
    api_for,
    media_in_tmp: Path,
    name: str,
    content: bytes,
    content_type: str,
    code: str,
    message: str,
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    response = client_for(union_officer).post(
        reverse("activities:attachment_upload", args=[activity.pk]), {"file": upload(name, content, content_type)}
    )
    assert response.status_code == 422
    assert message in response.content.decode()

    api_client = api_for(union_officer)
    api = api_client.client.post(
        f"/api/v1/activities/activities/{activity.pk}/attachments",
        {"file": upload(name, content, content_type)},
        headers=api_client.headers,
    )
    assert api.status_code == 422
    assert api.json()["code"] == code
    assert "file" in api.json()["fields"]
    assert not ActivityAttachment.objects.exists()
    assert changes() == 0
    assert not any(media_in_tmp.rglob("*.*"))


def test_a_file_over_the_size_limit_is_refused(
    union_officer: User, federation: Agency, client_for, settings, media_in_tmp: Path
) -> None:  # type: ignore[no-untyped-def]
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    activity = ActivityFactory(owner_agency=federation)
    big = PDF_BYTES + b"0" * (1024 * 1024)
    response = client_for(union_officer).post(
        reverse("activities:attachment_upload", args=[activity.pk]), {"file": upload("lon.pdf", big, "application/pdf")}
    )
    assert response.status_code == 422
    assert "vượt quá giới hạn 1 MB" in response.content.decode()
    assert not ActivityAttachment.objects.exists()
    assert changes() == 0


def test_another_body_reads_but_cannot_upload_or_remove(
    union_officer: User, federation: Agency, authority: Agency, make_user, client_for, api_for
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    client_for(union_officer).post(
        reverse("activities:attachment_upload", args=[activity.pk]),
        {"file": upload("bien-ban.pdf", PDF_BYTES, "application/pdf")},
    )
    attachment = ActivityAttachment.objects.get()
    stranger = make_user("officer", authority)
    outsider: Client = client_for(stranger)
    # The attachment is part of the activity, which every body reads; only the owner body changes it.
    assert outsider.get(attachment.get_absolute_url()).status_code == 200
    assert api_for(stranger).get(f"/activities/activities/{activity.pk}/attachments/{attachment.pk}").status_code == 200
    response = outsider.post(
        reverse("activities:attachment_upload", args=[activity.pk]),
        {"file": upload("khac.pdf", PDF_BYTES, "application/pdf")},
    )
    assert response.status_code == 403
    assert outsider.post(reverse("activities:attachment_delete", args=[activity.pk, attachment.pk])).status_code == 403
    assert ActivityAttachment.objects.count() == 1
    assert Client().get(attachment.get_absolute_url()).status_code == 302  # anonymous: to the login page

    viewer = make_user("viewer", authority)
    assert client_for(viewer).get(attachment.get_absolute_url()).status_code == 200
    assert (
        client_for(viewer).post(reverse("activities:attachment_delete", args=[activity.pk, attachment.pk])).status_code
        == 403
    )


def test_remove_and_api_round_trip(
    union_officer: User, federation: Agency, client_for, api_for, media_in_tmp: Path, django_capture_on_commit_callbacks
) -> None:  # type: ignore[no-untyped-def]
    activity = ActivityFactory(owner_agency=federation)
    api = api_for(union_officer)
    created = api.client.post(
        f"/api/v1/activities/activities/{activity.pk}/attachments",
        {"file": upload("bien-ban.pdf", PDF_BYTES, "application/pdf")},
        headers=api.headers,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["original_name"] == "bien-ban.pdf"
    download = api.get(f"/activities/activities/{activity.pk}/attachments/{body['id']}")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    stored = media_in_tmp / ActivityAttachment.objects.get().file.name
    assert stored.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(union_officer).post(
            reverse("activities:attachment_delete", args=[activity.pk, body["id"]])
        )
    assert response.status_code == 302
    assert not ActivityAttachment.objects.exists()
    assert not stored.exists()
    assert [e.changes for e in AuditEvent.objects.exclude(action=AuditAction.LOGIN).order_by("pk")] == [
        {"tệp đính kèm": ["", "bien-ban.pdf"]},
        {"tệp đính kèm": ["bien-ban.pdf", ""]},
    ]

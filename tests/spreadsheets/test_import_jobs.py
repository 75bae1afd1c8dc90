"""Large files are imported by the worker: the upload page shows a progress bar that polls the job every second, then
the same result as a small file (rows written, or every problem and nothing written); the API answers 202 with the
job's address, then its progress and outcome. Small files stay in the request."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from phoihop.core.models import AuditEvent
from phoihop.directory.models import Enterprise
from phoihop.spreadsheets.models import ImportBatch
from phoihop.spreadsheets.registry import SheetKind, spreadsheets
from phoihop.spreadsheets.tasks import run_import_job
from tests.spreadsheets.helpers import xlsx

pytestmark = pytest.mark.django_db

UPLOAD = "/excel/directory.enterprise/nhap/"
QUEUE_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _large_from_five_rows(settings: Any) -> None:
    settings.PHOIHOP_IMPORT_BACKGROUND_ROWS = 5


def kind() -> SheetKind:
    found = spreadsheets.get("directory.enterprise")
    assert found is not None
    return found


def rows(n: int, **extra: Any) -> list[dict[str, Any]]:
    return [
        {
            "name": f"Công ty TNHH Lớn {i}",
            "tax_code": f"{4000000000 + i}",
            "ownership": "Doanh nghiệp trong nước",
            **extra,
        }
        for i in range(n)
    ]


def upload(client: Client, content: bytes, *, htmx: bool = True) -> Any:
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(UPLOAD, {"file": SimpleUploadedFile("lon.xlsx", content)}, headers=headers)


def batch_events() -> int:
    return AuditEvent.objects.filter(object_type="spreadsheets.importbatch").count()


def test_a_large_file_is_queued_and_the_page_polls_its_progress(officer, client_for, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = QUEUE_ONLY
    client = client_for(officer)
    answer = upload(client, xlsx(kind(), rows(12)))
    text = answer.content.decode()
    batch = ImportBatch.objects.get()
    assert answer.status_code == 202
    assert batch.status == ImportBatch.Status.QUEUED
    assert batch.row_count == 12
    assert "<progress" in text
    assert f'hx-get="/excel/directory.enterprise/nhap/{batch.pk}/tien-do/"' in text
    assert 'hx-trigger="every 1s"' in text
    assert "Đang chờ xử lý" in text
    assert "Đã ghi: 0" in text
    assert Enterprise.objects.count() == 0

    run_import_job(batch.pk)

    done = client.get(f"/excel/directory.enterprise/nhap/{batch.pk}/tien-do/", headers={"HX-Request": "true"})
    text = done.content.decode()
    assert done.status_code == 200
    assert "<progress" not in text
    assert "hx-get" not in text
    assert "Đã nhập 12 dòng: 12 bản ghi mới" in text
    assert Enterprise.objects.filter(name__startswith="Công ty TNHH Lớn").count() == 12
    assert batch_events() == 1
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.content is None
    assert (batch.rows_read, batch.rows_checked, batch.rows_written) == (12, 12, 12)


def test_the_progress_page_loads_on_its_own_for_its_officer_only(
    officer, make_user, agency, client_for, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = QUEUE_ONLY
    upload(client_for(officer), xlsx(kind(), rows(8)))
    batch = ImportBatch.objects.get()
    page = client_for(officer).get(f"/excel/directory.enterprise/nhap/{batch.pk}/tien-do/")
    assert page.status_code == 202
    assert "Nhập Excel: " in page.content.decode()
    assert "Đã đọc: 0" in page.content.decode()
    colleague = make_user(agency=agency, username="colleague")
    assert client_for(colleague).get(f"/excel/directory.enterprise/nhap/{batch.pk}/tien-do/").status_code == 404


def test_the_queued_task_writes_every_row_and_one_audit_event(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    # The test settings run tasks at once (ImmediateBackend): the answer already carries the result.
    answer = upload(client_for(officer), xlsx(kind(), rows(30)))
    text = answer.content.decode()
    assert answer.status_code == 200
    assert "Đã nhập 30 dòng: 30 bản ghi mới" in text
    assert Enterprise.objects.filter(name__startswith="Công ty TNHH Lớn").count() == 30
    assert batch_events() == 1
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.DONE
    assert batch.created == 30


def test_a_failing_large_file_writes_nothing_and_shows_every_problem(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    bad = rows(10)
    bad[3]["ownership"] = "Không rõ"
    bad[7]["tax_code"] = "12"
    client = client_for(officer)
    answer = upload(client, xlsx(kind(), bad))
    text = answer.content.decode()
    assert "Tệp có 2 lỗi; chưa ghi dòng nào" in text
    assert "Trang tính Dữ liệu, dòng 6, cột" in text
    assert "dòng 10" in text
    assert Enterprise.objects.count() == 0
    assert batch_events() == 0
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.INVALID
    marked = client.get(f"/excel/directory.enterprise/nhap/{batch.pk}/loi.xlsx")
    assert marked.status_code == 200
    assert f"/excel/directory.enterprise/nhap/{batch.pk}/loi.xlsx" in text


def test_a_job_that_breaks_in_its_write_leaves_nothing_and_says_so(officer, client_for) -> None:  # type: ignore[no-untyped-def]
    real = kind()

    def apply_then_break(actor: Any, checked: Any) -> int:
        assert real.apply is not None
        real.apply(actor, checked)
        raise RuntimeError("disk full")

    spreadsheets.kinds[real.key] = dataclasses.replace(real, apply=apply_then_break)
    try:
        answer = upload(client_for(officer), xlsx(real, rows(9)))
    finally:
        spreadsheets.kinds[real.key] = real
    assert "Không nhập được tệp do lỗi hệ thống; chưa ghi dòng nào." in answer.content.decode()
    assert Enterprise.objects.count() == 0
    assert batch_events() == 0
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.FAILED
    assert batch.content is None


def test_a_small_file_stays_in_the_request(officer, client_for, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = QUEUE_ONLY
    answer = upload(client_for(officer), xlsx(kind(), rows(4)))
    assert answer.status_code == 200
    assert "Đã nhập 4 dòng" in answer.content.decode()
    assert "<progress" not in answer.content.decode()
    assert not ImportBatch.objects.exclude(status=ImportBatch.Status.DONE).exists()


def test_a_large_file_with_changes_is_confirmed_back_through_the_queue(officer, client_for, settings) -> None:  # type: ignore[no-untyped-def]
    client = client_for(officer)
    upload(client, xlsx(kind(), rows(6)))
    changed = rows(6, workforce=250)
    answer = upload(client, xlsx(kind(), changed))
    assert "sửa 6 bản ghi đã có" in answer.content.decode()
    pending = ImportBatch.objects.get(status=ImportBatch.Status.PENDING)
    settings.TASKS = QUEUE_ONLY
    queued = client.post(f"/excel/directory.enterprise/nhap/{pending.pk}/xac-nhan/", headers={"HX-Request": "true"})
    assert "<progress" in queued.content.decode()
    assert not Enterprise.objects.filter(workforce=250).exists()
    run_import_job(pending.pk)
    assert Enterprise.objects.filter(workforce=250).count() == 6
    assert (
        "6 bản ghi cập nhật" in client.get(f"/excel/directory.enterprise/nhap/{pending.pk}/tien-do/").content.decode()
    )


def test_the_api_answers_202_then_the_jobs_status(officer, api_for, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = QUEUE_ONLY
    api = api_for(officer, token=True)
    answer = api.client.post(
        "/api/v1/spreadsheets/imports?kind=directory.enterprise",
        {"file": SimpleUploadedFile("lon.xlsx", xlsx(kind(), rows(20)))},
        headers=api.headers,
    )
    assert answer.status_code == 202
    body = answer.json()
    assert body["status"] == "queued"
    assert body["status_url"].endswith(f"/api/v1/spreadsheets/imports/{body['batch']}")
    waiting = api.client.get(body["status_url"], headers=api.headers).json()
    assert waiting["status"] == "queued"
    assert waiting["rows_written"] == 0
    run_import_job(body["batch"])
    status = api.client.get(body["status_url"], headers=api.headers)
    assert status.status_code == 200
    done = status.json()
    assert done["status"] == "imported"
    assert done["created"] == 20
    assert done["rows_written"] == 20
    assert done["percent"] == 100
    assert Enterprise.objects.filter(name__startswith="Công ty TNHH Lớn").count() == 20


def test_the_api_status_of_a_refused_large_file_lists_its_problems(officer, api_for) -> None:  # type: ignore[no-untyped-def]
    api = api_for(officer, token=True)
    bad = rows(8)
    bad[0]["ownership"] = "Không rõ"
    body = api.client.post(
        "/api/v1/spreadsheets/imports?kind=directory.enterprise",
        {"file": SimpleUploadedFile("lon.xlsx", xlsx(kind(), bad))},
        headers=api.headers,
    ).json()
    status = api.client.get(body["status_url"], headers=api.headers).json()
    assert status["status"] == "invalid"
    assert status["code"] == "invalid_rows"
    assert status["problems"][0].startswith("Trang tính Dữ liệu, dòng 3, cột")
    assert Enterprise.objects.count() == 0

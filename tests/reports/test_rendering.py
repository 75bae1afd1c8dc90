"""Rendering to files: the background job (progress, storage backend, download), the command line, the PDF through
LibreOffice — and what goes wrong: a year without a plan, LibreOffice missing or hanging. Each a clear message and
no file, half-written or otherwise."""

from __future__ import annotations

import os
import shutil
import stat
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from phoihop.accounts.choices import Role
from phoihop.reports import services
from phoihop.reports.choices import JobStatus
from phoihop.reports.docx import extract
from phoihop.reports.models import RenderJob
from phoihop.reports.pdf import PdfError, convert_to_pdf
from tests.reports.conftest import SmallWorld

REAL_SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
REQUIRED = os.environ.get("PHOIHOP_REQUIRE_SOFFICE") == "1"


def fake_soffice(folder: Path, body: str) -> str:
    script = folder / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


@pytest.fixture
def hanging_soffice(tmp_path: Path, settings: pytest.FixtureRequest) -> None:
    settings.REPORTS_SOFFICE = fake_soffice(tmp_path, "sleep 30")  # type: ignore[attr-defined]
    settings.REPORTS_PDF_TIMEOUT = 1  # type: ignore[attr-defined]


@pytest.fixture
def no_soffice(tmp_path: Path, settings: pytest.FixtureRequest) -> None:
    settings.REPORTS_SOFFICE = str(tmp_path / "khong-co-soffice")  # type: ignore[attr-defined]


# --- the background job ------------------------------------------------------------------------------------------


@pytest.mark.usefixtures("memory_storage")
def test_a_render_job_stores_the_document_in_the_storage_backend(small_world: SmallWorld, client: Client) -> None:
    officer = small_world.user(Role.OFFICER, "union")
    job = services.request_render(actor=officer, report=small_world.report, format="docx")
    assert job.status == JobStatus.DONE
    assert job.percent == 100
    assert job.phase == "Hoàn thành"
    assert default_storage.exists(job.file.name)
    client.force_login(officer)
    download = client.get(f"/bao-cao/tac-vu/{job.pk}/tai-ve/")
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="bao-cao-lien-tich-2023-du-thao.docx"')
    text = extract(b"".join(download.streaming_content)).text  # type: ignore[attr-defined]
    assert "Hoàn thành 02/03 nội dung phối hợp" in text


@pytest.mark.usefixtures("memory_storage")
def test_the_page_follows_the_job_with_an_htmx_partial(small_world: SmallWorld, client: Client) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    client.force_login(officer)
    response = client.post(f"/bao-cao/{small_world.report.pk}/xuat/", {"format": "html"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    job = RenderJob.objects.get()
    assert f'id="job-{job.pk}"' in response.content.decode()
    assert "Tải về" in response.content.decode()
    # A job still running is polled every second; the partial shows its phase and percentage.
    RenderJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, phase="Đang dựng văn bản", percent=60)
    partial = client.get(f"/bao-cao/tac-vu/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in partial
    assert "Đang dựng văn bản (60%)" in partial
    assert "<html" not in partial
    assert 'value="60"' in partial


@pytest.mark.usefixtures("memory_storage")
def test_a_job_no_worker_has_taken_after_30_seconds_says_so(small_world: SmallWorld, client: Client) -> None:
    officer = small_world.user(Role.OFFICER, "state")
    client.force_login(officer)
    job = services.request_render(actor=officer, report=small_world.report, format="docx")
    # As if no worker ran: the job is still queued, first just now, then 31 seconds after it was asked for.
    RenderJob.objects.filter(pk=job.pk).update(status=JobStatus.QUEUED, phase="Đang chờ", percent=0, file="")
    fresh = client.get(f"/bao-cao/tac-vu/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "Đang chờ (0%)" in fresh
    assert "worker-missing" not in fresh
    RenderJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(seconds=31))
    stale = client.get(f"/bao-cao/tac-vu/{job.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert "đã chờ hơn 30 giây mà chưa được xử lý" in stale
    assert "phoihop worker" in stale
    # It keeps polling: the job will still finish as soon as a worker starts.
    assert 'hx-trigger="every 1s"' in stale


def test_a_failed_render_is_logged_with_its_traceback(
    small_world: SmallWorld, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("lỗi lập trình")

    monkeypatch.setattr("phoihop.reports.tasks.render_bytes", broken)
    job = services.request_render(actor=small_world.secretariat, report=small_world.report, format="docx")
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("Không xuất được báo cáo do lỗi hệ thống")
    failures = [record for record in caplog.records if record.name == "phoihop.reports.tasks"]
    assert failures
    assert failures[0].exc_info is not None
    assert f"Render job {job.pk}" in failures[0].getMessage()


@pytest.mark.usefixtures("memory_storage", "hanging_soffice")
def test_a_hanging_libreoffice_fails_the_job_with_a_message_and_no_file(small_world: SmallWorld) -> None:
    begin = time.monotonic()
    job = services.request_render(actor=small_world.secretariat, report=small_world.report, format="pdf")
    assert time.monotonic() - begin < 15
    assert job.status == JobStatus.FAILED
    assert job.message.startswith("LibreOffice không trả lời sau 1 giây")
    assert not job.file


@pytest.mark.usefixtures("memory_storage", "no_soffice")
def test_asking_for_a_pdf_without_libreoffice_is_refused_at_once(small_world: SmallWorld, client: Client) -> None:
    with pytest.raises(ValidationError) as exc:
        services.request_render(actor=small_world.secretariat, report=small_world.report, format="pdf")
    assert "chưa cài LibreOffice" in " ".join(exc.value.messages)
    assert not RenderJob.objects.exists()
    client.force_login(small_world.secretariat)
    page = client.get(f"/bao-cao/{small_world.report.pk}/").content.decode()
    assert "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF." in page


# --- the PDF itself ----------------------------------------------------------------------------------------------


def test_no_libreoffice_is_a_clear_message(no_soffice: None) -> None:
    with pytest.raises(PdfError) as exc:
        convert_to_pdf(b"PK")
    assert exc.value.code == "soffice_missing"
    assert "libreoffice-writer-nogui" in exc.value.message


def test_a_libreoffice_that_writes_nothing_is_a_clear_message(tmp_path: Path, settings: pytest.FixtureRequest) -> None:
    settings.REPORTS_SOFFICE = fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 0")  # type: ignore[attr-defined]
    with pytest.raises(PdfError) as exc:
        convert_to_pdf(b"PK")
    assert exc.value.code == "soffice_failed"
    assert "source file could not be loaded" in exc.value.message


@pytest.mark.skipif(REAL_SOFFICE is None and not REQUIRED, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_turns_the_report_into_a_pdf(small_world: SmallWorld, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.pdf"
    call_command("build_report", year=2023, out=str(out), format="pdf", stdout=StringIO())
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["bao-cao.pdf"]


# --- the command line ----------------------------------------------------------------------------------------------


def test_build_report_writes_the_docx_and_the_html(small_world: SmallWorld, tmp_path: Path) -> None:
    docx_path, html_path = tmp_path / "bao-cao.docx", tmp_path / "bao-cao.html"
    call_command("build_report", year=2023, out=str(docx_path), stdout=StringIO())
    assert "Hoàn thành 02/03 nội dung phối hợp" in extract(docx_path.read_bytes()).text
    out = StringIO()
    call_command("build_report", "--year", "2023", "--out", str(html_path), "--format", "html", stdout=out)
    assert out.getvalue().startswith(f"Đã ghi {html_path}")
    html = html_path.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "Hoàn thành 02/03 nội dung phối hợp" in html
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.docx", "bao-cao.html"]


def test_a_year_without_a_plan_is_a_clear_error_and_no_file(small_world: SmallWorld, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    with pytest.raises(CommandError) as exc:
        call_command("build_report", year=2031, out=str(out))
    assert str(exc.value) == "Không có kế hoạch phối hợp năm 2031, nên không có báo cáo của năm đó."
    assert list(tmp_path.iterdir()) == []


def test_a_plan_without_a_report_is_a_clear_error(small_world: SmallWorld, tmp_path: Path) -> None:
    from tests.planning.factories import PlanFactory

    PlanFactory(year=2024)
    with pytest.raises(CommandError) as exc:
        call_command("build_report", year=2024, out=str(tmp_path / "x.docx"))
    assert "chưa có báo cáo liên tịch" in str(exc.value)
    assert list(tmp_path.iterdir()) == []


def test_a_hanging_libreoffice_leaves_no_half_written_file(
    small_world: SmallWorld, tmp_path: Path, hanging_soffice: None
) -> None:
    out = tmp_path / "out" / "bao-cao.pdf"
    out.parent.mkdir()
    out.write_bytes(b"ban cu")  # an earlier file stays as it was
    with pytest.raises(CommandError) as exc:
        call_command("build_report", year=2023, out=str(out), format="pdf")
    assert "LibreOffice không trả lời sau 1 giây" in str(exc.value)
    assert [p.name for p in out.parent.iterdir()] == ["bao-cao.pdf"]
    assert out.read_bytes() == b"ban cu"


def test_libreoffice_missing_on_the_command_line(small_world: SmallWorld, tmp_path: Path, no_soffice: None) -> None:
    with pytest.raises(CommandError) as exc:
        call_command("build_report", year=2023, out=str(tmp_path / "bao-cao.pdf"))
    assert "chưa cài LibreOffice" in str(exc.value)
    assert list(tmp_path.iterdir()) == []


def test_a_programming_error_in_the_builder_fails_the_build_instead_of_printing_brackets(
    small_world: SmallWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only expected data problems (a stale placeholder, a listing filter that no longer fits) become bracketed text
    and checker findings; a bug raises, so it is seen and fixed rather than printed into a signed document."""
    from phoihop.reports import placeholders
    from phoihop.reports.builders import build_report_data

    def broken(text: str) -> object:
        raise KeyError("lỗi lập trình")

    monkeypatch.setattr(placeholders, "parse", broken)
    with pytest.raises(KeyError):
        build_report_data(small_world.report)

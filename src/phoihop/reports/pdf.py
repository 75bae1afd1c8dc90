"""The PDF through LibreOffice headless: the .docx converted by `soffice --headless --convert-to pdf`.

Each call gets a profile directory of its own (concurrent conversions sharing the default profile fail on its
lock), runs under a timeout in its own process group (so a hung LibreOffice and its children are killed), and
returns the PDF's bytes only when LibreOffice actually wrote a file: an exit status of 0 is not enough. Nothing is
left behind: the work directory is removed whatever happens. What goes wrong is a PdfError with a Vietnamese
message for the person who asked for the PDF."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import uuid
from pathlib import Path

from django.conf import settings

DEFAULT_TIMEOUT = 120


class PdfError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def soffice_path() -> str | None:
    """The LibreOffice binary: settings.REPORTS_SOFFICE, else the environment's PHOIHOP_SOFFICE, else `soffice` (or
    `libreoffice`) on the PATH; None when there is none."""
    configured = getattr(settings, "REPORTS_SOFFICE", None) or os.environ.get("PHOIHOP_SOFFICE")
    if configured:
        return str(configured) if Path(str(configured)).exists() or shutil.which(str(configured)) else None
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return soffice_path() is not None


def convert_to_pdf(docx: bytes, *, timeout: float | None = None) -> bytes:
    binary = soffice_path()
    if binary is None:
        raise PdfError(
            "Máy chủ chưa cài LibreOffice (lệnh soffice) nên chưa xuất được bản PDF. Anh/chị hãy tải bản Word "
            "(.docx) hoặc đề nghị quản trị hệ thống cài gói libreoffice-writer-nogui.",
            code="soffice_missing",
        )
    default = getattr(settings, "REPORTS_PDF_TIMEOUT", None) or os.environ.get("PHOIHOP_PDF_TIMEOUT") or DEFAULT_TIMEOUT
    limit = float(timeout if timeout is not None else default)
    with tempfile.TemporaryDirectory(prefix="phoihop-pdf-") as work:
        folder = Path(work)
        source = folder / "bao-cao.docx"
        source.write_bytes(docx)
        profile = folder / f"lo-{uuid.uuid4().hex}"
        command = [
            binary,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        process = subprocess.Popen(  # noqa: S603 (fixed arguments; the binary is the configured LibreOffice)
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            _out, err = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _kill(process)
            raise PdfError(
                f"LibreOffice không trả lời sau {limit:g} giây nên việc xuất PDF đã bị dừng. Anh/chị hãy thử lại sau "
                "hoặc tải bản Word (.docx).",
                code="soffice_timeout",
            ) from None
        result = folder / "bao-cao.pdf"
        if process.returncode != 0 or not result.exists() or result.stat().st_size == 0:
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            raise PdfError(
                "LibreOffice không tạo được tệp PDF" + (f" ({detail[0]})" if detail else "") + ". Anh/chị hãy tải "
                "bản Word (.docx) hoặc báo quản trị hệ thống.",
                code="soffice_failed",
            )
        return result.read_bytes()


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and every process it started (it forks soffice.bin)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()

"""`phoihop build_report --year 2023 --out FILE [--format docx|pdf|html]`: the joint annual report of that year's
plan, built and rendered as the background job does, written to FILE.

The file is written to a temporary file in the same directory and moved into place only when it is complete: a
failure (no plan that year, LibreOffice missing or hanging) leaves no file, half-written or otherwise."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.reports.choices import RenderFormat


class Command(BaseCommand):
    help = "Xuất báo cáo liên tịch của năm ra tệp. / Build the joint annual report of a year into a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True, help="năm của kế hoạch phối hợp, ví dụ 2023")
        parser.add_argument("--out", required=True, help="tệp kết quả")
        parser.add_argument(
            "--format",
            choices=RenderFormat.values,
            default=None,
            help="docx, pdf hoặc html (mặc định: theo đuôi tệp, không có thì docx)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from phoihop.core.vnformat import format_number
        from phoihop.planning.models import Plan
        from phoihop.reports.docx import SpecError
        from phoihop.reports.pdf import PdfError
        from phoihop.reports.selectors import report_for_year
        from phoihop.reports.tasks import render_bytes

        year: int = options["year"]
        out = Path(options["out"])
        fmt = options["format"] or (out.suffix.lstrip(".").lower() if out.suffix else RenderFormat.DOCX)
        if fmt not in RenderFormat.values:
            raise CommandError(f"Không biết xuất định dạng “{fmt}”: dùng --format docx, pdf hoặc html.")
        if not Plan.objects.filter(year=year).exists():
            raise CommandError(f"Không có kế hoạch phối hợp năm {year}, nên không có báo cáo của năm đó.")
        report = report_for_year(year=year)
        if report is None:
            raise CommandError(
                f"Kế hoạch phối hợp năm {year} chưa có báo cáo liên tịch: hãy tạo báo cáo trên trang “Báo cáo liên "
                "tịch” (hoặc nạp dữ liệu mẫu bằng phoihop load_demo)."
            )
        if not out.parent.exists():
            raise CommandError(f"Thư mục “{out.parent}” không tồn tại.")
        try:
            content = render_bytes(report, fmt)
        except (PdfError, SpecError) as exc:
            raise CommandError(exc.message) from exc
        _write_atomically(out, content)
        self.stdout.write(f"Đã ghi {out} ({format_number(len(content))} byte, {fmt}).")


def _write_atomically(out: Path, content: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise

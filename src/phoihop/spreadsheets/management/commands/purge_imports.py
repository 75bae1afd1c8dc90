"""`phoihop purge_imports [--days N]`: delete the uploaded files the Excel layer kept (waiting for a confirmation, kept
for the error workbook, or of a background import that never ended) once older than `PHOIHOP_IMPORT_KEEP_DAYS`
(7 days by default). The import log of files imported stays. Run it daily (docs/deployment.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Xóa các tệp Excel tải lên đã giữ quá hạn. / Delete kept uploaded Excel files past their age."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=None, help="xóa tệp giữ lâu hơn số ngày này (mặc định PHOIHOP_IMPORT_KEEP_DAYS)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from phoihop.spreadsheets.services import purge_kept_files

        days = options["days"]
        deleted = purge_kept_files(older_than=None if days is None else dt.timedelta(days=days))
        self.stdout.write(f"Đã xóa {deleted} tệp Excel tải lên đã giữ quá hạn.")

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from phoihop.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu vào cơ sở dữ liệu trống vừa chạy `phoihop migrate`: kiểm tra mã xác thực và "
        "phiên bản lược đồ trước khi ghi. / Restore an archive into an empty, migrated database."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="Tệp bản sao lưu. / The archive.")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}. / No such file.")
        try:
            summary = restore_backup(path, using=options["database"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(summary.rows.values())
        self.stdout.write(
            f"Đã khôi phục {rows} dòng dữ liệu và {summary.files} tệp từ {path}. / "
            f"Restored {rows} rows and {summary.files} files."
        )

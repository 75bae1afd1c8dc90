from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from phoihop.core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Sao lưu toàn bộ dữ liệu (cơ sở dữ liệu, tệp đính kèm, phiên bản lược đồ) vào một tệp mã hóa AES-256-GCM "
        "bằng khóa đầu tiên của PHOIHOP_BACKUP_KEYS. / Write one encrypted archive of the database, the uploaded "
        "files and the schema version (docs/deployment.md)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", required=True, help="Tệp bản sao lưu sẽ ghi. / The archive to write.")
        parser.add_argument("--database", default="default")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        if out.exists():
            raise CommandError(f"Tệp {out} đã có: không ghi đè một bản sao lưu. / {out} exists.")
        partial = out.with_name(out.name + ".partial")
        try:
            # Written under another name and renamed when complete: a half-written file never looks like a backup.
            with partial.open("xb") as target:
                os.chmod(partial, 0o600)
                summary = write_backup(target, using=options["database"])
            partial.rename(out)
        except BackupError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(str(exc)) from exc
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        rows = sum(summary.rows.values())
        self.stdout.write(
            f"Đã sao lưu {rows} dòng dữ liệu và {summary.files} tệp vào {out} (mã khóa {summary.key_id}). / "
            f"Backed up {rows} rows and {summary.files} files."
        )

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from phoihop.cases.services import anonymise_expired_cases


class Command(BaseCommand):
    help = (
        "Ẩn danh hóa các vụ việc đã đóng quá thời hạn lưu trữ (CASE_RETENTION_YEARS năm): xóa dữ liệu cá nhân, giữ "
        "thông tin vụ việc và số liệu tổng hợp; mỗi vụ việc một sự kiện nhật ký. / Anonymise closed cases past "
        "retention."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không xóa. / List only.")

    def handle(self, *args: Any, **options: Any) -> None:
        ids = anonymise_expired_cases(dry_run=options["dry_run"])
        years = settings.CASE_RETENTION_YEARS
        verb = "Sẽ ẩn danh hóa" if options["dry_run"] else "Đã ẩn danh hóa"
        self.stdout.write(f"{verb} {len(ids)} vụ việc đóng quá {years} năm.")
        if ids:
            self.stdout.write("Số vụ việc: " + ", ".join(str(pk) for pk in ids))

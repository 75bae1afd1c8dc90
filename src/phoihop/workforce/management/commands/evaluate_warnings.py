from typing import Any

from django.core.management.base import BaseCommand

from phoihop.workforce.services import evaluate_warnings


class Command(BaseCommand):
    help = "Đánh giá lại toàn bộ cảnh báo sớm: mở cảnh báo mới, cập nhật căn cứ, đóng cảnh báo không còn điều kiện."

    def handle(self, *args: Any, **options: Any) -> None:
        result = evaluate_warnings()
        self.stdout.write(
            f"Cảnh báo mới: {result.opened}; đã đóng: {result.closed}; căn cứ thay đổi: {result.changed}."
        )

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.core.vnformat import format_date
from phoihop.directory.selectors import zone_choices
from phoihop.workforce.services.decrees import assign_wage_region


class Command(BaseCommand):
    help = (
        "Ghi vùng lương tối thiểu của một khu (hoặc một xã, phường trong khu) từ một ngày, theo phụ lục của nghị "
        'định; ví dụ: set_wage_region "KCN Đình Vũ" --vung 1 --from 2024-07-01 --decree 74/2024/NĐ-CP.'
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("zone", help="Tên khu như trong danh mục")
        parser.add_argument("--vung", required=True, choices=["1", "2", "3", "4"], help="Vùng I–IV")
        parser.add_argument("--from", dest="effective_from", required=True, type=dt.date.fromisoformat)
        parser.add_argument("--decree", required=True, help="Số hiệu nghị định, ví dụ 74/2024/NĐ-CP")
        parser.add_argument("--commune", default="", help="Xã, phường theo phụ lục (nếu chỉ một phần của khu)")

    def handle(self, *args: Any, **options: Any) -> None:
        zone = zone_choices().filter(name=options["zone"]).first()
        if zone is None:
            raise CommandError(f'Không có khu tên "{options["zone"]}" trong danh mục.')
        try:
            assignment = assign_wage_region(
                zone=zone,
                region=options["vung"],
                effective_from=options["effective_from"],
                decree_number=options["decree"],
                commune=options["commune"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{zone}: {assignment.get_region_display()} từ {format_date(options['effective_from'])}.")

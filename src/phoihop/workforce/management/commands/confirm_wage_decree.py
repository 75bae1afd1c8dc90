import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.workforce.services.decrees import confirm_decree_text


class Command(BaseCommand):
    help = (
        "Đánh dấu một nghị định lương tối thiểu vùng là đã đối chiếu văn bản: nhập ngày ban hành và bốn mức lương "
        "đọc từ Điều 3 của văn bản gốc; chỉ khi mọi giá trị trùng với giá trị đã lưu mới đánh dấu (docs/workforce.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("number", help="Số hiệu, ví dụ 74/2024/NĐ-CP")
        parser.add_argument("--signed-on", required=True, type=dt.date.fromisoformat, help="Ngày ban hành, YYYY-MM-DD")
        for region in ("1", "2", "3", "4"):
            parser.add_argument(f"--vung-{region}", type=int, required=True, help=f"Mức vùng {region}, đồng/tháng")
        parser.add_argument("--source", required=True, help="Văn bản đã đối chiếu, ví dụ: Công báo số …, trang …")
        parser.add_argument("--checked-by", required=True, help="Họ tên người đối chiếu")
        parser.add_argument(
            "--zone",
            action="append",
            default=[],
            metavar="TÊN_KHU=VÙNG",
            help='Vùng của một khu theo phụ lục nghị định, ví dụ "KCN Đình Vũ=1"; lặp lại cho từng khu',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        amounts = {region: options[f"vung_{region}"] for region in ("1", "2", "3", "4")}
        regions = {}
        for pair in options["zone"]:
            name, _sep, region = pair.rpartition("=")
            if not name.strip() or region.strip() not in {"1", "2", "3", "4"}:
                raise CommandError(f'"{pair}": cần dạng TÊN_KHU=VÙNG, vùng là 1, 2, 3 hoặc 4.')
            regions[name.strip()] = region.strip()
        try:
            decree = confirm_decree_text(
                number=options["number"],
                signed_on=options["signed_on"],
                amounts=amounts,
                source=options["source"],
                checked_by=options["checked_by"],
                regions=regions,
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{decree}: đã đối chiếu văn bản.")

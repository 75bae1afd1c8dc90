from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.accounts.models import User
from phoihop.accounts.services import create_token


class Command(BaseCommand):
    help = "Tạo mã API cá nhân cho một người dùng và in ra (chỉ hiện một lần). / Create a personal API token."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="dòng lệnh", help="Tên gợi nhớ của mã")

    def handle(self, *args: Any, username: str, name: str, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng đang hoạt động tên “{username}”.")
        _token, raw = create_token(actor=user, owner=user, name=name)
        self.stdout.write(raw)

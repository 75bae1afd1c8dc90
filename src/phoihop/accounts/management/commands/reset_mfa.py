from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from phoihop.accounts import mfa
from phoihop.accounts.models import User


class Command(BaseCommand):
    help = (
        "Tắt xác thực hai bước của một người dùng đã mất cả điện thoại lẫn mã khôi phục (sau khi đã xác minh người "
        "đó); nếu vai trò bắt buộc, lần đăng nhập sau họ phải đăng ký lại. / Remove a user's second factor."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có người dùng {options['username']!r}. / No such user.")
        mfa.remove_second_factor(actor=None, user=user)
        self.stdout.write(f"Đã tắt xác thực hai bước của {user.username}. / Second factor removed for {user.username}.")

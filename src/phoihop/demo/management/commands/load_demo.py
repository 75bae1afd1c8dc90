from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from phoihop.accounts.models import User
from phoihop.demo.loader import demo_logins, load_demo


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu Hải Phòng 2023 (chạy lại nhiều lần không sinh trùng). / Load the demo data set."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.ENVIRONMENT == "production":
            raise CommandError(
                "Không nạp dữ liệu mẫu trên môi trường production: production không có tài khoản mặc định. "
                "/ Refusing to load demo data under production settings."
            )
        report = load_demo()
        created = ", ".join(f"{what}: {n}" for what, n in report.created.items()) or "không có gì mới (đã nạp trước đó)"
        self.stdout.write(f"Đã nạp dữ liệu mẫu — tạo mới {created}.")
        self.stdout.write("")
        self.stdout.write("Tài khoản dùng thử / Demo logins (mật khẩu chung / shared password):")
        users = User.objects.select_related("agency").in_bulk(
            [username for username, _password in demo_logins()], field_name="username"
        )
        for username, password in demo_logins():
            user = users[username]
            label = f"{user.get_role_display()} — {user.agency.name}" if user.agency else user.get_full_name()
            self.stdout.write(f"  {username:<20} {password:<14} {label}")

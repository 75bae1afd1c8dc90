from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from phoihop.cases.services import reindex_phone_hashes
from phoihop.core.crypto import models_with_encrypted_fields, reencrypt_model


class Command(BaseCommand):
    help = (
        "Mã hóa lại mọi trường dữ liệu cá nhân bằng khóa mới nhất (khóa đầu tiên của PHOIHOP_FIELD_KEYS), sau khi "
        "thêm khóa mới, và tính lại mã tra cứu số điện thoại theo PHOIHOP_HASH_KEY hiện tại. / Re-encrypt every "
        "encrypted field with the newest key and recompute phone look-up hashes (docs/privacy.md, key rotation)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for model in models_with_encrypted_fields():
            count = reencrypt_model(model, batch_size=options["batch_size"])
            total += count
            self.stdout.write(f"{model._meta.label}: {count}")
        self.stdout.write(f"Đã mã hóa lại {total} bản ghi bằng khóa mới nhất. / Re-encrypted {total} rows.")
        reindexed = reindex_phone_hashes(batch_size=options["batch_size"])
        self.stdout.write(f"Đã tính lại {reindexed} mã tra cứu số điện thoại. / Recomputed {reindexed} phone hashes.")

"""Synthetic data for benchmarks: enterprises with Vietnamese names spread over the demo zones."""

from __future__ import annotations

import random

from phoihop.core.text import fold_vi
from phoihop.directory.models import Agency, Enterprise, Zone

WORDS = ["Hải Phòng", "Đình Vũ", "Tràng Duệ", "Việt Nam", "Điện tử", "May mặc", "Cơ khí", "Thương mại", "Nhựa", "Gỗ"]


def seed(*, enterprises: int) -> None:
    """Top the enterprise table up to `enterprises` synthetic rows (bulk insert: this is data, not a user action)."""
    rng = random.Random(42)
    zones = list(Zone.objects.all())
    owner = Agency.objects.get(short_code="BQLKKT")
    existing = Enterprise.objects.filter(tax_code__startswith="09").count()
    batch = []
    for i in range(existing, enterprises):
        name = f"Công ty TNHH {rng.choice(WORDS)} {rng.choice(WORDS)} {i}"
        tax_code = f"09{i:08d}"
        batch.append(
            Enterprise(
                name=name,
                tax_code=tax_code,
                zone=rng.choice(zones),
                ownership=rng.choice(["domestic", "foreign_invested", "wholly_foreign"]),
                workforce=rng.randint(50, 20000),
                owner_agency=owner,
                search_text=fold_vi(f"{name} {tax_code}"),
            )
        )
    Enterprise.objects.bulk_create(batch, batch_size=2000)

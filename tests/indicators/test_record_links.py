"""A record kind that declares `link` builds its records' links from one reverse(); each link must be exactly the
record's own page, as `url_of` (get_absolute_url) gives it, for every kind of the demo."""

from __future__ import annotations

import pytest

from phoihop.indicators.registry import record_kinds

pytestmark = pytest.mark.django_db


def test_every_declared_link_is_the_records_own_page(whole_demo: None) -> None:
    checked = 0
    for kind in record_kinds.all():
        if kind.link is None:
            continue
        link = kind.linker()
        records = list(kind.model._default_manager.order_by("-pk")[:5])
        assert records, kind.key  # the demo has records of every linked kind
        for record in records:
            assert link(record) == kind.url_of(record), kind.key
            checked += 1
    assert checked >= 40

"""What an indicator computed from records counts, shared by the progress calculator and the report's provenance
so both give the same figure: rows, distinct enterprises, distinct persons, or the sum of a numeric field."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, Sum
from django.db.models.aggregates import Aggregate
from django.utils.translation import gettext as _

from phoihop.indicators.choices import Counting, Measure

if TYPE_CHECKING:
    from phoihop.indicators.models import Indicator
    from phoihop.indicators.registry import RecordKind


ZERO, ONE = Decimal(0), Decimal(1)


def counting_of(indicator: Indicator) -> str:
    """The indicator's counting mode. `sum_records` is the older way to say "sum of a field" and still decides."""
    if indicator.measure == Measure.SUM_RECORDS:
        return Counting.SUM
    if indicator.counting in Counting.distinct():
        return indicator.counting
    return Counting.ROWS


def amount(kind: RecordKind, indicator: Indicator, condition: Q | None = None) -> Aggregate:
    """The aggregate that gives the figure over the records matching `condition`."""
    counting = counting_of(indicator)
    if counting == Counting.SUM:
        return Sum(indicator.sum_field, filter=condition)
    distinct = kind.distinct_field(counting)
    if distinct:
        return Count(distinct, distinct=True, filter=condition)
    return Count("pk", filter=condition)


def related_paths(kind: RecordKind, indicator: Indicator) -> tuple[str, ...]:
    """What to join so reading the counted enterprise or person of each record takes no query."""
    parts = kind.distinct_field(counting_of(indicator)).split("__")
    return ("__".join(parts[:-1]),) if len(parts) > 1 else ()


def record_amounts(
    kind: RecordKind, indicator: Indicator, records: Iterable[Any], *, as_values: bool = False
) -> list[tuple[Any, Decimal, str]]:
    """Each record (in the order given: by date) with what it adds to the figure and why, so a figure's provenance
    adds up to it. In a distinct count the first record of an enterprise or person adds 1 and its later records 0,
    each saying so; a record naming none adds 0. `as_values`: the records are `values()` rows holding the sum field's
    or the distinct path's value under its path (`value_paths`)."""
    counting = counting_of(indicator)
    found: list[tuple[Any, Decimal, str]] = []
    seen: set[Any] = set()
    who = _("doanh nghiệp") if counting == Counting.DISTINCT_ENTERPRISES else _("người")
    # Translated once, not per row: a report's provenance holds thousands of rows.
    not_named = _("Không ghi %(who)s, không được đếm.") % {"who": who}
    counted_before = _("Cùng %(who)s đã được đếm ở dòng trước.") % {"who": who}
    distinct = kind.distinct_field(counting)
    for record in records:
        if counting == Counting.SUM:
            if as_values:
                value: Any = record[indicator.sum_field]
            else:
                value = record
                for part in indicator.sum_field.split("__"):
                    value = getattr(value, part) if value is not None else None
            found.append((record, Decimal(str(value or 0)), ""))
        elif counting in Counting.distinct():
            key = record[distinct] if as_values else kind.distinct_value(record, counting)
            if key is None:
                found.append((record, ZERO, not_named))
            elif key in seen:
                found.append((record, ZERO, counted_before))
            else:
                seen.add(key)
                found.append((record, ONE, ""))
        else:
            found.append((record, ONE, ""))
    return found


def value_paths(kind: RecordKind, indicator: Indicator) -> tuple[str, ...]:
    """What a `values()` row must hold for `record_amounts(as_values=True)`: the summed field, or the path whose
    distinct values are counted (its last step read as the key, as `distinct_value` reads it)."""
    counting = counting_of(indicator)
    if counting == Counting.SUM:
        return (indicator.sum_field,)
    distinct = kind.distinct_field(counting)
    return (distinct,) if distinct else ()

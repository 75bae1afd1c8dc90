"""What the indicator services share: the editable fields, input cleaning, and the rule that unit kinds never
mix."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import clean_input
from phoihop.indicators.choices import UnitKind
from phoihop.indicators.models import Indicator
from phoihop.indicators.permissions import (
    can_manage_indicators,
)

if TYPE_CHECKING:
    from phoihop.accounts.models import User

INDICATOR_FIELDS = (
    "code",
    "name",
    "unit",
    "unit_kind",
    "owner_agency",
    "measure",
    "frequency",
    "record_kind",
    "record_filter",
    "sum_field",
    "counting",
    "rounding",
    "description",
    "is_active",
)
TARGET_FIELDS = ("indicator", "agency", "value", "position", "note")
RULE_FIELDS = ("left", "operator", "right", "message", "is_active")
VALUE_FIELDS = ("value", "note", "source")
ONE_LINE_FIELDS = {"code", "name", "unit", "source", "message"}


def clean_data(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    return clean_input(data, allowed, one_line=ONE_LINE_FIELDS)


def require_manager(actor: User | None) -> None:
    if actor is not None and not can_manage_indicators(actor):
        raise PermissionDenied


# --- Unit kinds never mix -------------------------------------------------------------------------------------


def unit_mix_error(
    field_name: str, first: Indicator | str, second: Indicator | str, kinds: tuple[str, str]
) -> ValidationError:
    """Persons and person-times (người / lượt người) are never added or compared; nor are other different kinds."""
    names = {"first": str(first.name if isinstance(first, Indicator) else first)}
    names["second"] = str(second.name if isinstance(second, Indicator) else second)
    if set(kinds) == {UnitKind.PERSONS, UnitKind.PERSON_TIMES}:
        return field_error(
            field_name,
            _(
                "Không được cộng hoặc so sánh số người với số lượt người: “%(first)s” và “%(second)s” "
                "khác nhau (người / lượt người)."
            )
            % names,
            "persons_and_person_times",
        )
    labels = {kind: str(UnitKind(kind).label) for kind in kinds}
    return field_error(
        field_name,
        _("Không được cộng hoặc so sánh hai chỉ tiêu khác loại đơn vị: “%(first)s” (%(a)s) và “%(second)s” (%(b)s).")
        % {**names, "a": labels[kinds[0]], "b": labels[kinds[1]]},
        "unit_kind_mismatch",
    )

"""Writes to indicators, plan targets, reported values, period approvals and validation rules. Every function checks
the permission, validates, writes and audits in one transaction.

Approved and submitted periods are locked in the value services (`values.py`) over their whole span — a month, a
quarter or the year, whatever the length of the value written — so every path — the pages, the API, a bulk import, a
call from a shell — meets the same lock until a leader returns the period (`approvals.py`)."""

from phoihop.indicators.services.approvals import (
    STEPS,
    approval_for,
    approve_period,
    return_period,
    submit_period,
)
from phoihop.indicators.services.common import (
    INDICATOR_FIELDS,
    RULE_FIELDS,
    TARGET_FIELDS,
    VALUE_FIELDS,
    unit_mix_error,
)
from phoihop.indicators.services.definitions import (
    create_indicator,
    create_rule,
    create_target,
    delete_target,
    update_indicator,
    update_rule,
    update_target,
)
from phoihop.indicators.services.values import (
    IMPORT_COLUMNS,
    ImportResult,
    blocking_approval,
    delete_value,
    import_values,
    lock_message,
    parse_value,
    record_value,
    reporting_frequency,
    update_value,
)

__all__ = [
    "IMPORT_COLUMNS",
    "INDICATOR_FIELDS",
    "RULE_FIELDS",
    "STEPS",
    "TARGET_FIELDS",
    "VALUE_FIELDS",
    "ImportResult",
    "approval_for",
    "approve_period",
    "blocking_approval",
    "create_indicator",
    "create_rule",
    "create_target",
    "delete_target",
    "delete_value",
    "import_values",
    "lock_message",
    "parse_value",
    "record_value",
    "reporting_frequency",
    "return_period",
    "submit_period",
    "unit_mix_error",
    "update_indicator",
    "update_rule",
    "update_target",
    "update_value",
]

"""Writes of the cases app: the only code that changes cases, petitions, grants and their reference data.

Split by subject (a single module would pass 400 lines); import from here."""

from phoihop.cases.services.cases import (
    assign_handler,
    can_assign,
    closed_error,
    create_case,
    due_at_for,
    transition_case,
    update_case,
)
from phoihop.cases.services.intake import RateLimit, ThrottleResult, consume, submit_public_question
from phoihop.cases.services.petitions import add_follow_up, create_petition, update_petition
from phoihop.cases.services.privacy import (
    anonymise_case,
    anonymise_expired_cases,
    cases_past_retention,
    export_subject_data,
    handle_data_request,
    record_data_request,
    reindex_phone_hashes,
    retention_cutoff,
)
from phoihop.cases.services.reference import (
    add_holiday,
    create_topic,
    grant_handler,
    remove_holiday,
    revoke_handler,
    set_channel_policy,
    update_topic,
)

__all__ = [
    "RateLimit",
    "ThrottleResult",
    "add_follow_up",
    "add_holiday",
    "anonymise_case",
    "anonymise_expired_cases",
    "assign_handler",
    "can_assign",
    "cases_past_retention",
    "closed_error",
    "consume",
    "create_case",
    "create_petition",
    "create_topic",
    "due_at_for",
    "export_subject_data",
    "grant_handler",
    "handle_data_request",
    "record_data_request",
    "reindex_phone_hashes",
    "remove_holiday",
    "retention_cutoff",
    "revoke_handler",
    "set_channel_policy",
    "submit_public_question",
    "transition_case",
    "update_case",
    "update_petition",
    "update_topic",
]

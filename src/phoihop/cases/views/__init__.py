"""Pages of the cases app, split by subject: cases, reference data and grants, petitions, the public page."""

from phoihop.cases.views.cases import (
    CaseCreateView,
    CaseUpdateView,
    case_aggregates,
    case_assign,
    case_detail,
    case_export,
    case_list,
    case_subject_export,
    case_transition,
    data_request_create,
    data_request_handle,
    phone_search,
)
from phoihop.cases.views.petitions import (
    PetitionCreateView,
    PetitionUpdateView,
    petition_detail,
    petition_follow_up,
    petition_list,
)
from phoihop.cases.views.public import public_ask, public_lookup
from phoihop.cases.views.reference import (
    TopicCreateView,
    TopicUpdateView,
    grant_list,
    grant_revoke,
    holiday_remove,
    policy_update,
    topic_list,
    working_calendar,
)

__all__ = [
    "CaseCreateView",
    "CaseUpdateView",
    "PetitionCreateView",
    "PetitionUpdateView",
    "TopicCreateView",
    "TopicUpdateView",
    "case_aggregates",
    "case_assign",
    "case_detail",
    "case_export",
    "case_list",
    "case_subject_export",
    "case_transition",
    "data_request_create",
    "data_request_handle",
    "grant_list",
    "grant_revoke",
    "holiday_remove",
    "petition_detail",
    "petition_follow_up",
    "petition_list",
    "phone_search",
    "policy_update",
    "public_ask",
    "public_lookup",
    "topic_list",
    "working_calendar",
]

"""Writes to foundings. Every function checks the permission, validates, writes and audits in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.records import RecordWrites
from phoihop.core.services import clean_input, create_record, delete_record, update_record
from phoihop.directory.choices import AgencyKind
from phoihop.directory.scope import resolve_owner
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding
from phoihop.organizing.permissions import can_create_founding, can_delete_founding, can_edit_founding

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency

FOUNDING_FIELDS = ("kind", "name", "enterprise", "founded_on", "members_at_founding", "decision_document", "notes")
FOUNDING_M2M = ("plan_items",)
TEXT_FIELDS = {"name"}


def _clean(data: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, list[models.Model]]]:
    cleaned = clean_input(data, FOUNDING_FIELDS + FOUNDING_M2M, one_line=TEXT_FIELDS, blank_if_none={"name", "notes"})
    m2m = {name: list(cleaned.pop(name)) for name in FOUNDING_M2M if name in cleaned}
    return cleaned, m2m


def _owner_for(actor: User, owner_agency: Agency | None) -> Agency:
    return resolve_owner(
        actor,
        owner_agency,
        required=_("Hãy chọn đơn vị thành lập."),
        foreign=_("Anh/chị chỉ có thể ghi nhận việc thành lập của đơn vị mình hoặc đơn vị trực thuộc."),
    )


def _check_rules(*, kind: str | None, owner: Agency, founded_on: Any) -> None:
    if kind in FoundingKind.values:
        expected = FoundingKind(kind).founder_kind
        if owner.kind != expected:
            raise field_error(
                "kind",
                _("%(what)s do một đơn vị thuộc hệ thống %(system)s thành lập; “%(owner)s” thuộc hệ thống %(actual)s.")
                % {
                    "what": FoundingKind(kind).label,
                    "system": AgencyKind(expected).label.lower(),
                    "owner": owner.name,
                    "actual": AgencyKind(owner.kind).label.lower() if owner.kind in AgencyKind.values else owner.kind,
                },
                "wrong_founder",
            )
    if founded_on is not None and founded_on > timezone.localdate():
        raise field_error("founded_on", _("Ngày thành lập không được ở sau hôm nay."), "future_date")


@transaction.atomic
def create_founding(*, actor: User, data: Mapping[str, Any], owner_agency: Agency | None = None) -> Founding:
    if not can_create_founding(actor):
        raise PermissionDenied
    fields, m2m = _clean(data)
    owner = _owner_for(actor, owner_agency)
    _check_rules(kind=fields.get("kind"), owner=owner, founded_on=fields.get("founded_on"))
    return create_record(actor=actor, instance=Founding(**fields, owner_agency=owner), m2m=m2m)


@transaction.atomic
def update_founding(*, actor: User, founding: Founding, data: Mapping[str, Any], expected_version: int) -> Founding:
    if not can_edit_founding(actor, founding):
        raise PermissionDenied
    fields, m2m = _clean(data)
    _check_rules(
        kind=fields.get("kind", founding.kind),
        owner=founding.owner_agency,
        founded_on=fields.get("founded_on"),
    )
    return update_record(actor=actor, instance=founding, data=fields, expected_version=expected_version, m2m=m2m)


@transaction.atomic
def delete_founding(*, actor: User, founding: Founding, expected_version: int) -> None:
    if not can_delete_founding(actor, founding):
        raise PermissionDenied
    delete_record(actor=actor, instance=founding, expected_version=expected_version)


# The three writes, called one way by the pages, the spreadsheet kind and the API (core/records.py).
WRITES = RecordWrites(create_founding, update_founding, delete_founding, record="founding")

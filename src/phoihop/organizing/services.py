"""Writes to foundings: the owned-record writes of directory/records.py (permission, clean input, owner body, the
rules below, one audited transaction each)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from phoihop.core.errors import field_error
from phoihop.directory.choices import AgencyKind
from phoihop.directory.records import OwnedWrites
from phoihop.organizing import permissions
from phoihop.organizing.choices import FoundingKind
from phoihop.organizing.models import Founding

if TYPE_CHECKING:
    from phoihop.directory.models import Agency

FOUNDING_FIELDS = ("kind", "name", "enterprise", "founded_on", "members_at_founding", "decision_document", "notes")
FOUNDING_M2M = ("plan_items",)


def _check_rules(fields: dict[str, Any], m2m: object, owner: Agency, founding: Founding | None) -> None:
    kind = fields.get("kind", founding.kind if founding is not None else None)
    if kind in FoundingKind.values:
        expected = FoundingKind(kind).founder_kind
        if owner.kind != expected:
            raise field_error(
                "kind",
                _("%(what)s do một đơn vị thuộc hệ thống %(system)s thành lập; “%(owner)s” thuộc hệ thống %(actual)s.")
                % {
                    "what": FoundingKind(kind).label,
                    "system": AgencyKind(expected).in_sentence,
                    "owner": owner.name,
                    "actual": AgencyKind(owner.kind).in_sentence if owner.kind in AgencyKind.values else owner.kind,
                },
                "wrong_founder",
            )
    founded_on = fields.get("founded_on")
    if founded_on is not None and founded_on > timezone.localdate():
        raise field_error("founded_on", _("Ngày thành lập không được ở sau hôm nay."), "future_date")


FOUNDINGS = OwnedWrites(
    model=Founding,
    record="founding",
    fields=FOUNDING_FIELDS,
    m2m=FOUNDING_M2M,
    one_line={"name"},
    blank_if_none={"name", "notes"},
    owner_required=gettext_lazy("Hãy chọn đơn vị thành lập."),
    owner_foreign=gettext_lazy("Anh/chị chỉ có thể ghi nhận việc thành lập của đơn vị mình hoặc đơn vị trực thuộc."),
    can_create=permissions.can_create_founding,
    can_edit=permissions.can_edit_founding,
    can_delete=permissions.can_delete_founding,
    rules=_check_rules,
)
create_founding = FOUNDINGS.create
update_founding = FOUNDINGS.update  # update_founding(*, actor, founding, data, expected_version)
delete_founding = FOUNDINGS.delete  # delete_founding(*, actor, founding, expected_version)

# The three writes, called one way by the pages, the spreadsheet kind and the API (core/records.py).
WRITES = FOUNDINGS.writes

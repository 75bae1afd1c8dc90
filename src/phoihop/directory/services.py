"""Writes to the directory. Every function checks the permission, validates, writes and audits in one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import clean_input, create_record, delete_record, update_record
from phoihop.directory.models import Agency, Enterprise, Zone
from phoihop.directory.permissions import (
    can_create_enterprise,
    can_delete_enterprise,
    can_edit_enterprise,
    can_manage_reference,
)
from phoihop.directory.validators import normalize_tax_code

if TYPE_CHECKING:
    from phoihop.accounts.models import User

ENTERPRISE_FIELDS = (
    "name",
    "short_name",
    "tax_code",
    "zone",
    "address",
    "ownership",
    "investor_country",
    "sector",
    "workforce",
)
ZONE_FIELDS = ("name", "kind", "parent", "district", "area_ha")
AGENCY_FIELDS = ("name", "short_code", "kind", "parent", "header_lines", "is_active")
TEXT_FIELDS = {"name", "short_name", "address", "investor_country", "sector", "district", "short_code"}


def _clean(data: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    cleaned = clean_input(data, allowed, one_line=TEXT_FIELDS)
    if "tax_code" in cleaned:
        cleaned["tax_code"] = normalize_tax_code(cleaned["tax_code"])
    return cleaned


def _owner_for(actor: User, owner_agency: Agency | None) -> Agency:
    """An officer registers records for their own body; only the administrator chooses another owner."""
    if actor.is_admin:
        if owner_agency is None:
            raise field_error("owner_agency", _("Hãy chọn đơn vị quản lý hồ sơ."), "required")
        return owner_agency
    if owner_agency is not None and owner_agency.pk != actor.agency_id:
        raise field_error("owner_agency", _("Anh/chị chỉ có thể tạo hồ sơ cho đơn vị của mình."), "foreign_agency")
    assert actor.agency is not None  # noqa: S101  (can_create_enterprise guarantees it for non-admins)
    return actor.agency


@transaction.atomic
def create_enterprise(*, actor: User, data: Mapping[str, Any], owner_agency: Agency | None = None) -> Enterprise:
    if not can_create_enterprise(actor):
        raise PermissionDenied
    enterprise = Enterprise(**_clean(data, ENTERPRISE_FIELDS), owner_agency=_owner_for(actor, owner_agency))
    return create_record(actor=actor, instance=enterprise)


@transaction.atomic
def update_enterprise(
    *, actor: User, enterprise: Enterprise, data: Mapping[str, Any], expected_version: int
) -> Enterprise:
    if not can_edit_enterprise(actor, enterprise):
        raise PermissionDenied
    return update_record(
        actor=actor,
        instance=enterprise,
        data=_clean(data, ENTERPRISE_FIELDS),
        expected_version=expected_version,
    )


@transaction.atomic
def delete_enterprise(*, actor: User, enterprise: Enterprise, expected_version: int) -> None:
    if not can_delete_enterprise(actor, enterprise):
        raise PermissionDenied
    delete_record(actor=actor, instance=enterprise, expected_version=expected_version)


def _check_zone_parent(data: Mapping[str, Any], zone: Zone | None = None) -> None:
    parent = data.get("parent")
    if parent is None:
        return
    if zone is not None and parent.pk == zone.pk:
        raise field_error("parent", _("Một khu không thể nằm trong chính nó."), "self_parent")
    if parent.kind != "economic_zone":
        raise field_error("parent", _("Khu cấp trên phải là một khu kinh tế."), "parent_not_economic_zone")


@transaction.atomic
def create_zone(*, actor: User, data: Mapping[str, Any]) -> Zone:
    if not can_manage_reference(actor):
        raise PermissionDenied
    cleaned = _clean(data, ZONE_FIELDS)
    _check_zone_parent(cleaned)
    return create_record(actor=actor, instance=Zone(**cleaned))


@transaction.atomic
def update_zone(*, actor: User, zone: Zone, data: Mapping[str, Any], expected_version: int) -> Zone:
    if not can_manage_reference(actor):
        raise PermissionDenied
    cleaned = _clean(data, ZONE_FIELDS)
    _check_zone_parent(cleaned, zone)
    return update_record(actor=actor, instance=zone, data=cleaned, expected_version=expected_version)


@transaction.atomic
def create_agency(*, actor: User | None, data: Mapping[str, Any]) -> Agency:
    """`actor=None` only from trusted commands (load_demo)."""
    if actor is not None and not can_manage_reference(actor):
        raise PermissionDenied
    return create_record(actor=actor, instance=Agency(**_clean(data, AGENCY_FIELDS)))


@transaction.atomic
def update_agency(*, actor: User, agency: Agency, data: Mapping[str, Any], expected_version: int) -> Agency:
    if not can_manage_reference(actor):
        raise PermissionDenied
    cleaned = _clean(data, AGENCY_FIELDS)
    parent = cleaned.get("parent")
    while parent is not None:
        if parent.pk == agency.pk:
            raise field_error(
                "parent", _("Đơn vị cấp trên không thể là chính nó hoặc đơn vị cấp dưới của nó."), "cycle"
            )
        parent = parent.parent
    return update_record(actor=actor, instance=agency, data=cleaned, expected_version=expected_version)

"""Marking a wage decree as compared with its own text.

The person who holds the decree (Công báo or the national legal database) reads the four monthly amounts and the
signing date from Article 3 and types them in; the decree and its amounts become "đã đối chiếu văn bản" only when
every value typed equals the stored one. A difference changes nothing and names each mismatch: a stored amount is
never corrected by this path, since a wrong amount must be found and fixed on purpose, with its own audit entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from phoihop.core.audit import diff, record_event, snapshot
from phoihop.core.models import AuditAction
from phoihop.core.vnformat import format_date, format_money
from phoihop.directory.models import Zone
from phoihop.workforce.choices import CheckStatus, WageRegion
from phoihop.workforce.models import MinimumWage, WageDecree, WageRegionAssignment


@transaction.atomic
def confirm_decree_text(
    *,
    number: str,
    signed_on: dt.date,
    amounts: Mapping[str, int],
    source: str,
    checked_by: str,
    regions: Mapping[str, str] | None = None,
) -> WageDecree:
    """Compare what was read from the decree's text with what is stored; mark both checked when all agree.
    `regions` maps a zone's name to the region the decree's appendix gives it; each such zone's assignment under this
    decree is compared and marked too."""
    source, checked_by = source.strip(), checked_by.strip()
    if not source or not checked_by:
        raise ValidationError(_("Cần ghi rõ văn bản đã đối chiếu (nguồn, số Công báo) và người đối chiếu."))
    decree = WageDecree.objects.select_for_update().filter(number=number).first()
    if decree is None:
        raise ValidationError(_("Không có nghị định số %(number)s trong hệ thống.") % {"number": number})
    stored = {row.region: row for row in MinimumWage.objects.select_for_update().filter(decree=decree)}
    problems = []
    if decree.signed_on != signed_on:
        problems.append(
            _("ngày ban hành đã lưu %(stored)s, văn bản ghi %(read)s")
            % {"stored": format_date(decree.signed_on), "read": format_date(signed_on)}
        )
    for region in WageRegion:
        label = str(region.label)
        if region.value not in amounts:
            problems.append(_("thiếu mức của %(region)s") % {"region": label})
        elif region.value not in stored:
            problems.append(_("%(region)s chưa có mức đã lưu") % {"region": label})
        elif stored[region.value].monthly_amount != amounts[region.value]:
            problems.append(
                _("%(region)s: đã lưu %(stored)s, văn bản ghi %(read)s")
                % {
                    "region": label,
                    "stored": format_money(stored[region.value].monthly_amount),
                    "read": format_money(amounts[region.value]),
                }
            )
    assignments: list[WageRegionAssignment] = []
    for zone_name, zone_region in (regions or {}).items():
        assignment = (
            WageRegionAssignment.objects.select_for_update()
            .filter(decree=decree, zone__name=zone_name)
            .order_by("effective_from")
            .first()
        )
        if assignment is None:
            problems.append(_("%(zone)s chưa có vùng lương theo nghị định này") % {"zone": zone_name})
        elif assignment.region != zone_region:
            problems.append(
                _("%(zone)s: đã lưu %(stored)s, phụ lục ghi %(read)s")
                % {"zone": zone_name, "stored": assignment.get_region_display(), "read": WageRegion(zone_region).label}
            )
        else:
            assignments.append(assignment)
    if problems:
        raise ValidationError(
            _("Không đánh dấu đã đối chiếu nghị định %(number)s vì khác văn bản: %(problems)s.")
            % {"number": number, "problems": "; ".join(problems)}
        )
    note = _("Đã đối chiếu với %(source)s; người đối chiếu: %(who)s.") % {"source": source, "who": checked_by}
    rows: list[MinimumWage | WageRegionAssignment] = [*stored.values(), *assignments]
    for row in rows:
        if row.check_status != CheckStatus.VERIFIED:
            type(row)._default_manager.filter(pk=row.pk).update(
                check_status=CheckStatus.VERIFIED, version=row.version + 1
            )
            record_event(
                actor=None,
                action=AuditAction.UPDATE,
                obj=row,
                changes={"check_status": [str(CheckStatus.UNVERIFIED.label), str(CheckStatus.VERIFIED.label)]},
                note=note,
            )
    before = decree.check_status
    decree.check_status, decree.note = CheckStatus.VERIFIED, note
    decree.version += 1
    decree.save(update_fields=["check_status", "note", "version"])
    record_event(
        actor=None,
        action=AuditAction.UPDATE,
        obj=decree,
        changes={"check_status": [str(CheckStatus(before).label), str(CheckStatus.VERIFIED.label)]},
        note=note,
    )
    return decree


@transaction.atomic
def assign_wage_region(
    *, zone: Zone, region: str, effective_from: dt.date, decree_number: str, commune: str = "", note: str = ""
) -> WageRegionAssignment:
    """Record that a zone (or a commune inside it) is in a wage region from a date, as a decree's appendix lists.
    Unchecked until compared with the appendix; a second assignment of the zone on the same date is refused."""
    if region not in WageRegion.values:
        raise ValidationError(_("Vùng lương phải là một trong I, II, III, IV."))
    decree = WageDecree.objects.filter(number=decree_number).first()
    if decree is None:
        raise ValidationError(_("Không có nghị định số %(number)s trong hệ thống.") % {"number": decree_number})
    if effective_from < decree.effective_from:
        raise ValidationError(
            _("Ngày áp dụng %(day)s sớm hơn ngày nghị định %(number)s có hiệu lực (%(start)s).")
            % {"day": format_date(effective_from), "number": decree.number, "start": format_date(decree.effective_from)}
        )
    if WageRegionAssignment.objects.filter(zone=zone, effective_from=effective_from).exists():
        raise ValidationError(
            _("%(zone)s đã có vùng lương áp dụng từ ngày %(day)s.") % {"zone": zone, "day": format_date(effective_from)}
        )
    assignment = WageRegionAssignment.objects.create(
        zone=zone, region=region, effective_from=effective_from, decree=decree, commune=commune.strip()
    )
    record_event(
        actor=None, action=AuditAction.CREATE, obj=assignment, changes=diff({}, snapshot(assignment)), note=note
    )
    return assignment

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

from phoihop.core.audit import record_event
from phoihop.core.models import AuditAction
from phoihop.core.vnformat import format_date, format_money
from phoihop.workforce.choices import CheckStatus, WageRegion
from phoihop.workforce.models import MinimumWage, WageDecree


@transaction.atomic
def confirm_decree_text(
    *, number: str, signed_on: dt.date, amounts: Mapping[str, int], source: str, checked_by: str
) -> WageDecree:
    """Compare what was read from the decree's text with what is stored; mark both checked when all agree."""
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
    if problems:
        raise ValidationError(
            _("Không đánh dấu đã đối chiếu nghị định %(number)s vì khác văn bản: %(problems)s.")
            % {"number": number, "problems": "; ".join(problems)}
        )
    note = _("Đã đối chiếu với %(source)s; người đối chiếu: %(who)s.") % {"source": source, "who": checked_by}
    for row in stored.values():
        if row.check_status != CheckStatus.VERIFIED:
            MinimumWage.objects.filter(pk=row.pk).update(check_status=CheckStatus.VERIFIED, version=row.version + 1)
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

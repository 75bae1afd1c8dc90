"""What the bodies write: blocks, named figures, listings and their entries. Every placeholder and pattern is
checked when saved."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.services import create_record, delete_record, update_record
from phoihop.core.text import clean_text
from phoihop.reports import patterns, permissions, placeholders
from phoihop.reports.choices import ListingPeriod
from phoihop.reports.models import Listing, ListingEntry, Report, ReportBlock, ReportFigure, ReportSection
from phoihop.reports.services.common import (
    LISTING_FIELDS,
    NAME_PATTERN,
    check_part_open,
    clean,
    issuer_for,
    require,
    require_draft,
)
from phoihop.reports.sources import get_source

if TYPE_CHECKING:
    from phoihop.accounts.models import User
    from phoihop.directory.models import Agency
    from phoihop.indicators.models import Target


def check_text(report: Report, text: str, section: ReportSection | None = None) -> placeholders.ParsedBlock:
    from phoihop.reports.selectors import vocabulary_for

    parsed = placeholders.parse(text)
    placeholders.check(parsed, vocabulary_for(report, section=section))
    return parsed


@transaction.atomic
def create_block(
    *, actor: User, section: ReportSection, owner_agency: Agency, text: str, position: int | None = None
) -> ReportBlock:
    report = section.report
    require(permissions.can_draft_for(actor, report, owner_agency.pk))
    require_draft(report)
    if not section.takes_blocks:
        raise field_error(
            "section", _("Mục “%(title)s” chỉ là đề mục, không có đoạn.") % {"title": section.heading}, "heading_only"
        )
    check_part_open(report, owner_agency)
    cleaned = clean({"text": text}, ("text",))
    if not cleaned["text"]:
        raise field_error("text", _("Đoạn báo cáo không được để trống."), "required")
    check_text(report, cleaned["text"], section)
    if position is None:
        position = (section.blocks.aggregate(top=Max("position"))["top"] or 0) + 1
    block = ReportBlock(section=section, owner_agency=owner_agency, position=position, text=cleaned["text"])
    return create_record(actor=actor, instance=block)


@transaction.atomic
def update_block(*, actor: User, block: ReportBlock, data: Mapping[str, Any], expected_version: int) -> ReportBlock:
    report = block.section.report
    require(permissions.can_edit_block(actor, block))
    require_draft(report)
    check_part_open(report, block.owner_agency)
    cleaned = clean(data, ("text", "position"))
    if "text" in cleaned:
        if not cleaned["text"]:
            raise field_error("text", _("Đoạn báo cáo không được để trống."), "required")
        check_text(report, cleaned["text"], block.section)
    return update_record(actor=actor, instance=block, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_block(*, actor: User, block: ReportBlock, expected_version: int) -> None:
    require(permissions.can_edit_block(actor, block))
    require_draft(block.section.report)
    check_part_open(block.section.report, block.owner_agency)
    delete_record(actor=actor, instance=block, expected_version=expected_version)


# --- Named figures and listings -------------------------------------------------------------------------------


def _check_key(
    report: Report, key: str, field_name: str, *, listing: Listing | None = None, figure: ReportFigure | None = None
) -> None:
    if not NAME_PATTERN.match(key):
        raise field_error(
            field_name,
            _("Tên “%(key)s” chỉ được gồm chữ không dấu, số, “_” và “-”, bắt đầu bằng một chữ.") % {"key": key},
            "bad_name",
        )
    if key.lower() in {placeholders.PLAN, placeholders.REPORT, placeholders.DOCUMENT, placeholders.TASKS}:
        raise field_error(field_name, _("“%(key)s” là tên dành riêng.") % {"key": key}, "reserved_name")
    listings = report.listings.filter(key=key)
    figures = report.figures.filter(name=key)
    if listing is not None:
        listings = listings.exclude(pk=listing.pk)
    if figure is not None:
        figures = figures.exclude(pk=figure.pk)
    if listings.exists() or figures.exists():
        raise field_error(
            field_name, _("Báo cáo đã có số liệu hoặc danh sách mang tên “%(key)s”.") % {"key": key}, "duplicate_name"
        )


@transaction.atomic
def create_figure_name(*, actor: User, report: Report, name: str, target: Target) -> ReportFigure:
    require(permissions.can_name_figures(actor, report))
    name = clean_text(name)
    _check_key(report, name, "name")
    if target.plan_id != report.plan_id:
        raise field_error("target", _("Chỉ tiêu đã chọn không thuộc kế hoạch của báo cáo."), "target_not_in_plan")
    return create_record(actor=actor, instance=ReportFigure(report=report, name=name, target=target))


@transaction.atomic
def delete_figure_name(*, actor: User, figure: ReportFigure, expected_version: int) -> None:
    report = figure.report
    require(permissions.can_name_figures(actor, report))
    _ensure_unused(report, figure.name)
    delete_record(actor=actor, instance=figure, expected_version=expected_version)


def _ensure_unused(report: Report, name: str) -> None:
    pattern = re.compile(
        r"(\{\{\s*" + re.escape(name) + r"(\.[a-z_]+)?\s*\}\}|\[\[[a-z_]+:\s*" + re.escape(name) + r"\s*\]\])"
    )
    for block in ReportBlock.objects.filter(section__report=report):
        if pattern.search(block.text):
            raise ValidationError(
                _("“%(name)s” đang được dùng trong đoạn “%(block)s”; hãy bỏ nó khỏi đoạn trước.")
                % {"name": name, "block": block},
                code="in_use",
            )


def _check_listing(report: Report, cleaned: dict[str, Any], listing: Listing | None) -> None:
    key = cleaned.get("key", listing.key if listing else "")
    _check_key(report, key, "key", listing=listing)
    source = get_source(cleaned.get("source", listing.source if listing else ""))
    source.validate_filter(cleaned.get("record_filter", listing.record_filter if listing else {}) or {})
    mode = cleaned.get("period_mode", listing.period_mode if listing else ListingPeriod.REPORTING_PERIOD)
    if not source.dated and mode != ListingPeriod.CURRENT:
        raise field_error(
            "period_mode",
            _("Nguồn “%(source)s” liệt kê bản ghi theo hiện trạng; hãy chọn “%(label)s”.")
            % {"source": source.label, "label": ListingPeriod.CURRENT.label},
            "undated_source",
        )
    value_field = cleaned.get("value_field", listing.value_field if listing else "")
    if value_field:
        source.value_unit(value_field)
    pattern = cleaned.get("pattern", listing.pattern if listing else "")
    if not pattern.strip():
        raise field_error("pattern", _("Hãy ghi mẫu câu cho mỗi bản ghi, ví dụ {ten}."), "required")
    patterns.check(patterns.parse(pattern), source.fields())
    intro = cleaned.get("intro", listing.intro if listing else "")
    if intro.strip():
        from phoihop.reports.selectors import vocabulary_for

        vocabulary = vocabulary_for(report)
        vocabulary.listings = [*vocabulary.listings, key]
        placeholders.check(placeholders.parse(intro.replace("\n", " ")), vocabulary)


@transaction.atomic
def create_listing(*, actor: User, report: Report, data: Mapping[str, Any]) -> Listing:
    cleaned = clean(data, LISTING_FIELDS)
    owner = cleaned.get("owner_agency")
    if owner is None:
        raise field_error("owner_agency", _("Hãy chọn cơ quan soạn danh sách."), "required")
    require(permissions.can_draft_for(actor, report, owner.pk))
    check_part_open(report, owner)
    _check_listing(report, cleaned, None)
    return create_record(actor=actor, instance=Listing(report=report, **cleaned))


@transaction.atomic
def update_listing(*, actor: User, listing: Listing, data: Mapping[str, Any], expected_version: int) -> Listing:
    require(permissions.can_edit_listing(actor, listing))
    check_part_open(listing.report, listing.owner_agency)
    cleaned = clean(data, LISTING_FIELDS)
    if "owner_agency" in cleaned:
        require(permissions.can_draft_for(actor, listing.report, cleaned["owner_agency"].pk))
        issuer_for(listing.report, cleaned["owner_agency"])
    if "key" in cleaned and cleaned["key"] != listing.key:
        _ensure_unused(listing.report, listing.key)
    _check_listing(listing.report, cleaned, listing)
    return update_record(actor=actor, instance=listing, data=cleaned, expected_version=expected_version)


@transaction.atomic
def delete_listing(*, actor: User, listing: Listing, expected_version: int) -> None:
    require(permissions.can_edit_listing(actor, listing))
    check_part_open(listing.report, listing.owner_agency)
    _ensure_unused(listing.report, listing.key)
    delete_record(actor=actor, instance=listing, expected_version=expected_version)


@transaction.atomic
def set_entry(*, actor: User, listing: Listing, record_id: int, position: int = 0, pattern: str = "") -> ListingEntry:
    """Place one record of a listing (its order) and, if its sentence differs, give it its own pattern."""
    require(permissions.can_edit_listing(actor, listing))
    check_part_open(listing.report, listing.owner_agency)
    pattern = clean({"pattern": pattern}, ("pattern",))["pattern"]
    if pattern:
        patterns.check(patterns.parse(pattern), get_source(listing.source).fields())
    entry = listing.entries.filter(record_id=record_id).first()
    if entry is None:
        return create_record(
            actor=actor, instance=ListingEntry(listing=listing, record_id=record_id, position=position, pattern=pattern)
        )
    return update_record(
        actor=actor, instance=entry, data={"position": position, "pattern": pattern}, expected_version=entry.version
    )


@transaction.atomic
def delete_entry(*, actor: User, entry: ListingEntry, expected_version: int) -> None:
    require(permissions.can_edit_listing(actor, entry.listing))
    check_part_open(entry.listing.report, entry.listing.owner_agency)
    delete_record(actor=actor, instance=entry, expected_version=expected_version)


@transaction.atomic
def update_figure_name(
    *, actor: User, figure: ReportFigure, data: Mapping[str, Any], expected_version: int
) -> ReportFigure:
    """Rename a named figure or point it at another line of the plan. A name still written in a block is not
    renamed (the block would name nothing): take it out of the block first, as before deleting it."""
    report = figure.report
    require(permissions.can_name_figures(actor, report))
    cleaned = clean(data, ("name", "target"))
    if "name" in cleaned and cleaned["name"] != figure.name:
        _check_key(report, cleaned["name"], "name", figure=figure)
        _ensure_unused(report, figure.name)
    target = cleaned.get("target")
    if target is not None and target.plan_id != report.plan_id:
        raise field_error("target", _("Chỉ tiêu đã chọn không thuộc kế hoạch của báo cáo."), "target_not_in_plan")
    return update_record(actor=actor, instance=figure, data=cleaned, expected_version=expected_version)

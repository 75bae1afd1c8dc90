"""Pieces of text the builder generates from the plan: the statement of the items left undone, the rows behind
plan and document figures, and the finishing of paragraphs (runs merged, the closing "./.")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from phoihop.core.vnformat import format_count
from phoihop.planning.choices import ItemStatus
from phoihop.planning.citation import citation
from phoihop.reports.builders.data import BlockData, ParagraphData, Provenance, Run, SectionData

if TYPE_CHECKING:
    from phoihop.planning.models import Document, PlanItem


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?", ":")) else f"{text}."


def merge_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Adjacent plain runs with the same emphasis become one (Word would show them the same anyway)."""
    merged: list[Run] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not run.figure
            and not last.figure
            and not run.note
            and not last.note
            and (last.bold, last.italic) == (run.bold, run.italic)
        ):
            merged[-1] = Run(text=last.text + run.text, bold=run.bold, italic=run.italic)
        else:
            merged.append(run)
    return tuple(merged)


def end_with_full_stop(sections: tuple[SectionData, ...]) -> tuple[SectionData, ...]:
    """The body ends with "./.", as administrative documents do."""
    for s_index in range(len(sections) - 1, -1, -1):
        section = sections[s_index]
        for b_index in range(len(section.blocks) - 1, -1, -1):
            block = section.blocks[b_index]
            if not block.paragraphs:
                continue
            last = block.paragraphs[-1]
            runs = list(last.runs)
            for r_index in range(len(runs) - 1, -1, -1):
                run = runs[r_index]
                if run.note or not run.text.strip():
                    continue
                text = run.text.rstrip()
                if not text.endswith("./."):
                    text = (text[:-1] if text.endswith(".") else text) + "./."
                    if run.figure:
                        runs.insert(r_index + 1, Run(text=text[len(run.text.rstrip()) :]))
                    else:
                        runs[r_index] = Run(text=text, bold=run.bold, italic=run.italic)
                break
            paragraphs = (*block.paragraphs[:-1], ParagraphData(tuple(runs), last.block_id))
            blocks = (*section.blocks[:b_index], replace_block(block, paragraphs), *section.blocks[b_index + 1 :])
            new_section = SectionData(
                section.section_id, section.kind, section.level, section.number, section.title, blocks
            )
            return (*sections[:s_index], new_section, *sections[s_index + 1 :])
    return sections


def replace_block(block: BlockData, paragraphs: tuple[ParagraphData, ...]) -> BlockData:
    return BlockData(block.block_id, block.owner_code, block.owner_name, block.source, paragraphs)


def item_row(item: PlanItem) -> Provenance:
    return Provenance(
        source="Nội dung phối hợp",
        label=f"{item.number}. {item.title}",
        value=item.get_status_display(),
        agency=item.lead_agency.name if item.lead_agency_id else "",
        url=item.get_absolute_url(),
        note=item.not_done_reason or item.carry_over_reason,
    )


def document_row(document: Document) -> Provenance:
    return Provenance(
        source="Sổ văn bản",
        label=citation(document, with_issuer=True),
        value=document.reference,
        date=document.issued_on.isoformat() if document.issued_on else "",
        url=document.get_absolute_url(),
    )


def not_done_statement(items: list[PlanItem]) -> str:
    """ "Còn 01 nội dung phối hợp chưa được triển khai: <nội dung>." and, on its own line, "Nguyên nhân: …" — with
    one line per item when several are left and their reasons differ."""
    if not items:
        return "Các nội dung phối hợp của kế hoạch đều đã được triển khai."
    started = any(item.status == ItemStatus.IN_PROGRESS for item in items)
    state = "chưa hoàn thành" if started else "chưa được triển khai"
    count = format_count(len(items))
    reasons = [(item.not_done_reason or item.carry_over_reason).strip() for item in items]
    if len(items) == 1:
        lines = [f"Còn {count} nội dung phối hợp {state}: {sentence(capitalise(items[0].title))}"]
        if reasons[0]:
            lines.append(f"Nguyên nhân: {sentence(reasons[0])}")
        return "\n".join(lines)
    lines = [f"Còn {count} nội dung phối hợp {state}:"]
    same = len(set(reasons)) == 1
    for item, reason in zip(items, reasons, strict=True):
        line = f"- {sentence(capitalise(item.title))}"
        if reason and not same:
            line += f" Nguyên nhân: {sentence(reason)}"
        lines.append(line)
    if same and reasons[0]:
        lines.append(f"Nguyên nhân: {sentence(reasons[0])}")
    return "\n".join(lines)

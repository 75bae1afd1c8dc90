"""The annual results report builder: the report's blocks, with every placeholder replaced by its figure, and its
listings as footnotes, gathered into a frozen ReportData.

Everything is read through `selectors.report_inputs` (a fixed number of queries) and the listings' sources (one or
two queries per listing), so the number of queries does not grow with the number of records. A final report is not
built again: its stored snapshot is returned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldError, ValidationError
from django.utils import timezone

from phoihop.core.charts import ChartSpec
from phoihop.core.plugins import providers
from phoihop.core.text import lower_first, nfc
from phoihop.core.vnformat import (
    Rounding,
    format_count,
    format_date_phrase,
    format_fraction,
    format_money,
    format_money_range,
    format_number,
)
from phoihop.indicators.choices import Measure, UnitKind
from phoihop.planning.choices import ItemStatus
from phoihop.planning.citation import citation, kind_label, reference_key, split_reference
from phoihop.reports import patterns, placeholders
from phoihop.reports.builders.data import (
    BlockData,
    Figure,
    ListingData,
    ListingRow,
    NoteData,
    ParagraphData,
    Provenance,
    ReportData,
    Run,
    SectionData,
    SignerData,
)
from phoihop.reports.builders.text import (
    capitalise,
    document_row,
    end_with_full_stop,
    item_row,
    merge_runs,
    not_done_statement,
    sentence,
)
from phoihop.reports.choices import ListingPeriod, ReportStatus
from phoihop.reports.sources import Window, get_source, report_reader

if TYPE_CHECKING:
    from phoihop.indicators.progress import IndicatorProgress
    from phoihop.reports.models import Listing, Report, ReportBlock, ReportSection
    from phoihop.reports.selectors import ReportInputs
    from phoihop.reports.sources import SourceRow

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
Progress = Callable[[str, int], None]


def build_report_data(
    report: Report,
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    approved_only: bool | None = None,
    with_provenance: bool = True,
) -> ReportData:
    """The report's data: from its snapshot when final, computed from the records otherwise.

    `with_provenance=False` leaves out the rows each figure is made of (the HTML's "Nguồn của từng số liệu", the
    checker's unapproved periods): a Word or PDF document prints none of them, and they are the part of the build
    that grows with the records. The document is the same either way (tests/reports/test_build_queries.py).

    The data policy: the build that freezes a report (`approved_only=True`) counts only the reported values whose
    body's period is approved; a draft counts every value and names, in each figure, the periods not approved yet
    (the preview marks them, the checker lists them as errors, so the leaders cannot sign on them)."""
    if report.status == ReportStatus.FINAL and report.snapshot:
        return ReportData.from_json(report.snapshot)
    from phoihop.reports.selectors import report_inputs

    if approved_only is None:
        approved_only = report.status == ReportStatus.FINAL
    if progress:
        progress("Đang thu thập số liệu từ các phân hệ", 10)
    inputs = report_inputs(report, today=today, approved_only=approved_only, with_provenance=with_provenance)
    if progress:
        progress("Đang ghép số liệu vào các đoạn báo cáo", 35)
    return _Builder(inputs, today=today or timezone.localdate()).build()


# The provider of the annex's charts: `annex(plan=, progress=, as_of=, reader=) -> list[ChartSpec]`.
ANNEX_PROVIDER = "reports:annex_charts"


class _Builder:
    def __init__(self, inputs: ReportInputs, *, today: dt.date) -> None:
        self.inputs = inputs
        self.report = inputs.report
        self.plan = inputs.plan
        self.today = today
        self.rounding = Rounding(self.report.rounding)
        self.lines = {line.target_id: line for line in inputs.progress.lines}
        self.figures: dict[str, Figure] = {}
        self.notes: list[NoteData] = []
        self.listing_data: dict[str, ListingData] = {}
        self.measure_inputs: dict[str, tuple[Listing, Sequence[SourceRow], dict[int, str], str | None]] = {}
        # The rows behind each indicator line, made once however many of its figures the report prints.
        self.line_provenance: dict[int, tuple[Provenance, ...]] = {}
        self.vocabulary = placeholders.Vocabulary(
            figures={f.name: f.target_id for f in inputs.figures},
            indicators=self._indicator_lines(),
            listings=[listing.key for listing in inputs.listings],
            documents={key: doc.reference for key, doc in inputs.documents.items()},
            has_plan_document=self.plan.document_id is not None,
            tasks_allowed=True,
        )

    def _indicator_lines(self) -> dict[str, list[tuple[int, str]]]:
        lines: dict[str, list[tuple[int, str]]] = {}
        for line in self.inputs.progress.lines:
            if line.target_id is not None:
                lines.setdefault(line.code, []).append((line.target_id, line.agency_name))
        return lines

    # --- the whole report -------------------------------------------------------------------------------------
    def build(self) -> ReportData:
        for listing in self.inputs.listings:
            self.listing_data[listing.key] = self._listing(listing)
        sections = self._sections()
        sections = end_with_full_stop(sections)
        report = self.report
        return ReportData(
            report_id=report.pk,
            plan_year=self.plan.year,
            period_start=self.plan.period_start.isoformat(),
            period_end=self.plan.counted_until.isoformat(),
            status=report.status,
            title=str(report),
            doc_code=report.doc_code,
            symbol=report.symbol,
            number=report.number,
            place=report.place,
            issue_date=report.issue_date.isoformat() if report.issue_date else "",
            issue_year=report.issue_date.year if report.issue_date else report.issue_year,
            draft=report.draft_mark and report.status != ReportStatus.FINAL,
            rounding=report.rounding,
            summary_lines=tuple(report.summary_lines),
            recipients=tuple(report.recipient_lines),
            issuers=tuple(
                SignerData(
                    agency_code=issuer.agency.short_code,
                    agency_name=issuer.agency.name,
                    header_lines=tuple(issuer.header),
                    profile=issuer.profile,
                    authority=issuer.authority,
                    office=issuer.office,
                    signer_title=issuer.signer_title,
                    signer_name=issuer.signer_name,
                    organisation=issuer.organisation,
                )
                for issuer in self.inputs.issuers
            ),
            sections=sections,
            figures=dict(self.figures),
            listings=dict(self.listing_data),
            notes=tuple(self.notes),
            violations=tuple(v.text for v in self.inputs.progress.violations),
            built_at=timezone.now().isoformat(),
            annex=self._annex() if report.data_annex else (),
        )

    def _annex(self) -> tuple[ChartSpec, ...]:
        """The charts of the "Phụ lục số liệu", from the app that offers them (the dashboard): the same indicator
        lines this report prints, the plan's items, the period's worker cases. None when no app offers them."""
        annex = providers.get(ANNEX_PROVIDER)
        if annex is None:
            return ()
        as_of = min(self.today, self.plan.period_end)
        charts = annex(plan=self.plan, progress=self.inputs.progress, as_of=as_of, reader=report_reader())
        return tuple(charts)

    def _sections(self) -> tuple[SectionData, ...]:
        out: list[SectionData] = []
        part = level2 = level3 = 0
        for section in self.inputs.sections:
            level = section.level
            if level == 1:
                part += 1
                level2 = 0
                number = ROMAN[part - 1] if part <= len(ROMAN) else str(part)
            elif level == 2:
                level2 += 1
                level3 = 0
                number = str(level2)
            elif level == 3:
                level3 += 1
                number = f"{level2}.{level3}"
            else:
                number = ""
            blocks = tuple(self._block(section, block) for block in section.blocks.all())
            out.append(
                SectionData(
                    section_id=section.pk,
                    kind=section.kind,
                    level=level,
                    number=number,
                    title=nfc(section.heading),
                    blocks=blocks,
                )
            )
        return tuple(out)

    # --- blocks -----------------------------------------------------------------------------------------------
    def _block(self, section: ReportSection, block: ReportBlock) -> BlockData:
        paragraphs: list[ParagraphData] = []
        try:
            parsed = placeholders.parse(block.text)
        except ValidationError as exc:  # text saved before a rule changed: shown, and the checker lists it
            message = " ".join(getattr(exc, "messages", [str(exc)]))
            paragraphs.append(ParagraphData((Run(text=f"[{message}]"),), block.pk))
            parsed = placeholders.ParsedBlock(())
        for tokens in parsed.paragraphs:
            paragraphs.extend(self._paragraphs(tokens, section, block.pk))
        return BlockData(
            block_id=block.pk,
            owner_code=block.owner_agency.short_code,
            owner_name=block.owner_agency.name,
            source=block.text,
            paragraphs=tuple(paragraphs),
        )

    def _paragraphs(
        self, tokens: tuple[placeholders.Token, ...], section: ReportSection, block_id: int
    ) -> list[ParagraphData]:
        """One line of a block; a generated value spanning paragraphs ("Còn 01 nội dung…" and its reason) splits it."""
        paragraphs: list[list[Run]] = [[]]
        for token in tokens:
            if token.listing:
                listing = self.listing_data.get(token.listing)
                text = listing.text if listing else f"[không có danh sách {token.listing}]"
                if token.footnote:
                    number = len(self.notes) + 1
                    self.notes.append(NoteData(number=number, listing=token.listing, text=text, block_id=block_id))
                    paragraphs[-1].append(Run(note=number))
                else:
                    paragraphs[-1].append(Run(text=text, bold=token.bold, italic=token.italic))
                continue
            if token.ref is None:
                paragraphs[-1].append(Run(text=nfc(token.text), bold=token.bold, italic=token.italic))
                continue
            figure = self.figure(token.ref, section)
            for index, piece in enumerate(figure.text.split("\n")):
                if index:
                    paragraphs.append([])
                if piece:
                    paragraphs[-1].append(Run(text=piece, bold=token.bold, italic=token.italic, figure=figure.key))
        return [ParagraphData(merge_runs(runs), block_id) for runs in paragraphs if runs]

    # --- figures ----------------------------------------------------------------------------------------------
    def figure(self, ref: placeholders.Ref, section: ReportSection | None = None) -> Figure:
        key = ref.key
        if ref.kind == "tasks" and section is not None:
            key = f"{key}@{section.pk}"
        if key not in self.figures:
            try:
                placeholders.check(placeholders.ParsedBlock(((placeholders.Token(ref=ref),),)), self.vocabulary)
            except ValidationError as exc:  # a name that no longer exists: shown bracketed, listed by the checker
                message = " ".join(getattr(exc, "messages", [str(exc)]))
                self.figures[key] = Figure(key=key, kind=ref.kind, label=ref.key, text=f"[{ref.key}]", error=message)
            else:
                self.figures[key] = self._compute(ref, key, section)
        return self.figures[key]

    def _compute(self, ref: placeholders.Ref, key: str, section: ReportSection | None) -> Figure:
        if ref.kind == "plan":
            return self._plan_figure(ref, key)
        if ref.kind == "report":
            return Figure(
                key=key,
                kind="report",
                label="Số cơ quan ban hành",
                text=format_count(len(self.inputs.issuers)),
                value=str(len(self.inputs.issuers)),
            )
        if ref.kind == "document":
            return self._document_figure(ref, key)
        if ref.kind == "tasks":
            return self._tasks_figure(ref, key, section)
        if ref.name in self.listing_data:
            listing = self.listing_data[ref.name]
            if ref.attr in placeholders.MEASURE_ATTRS:
                inputs = self.measure_inputs.get(ref.name)
                found = measures(*inputs[:3], unit=inputs[3]).get(ref.attr) if inputs is not None else None
                if found is not None:
                    return found
                return Figure(
                    key=key,
                    kind="listing",
                    label=listing.title,
                    text=f"[{ref.key}]",
                    error=listing.error or f"Danh sách “{listing.title}” chưa chọn trường số để tính.",
                )
            return Figure(
                key=key,
                kind="listing",
                label=listing.title,
                text=format_count(listing.count),
                value=str(listing.count),
                error=listing.error,
                provenance=tuple(
                    Provenance(source=listing.title, label=row.text, date=row.date, url=row.url) for row in listing.rows
                ),
            )
        target_id = placeholders.target_of(ref, self.vocabulary)
        line = self.lines.get(target_id) if target_id is not None else None
        if line is None:
            return Figure(
                key=key,
                kind="indicator",
                label=ref.name,
                text=f"[{ref.key}]",
                error=f"Số liệu “{ref.name}” không còn dòng chỉ tiêu trong kế hoạch.",
            )
        return self._indicator_figure(ref, key, line)

    def _indicator_figure(self, ref: placeholders.Ref, key: str, line: IndicatorProgress) -> Figure:
        label = f"{line.name}" + (f" — {line.agency_name}" if line.agency_name else "")
        rows = self.inputs.provenance.get(line.target_id or 0, ())
        unapproved = tuple(
            dict.fromkeys(
                f"{lower_first(row.label)} của {row.agency_name}"
                for row in rows
                if row.source == "value" and not row.approved
            )
        )
        provenance = self.line_provenance.get(line.target_id or 0)
        if provenance is None:
            provenance = self.line_provenance[line.target_id or 0] = tuple(
                Provenance(
                    source=row.source_label,
                    label=row.label,
                    value=format_number(row.value),
                    date=row.date.isoformat() if row.date else "",
                    agency=row.agency_name,
                    url=row.url,
                    note=" · ".join(part for part in (row.status, row.note) if part),
                    approved=row.approved,
                )
                for row in rows
            )
        target = format_number(line.target) if line.target is not None else ""
        ratio = line.percent_text(self.rounding) if line.target else ""

        def make(text: str, value: str = "", error: str = "") -> Figure:
            shown = f"[{ref.key}]" if error else text
            return Figure(
                key=key,
                kind="indicator",
                label=label,
                text=shown,
                value=value,
                target=target,
                ratio=ratio,
                error=error,
                provenance=provenance,
                unapproved=unapproved,
            )

        no_data = f"“{line.name}” chưa có số liệu trong kỳ."
        no_target = f"“{line.name}” chưa có kế hoạch năm nên không tính được tỷ lệ."
        if line.measure == Measure.RANGE_OF_VALUES:
            if line.low is None or line.high is None:
                return make("", error=no_data)
            actual_text, value = line.actual_text, f"{line.low}-{line.high}"
        else:
            if line.actual is None:
                return make("", error=no_data)
            money = line.unit_kind == UnitKind.VND
            actual_text = format_money(line.actual) if money else format_number(line.actual, pad=2)
            value = str(line.actual)
        attr = ref.attr
        has_target = line.target is not None and line.measure != Measure.RANGE_OF_VALUES
        if attr in ("ty_le", "dat") and not ratio:
            return make("", value, no_target)
        if attr in ("ke_hoach", "phan_so") and not has_target:
            return make("", value, f"“{line.name}” chưa có kế hoạch năm.")
        if attr == "ke_hoach":
            return make(format_number(line.target or 0, pad=2), value)
        if attr == "ty_le":
            return make(ratio, value)
        if attr == "dat":
            return make(f"đạt {ratio} kế hoạch", value)
        if attr == "phan_so" or (attr == "" and has_target):
            return make(format_fraction(Decimal(value), line.target or 0, pad=2), value)
        return make(actual_text, value)

    def _plan_figure(self, ref: placeholders.Ref, key: str) -> Figure:
        items = self.inputs.items
        done = [item for item in items if item.status == ItemStatus.DONE]
        open_items = [item for item in items if item.status != ItemStatus.DONE]
        document = self.plan.document
        provenance = tuple(item_row(item) for item in items)
        attr = ref.attr
        cite = citation(document) if document is not None else str(self.plan)
        values: dict[str, str] = {
            "so_hieu": cite,
            "trich_yeu": citation(document, with_title=True) if document is not None else str(self.plan),
            "hoan_thanh": format_fraction(len(done), len(items), pad=2),
            "da_hoan_thanh": format_count(len(done)),
            "so_noi_dung": format_count(len(items)),
            "chua_hoan_thanh": format_count(len(open_items)),
            "ket_qua": f"Hoàn thành {format_fraction(len(done), len(items), pad=2)} nội dung phối hợp tại {cite}",
            "chua_trien_khai": not_done_statement(open_items),
            "nam": str(self.plan.year),
            "nam_sau": str(self.plan.year + 1),
            "giai_doan": self.plan.programme.years_text if self.plan.programme else "",
        }
        labels = placeholders.PLAN_ATTRS
        if attr in ("so_hieu", "trich_yeu", "nam", "nam_sau", "giai_doan"):
            provenance = (document_row(document),) if document is not None else ()
        elif attr == "chua_trien_khai":
            provenance = tuple(item_row(item) for item in open_items)
        return Figure(
            key=key,
            kind="plan",
            label=f"{self.plan}: {labels.get(attr, attr)}",
            text=values[attr],
            value=values[attr],
            provenance=provenance,
        )

    def _document_figure(self, ref: placeholders.Ref, key: str) -> Figure:
        document = self.inputs.documents.get(reference_key(*split_reference(ref.name)))
        if document is None:
            return Figure(
                key=key,
                kind="document",
                label=ref.name,
                text=f"[{ref.name}]",
                error=f"Văn bản “{ref.name}” chưa có trong sổ văn bản.",
            )
        attr = ref.attr
        if attr == "day_du":
            text = citation(document, with_issuer=True, with_title=True)
        elif attr == "co_quan":
            text = citation(document, with_issuer=True)
        elif attr == "ten":
            text = f"{kind_label(document)} số {document.reference}"
        elif attr == "so_hieu":
            text = document.reference
        elif attr == "ngay":
            text = format_date_phrase(document.issued_on) if document.issued_on else ""
        else:
            text = citation(document)
        return Figure(
            key=key,
            kind="document",
            label=citation(document),
            text=text,
            value=document.reference,
            provenance=(document_row(document),),
        )

    def _tasks_figure(self, ref: placeholders.Ref, key: str, section: ReportSection | None) -> Figure:
        area_id = section.area_id if section is not None else None
        items = [item for item in self.inputs.next_items if item.area_id == area_id]
        if ref.attr == "chuyen_tiep":
            items = [item for item in items if item.carried_from_id]
        lines = []
        for item in items:
            text = f"- {sentence(capitalise(item.title))}"
            if item.carried_from_id and item.carried_from is not None:
                text = text.rstrip(".") + f" (chuyển tiếp từ Kế hoạch năm {item.carried_from.plan.year})."
            lines.append(text)
        return Figure(
            key=key,
            kind="tasks",
            label="Nhiệm vụ năm sau",
            text="\n".join(lines),
            provenance=tuple(item_row(item) for item in items),
        )

    # --- listings ---------------------------------------------------------------------------------------------
    def _window(self, listing: Listing) -> Window:
        if listing.period_mode == ListingPeriod.CURRENT:
            return Window(None, None)
        start = self.plan.period_start
        if listing.period_mode == ListingPeriod.UNTIL_REPORT:
            return Window(start, self.report.issue_date or self.today)
        return Window(start, self.plan.counted_until)

    def _listing(self, listing: Listing) -> ListingData:
        base = {
            "key": listing.key,
            "title": listing.title,
            "source": listing.source,
            "period_mode": listing.period_mode,
        }
        try:
            source = get_source(listing.source)
            default = patterns.parse(listing.pattern)
            overrides = {
                entry.record_id: patterns.parse(entry.pattern)
                for entry in listing.entries.all()
                if entry.pattern.strip()
            }
            # Each record's sentence reads only its own fields: the listing's, or its entry's where it has one.
            default_fields = frozenset(patterns.fields_of(default))
            own_fields = {record_id: frozenset(patterns.fields_of(parts)) for record_id, parts in overrides.items()}
            used = set(default_fields).union(*own_fields.values())
            scope = None
            if listing.agency_id is not None:
                scope = self.inputs.scopes.get(listing.agency_id, frozenset({listing.agency_id}))
            result = source.rows(
                record_filter=listing.record_filter or {},
                agency=listing.agency,
                agency_ids=scope,
                window=self._window(listing),
                used=sorted(used),
                value_field=listing.value_field,
                fields_of_row=lambda record_id: own_fields.get(record_id, default_fields),
            )
            unit = source.value_unit(listing.value_field) if listing.value_field else None
        # A listing's filter is data the secretariat typed: a field or value that no longer fits is a finding for
        # the checker, not a crash. Anything else is a bug and fails the build with its traceback.
        except (ValidationError, FieldError, ValueError) as exc:
            message = " ".join(getattr(exc, "messages", [str(exc)]))
            return ListingData(
                **base, intro=listing.intro, text=f"[{listing.key}: {message}]", rows=(), count=0, error=message
            )
        positions = {entry.record_id: entry.position for entry in listing.entries.all()}
        order = sorted(range(len(result.rows)), key=lambda i: (positions.get(result.rows[i].record_id, 10_000), i))
        period_start, period_end = self.plan.period_start, self.plan.period_end
        rows = []
        for index in order:
            row = result.rows[index]
            parts = overrides.get(row.record_id, default)
            text = patterns.render(parts, patterns.values_from(row.values))
            rows.append(
                ListingRow(
                    record_id=row.record_id,
                    text=text,
                    date=row.date.isoformat() if row.date else "",
                    url=row.url,
                    out_of_period=row.date is not None and not (period_start <= row.date <= period_end),
                )
            )
        count = result.count
        # The intro may print the listing's own count ({{KEY.so_luong}}): register it before filling the intro.
        self.listing_data[listing.key] = ListingData(**base, intro="", text="", rows=tuple(rows), count=count)
        if result.provenance:
            behind = tuple(Provenance(source=listing.title, label=r.label, url=r.url) for r in result.provenance)
        else:
            behind = tuple(Provenance(source=listing.title, label=r.text, url=r.url, date=r.date) for r in rows)
        self.figures[f"{listing.key}.so_luong"] = Figure(
            key=f"{listing.key}.so_luong",
            kind="listing",
            label=listing.title,
            text=format_count(count),
            value=str(count),
            provenance=behind,
        )
        # The measures over its records ({{KEY.khoang}}…) are computed when a block names them.
        self.measure_inputs[listing.key] = (listing, result.rows, {row.record_id: row.text for row in rows}, unit)
        intro = self._plain(listing.intro)
        text = patterns.join_rows(
            [r.text for r in rows], intro=intro, separator=listing.separator, ending=listing.ending
        )
        return ListingData(**base, intro=intro, text=text, rows=tuple(rows), count=count)

    def _plain(self, text: str) -> str:
        """A listing's intro with its placeholders filled (footnotes are plain text)."""
        if not text.strip():
            return ""
        parsed = placeholders.parse(text.replace("\n", " "))
        out: list[str] = []
        for tokens in parsed.paragraphs:
            for token in tokens:
                if token.ref is not None:
                    out.append(self.figure(token.ref).text)
                elif token.listing:
                    listing = self.listing_data.get(token.listing)
                    out.append(listing.text if listing else "")
                else:
                    out.append(token.text)
        return nfc("".join(out)).strip() + (" " if text.endswith(" ") else "")


# --- measures over a listing's records ------------------------------------------------------------------------------


def measures(
    listing: Listing, rows: Sequence[SourceRow], texts: Mapping[int, str], *, unit: str | None
) -> dict[str, Figure]:
    """The figures a listing's records give besides their count: over its value field the range (lowest - highest),
    the lowest, the highest, the sum, the sum counting each enterprise once (its largest value: the same workers
    helped twice are not counted twice); and the number of different enterprises. Each with its rows as provenance
    (the record's sentence, its value and a link to it), so the preview links the figure to the records."""
    found: dict[str, Figure] = {}
    money = unit == UnitKind.VND

    def amount(value: Decimal) -> str:
        return format_money(value) if money else format_number(value)

    def row_of(row: SourceRow, value: str = "", note: str = "") -> Provenance:
        return Provenance(
            source=listing.title,
            label=texts.get(row.record_id) or row.label or f"Bản ghi số {row.record_id}",
            value=value,
            date=row.date.isoformat() if row.date else "",
            url=row.url,
            note=note,
        )

    def figure(attr: str, text: str, value: str, provenance: Iterable[Provenance], error: str = "") -> None:
        label = f"{listing.title}: {placeholders.LISTING_ATTRS[attr]}"
        found[attr] = Figure(
            key=f"{listing.key}.{attr}",
            kind="listing",
            label=label,
            text=f"[{listing.key}.{attr}]" if error else text,
            value=value,
            error=error,
            provenance=tuple(provenance),
        )

    enterprises = [row.enterprise for row in rows if row.enterprise is not None]
    seen: set[Any] = set()
    enterprise_rows = []
    for row in rows:
        if row.enterprise is None:
            enterprise_rows.append(row_of(row, "0", "Không ghi doanh nghiệp, không được đếm."))
        elif row.enterprise in seen:
            enterprise_rows.append(row_of(row, "0", "Cùng doanh nghiệp đã được đếm ở dòng trước."))
        else:
            seen.add(row.enterprise)
            enterprise_rows.append(row_of(row, "1"))
    count = len(set(enterprises))
    figure("so_doanh_nghiep", format_count(count), str(count), enterprise_rows)
    if not listing.value_field:
        return found
    valued = [(row, row.number) for row in rows if row.number is not None]
    if not valued:
        error = f"Danh sách “{listing.title}” chưa có bản ghi nào ghi trường {listing.value_field} trong kỳ."
        for attr in ("khoang", "thap_nhat", "cao_nhat", "tong", "tong_khong_trung"):
            figure(attr, "", "", (), error)
        return found
    low = min(number for _row, number in valued)
    high = max(number for _row, number in valued)
    total = sum((number for _row, number in valued), Decimal(0))

    def ends(row: SourceRow, number: Decimal) -> str:
        return " · ".join(word for word, hit in (("thấp nhất", number == low), ("cao nhất", number == high)) if hit)

    ranged = [row_of(row, amount(number), ends(row, number)) for row, number in valued]
    if low == high:
        range_text = amount(low)
    else:
        range_text = format_money_range(low, high) if money else f"{format_number(low)} - {format_number(high)}"
    figure("khoang", range_text, f"{low}-{high}", ranged)
    figure("thap_nhat", amount(low), str(low), ranged)
    figure("cao_nhat", amount(high), str(high), ranged)
    total_text = format_money(total) if money else format_number(total, pad=2)
    figure("tong", total_text, str(total), [row_of(row, amount(number)) for row, number in valued])
    largest: dict[Any, tuple[SourceRow, Decimal]] = {}
    for row, number in valued:
        group = row.enterprise if row.enterprise is not None else ("row", row.record_id)
        if group not in largest or number > largest[group][1]:
            largest[group] = (row, number)
    kept = {row.record_id for row, _number in largest.values()}
    once = sum((number for _row, number in largest.values()), Decimal(0))
    figure(
        "tong_khong_trung",
        format_money(once) if money else format_number(once, pad=2),
        str(once),
        [
            row_of(row, amount(number))
            if row.record_id in kept
            else row_of(row, "0", f"Cùng doanh nghiệp: chỉ tính lần lớn nhất ({amount(number)} không cộng thêm).")
            for row, number in valued
        ],
    )
    return found

"""Where listings take their records from, and the fields a sentence pattern may use.

A source is either a record kind of the indicators' registry (foundings, housing milestones, activities…), a few
record kinds only listings need (housing projects in their current state), or an aggregate without personal data
(the consultation topics of the cases). Field names are Vietnamese without diacritics, made from the fields' own
labels ("số căn hộ" -> so_can_ho), plus a few hand-made ones where a record's text needs more than one field
("khoảng 4.456 căn hộ" -> can_ho). Every source reads its rows in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.vnformat import format_month
from phoihop.indicators.choices import Counting
from phoihop.reports.sources.fields import FieldSpec, attr_chain, display, model_catalogue

if TYPE_CHECKING:
    from phoihop.directory.models import Agency
    from phoihop.indicators.registry import RecordKind


@dataclass(frozen=True)
class SourceRow:
    record_id: int
    date: dt.date | None
    label: str
    url: str
    values: Mapping[str, str]
    amount: int = 1
    number: Decimal | None = None  # the listing's value field, when it names one
    enterprise: Any = None  # the key of the enterprise the record is about, when its kind names one


@dataclass(frozen=True)
class SourceResult:
    rows: tuple[SourceRow, ...]
    count: int  # the number of things the listing stands for (records; cases for the topic aggregate)
    provenance: tuple[SourceRow, ...] = ()


@dataclass(frozen=True)
class Window:
    """Which dates count: None bounds are open (the current state)."""

    start: dt.date | None
    end: dt.date | None


class Source:
    key: str
    label: str
    dated: bool = True

    def fields(self) -> dict[str, FieldSpec]:  # pragma: no cover - every source overrides it
        raise NotImplementedError

    def validate_filter(self, spec: Mapping[str, Any] | None) -> None:  # pragma: no cover
        raise NotImplementedError

    def value_unit(self, name: str) -> str | None:
        """The unit kind of a numeric field the listing's measures ({{KEY.khoang}}, {{KEY.tong}}…) read; a name the
        source does not declare as numeric is refused."""
        raise field_error(
            "value_field",
            _("Nguồn “%(source)s” không có trường số để tính khoảng hay tổng.") % {"source": self.label},
            "unknown_value_field",
        )

    def rows(
        self,
        *,
        record_filter: Mapping[str, Any],
        agency: Agency | None,
        agency_ids: Iterable[int] | None,
        window: Window,
        used: Iterable[str],
        value_field: str = "",
        fields_of_row: Callable[[int], Collection[str]] | None = None,
    ) -> SourceResult:  # pragma: no cover
        raise NotImplementedError


@dataclass
class RecordSource(Source):
    """Records of a registered kind: one query, joined and prefetched for exactly the fields the pattern uses."""

    kind: RecordKind
    dated: bool = True
    _fields: dict[str, FieldSpec] = field(default_factory=dict)

    @property
    def key(self) -> str:  # type: ignore[override]
        return self.kind.key

    @property
    def label(self) -> str:  # type: ignore[override]
        return self.kind.label

    def fields(self) -> dict[str, FieldSpec]:
        if not self._fields:
            fields = dict(model_catalogue(self.kind.model))
            date_field = self.kind.date_field
            date_getter = attr_chain(date_field.split("__"))
            fields.setdefault(
                "ngay", FieldSpec("ngay", "ngày của bản ghi", date_getter, self._date_related(), column=date_field)
            )
            fields.setdefault(
                "thang",
                FieldSpec(
                    "thang",
                    "tháng của bản ghi (Tháng 3/2023)",
                    lambda r: _month_of(date_getter(r)),
                    self._date_related(),
                    column=date_field,
                    from_value=_month_of,
                ),
            )
            self._fields = fields
        return self._fields

    def _date_related(self) -> tuple[str, ...]:
        parts = self.kind.date_field.split("__")
        return ("__".join(parts[:-1]),) if len(parts) > 1 else ()

    def validate_filter(self, spec: Mapping[str, Any] | None) -> None:
        try:
            self.kind.validate_filter(spec)
        except FieldDoesNotExist as exc:
            raise field_error(
                "record_filter", _("Điều kiện lọc không hợp lệ: %(e)s.") % {"e": exc}, "invalid_filter"
            ) from exc

    def value_unit(self, name: str) -> str | None:
        """The numeric fields are the record kind's declared ones (its `sum_fields`, with their unit kind)."""
        if name not in self.kind.sum_fields:
            raise field_error(
                "value_field",
                _("Nguồn “%(source)s” không có trường số “%(name)s” (dùng được: %(fields)s).")
                % {"source": self.label, "name": name, "fields": ", ".join(self.kind.sum_fields) or _("không có")},
                "unknown_value_field",
            )
        return self.kind.sum_fields[name]

    def rows(
        self,
        *,
        record_filter: Mapping[str, Any],
        agency: Agency | None,
        agency_ids: Iterable[int] | None,
        window: Window,
        used: Iterable[str],
        value_field: str = "",
        fields_of_row: Callable[[int], Collection[str]] | None = None,
    ) -> SourceResult:
        kind = self.kind
        queryset = kind.model._default_manager.filter(kind.parse_filter(record_filter)).filter(
            kind.agency_q(agency_ids)
        )
        if self.dated and window.start is not None and window.end is not None:
            queryset = queryset.filter(kind.date_q(window.start, window.end))
        specs = [self.fields()[name] for name in used if name in self.fields()]
        if value_field:
            self.value_unit(value_field)
        date_path = kind.date_field
        queryset = queryset.order_by(date_path, "pk")
        if self._from_values(specs):
            return self._value_rows(queryset, specs, value_field, fields_of_row)
        related = {p for spec in specs for p in spec.related if p}
        prefetch = {p for spec in specs for p in spec.prefetch if p}
        # The measures ({{KEY.khoang}}, {{KEY.so_doanh_nghiep}}…) read the value and the enterprise of every row:
        # joined here, not queried per row.
        parts = kind.enterprise_field.split("__")
        related.update(p for p in ("__".join(parts[:-1]), "__".join(value_field.split("__")[:-1])) if p)
        if related:
            queryset = queryset.select_related(*sorted(related))
        if prefetch:
            queryset = queryset.prefetch_related(*sorted(prefetch))
        rows = []
        read_value = attr_chain(value_field.split("__")) if value_field else None
        link = kind.linker()
        named = any(spec.name == "ten" for spec in specs)
        for record in queryset:
            wanted = fields_of_row(record.pk) if fields_of_row is not None else None
            values = {spec.name: spec.text(record) for spec in specs if wanted is None or spec.name in wanted}
            date = _as_date(attr_chain(date_path.split("__"))(record)) if self.dated else None
            number: Decimal | None = None
            enterprise: Any = None
            if read_value is not None:
                raw = read_value(record)
                number = Decimal(str(raw)) if raw is not None else None
            if kind.enterprise_field:
                enterprise = kind.distinct_value(record, Counting.DISTINCT_ENTERPRISES)
            rows.append(
                SourceRow(
                    record.pk,
                    date,
                    str(record) if named else "",
                    link(record),
                    values,
                    number=number,
                    enterprise=enterprise,
                )
            )
        return SourceResult(rows=tuple(rows), count=len(rows))

    def _from_values(self, specs: list[FieldSpec]) -> bool:
        """Whether the pattern's fields can be read from plain column values: each is one column, or the record's
        name (`ten`) of a kind whose row text is its name (`describe` is `str`), and the kind links rows from a
        column."""
        kind = self.kind
        if kind.link is None:
            return False
        named = kind.row_text is not None and kind.describe is str
        return all(spec.column or (spec.name == "ten" and named) for spec in specs)

    def _value_rows(
        self,
        queryset: Any,
        specs: list[FieldSpec],
        value_field: str,
        fields_of_row: Callable[[int], Collection[str]] | None,
    ) -> SourceResult:
        """`rows()` from `values()`: the few columns the pattern, the link, the date and the measures read, no model
        instances (a listing at ten times the data holds hundreds of rows)."""
        kind = self.kind
        named = any(spec.name == "ten" for spec in specs)
        columns = [spec for spec in specs if spec.name != "ten"]
        enterprise_path = kind.distinct_field(Counting.DISTINCT_ENTERPRISES)
        assert kind.link is not None  # noqa: S101 (checked by _from_values)
        paths = {"pk", kind.date_field, kind.link[1], *(spec.column for spec in columns)}
        paths.update(p for p in (value_field, enterprise_path) if p)
        if named and kind.row_text is not None:
            paths.update(kind.row_text.fields)
        describe = kind.row_text.text if named and kind.row_text is not None else None
        link = kind.value_linker()
        rows = []
        for row in queryset.values(*sorted(paths)):
            raw = row[value_field] if value_field else None
            wanted = fields_of_row(row["pk"]) if fields_of_row is not None else None
            values = {spec.name: spec.text_of_value(row) for spec in columns if wanted is None or spec.name in wanted}
            label = ""
            if describe is not None:
                label = describe(row)
                values["ten"] = display(label)
            rows.append(
                SourceRow(
                    row["pk"],
                    _as_date(row[kind.date_field]) if self.dated else None,
                    label,
                    link(row),
                    values,
                    number=Decimal(str(raw)) if raw is not None else None,
                    enterprise=row[enterprise_path] if enterprise_path else None,
                )
            )
        return SourceResult(rows=tuple(rows), count=len(rows))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value if isinstance(value, dt.date) else None


def _month_of(value: Any) -> str:
    date = _as_date(value)
    return format_month(date) if date else ""


class ConsultationSource(Source):
    """Workers' consultation cases, counted by topic (no personal data): footnote 1's "Tư vấn 05 vụ việc … hỏi về
    các nội dung: …". The listing's records are topics; its count is the number of cases."""

    key = "cases.worker_consultations"
    label = "Tư vấn cho người lao động, theo nội dung (tổng hợp vụ việc)"

    def fields(self) -> dict[str, FieldSpec]:
        return {
            "noi_dung": FieldSpec("noi_dung", "nội dung như viết trong báo cáo", lambda t: t.phrase),
            "chu_de": FieldSpec("chu_de", "tên chủ đề", lambda t: t.name),
            "so_vu_viec": FieldSpec("so_vu_viec", "số vụ việc của nội dung", lambda t: t.count),
        }

    def validate_filter(self, spec: Mapping[str, Any] | None) -> None:
        if spec:
            raise field_error(
                "record_filter", _("Nguồn tổng hợp vụ việc không dùng điều kiện lọc; hãy để trống."), "invalid_filter"
            )

    def rows(
        self,
        *,
        record_filter: Mapping[str, Any],
        agency: Agency | None,
        agency_ids: Iterable[int] | None,
        window: Window,
        used: Iterable[str],
        value_field: str = "",
        fields_of_row: Callable[[int], Collection[str]] | None = None,
    ) -> SourceResult:
        from phoihop.cases.choices import RequesterKind
        from phoihop.cases.selectors import case_aggregates

        # case_aggregates widens the body to its units itself.
        start = window.start or dt.date(1900, 1, 1)
        end = window.end or timezone.localdate()
        aggregates = case_aggregates(
            user=report_reader(), start=start, end=end, requester_kind=RequesterKind.WORKER, agency=agency
        )
        specs = self.fields()
        rows = tuple(
            SourceRow(
                topic.topic_id,
                None,
                topic.name,
                "",
                {name: spec.text(topic) for name, spec in specs.items()},
                topic.count,
            )
            for topic in aggregates.by_topic
        )
        provenance = tuple(SourceRow(pk, None, f"Vụ việc số {pk}", _case_url(pk), {}) for pk in aggregates.case_ids)
        return SourceResult(rows=rows, count=aggregates.total, provenance=provenance)


def _case_url(pk: int) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse("cases:case_detail", args=[pk])
    except NoReverseMatch:
        return ""


def report_reader() -> Any:
    """The reader the joint report is compiled as: every body's records (the report is joint, and whoever asks for it
    gets the same figures), aggregates only. An unsaved administrator: it can read, it cannot write (services
    record the acting user, and there is none)."""
    from phoihop.accounts.choices import Role
    from phoihop.accounts.models import User

    return User(username="bao-cao-lien-tich", role=Role.ADMIN, is_active=True)


def _housing_project_kind() -> RecordKind | None:
    """Housing projects as they stand (footnote 3, "projects in progress"): listed by their current state, so they
    need no date; not a registered kind because indicators do not count projects."""
    if not apps.is_installed("phoihop.housing"):
        return None
    from phoihop.housing.models import HousingProject
    from phoihop.indicators.registry import RecordKind

    return RecordKind(
        key="housing.project",
        label="Dự án nhà ở công nhân (hiện trạng)",
        model=HousingProject,
        date_field="created_at",
        agency_field="owner_agency",
        link=("housing:project_detail", "pk"),
        filter_fields={
            "kind": ("exact", "in"),
            "zone": ("exact", "in"),
            "part_of": ("isnull",),
            "investor_enterprise__ownership": ("exact", "in"),
        },
    )


@cache
def _extra_sources() -> dict[str, Source]:
    found: dict[str, Source] = {}
    project = _housing_project_kind()
    if project is not None:
        found[project.key] = RecordSource(kind=project, dated=False)
    if apps.is_installed("phoihop.cases"):
        found[ConsultationSource.key] = ConsultationSource()
    return found


def all_sources() -> dict[str, Source]:
    from phoihop.indicators.registry import record_kinds

    sources: dict[str, Source] = {kind.key: RecordSource(kind=kind) for kind in record_kinds.all()}
    sources.update(_extra_sources())
    return sources


def get_source(key: str) -> Source:
    sources = all_sources()
    if key not in sources:
        raise ValidationError(
            {
                "source": ValidationError(
                    _("Không có nguồn bản ghi “%(key)s” (các nguồn hiện có: %(known)s).")
                    % {"key": key, "known": ", ".join(sorted(sources))},
                    code="unknown_source",
                )
            }
        )
    return sources[key]


def source_choices() -> list[tuple[str, str]]:
    return sorted(((key, f"{source.label} ({key})") for key, source in all_sources().items()), key=lambda c: c[1])

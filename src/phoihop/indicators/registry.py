"""Record kinds that counting indicators can count. Each records app registers its countable models in its
AppConfig.ready():

    from phoihop.indicators.registry import record_kinds

    record_kinds.register(
        key="organizing.founding",
        label="Thành lập tổ chức",
        model=Founding,
        date_field="founded_on",
        agency_field="owner_agency",
        filter_fields={"kind": ("exact", "in"), "enterprise__ownership": ("exact", "in")},
        sum_fields={"members": "persons"},
        enterprise_field="enterprise",
        noun="tổ chức được thành lập",
        done="có tổ chức được thành lập",
    )

A kind whose lists run to thousands (a report's provenance) may also declare `row_text=RowText(fields, text)`: the
columns its description reads and how it reads them, so such a list is read with `values()` — a few columns, no model
instances — instead of whole records with every joined row. `text` must say what `describe` says of the same record
(tests/indicators/test_row_text.py checks every kind that declares one against the demo data).

`enterprise_field` and `person_field` name the single-valued path to the enterprise or the person a record is
about; they make "số doanh nghiệp khác nhau …" and "số người khác nhau …" countable for the kind (see
`countings()`). `noun` is what one record is and `done` what happened to the enterprise or person, so the way an
indicator counts reads in words ("số doanh nghiệp khác nhau được kiểm tra, giám sát").

Indicator code only talks to this registry: it never imports a records app, so a new kind of record plugs in
without touching the indicators. This module imports nothing from the indicators' models, so any app may import
it from its ready()."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from phoihop.core.errors import field_error
from phoihop.core.text import lower_first
from phoihop.indicators.choices import Counting

DEFAULT_LOOKUPS: tuple[str, ...] = ("exact", "in")
KNOWN_LOOKUPS = {"exact", "in", "gte", "lte", "gt", "lt", "isnull", "iexact", "icontains"}


def _field_at(model: type[models.Model], path: str) -> models.Field[Any, Any]:
    """The model field a `zone__parent`-style path ends at; raises FieldDoesNotExist for a wrong path."""
    current: type[models.Model] = model
    parts = path.split("__")
    for index, part in enumerate(parts):
        found = current._meta.get_field(part)
        if index < len(parts) - 1:
            related = found.related_model
            if related is None or isinstance(related, str):
                raise FieldDoesNotExist(path)
            current = related
        else:
            if not isinstance(found, models.Field):
                raise FieldDoesNotExist(path)
            return found
    raise FieldDoesNotExist(path)  # pragma: no cover - an empty path never reaches here


def _check_single_valued(model: type[models.Model], path: str) -> None:
    """A distinct-count path must lead through foreign keys only: a many-valued step would multiply the rows of the
    kind's one aggregate query and so every other figure computed in it."""
    current: type[models.Model] = model
    for part in path.split("__"):
        found = current._meta.get_field(part)
        if found.many_to_many or found.one_to_many or not found.is_relation:
            raise ValueError(f"{path} is not a path of foreign keys")
        related = found.related_model
        if related is None or isinstance(related, str):
            raise ValueError(f"{path} is not a path of foreign keys")
        current = related


def _value_label(found: models.Field[Any, Any], value: Any) -> str:
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if found.choices:
        return str(dict(found.flatchoices).get(value, value))
    related = found.related_model
    if related is not None and not isinstance(related, str):
        obj = related._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else str(value)
    return str(value)


def _default_url(obj: models.Model) -> str:
    url = getattr(obj, "get_absolute_url", None)
    return str(url()) if callable(url) else ""


LINK_MARKER = "987654321"


def links_to(url_name: str, attribute: str, anchor: str = "") -> Callable[[models.Model], str]:
    """A function giving each record's URL from one reverse(): the URL with a marker argument, the marker replaced by
    the record's `attribute` (its pk, or the id of the record whose page shows it), and with `anchor` the record's
    place on that page ("#milestone-12")."""
    template = reverse(url_name, args=[LINK_MARKER])

    def link(record: models.Model) -> str:
        url = template.replace(LINK_MARKER, str(getattr(record, attribute)))
        return f"{url}#{anchor}{record.pk}" if anchor else url

    return link


@dataclass(frozen=True)
class RowText:
    """How a record kind describes a record from plain column values: `fields` are the paths (`enterprise__name`)
    whose values `text` reads from its mapping."""

    fields: tuple[str, ...]
    text: Callable[[Mapping[str, Any]], str]


@dataclass(frozen=True)
class RecordKind:
    """One countable model: where its date, its owning body and its filterable and summable fields are."""

    key: str
    label: str
    model: type[models.Model]
    date_field: str
    agency_field: str
    filter_fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sum_fields: Mapping[str, str | None] = field(default_factory=dict)
    describe: Callable[[models.Model], str] = str
    url_of: Callable[[models.Model], str] = _default_url
    enterprise_field: str = ""
    person_field: str = ""
    noun: str = ""
    done: str = ""
    # (URL name, attribute that is its one argument[, anchor]): a record's page, when it is that simple — with an
    # anchor ("milestone-") the record is a part of that page, "#milestone-<pk>". Lists of thousands of records (a
    # report's provenance) then build their links from one reverse() instead of one each.
    link: tuple[str, str] | tuple[str, str, str] | None = None
    row_text: RowText | None = None

    def value_linker(self) -> Callable[[Mapping[str, Any]], str]:
        """`linker()` for a row read with `values()` (a kind that declares `link`): the link's attribute is one of
        the row's keys."""
        if self.link is None:
            raise ValueError(f"record kind {self.key} declares no link")
        template = reverse(self.link[0], args=[LINK_MARKER])
        attribute = self.link[1]
        anchor = self.link[2] if len(self.link) > 2 else ""
        if anchor:
            return lambda row: f"{template.replace(LINK_MARKER, str(row[attribute]))}#{anchor}{row['pk']}"
        return lambda row: template.replace(LINK_MARKER, str(row[attribute]))

    def linker(self) -> Callable[[models.Model], str]:
        """How to link each record of a long list: one reverse() for all when the kind declares `link`, else
        `url_of` per record."""
        return self.url_of if self.link is None else links_to(*self.link)

    @property
    def row_noun(self) -> str:
        return self.noun or lower_first(self.label)

    def countings(self) -> list[str]:
        """The counting modes this kind supports: rows always; distinct enterprises or persons where a record names
        one; a sum where the kind has numeric fields to add."""
        modes: list[str] = [Counting.ROWS]
        if self.enterprise_field:
            modes.append(Counting.DISTINCT_ENTERPRISES)
        if self.person_field:
            modes.append(Counting.DISTINCT_PERSONS)
        if self.sum_fields:
            modes.append(Counting.SUM)
        return modes

    def distinct_field(self, counting: str) -> str:
        """The path whose distinct values a distinct count counts ("" for rows and sums)."""
        if counting == Counting.DISTINCT_ENTERPRISES:
            return self.enterprise_field
        if counting == Counting.DISTINCT_PERSONS:
            return self.person_field
        return ""

    def distinct_value(self, record: models.Model, counting: str) -> Any:
        """The key of the enterprise or person a record is about, read from the loaded foreign key (no query)."""
        path = self.distinct_field(counting)
        parts = path.split("__")
        owner: Any = record
        for part in parts[:-1]:
            if owner is None:
                return None
            owner = getattr(owner, part)
        if owner is None:
            return None
        return getattr(owner, _field_at(self.model, path).attname)

    def counting_text(self, counting: str, sum_field: str = "") -> str:
        """How an indicator of this kind counts, in words: "số doanh nghiệp khác nhau được kiểm tra, giám sát"."""
        noun = self.row_noun
        if counting in Counting.distinct():
            enterprises = counting == Counting.DISTINCT_ENTERPRISES
            who = _("số doanh nghiệp khác nhau") if enterprises else _("số người khác nhau")
            done = self.done or _("có %(noun)s") % {"noun": noun}
            return f"{who} {done}"
        if counting == Counting.SUM:
            field_name = self.field_label(sum_field) if sum_field else _("một trường số")
            return _("tổng %(field)s của các %(noun)s") % {"field": field_name, "noun": noun}
        return _("số %(noun)s (mỗi bản ghi tính một lần)") % {"noun": noun}

    def validate_counting(self, counting: str) -> None:
        if counting not in self.countings():
            allowed = ", ".join(str(Counting(mode).label).lower() for mode in self.countings())
            label = str(Counting(counting).label).lower() if counting in Counting.values else counting
            raise field_error(
                "counting",
                _("Loại bản ghi “%(kind)s” không đếm được theo cách “%(mode)s” (cách đếm dùng được: %(allowed)s).")
                % {"kind": self.label, "mode": label, "allowed": allowed},
                "unsupported_counting",
            )

    @property
    def date_is_datetime(self) -> bool:
        return isinstance(_field_at(self.model, self.date_field), models.DateTimeField)

    def field_label(self, path: str) -> str:
        try:
            return str(_field_at(self.model, path).verbose_name)
        except FieldDoesNotExist:
            return path

    def filter_label(self, path: str) -> str:
        """A filter field named for people: "Loại hình sở hữu (doanh nghiệp)" for `enterprise__ownership`."""
        try:
            found = _field_at(self.model, path)
        except FieldDoesNotExist:
            return path
        label = str(found.verbose_name)
        label = label[:1].upper() + label[1:]
        if "__" in path:
            label += f" ({found.model._meta.verbose_name})"
        return label

    def filter_field(self, path: str) -> models.Field[Any, Any]:
        return _field_at(self.model, path)

    def describe_filter(self, spec: Mapping[str, Any] | None) -> list[tuple[str, str]]:
        """The stored filter in words, one (field label, values) pair per condition, for pages that show it."""
        rows: list[tuple[str, str]] = []
        for key, value in (spec or {}).items():
            try:
                path, lookup = self._split_key(str(key))
                found = _field_at(self.model, path)
            except (ValidationError, FieldDoesNotExist):
                rows.append((str(key), str(value)))
                continue
            if lookup == "isnull":
                rows.append((self.filter_label(path), _("để trống") if value else _("có giá trị")))
                continue
            values = list(value) if isinstance(value, list | tuple) else [value]
            rows.append((self.filter_label(path), ", ".join(_value_label(found, item) for item in values)))
        return rows

    def date_q(self, start: dt.date, end: dt.date) -> Q:
        """Records dated within [start, end]; a datetime field is compared by its local date."""
        name = f"{self.date_field}__date" if self.date_is_datetime else self.date_field
        return Q(**{f"{name}__gte": start, f"{name}__lte": end})

    def agency_q(self, agency_ids: Iterable[int] | None) -> Q:
        if agency_ids is None:
            return Q()
        return Q(**{f"{self.agency_field}__in": list(agency_ids)})

    def parse_filter(self, spec: Mapping[str, Any] | None) -> Q:
        """The stored filter as a Q. `spec` maps "field" or "field__lookup" to a value; it is validated first."""
        conditions = self.validate_filter(spec)
        query = Q()
        for path, lookup, value in conditions:
            query &= Q(**{f"{path}__{lookup}": value})
        return query

    def validate_filter(self, spec: Mapping[str, Any] | None) -> list[tuple[str, str, Any]]:
        """Check every key names a registered field and an allowed lookup, and every value fits; a wrong key is
        refused with a message naming it."""
        if spec is None:
            return []
        if not isinstance(spec, Mapping):
            raise field_error(
                "record_filter",
                _('Bộ lọc phải là một bảng tên trường → giá trị, ví dụ {"ownership": "domestic"}.'),
                "invalid_filter",
            )
        conditions: list[tuple[str, str, Any]] = []
        for key, value in spec.items():
            path, lookup = self._split_key(str(key))
            field_obj = _field_at(self.model, path)
            if lookup == "in":
                if not isinstance(value, list | tuple) or not value:
                    raise field_error(
                        "record_filter",
                        _('Điều kiện “%(key)s” cần một danh sách giá trị, ví dụ ["a", "b"].') % {"key": key},
                        "invalid_filter_value",
                    )
                values = list(value)
            elif lookup == "isnull":
                if not isinstance(value, bool):
                    raise field_error(
                        "record_filter",
                        _("Điều kiện “%(key)s” nhận true hoặc false.") % {"key": key},
                        "invalid_filter_value",
                    )
                values = []
            else:
                values = [value]
            choices = {str(choice) for choice, _label in (field_obj.flatchoices or [])}
            for item in values:
                if isinstance(item, dict | list):
                    raise field_error(
                        "record_filter",
                        _("Giá trị của điều kiện “%(key)s” không hợp lệ.") % {"key": key},
                        "invalid_filter_value",
                    )
                if choices and lookup in {"exact", "in"} and str(item) not in choices:
                    raise field_error(
                        "record_filter",
                        _("Giá trị “%(value)s” không có trong trường “%(field)s” (được dùng: %(choices)s).")
                        % {"value": item, "field": path, "choices": ", ".join(sorted(choices))},
                        "invalid_filter_value",
                    )
            conditions.append((path, lookup, value))
        return conditions

    def _split_key(self, key: str) -> tuple[str, str]:
        if key in self.filter_fields:
            return key, "exact"
        for path, lookups in sorted(self.filter_fields.items(), key=lambda kv: -len(kv[0])):
            prefix = f"{path}__"
            if key.startswith(prefix):
                lookup = key[len(prefix) :]
                if lookup in lookups:
                    return path, lookup
                raise field_error(
                    "record_filter",
                    _(
                        "Phép lọc “%(lookup)s” không dùng được với trường “%(field)s” của loại bản ghi “%(kind)s” "
                        "(được dùng: %(allowed)s)."
                    )
                    % {"lookup": lookup, "field": path, "kind": self.label, "allowed": ", ".join(lookups)},
                    "unknown_lookup",
                )
        raise field_error(
            "record_filter",
            _("Loại bản ghi “%(kind)s” không có trường lọc “%(key)s” (được lọc theo: %(fields)s).")
            % {"kind": self.label, "key": key, "fields": ", ".join(self.filter_fields) or _("không có")},
            "unknown_filter_field",
        )

    def validate_sum_field(self, name: str) -> str | None:
        """The unit kind the summed field carries (None when it is not declared)."""
        if name not in self.sum_fields:
            raise field_error(
                "sum_field",
                _("Loại bản ghi “%(kind)s” không có trường số “%(name)s” để cộng (được cộng: %(fields)s).")
                % {"kind": self.label, "name": name, "fields": ", ".join(self.sum_fields) or _("không có")},
                "unknown_sum_field",
            )
        return self.sum_fields[name]


class RecordKindRegistry:
    def __init__(self) -> None:
        self._kinds: dict[str, RecordKind] = {}

    def register(
        self,
        *,
        key: str,
        label: str,
        model: type[models.Model],
        date_field: str,
        agency_field: str,
        filter_fields: Mapping[str, Iterable[str]] | None = None,
        sum_fields: Mapping[str, str | None] | None = None,
        describe: Callable[[models.Model], str] = str,
        url_of: Callable[[models.Model], str] = _default_url,
        enterprise_field: str = "",
        person_field: str = "",
        noun: str = "",
        done: str = "",
        link: tuple[str, str] | tuple[str, str, str] | None = None,
        row_text: RowText | None = None,
    ) -> RecordKind:
        """Register a countable model. Paths are checked now, so a typo fails at start-up, not in a report."""
        filters = {path: tuple(lookups) or DEFAULT_LOOKUPS for path, lookups in (filter_fields or {}).items()}
        for path, lookups in filters.items():
            _field_at(model, path)
            unknown = set(lookups) - KNOWN_LOOKUPS
            if unknown:
                raise ValueError(f"record kind {key}: unsupported lookups {sorted(unknown)} on {path}")
        date = _field_at(model, date_field)
        if not isinstance(date, models.DateField):
            raise ValueError(f"record kind {key}: {date_field} is not a date field")
        agency = _field_at(model, agency_field)
        if not agency.is_relation:
            raise ValueError(f"record kind {key}: {agency_field} is not a relation to an agency")
        sums = dict(sum_fields or {})
        for name in sums:
            if not isinstance(_field_at(model, name), models.IntegerField | models.DecimalField | models.FloatField):
                raise ValueError(f"record kind {key}: {name} is not a numeric field")
        for path in (enterprise_field, person_field):
            if path:
                try:
                    _check_single_valued(model, path)
                except ValueError as exc:
                    raise ValueError(f"record kind {key}: {exc}") from None
        for path in row_text.fields if row_text else ():
            try:
                _field_at(model, path)
            except FieldDoesNotExist:
                raise ValueError(f"record kind {key}: row_text reads {path}, which is not a field path") from None
        if row_text is not None and link is None:
            raise ValueError(f"record kind {key}: row_text needs link, so a row read as values can be linked")
        kind = RecordKind(
            key=key,
            label=label,
            model=model,
            date_field=date_field,
            agency_field=agency_field,
            filter_fields=filters,
            sum_fields=sums,
            describe=describe,
            url_of=url_of,
            enterprise_field=enterprise_field,
            person_field=person_field,
            noun=noun,
            done=done,
            link=link,
            row_text=row_text,
        )
        self._kinds[key] = kind
        return kind

    def unregister(self, key: str) -> None:
        self._kinds.pop(key, None)

    def get(self, key: str) -> RecordKind:
        try:
            return self._kinds[key]
        except KeyError:
            raise field_error(
                "record_kind", _("Chưa có loại bản ghi “%(key)s” để đếm.") % {"key": key}, "unknown_record_kind"
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._kinds

    def all(self) -> list[RecordKind]:
        return sorted(self._kinds.values(), key=lambda kind: kind.label)

    def choices(self) -> list[tuple[str, str]]:
        return [(kind.key, kind.label) for kind in self.all()]


record_kinds = RecordKindRegistry()

"""The fields a sentence pattern may use: each model field under a name made from its label, related records' fields
under a prefix, and hand-made fields where a phrase needs several ("khoảng 4.456 căn hộ")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language

from phoihop.core.text import choice_label, fold_vi
from phoihop.core.vnformat import format_date, format_month, format_number

if TYPE_CHECKING:
    pass


SKIPPED_FIELDS = {"id", "version", "created_at", "updated_at", "search_text", "reference_key"}
MAX_DEPTH = 2


def display(value: Any) -> str:
    """A field's value as the report prints it."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, int | Decimal | float):
        return format_number(value)
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return format_date(local.date())
    if isinstance(value, dt.date):
        return format_date(value)
    return str(value).strip()


def alias(label: str) -> str:
    """ "số căn hộ" -> "so_can_ho"; "diện tích đất (ha)" -> "dien_tich_dat"."""
    text = re.sub(r"\(.*?\)", " ", str(label))
    return re.sub(r"[^a-z0-9]+", "_", fold_vi(text)).strip("_")


@dataclass(frozen=True)
class FieldSpec:
    """One field a pattern may use: how to read it from a record, and what the query must join or prefetch."""

    name: str
    label: str
    getter: Callable[[Any], Any]
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    # A field that is one column (`enterprise__name`) can also be read from a `values()` row: its path there, and
    # what turns the stored value into what `getter` gives (a choice's label), if anything.
    column: str = ""
    from_value: Callable[[Any], Any] | None = None

    def text(self, record: Any) -> str:
        try:
            return display(self.getter(record))
        except (AttributeError, ObjectDoesNotExist):
            return ""

    def text_of_value(self, row: Mapping[str, Any]) -> str:
        """`text()` for a row read with `values()` (a field with a `column`)."""
        raw = row[self.column]
        return display(self.from_value(raw) if self.from_value is not None and raw is not None else raw)


def attr_chain(path: list[str]) -> Callable[[Any], Any]:
    def get(record: Any) -> Any:
        value = record
        for name in path:
            if value is None:
                return None
            value = getattr(value, name)
        return value

    return get


def _choice_label(field_obj: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """A choice's label, as `get_FOO_display()` gives it (the value itself when it is no longer a choice), from a
    table made once per language — `get_FOO_display()` rebuilds and translates the field's whole table of choices
    for every record."""
    tables: dict[str | None, dict[Any, str]] = {}

    def label_of(value: Any) -> Any:
        language = get_language()
        table = tables.get(language)
        if table is None:
            table = tables[language] = {key: str(label) for key, label in field_obj.flatchoices}
        return table.get(value, value)

    return label_of


def _display_getter(path: list[str], field_obj: models.Field[Any, Any]) -> Callable[[Any], Any]:
    """The field's value; a choice's label for a field with choices (`_choice_label`)."""
    if not field_obj.choices:
        return attr_chain(path)
    base = attr_chain(path[:-1])
    name = path[-1]
    label_of = _choice_label(field_obj)

    def get(record: Any) -> Any:
        owner = base(record)
        return None if owner is None else label_of(getattr(owner, name))

    return get


# Hand-made fields per model: (name, label, getter, related paths, prefetch paths), paths relative to the model.
Extra = tuple[str, str, Callable[[Any], Any], tuple[str, ...], tuple[str, ...]]


def _project_phases(project: Any) -> tuple[list[Any], list[Any]]:
    """The delivered milestones (latest delivery per phase) and the ones being built (latest start of phases not
    delivered yet), from the prefetched milestones, as housing.progress reads them; worked out once per project
    loaded for the report (a listing's sentence reads up to eleven of these fields)."""
    found = project.__dict__.get("_report_phases")
    if found is None:
        found = project.__dict__["_report_phases"] = _phases_of(project)
    return found


def _milestones(project: Any) -> list[Any]:
    """The project's prefetched milestones, listed once per project (each `.all()` builds a new queryset)."""
    found = project.__dict__.get("_report_milestones")
    if found is None:
        found = project.__dict__["_report_milestones"] = list(project.milestones.all())
    return found


def _phases_of(project: Any) -> tuple[list[Any], list[Any]]:
    from phoihop.housing.choices import MilestoneKind

    deliveries, starts = MilestoneKind.deliveries(), MilestoneKind.starts()
    by_phase: dict[str, list[Any]] = {}
    for milestone in _milestones(project):
        by_phase.setdefault(milestone.phase.strip(), []).append(milestone)
    delivered, building = [], []
    for items in by_phase.values():
        done = [m for m in items if m.kind in deliveries]
        started = [m for m in items if m.kind in starts]
        if done:
            delivered.append(max(done, key=lambda m: (m.date, m.pk)))
        elif started:
            building.append(max(started, key=lambda m: (m.date, m.pk)))
    return delivered, building


def _phase_value(which: int, attr: str) -> Callable[[Any], Any]:
    def get(project: Any) -> Any:
        milestones = _project_phases(project)[which]
        if not milestones:
            return None
        if len(milestones) == 1:
            return getattr(milestones[0], attr)
        numbers = [getattr(m, attr.removesuffix("_text")) for m in milestones]
        if attr == "phase":
            return ", ".join(str(n) for n in numbers if n)
        return sum((n or 0) for n in numbers) or None

    return get


def _project_kind(kind: str) -> str:
    from phoihop.housing.choices import ProjectKind

    return choice_label(ProjectKind, kind)


def _stage(project: Any) -> str:
    from phoihop.housing.choices import MilestoneKind

    latest = max(_milestones(project), key=lambda m: (m.date, m.stage, m.pk), default=None)
    return choice_label(MilestoneKind, latest.kind) if latest else ""


def _month_if_known(milestone: Any) -> str:
    from phoihop.housing.choices import DatePrecision

    if milestone.date_precision == DatePrecision.YEAR:
        return ""
    return format_month(milestone.date)


HOUSING_PROJECT_EXTRAS: list[Extra] = [
    ("ten", "tên dự án", lambda p: p.name, (), ()),
    ("dia_diem", "xã, huyện (xã Lê Lợi, huyện An Dương)", lambda p: p.location, (), ()),
    (
        "dia_diem_ngoai_ten",
        "xã, huyện mà tên dự án chưa nêu (dùng sau {ten} để không nhắc lại địa danh)",
        lambda p: p.location_not_in_name,
        (),
        (),
    ),
    ("quan", "quận, huyện", lambda p: p.district, (), ()),
    ("xa", "phường, xã, thị trấn", lambda p: p.commune, (), ()),
    ("khu", "khu công nghiệp, khu kinh tế", lambda p: p.zone.name if p.zone else "", ("zone",), ()),
    ("chu_dau_tu", "chủ đầu tư", lambda p: p.investor, ("investor_enterprise",), ()),
    ("loai", "loại dự án", lambda p: _project_kind(p.kind), (), ()),
    ("so_toa", "số tòa nhà, block", lambda p: p.buildings, (), ()),
    ("so_tang", "số tầng cao nhất", lambda p: p.max_floors, (), ()),
    ("so_can_ho", "số căn hộ (số)", lambda p: p.apartments, (), ()),
    ("can_ho", "số căn hộ kèm mức chính xác (khoảng 4.456 căn hộ)", lambda p: p.apartments_text, (), ()),
    ("so_cho_o", "chỗ ở cho (số người)", lambda p: p.capacity, (), ()),
    ("cho_o", "chỗ ở cho, kèm mức chính xác (khoảng 12.600 người)", lambda p: p.capacity_text, (), ()),
    ("dien_tich_dat", "diện tích đất (ha)", lambda p: p.land_area_ha, (), ()),
    ("dat_noxh", "trong đó đất nhà ở xã hội (ha)", lambda p: p.social_housing_land_ha, (), ()),
    ("dien_tich_san", "diện tích sàn kèm mức chính xác", lambda p: p.floor_area_text, (), ()),
    ("buoc", "bước tiến độ hiện tại", _stage, (), ("milestones",)),
    ("hoan_thanh.giai_doan", "giai đoạn đã hoàn thành", _phase_value(0, "phase"), (), ("milestones",)),
    ("hoan_thanh.so_toa", "số tòa đã hoàn thành", _phase_value(0, "buildings"), (), ("milestones",)),
    (
        "hoan_thanh.toa_cong_nhan",
        "số tòa phục vụ công nhân đã hoàn thành",
        _phase_value(0, "worker_buildings"),
        (),
        ("milestones",),
    ),
    (
        "hoan_thanh.dien_tich_san",
        "diện tích sàn đã hoàn thành",
        _phase_value(0, "floor_area_text"),
        (),
        ("milestones",),
    ),
    ("hoan_thanh.cho_o", "chỗ ở đã hoàn thành", _phase_value(0, "people_text"), (), ("milestones",)),
    ("dang_xay.giai_doan", "giai đoạn đang xây dựng", _phase_value(1, "phase"), (), ("milestones",)),
    ("dang_xay.so_toa", "số tòa đang xây dựng", _phase_value(1, "buildings"), (), ("milestones",)),
    ("dang_xay.dien_tich_san", "diện tích sàn đang xây dựng", _phase_value(1, "floor_area_text"), (), ("milestones",)),
    ("dang_xay.cho_o", "chỗ ở của phần đang xây dựng", _phase_value(1, "people_text"), (), ("milestones",)),
]
MILESTONE_EXTRAS: list[Extra] = [
    ("thang", "tháng (Tháng 3/2023), trống khi chỉ biết năm", _month_if_known, (), ()),
    ("thoi_diem", "thời điểm như đã biết (tháng 3/2023, năm 2023)", lambda m: m.date_text, (), ()),
    ("giai_doan", "giai đoạn, hạng mục", lambda m: m.phase, (), ()),
    ("can_ho", "số căn hộ kèm mức chính xác", lambda m: m.apartments_text, (), ()),
    ("cho_o", "chỗ ở kèm mức chính xác", lambda m: m.people_text, (), ()),
    ("dien_tich_san", "diện tích sàn kèm mức chính xác", lambda m: m.floor_area_text, (), ()),
]
FOUNDING_EXTRAS: list[Extra] = [
    ("doanh_nghiep", "doanh nghiệp", lambda f: f.enterprise.name, ("enterprise",), ()),
    (
        "khu",
        "khu của doanh nghiệp",
        lambda f: f.enterprise.zone.name if f.enterprise.zone else "",
        ("enterprise__zone",),
        (),
    ),
]
EXTRAS: dict[str, list[Extra]] = {
    "housing.housingproject": HOUSING_PROJECT_EXTRAS,
    "housing.milestone": MILESTONE_EXTRAS,
    "organizing.founding": FOUNDING_EXTRAS,
}
# A foreign key's fields are offered under a short prefix where its label would make a long one.
PREFIXES: dict[str, str] = {"project": "du_an", "enterprise": "doanh_nghiep", "activity": "hoat_dong", "zone": "khu"}


def _related_str_paths(model: type[models.Model]) -> list[str]:
    """FKs whose __str__ reads further FKs (a founding's name reads its enterprise)."""
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


def catalogue(
    model: type[models.Model], *, prefix: str = "", path: tuple[str, ...] = (), depth: int = 0
) -> dict[str, FieldSpec]:
    """Every field a pattern may use on `model`, by name; related records' fields under "prefix." names."""
    fields: dict[str, FieldSpec] = {}
    base = "__".join(path)

    def rel(paths: Iterable[str]) -> tuple[str, ...]:
        return tuple(f"{base}__{p}" if base else p for p in paths)

    def add(spec: FieldSpec) -> None:
        fields.setdefault(spec.name, spec)

    label = model._meta.label_lower
    owner_of = attr_chain(list(path))
    for name, text, extra_getter, related, prefetch in EXTRAS.get(label, []):

        def make(get: Callable[[Any], Any] = extra_getter) -> Callable[[Any], Any]:
            def value(record: Any) -> Any:
                owner = owner_of(record)
                return None if owner is None else get(owner)

            return value

        add(FieldSpec(f"{prefix}{name}", text, make(), rel(related) + ((base,) if base else ()), rel(prefetch)))
    str_related = rel(_related_str_paths(model))
    if not prefix:
        add(FieldSpec("ten", "tên (như hiển thị trong hệ thống)", str, str_related))
    for field_obj in model._meta.concrete_fields:
        if field_obj.name in SKIPPED_FIELDS or field_obj.name.endswith("_qualifier"):
            continue
        names = [alias(str(field_obj.verbose_name)), field_obj.name]
        field_path = [*path, field_obj.name]
        getter: Callable[[Any], Any]
        if field_obj.is_relation and field_obj.related_model is not None:
            related_model = field_obj.related_model
            assert isinstance(related_model, type)  # noqa: S101 (concrete FKs resolve to a model class)
            getter = attr_chain(field_path)
            related = (
                *rel([field_obj.name]),
                *rel(f"{field_obj.name}__{p}" for p in _related_str_paths(related_model)),
            )
            for name in names:
                add(FieldSpec(f"{prefix}{name}", str(field_obj.verbose_name), getter, related))
            if depth < MAX_DEPTH - 1:
                short = PREFIXES.get(field_obj.name, names[0])
                nested = catalogue(related_model, prefix=f"{prefix}{short}.", path=tuple(field_path), depth=depth + 1)
                for spec in nested.values():
                    add(spec)
            continue
        getter = _display_getter(field_path, field_obj)
        column = "__".join(field_path)
        from_value = _choice_label(field_obj) if field_obj.choices else None
        for name in names:
            spec = FieldSpec(f"{prefix}{name}", str(field_obj.verbose_name), getter, (base,) if base else ())
            add(replace(spec, column=column, from_value=from_value))
    return fields


@cache
def model_catalogue(model: type[models.Model]) -> Mapping[str, FieldSpec]:
    return catalogue(model)

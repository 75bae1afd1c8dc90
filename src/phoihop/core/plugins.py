"""How apps plug into pages they do not own, without `core` or `directory` importing them.

Each app declares, in its `AppConfig.ready()`, what it offers:

- `menu.add(...)`: an entry of the main menu, in one of the groups below;
- `sections.add(page, ...)`: a section of another app's page (the home page, the enterprise page): a template and a
  function that gathers its context through the app's own selectors;
- `providers.add(name, function)`: a named computation another app calls without importing the provider (the plan
  page's indicator progress, the check that reported values stay inside a plan's period);
- `demo_data.kind(...)`, `demo_data.file(...)`, `demo_data.converter(...)`: the record kinds of the demo data set, the
  service that creates each, the app's data file, and how natural keys become objects (`phoihop load_demo`).

An app that offers something configures itself with `PluggedApp`: its `ready()` runs the `plug_in()` of the app's
plugins.py, which makes every declaration above.

Small registries, read at request time (the demo's when `load_demo` runs); nothing here knows a domain app. A
registry is filled once, when Django starts, and only read afterwards, so it holds no per-request or per-process
state that matters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import AppConfig
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Label = str | Promise

# The menu's groups, in the order officers work through them: (key, label). An app adds entries to a group by key.
MENU_GROUPS: tuple[tuple[str, Label], ...] = (
    ("home", _("Tổng quan")),
    ("plan", _("Kế hoạch, chỉ tiêu")),
    ("records", _("Hồ sơ hoạt động")),
    ("cases", _("Vụ việc, kiến nghị")),
    ("reports", _("Báo cáo liên tịch")),
    ("directory", _("Danh mục")),
)


@dataclass(frozen=True)
class MenuEntry:
    group: str
    url_name: str
    label: Label
    # The path prefix that makes this entry the active one ("" = only the exact URL).
    prefix: str
    order: int


@dataclass
class Menu:
    entries: list[MenuEntry] = field(default_factory=list)

    def add(self, *, group: str, url_name: str, label: Label, prefix: str = "", order: int = 100) -> None:
        if group not in dict(MENU_GROUPS):
            raise ValueError(f"Unknown menu group {group!r}; one of {[key for key, _label in MENU_GROUPS]}")
        if any(entry.url_name == url_name for entry in self.entries):
            return  # ready() may run twice in tests; an entry is added once
        self.entries.append(MenuEntry(group=group, url_name=url_name, label=label, prefix=prefix, order=order))

    def groups(self) -> Iterator[tuple[Label, list[MenuEntry]]]:
        for key, label in MENU_GROUPS:
            entries = sorted((e for e in self.entries if e.group == key), key=lambda e: (e.order, e.url_name))
            if entries:
                yield label, entries


@dataclass(frozen=True)
class Section:
    """A part of a page another app owns. `context(user=..., **page)` returns the template's context, or None
    when the section has nothing to show the user (it is then left out)."""

    page: str
    key: str
    template: str
    context: Callable[..., dict[str, Any] | None]
    order: int


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    context: dict[str, Any]


@dataclass
class Sections:
    by_page: dict[str, list[Section]] = field(default_factory=dict)

    def add(
        self, page: str, *, key: str, template: str, context: Callable[..., dict[str, Any] | None], order: int = 100
    ) -> None:
        sections = self.by_page.setdefault(page, [])
        if any(section.key == key for section in sections):
            return
        sections.append(Section(page=page, key=key, template=template, context=context, order=order))
        sections.sort(key=lambda section: (section.order, section.key))

    def render(self, page: str, **arguments: Any) -> list[RenderedSection]:
        """Each section's context, in order; sections with nothing to show are left out."""
        rendered = []
        for section in self.by_page.get(page, []):
            context = section.context(**arguments)
            if context is not None:
                rendered.append(RenderedSection(key=section.key, template=section.template, context=context))
        return rendered


@dataclass
class Providers:
    functions: dict[str, Callable[..., Any]] = field(default_factory=dict)

    def add(self, name: str, function: Callable[..., Any]) -> None:
        self.functions[name] = function

    def get(self, name: str) -> Callable[..., Any] | None:
        """The provider, or None when the app that provides it is not installed."""
        return self.functions.get(name)


menu = Menu()
sections = Sections()
providers = Providers()


class PluggedApp(AppConfig):
    """The configuration of an app that offers something to other apps: once Django has loaded every app's models,
    `ready()` runs `plug_in()` of the app's plugins.py (menu entries, sections, spreadsheet kinds, record kinds, demo
    data). An apps.py imports this module, not the class, so that its own configuration stays the only one Django
    finds there."""

    def ready(self) -> None:
        import_module(f"{self.name}.plugins").plug_in()


# --- Demo data ------------------------------------------------------------------------------------------------------

Converter = Callable[[Any], Any]
# How a field of a demo row becomes what the service takes: a converter's name, or [name] for a list of them.
FieldSpec = str | list[str]


@dataclass(frozen=True)
class DemoKind:
    """A kind of record in the demo data files (`src/phoihop/demo/data/<name>.json`, `phoihop load_demo`).

    Each row of the kind holds the keyword arguments of `service` as plain data; other records are named by their
    natural keys (a body's code, a tax code, a plan item's [year, number]) and `fields` says which converter turns
    them into objects, by dotted path ("data.enterprise"). `actor` is always a username. `natural_key` gives the
    lookups of `model` that find the record a row would create (dotted paths into the converted arguments): a row
    whose record exists is skipped, which makes the load idempotent. `then` maps a field of the row to the kind of the
    rows it lists (an inspection's "findings"): they receive the record as the argument named by their `parent` and,
    without a natural key of their own, run only when that record was just created. `version_of` passes that
    argument's current `version` as `expected_version`."""

    key: str
    service: Callable[..., Any]
    model: Any
    natural_key: dict[str, str] | None = None
    # Lookups of fixed values the natural key adds (a period already approved: {"status": "approved"}).
    key_filter: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    then: dict[str, str] = field(default_factory=dict)
    parent: str = ""
    version_of: str = ""


@dataclass(frozen=True)
class DemoFile:
    """An app's demo data file: `src/phoihop/demo/data/<name>.json`, a JSON object whose keys are kind keys (and
    "about": where the rows come from, what in them is illustrative), loaded in the order of `kinds` after every file
    of a lower `order`."""

    name: str
    order: int
    kinds: tuple[str, ...]


@dataclass
class DemoData:
    kinds: dict[str, DemoKind] = field(default_factory=dict)
    files: dict[str, DemoFile] = field(default_factory=dict)
    converters: dict[str, Converter] = field(default_factory=dict)

    def kind(self, key: str, service: Callable[..., Any], model: Any, **options: Any) -> None:
        self.kinds[key] = DemoKind(key=key, service=service, model=model, **options)

    def file(self, name: str, *, order: int, kinds: tuple[str, ...]) -> None:
        self.files[name] = DemoFile(name=name, order=order, kinds=kinds)

    def converter(self, name: str, function: Converter) -> None:
        self.converters[name] = function

    def ordered_files(self) -> list[DemoFile]:
        return sorted(self.files.values(), key=lambda demo_file: (demo_file.order, demo_file.name))


demo_data = DemoData()

"""Loads the Hai Phong 2023 demo data set through the same services officers use.

Every app declares its data file and the kinds of record in it (core/plugins.py, `demo_data`); this module knows no
app. For each file, in order, and each kind of the file, in the order the file declares, every row is turned into
the service's keyword arguments (natural keys through the declared converters) and handed to the service, unless its
record is already there (the kind's natural key). Idempotent, so `load_demo` can run on every `make demo`."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from phoihop.core.plugins import DemoKind, FieldSpec, demo_data
from phoihop.demo import read


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n


class Loader:
    def __init__(self, report: LoadReport) -> None:
        self.report = report
        # One object per natural key and run: a user's agency scope, a plan, an enterprise are looked up once.
        self.cache: dict[tuple[str, str], Any] = {}

    def convert(self, name: str, value: Any) -> Any:
        if value is None:
            return None
        key = (name, json.dumps(value, ensure_ascii=False))
        if key not in self.cache:
            self.cache[key] = demo_data.converters[name](value)
        return self.cache[key]

    def converted(self, spec: FieldSpec, value: Any) -> Any:
        if isinstance(spec, list):
            return [self.convert(spec[0], item) for item in value]
        return self.convert(spec, value)

    def arguments(self, kind: DemoKind, row: dict[str, Any]) -> dict[str, Any]:
        arguments = {name: value for name, value in row.items() if name not in kind.then}
        arguments = copy.deepcopy(arguments)  # the file's rows are cached and must stay as read
        if "actor" in arguments:
            arguments["actor"] = self.convert("accounts.user", arguments["actor"])
        for path, spec in kind.fields.items():
            *parents, last = path.split(".")
            target = arguments
            for part in parents:
                target = target[part]
            if last in target:
                target[last] = self.converted(spec, target[last])
        return arguments

    def lookups(self, kind: DemoKind, arguments: dict[str, Any]) -> dict[str, Any] | None:
        """The lookups that find the record a row would create, or None for a kind without a natural key."""
        if kind.natural_key is None:
            return None
        return {lookup: _at(arguments, path) for lookup, path in kind.natural_key.items()} | kind.key_filter

    def load(self, kind: DemoKind, rows: Iterable[dict[str, Any]], parent: Any = None) -> None:
        for row in rows:
            arguments = self.arguments(kind, row)
            if kind.parent:
                arguments[kind.parent] = parent
            lookups = self.lookups(kind, arguments)
            record = None
            if lookups is None or not kind.model.objects.filter(**lookups).exists():
                if kind.version_of:
                    subject = arguments[kind.version_of]
                    subject.refresh_from_db()
                    arguments["expected_version"] = subject.version
                record = kind.service(**arguments)
                self.report.count(kind.key)
            for name, child_key in kind.then.items():
                child = demo_data.kinds[child_key]
                if record is None and child.natural_key is None:
                    continue
                owner = record if record is not None else kind.model.objects.get(**(lookups or {}))
                children = row.get(name, [])
                self.load(child, children if isinstance(children, list) else [children], parent=owner)


def _at(arguments: dict[str, Any], path: str) -> Any:
    value: Any = arguments
    for part in path.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    return value


@transaction.atomic
def load_demo(only: Iterable[str] | None = None) -> LoadReport:
    """Load every app's demo data file, or only the files named in `only` (tests that need part of the set)."""
    report = LoadReport()
    loader = Loader(report)
    wanted = set(only) if only is not None else None
    for demo_file in demo_data.ordered_files():
        if wanted is not None and demo_file.name not in wanted:
            continue
        data = read(demo_file.name)
        for key in demo_file.kinds:
            loader.load(demo_data.kinds[key], data.get(key, []))
    return report


def demo_logins() -> list[tuple[str, str]]:
    """(username, password) of every demo account, in the order of the data files."""
    return [
        (row["username"], row["password"])
        for demo_file in demo_data.ordered_files()
        for row in read(demo_file.name).get("accounts.user", [])
    ]

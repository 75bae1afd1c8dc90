"""The apps form layers, and an app imports only from the layers below it: no import cycle between apps, `core`
imports no other app, and `directory` no domain app (docs/architecture.md, "Layers"). Apps reach upward only through
the registries of core/plugins.py. Imports under `if TYPE_CHECKING:` are type hints, not dependencies, and the demo
package (which loads every app's data) is left out. `make check-layers` runs this file alone."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "phoihop"

# Bottom to top. An app may import apps of lower layers only; apps of one layer do not import each other.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset({"core"}),
    frozenset({"accounts"}),
    frozenset({"spreadsheets"}),
    frozenset({"directory"}),
    frozenset({"planning"}),
    frozenset({"indicators"}),
    frozenset({"activities", "organizing", "oversight", "practices", "housing"}),
    frozenset({"cases"}),
    frozenset({"workforce"}),  # reuses the public page's rate limit from cases
    frozenset({"reports"}),
    frozenset({"dashboard"}),  # the home page reads the plan, values and reports
)
LEFT_OUT = {"demo"}


def layer_of(app: str) -> int:
    for number, layer in enumerate(LAYERS):
        if app in layer:
            return number
    raise AssertionError(f"App {app!r} is in no layer: add it to LAYERS in {__file__} (and to docs/architecture.md)")


def import_edges(root: Path = SRC) -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) → where, for every run-time `phoihop.<app>` import between two apps."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if len(relative.parts) < 2 or "migrations" in relative.parts or relative.parts[0] in LEFT_OUT:
            continue
        app = relative.parts[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                typing_only |= {id(inner) for statement in node.body for inner in ast.walk(statement)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module:
                modules = [node.module]
            elif isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            else:
                continue
            for module in modules:
                parts = module.split(".")
                if len(parts) < 2 or parts[0] != "phoihop" or parts[1] in (app, *LEFT_OUT):
                    continue
                if (root / parts[1]).is_dir():
                    edges[(app, parts[1])].append(f"{relative}:{node.lineno}")
    return edges


def cycles(edges: dict[tuple[str, str], list[str]]) -> list[set[str]]:
    """Groups of apps that import each other, directly or round a loop (strongly connected, more than one app)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
    reach = {app: _reachable(graph, app) for app in list(graph)}
    groups: list[set[str]] = []
    for app, reached in reach.items():
        group = {other for other in reached if app in reach.get(other, set())} | {app}
        if len(group) > 1 and group not in groups:
            groups.append(group)
    return groups


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = list(graph[start])
    while stack:
        app = stack.pop()
        if app not in seen:
            seen.add(app)
            stack.extend(graph.get(app, ()))
    return seen


def test_every_app_is_in_a_layer() -> None:
    apps = {path.parent.name for path in SRC.glob("*/apps.py")} - LEFT_OUT
    for app in apps:
        layer_of(app)


def test_no_import_cycle_between_apps() -> None:
    assert cycles(import_edges()) == []


def test_apps_import_only_from_lower_layers() -> None:
    upward = {
        f"{source} -> {target}": where[:3]
        for (source, target), where in import_edges().items()
        if layer_of(target) >= layer_of(source)
    }
    assert upward == {}


@pytest.mark.parametrize("base", ["core", "accounts", "directory"])
def test_the_base_apps_import_no_domain_app(base: str) -> None:
    allowed = {"core", "accounts", "directory"}
    assert {target for (source, target) in import_edges() if source == base} <= allowed


def test_the_check_sees_a_planted_cycle(tmp_path: Path) -> None:
    """The checker itself: two apps importing each other are found, a type-only import is not."""
    for app, other in (("alpha", "beta"), ("beta", "alpha")):
        (tmp_path / app).mkdir()
        (tmp_path / app / "views.py").write_text(f"from phoihop.{other}.models import Thing\n")
    (tmp_path / "gamma").mkdir()
    (tmp_path / "gamma" / "views.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from phoihop.alpha.models import Thing\n"
    )
    edges = import_edges(tmp_path)
    assert set(edges) == {("alpha", "beta"), ("beta", "alpha")}
    assert cycles(edges) == [{"alpha", "beta"}]


def test_views_api_modules_and_forms_read_only_through_selectors() -> None:
    """No `Model.objects` query in a view, an API module or a form: reads go through the app's selectors, which
    start from the user's scope (docs/architecture.md, "How a request flows")."""
    readers = [
        path
        for pattern in ("*/views.py", "*/views/*.py", "*/api.py", "*/api/*.py", "*/forms.py")
        for path in SRC.glob(pattern)
    ]
    assert len(readers) > 30
    direct = [
        f"{path.relative_to(SRC)}:{number}"
        for path in readers
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ".objects." in line and not line.lstrip().startswith("#")
    ]
    assert direct == []

"""The import graph of the `symbolic`, `codegen` and `symgrad` packages, read from the source with `ast`.

Every import statement counts, at module level or inside a function (a deferred import still
ties the modules together). Edges go to the module actually named: `from . import emit` is an
edge to codegen.emit, `from .graph import Graph` to symbolic.graph; the implicit import of a
parent package's __init__ is not an edge. Rules (developers' guide): no import cycles; the CLI
(codegen/cli.py, codegen/kernel_cli.py, codegen/cache_cli.py) imports the rest and nothing else imports it;
symbolic/ never imports codegen/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("symbolic", "codegen", "symgrad")
CLI = {"codegen.cli", "codegen.kernel_cli", "codegen.cache_cli"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    found = {
        _module_name(p): p
        for pkg in PACKAGES
        for p in sorted((ROOT / pkg).rglob("*.py"))
        if "__pycache__" not in p.parts
    }
    assert "symbolic.graph" in found and "codegen.cli" in found, "package sources not found"
    return found


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom, known: dict[str, Path]) -> list[str]:
    """Fully qualified names an import statement binds (module, or module.attribute)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.level:
        base = module.split(".")
        if not is_package:
            base = base[:-1]
        base = base[: len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module or ""
    out = []
    for alias in node.names:
        full = f"{prefix}.{alias.name}"
        out.append(full if full in known else prefix)  # a submodule, or an attribute of prefix
    return out


def import_graph() -> dict[str, set[str]]:
    """module → the package modules it imports (anywhere in its body)."""
    mods = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(name, path.name == "__init__.py", node, mods):
                    while target and target not in mods:  # symbolic.graph.Graph → symbolic.graph
                        target = target.rpartition(".")[0]
                    if target and target != name:
                        deps.add(target)
        graph[name] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [a, b, …, a], or None (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for root in sorted(graph):
        if state.get(root):
            continue
        path, iters = [root], [iter(sorted(graph[root]))]
        state[root] = 1
        while path:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
            elif state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(sorted(graph.get(nxt, ()))))
    return None


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


def test_the_scanner_sees_deferred_and_relative_imports():
    """The checker itself: a function-level relative import is an edge, a cycle is found."""
    g = import_graph()
    assert "symbolic.graph" in g["symbolic.spec"]
    assert "codegen.kernel_cli" in g["codegen.cli"]  # imported inside command handlers
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles(graph):
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_nothing_imports_the_cli(graph):
    offenders = {m: sorted(d & CLI) for m, d in graph.items() if m not in CLI and d & CLI}
    assert not offenders, f"only the CLI may import the CLI modules: {offenders}"


def test_symbolic_never_imports_codegen(graph):
    offenders = {
        m: sorted(x for x in d if x.split(".")[0] == "codegen")
        for m, d in graph.items()
        if m.split(".")[0] == "symbolic"
    }
    offenders = {m: d for m, d in offenders.items() if d}
    assert not offenders, f"symbolic/ must not depend on codegen/: {offenders}"

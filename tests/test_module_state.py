"""No mutable module globals in the packages (kernels are used from threads; state belongs in
explicit objects such as codegen.build.KernelStore), checked on the source with `ast`:

* no `global` statement anywhere;
* a module-level container (a dict, list or set display or comprehension, or a call to dict,
  list, set, defaultdict, OrderedDict, Counter, deque) is never mutated inside a function or
  method: no item assignment or deletion, no augmented assignment, no mutating method call.
  Filling a table while the module is imported is fine (that is construction, not state);
* no assignment to an attribute of an imported module or object (no run-time switches such as
  a kink policy flipped for every thread).
"""

from __future__ import annotations

import ast
import contextlib
import io
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("symbolic", "codegen", "symgrad")
CONTAINER_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"}
MUTATORS = {
    "append",
    "extend",
    "insert",
    "add",
    "update",
    "setdefault",
    "pop",
    "popitem",
    "clear",
    "remove",
    "discard",
    "sort",
    "reverse",
    "appendleft",
    "extendleft",
    "popleft",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
    "__setitem__",
    "__delitem__",
}


def _sources() -> list[Path]:
    files = [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py")) if "__pycache__" not in p.parts]
    assert any(p.name == "graph.py" for p in files), "package sources not found"
    return files


def _is_container(value: ast.expr | None) -> bool:
    if isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)):
        return True
    if isinstance(value, ast.Call):
        f = value.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        return name in CONTAINER_CALLS
    return False


def module_containers(tree: ast.Module) -> set[str]:
    """Names bound to a container by a module-level (possibly annotated) assignment."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and _is_container(node.value):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and _is_container(node.value) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _local_names(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """Names a function binds itself (parameters, assignments): these shadow module names."""
    args = fn.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def mutations(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, name) of every mutation of a module-level container inside a function body."""
    containers = module_containers(tree)
    found: list[tuple[int, str]] = []
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        watched = containers - _local_names(fn)
        for node in ast.walk(fn):
            targets: list[ast.expr] = []
            if isinstance(node, (ast.Assign, ast.Delete)):
                targets = [t for t in node.targets if isinstance(t, ast.Subscript)]
            elif isinstance(node, ast.AugAssign):
                targets = [node.target]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS:
                targets = [node.func.value]
            for t in targets:
                name = _root_name(t)
                if name in watched:
                    found.append((node.lineno, name))
    return found


def imported_attribute_writes(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, target) of every assignment to an attribute of an imported module or object, e.g.
    `kinks.POLICY = …` (a switch flipped at run time for every thread)."""
    imported = {
        (a.asname or a.name).split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, (ast.Import, ast.ImportFrom))
        for a in n.names
    }
    found = []
    for node in ast.walk(tree):
        targets = (
            node.targets
            if isinstance(node, (ast.Assign, ast.Delete))
            else [node.target]
            if isinstance(node, (ast.AugAssign, ast.AnnAssign))
            else []
        )
        for t in targets:
            if isinstance(t, ast.Attribute) and _root_name(t) in imported:
                found.append((node.lineno, ast.unparse(t)))
    return found


def test_the_checker_finds_what_it_forbids():
    src = (
        "CACHE = {}\nSEEN: set = set()\nTABLE = {'a': 1}\nTABLE['b'] = 2\n"
        "def f(x):\n    CACHE[x] = 1\n    SEEN.add(x)\n"
        "def g(CACHE):\n    CACHE[1] = 2\n    local = {}\n    local[1] = 2\n"
        "def h():\n    global N\n"
    )
    tree = ast.parse(src)
    assert sorted(mutations(tree)) == [(6, "CACHE"), (7, "SEEN")]  # not TABLE (import time),
    assert any(isinstance(n, ast.Global) for n in ast.walk(tree))  # not a shadowing parameter
    flips = ast.parse(
        "import kinks as k\nfrom x import Conf\ndef f(self):\n    k.POLICY = 1\n"
        "    Conf.level += 1\n    self.level = 2\n"
    )
    assert imported_attribute_writes(flips) == [(4, "k.POLICY"), (5, "Conf.level")]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_global_statement(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    lines = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Global)]
    assert not lines, f"{path.relative_to(ROOT)}: `global` at line(s) {lines}; keep state in an object"


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_container_mutated_at_run_time(path: Path):
    found = mutations(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    assert not found, f"{path.relative_to(ROOT)}: module-level container mutated at run time: " + ", ".join(
        f"{n} (line {ln})" for ln, n in found
    )


def test_build_state_lives_in_kernel_stores():
    """codegen.build's per-process state is a KernelStore: separate stores do not share it, and
    the default store warns once per refused root even when many threads race to warn."""
    from codegen import build

    assert isinstance(build.default_store(), build.KernelStore)
    assert build.default_store() is build.default_store()
    a, b = build.KernelStore(), build.KernelStore()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        threads = [threading.Thread(target=a.warn_once, args=("/root-x", "unsafe", Path("/tmp/f"))) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        b.warn_once("/root-x", "unsafe", Path("/tmp/f"))
    printed = [ln for ln in err.getvalue().splitlines() if "/root-x" in ln]
    assert len(printed) == 2  # one from store a (8 threads), one from store b
    a.forget()
    with contextlib.redirect_stderr(io.StringIO()) as again:
        a.warn_once("/root-x", "unsafe", Path("/tmp/f"))
    assert "/root-x" in again.getvalue()  # forget() behaves like a new process


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_attribute_switched_at_run_time(path: Path):
    found = imported_attribute_writes(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    assert not found, f"{path.relative_to(ROOT)}: assigns another module's attribute: " + ", ".join(
        f"{t} (line {ln})" for ln, t in found
    )

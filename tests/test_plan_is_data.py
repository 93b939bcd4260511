"""Planning is data, C is the backend's (issue 9 item 3).

The planning modules (layout, per-function plans, sections and steps, scalar runs, stability
rewrites, op lowering) import nothing from the C backend (codegen.c_render, codegen.cprinter,
Jinja, SymPy's printers), and the plans they build for every bundled example hold data only:
buffers, integers, identifier-like names, SymPy expressions, index terms, GEMM records. A scan
of the string literals of every module then checks that C syntax is written only by the backend
modules (the printer, the renderer, the C-safety helpers) and the templates.
"""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest
import sympy as sp

from codegen import lower_batch
from codegen.emit import FUNCTIONS, plan_all
from codegen.plan_layout import Field
from symbolic.spec import load_spec

ROOT = Path(__file__).resolve().parents[1]
PLANNING = (
    "codegen/plan_layout.py",
    "codegen/plan_functions.py",
    "codegen/plan_rewrite.py",
    "codegen/lower_batch.py",
    "codegen/scalar_block.py",
    "codegen/op_lowering.py",
)
BACKEND = ("codegen/c_render.py", "codegen/cprinter.py", "codegen/c_safe.py")
FORBIDDEN_IMPORTS = ("codegen.c_render", "codegen.cprinter", "codegen.emit", "jinja2", "sympy.printing")

# C syntax in a string literal: a call of a runtime function, the real type, a C loop, a
# preprocessor line, a per-sample row index, a typed declaration, a statement's end, a ternary
C_MARKERS = re.compile(
    r"\bsg_\w+\(|\bsg_real\b|\bfor \(int |#include\s*[\"<]|#ifn?def\b|#define\b|\w\[s\*"
    r"|\bconst (?:double|float) \w|\);$|;  /\*|\) > 0 \?"
)
# characters that no planned name or mode may contain: C operators, brackets, statement ends
C_CHARS = re.compile(r"[;\[\]{}()*+=#/&|<>!?]")


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(absolute module, imported names) of each import statement of a codegen module."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = "codegen" + ("." + base if base else "")
            out.append((base, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
    return out


@pytest.mark.parametrize("rel", PLANNING)
def test_planning_imports_nothing_from_the_c_backend(rel):
    for module, names in _imports(ROOT / rel):
        assert not any(module == f or module.startswith(f + ".") for f in FORBIDDEN_IMPORTS), (rel, module)
        for n in names:
            assert f"{module}.{n}" not in FORBIDDEN_IMPORTS, (rel, module, n)
        if module == "codegen.c_safe":  # identifier sanitising only: a name valid in C is valid elsewhere
            assert names == ["c_identifier"], (rel, names)


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and n.body:
            first = n.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def _c_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        (n.lineno, n.value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs and C_MARKERS.search(n.value)
    ]


def test_only_the_backend_writes_c_syntax():
    files = [p for pkg in ("codegen", "symbolic", "symgrad") for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(files) > 20
    offenders = {}
    for p in files:
        rel = p.relative_to(ROOT).as_posix()
        if rel in BACKEND:
            continue
        hits = _c_literals(p)
        if hits:
            offenders[rel] = hits[:3]
    assert not offenders, offenders
    # the criterion is live: the backend modules do write C
    assert _c_literals(ROOT / "codegen/c_render.py") and _c_literals(ROOT / "codegen/cprinter.py")
    ops = (ROOT / "templates" / "ops.c.j2").read_text(encoding="utf-8")
    assert "sg_real" in ops and "for (int" in ops


# ---- the plans themselves -----------------------------------------------------------------------

# free text shown in comments (sanitised by the backend) and user names: not checked for C chars
_LABELS = {(lower_batch.Step, "comment"), (Field, "name")}
_LABEL_KEYS = {"sum_of", "out"}  # mm_tile's summed terms (comment text); a Jacobian block's output name


def _walk(obj, path: str, seen: set[int], found: dict):
    """Every str reachable from `obj` (dataclass fields, dicts, sequences, plain objects), with
    its path; fails on callables (rendering hooks) and other unexpected objects."""
    if isinstance(obj, str):
        found.setdefault("str", []).append((path, obj))
        return
    if obj is None or isinstance(obj, bool | int | float):
        return
    if isinstance(obj, sp.Basic):
        found.setdefault("sympy", []).append(path)
        for s in obj.free_symbols:
            assert re.fullmatch(r"[A-Za-z_]\w*", s.name), (path, s.name)
        return
    if id(obj) in seen:
        return
    seen.add(id(obj))
    found.setdefault(type(obj).__name__, []).append(path)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            if (type(obj), f.name) in _LABELS:
                continue
            _walk(getattr(obj, f.name), f"{path}.{f.name}", seen, found)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _walk(k, f"{path}[key]", seen, found)
            if k not in _LABEL_KEYS:
                _walk(v, f"{path}[{k!r}]", seen, found)
    elif isinstance(obj, list | tuple | set | frozenset):
        if path.endswith(".writes") or "['writes']" in path:
            obj = [w[:-1] if isinstance(w, tuple) and w and isinstance(w[-1], str) else w for w in obj]
        for i, v in enumerate(obj):
            _walk(v, f"{path}[{i}]", seen, found)
    elif isinstance(obj, lower_batch.Namer | lower_batch.Workspace):
        _walk(vars(obj), path, seen, found)
    else:
        raise AssertionError(f"{path}: unexpected {type(obj).__name__} in a plan (data only)")


def _examples() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.toml"))


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
def test_plans_of_every_example_hold_no_c_text(path):
    g = load_spec(path)
    layout, plans = plan_all(g, "float64", FUNCTIONS)
    found: dict = {}
    _walk(layout, "layout", set(), found)
    for fn, p in plans.items():
        _walk(p, fn, set(), found)
        # GEMM calls are records too (computed on demand from the mm_tile / red_outer steps)
        for st in p.pre + p.tile + p.post:
            for s in st[1]["steps"] if isinstance(st, tuple) else [st]:
                if s.kind == "mm_tile":
                    calls = lower_batch.mm_tile_gemms(s, True) + lower_batch.mm_tile_gemms(s, False)
                elif s.kind == "red_outer":
                    calls = lower_batch.red_outer_gemms(s)
                else:
                    continue
                assert calls and all(isinstance(c, lower_batch.Gemm | lower_batch.GemmDot) for c in calls)
                _walk(calls, f"{fn}.{s.kind}.calls", set(), found)
    bad = [(where, s) for where, s in found.get("str", []) if C_CHARS.search(s) or s.startswith("sg_")]
    assert not bad, bad[:5]
    assert found.get("Step"), path.stem


def test_plans_use_structured_references_and_gemm_records():
    """The layered MLP's plans reach every structured form: element references with index
    terms, SymPy bodies, GEMM records with both accumulate modes of the tile loop."""
    g = load_spec(ROOT / "examples" / "mlp_tanh.toml")
    _, plans = plan_all(g, "float64", ("forward", "loss_grad", "hvp"))
    found: dict = {}
    modes = set()
    for fn, p in plans.items():
        _walk(p, fn, set(), found)
        for st in p.tile:
            if st.kind == "mm_tile":
                modes |= {c.accumulate for c in lower_batch.mm_tile_gemms(st, False)}
            elif st.kind == "red_outer":
                modes |= {c.accumulate for c in lower_batch.red_outer_gemms(st)}
    assert found.get("Ref") and found.get("sympy") and found.get("Finish")
    assert {"store", "after_first_tile"} <= modes, modes

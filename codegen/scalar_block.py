"""Straight-line bodies for runs of scalar elementwise assignments (weight-by-weight specs).

A spec written weight by weight (z1_0 = w1_0_0*x0 + w1_0_1*x1 + b1_0, ...) derives into
thousands of scalar assignments. Lowered one loop per assignment, each gets its own tile array,
its own vectorised loop and its own SymPy rewrite + CSE + print: emission, C size and compile
time all grow with a large constant per assignment. Here a run of consecutive scalar
assignments becomes one loop over the samples of the tile whose body is straight-line code
with one local per value: only values read outside the run are stored to tile arrays, and
per-sample reductions (Σ_s of a scalar) are accumulated in place.

Common subexpressions are removed in one linear pass over the whole run (value numbering: an
assignment whose template, over the value numbers of its operands, was seen before reuses the
earlier local; copies `a = b` cost nothing), and each template is kept once, so the work and
the emitted text are linear in the number of assignments. Templates with a repeated subtree of
their own still go through SymPy's `cse` (one small call for that template only).

Planning only: the block holds SymPy expressions and operand references; the C backend
(codegen.c_render) prints each expression once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

from symbolic.graph import Assignment, sym

from .plan_rewrite import prepare


@dataclass
class ScalarBlock:
    """The body of one loop over the samples of a tile (the `scalar_block` step).

    body() lists the statements in order: ("let", local, value) defines a local, the value being
    a SymPy expression over earlier locals or an operand reference (`load(name)`: loads are
    placed before their first use), ("store", reference, local) writes a value read outside the
    run, ("acc", reference, local) adds it to its per-call sum. Stores and
    sums follow the definition of their value directly and operands are loaded where first
    used: short live ranges keep the compiler's register allocation cheap on long bodies."""

    lines: list = field(default_factory=list)  # ("let", local name, expr or operand reference)
    after: dict = field(default_factory=dict)  # index into lines → [("store"|"acc", lv, local)]

    def body(self) -> list:
        out = []
        for i, ln in enumerate(self.lines):
            out.append(ln)
            out += self.after.get(i, ())
        return out


def _has_repeat(expr: sp.Expr) -> bool:
    """Whether a non-atomic subtree occurs twice in `expr` (then a local CSE pays)."""
    seen: set = set()
    for t in sp.preorder_traversal(expr):
        if t.is_Atom or (t.is_Pow and t.exp.is_Integer and t.base.is_Atom):
            continue
        if t in seen:
            return True
        seen.add(t)
    return False


class BlockWriter:
    """Accumulates one run of scalar assignments; `add` returns the local holding the value.

    `load(name)` gives the reference (at sample s) of an operand defined outside the run; `dtype`
    is kept for callers (printing, where it matters, is the backend's)."""

    def __init__(self, dtype: str, load: Callable[[str], Any]):
        self.dtype = dtype
        self.load = load
        self.block = ScalarBlock()
        self.local: dict[str, sp.Symbol] = {}  # IR name → local symbol
        self.line_of: dict[sp.Symbol, int] = {}  # local → index of its defining line
        self.numbered: dict[sp.Expr, sp.Symbol] = {}  # template over locals → local (value numbers)
        self.n = 0

    def _new(self, prefix: str) -> sp.Symbol:
        self.n += 1
        return sp.Symbol(f"{prefix}{self.n}", real=True)

    def _let(self, v: sp.Symbol, value: Any) -> None:
        self.line_of[v] = len(self.block.lines)
        self.block.lines.append(("let", v.name, value))

    def _operand(self, name: str) -> sp.Symbol:
        v = self.local.get(name)
        if v is None:
            v = self._new("l")
            self._let(v, self.load(name))
            self.local[name] = v
        return v

    def add(self, a: Assignment) -> str:
        """Lower `a` (op 'ew', scalar operands) into the run; returns its local's name."""
        assert a.expr is not None, a.name
        rep = {sym(x): self._operand(x) for x in a.args}
        e = a.expr.xreplace(rep)
        if e.is_Symbol and e in rep.values():  # a copy: alias, no statement
            self.local[a.name] = e
            return e.name
        hit = self.numbered.get(e)
        if hit is None:
            hit = self._emit(e)
            self.numbered[e] = hit
        self.local[a.name] = hit
        return hit.name

    def _emit(self, e: sp.Expr) -> sp.Symbol:
        e = prepare(e)
        if _has_repeat(e):
            subs, red = sp.cse(e, symbols=iter(lambda: self._new("q"), None), optimizations=None)
            for v, x in subs:
                self._let(v, x)
            e = red[0]
        v = self._new("v")
        self._let(v, e)
        return v

    def _after(self, name: str, kind: str, target: Any) -> None:
        v = self.local[name]
        self.block.after.setdefault(self.line_of[v], []).append((kind, target, v.name))

    def store(self, name: str, target: Any) -> None:
        """Write the value of `name` to `target` (a reference; read outside the run)."""
        self._after(name, "store", target)

    def accumulate(self, name: str, target: Any) -> None:
        """Add the value of `name` to `target` (a reference: its sum over the samples)."""
        self._after(name, "acc", target)

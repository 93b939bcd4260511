"""Emitter: appends primitive assignments (fresh names, known shapes) for the derivation passes
(reverse.py, tangent.py). Not to be confused with builders.py, which writes whole MLP specs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sympy as sp

from .graph import Assignment, Shape, sym


class Emitter:
    """Appends assignments with unique names; knows every name's shape."""

    def __init__(self, shapes: dict[str, Shape], role: str) -> None:
        self.shapes = dict(shapes)
        self.out: list[Assignment] = []
        self.role = role
        self.counts: dict[str, int] = {}

    def fresh(self, base: str) -> str:
        k = self.counts.get(base, 0) + 1
        self.counts[base] = k
        return f"{base}#{k}"

    def emit(
        self,
        name: str,
        op: str,
        args: Iterable[str],
        shape: Shape,
        expr: sp.Expr | None = None,
        hidden: bool = True,
        **attrs: Any,
    ) -> str:
        a = Assignment(name, op, tuple(args), tuple(shape), expr, dict(attrs), hidden=hidden, role=self.role)
        self.out.append(a)
        self.shapes[name] = a.shape
        return name

    def ew(self, base: str, expr: Any, shape: Shape, name: str | None = None) -> str:
        """Emit an elementwise assignment (or reuse a bare symbol when expr is just a name)."""
        expr = sp.sympify(expr)
        if (
            name is None
            and isinstance(expr, sp.Symbol)
            and expr.name in self.shapes
            and self.shapes[expr.name] == tuple(shape)
        ):
            return str(expr.name)
        args = sorted(s.name for s in expr.free_symbols)
        return self.emit(name or self.fresh(base), "ew", args, shape, expr)

    def op(self, base: str, op: str, args: Iterable[str], shape: Shape, **attrs: Any) -> str:
        return self.emit(self.fresh(base), op, args, shape, **attrs)

    def add(self, base: str, terms: list[str], shape: Shape, name: str | None = None) -> str:
        if len(terms) == 1 and name is None:
            return terms[0]
        return self.ew(base, sp.Add(*[sym(t) for t in terms]), shape, name=name)

    def matmul(self, base: str, a: str, ta: bool, b: str, tb: bool) -> str:
        sa, sb = self.shapes[a], self.shapes[b]
        ea = (sa[1], sa[0]) if (ta and len(sa) == 2) else sa
        eb = (sb[1], sb[0]) if (tb and len(sb) == 2) else sb
        shape = ea[:-1] + eb[1:]
        return self.op(base, "matmul", [a, b], shape, ta=bool(ta and len(sa) == 2), tb=bool(tb and len(sb) == 2))

    def outer(self, base: str, a: str, b: str) -> str:
        return self.op(base, "outer", [a, b], (self.shapes[a][0], self.shapes[b][0]))

    def rename(self, old: str, new: str) -> bool:
        """Rename an emitted, not-yet-referenced temporary (a contribution) to its final name."""
        for a in reversed(self.out):
            if a.name == old:
                a.name = new
                self.shapes[new] = self.shapes.pop(old)
                return True
        return False

    def rename_last(self, old: str, new: str) -> bool:
        """Give the most recent assignment a final name if it is `old` (avoids a copy)."""
        if self.out and self.out[-1].name == old:
            self.out[-1].name = new
            self.shapes[new] = self.shapes.pop(old)
            return True
        return False

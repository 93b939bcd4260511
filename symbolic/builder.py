"""A small emitter used by the derivation passes to append primitive assignments."""
from __future__ import annotations

import sympy as sp

from .graph import Assignment, Shape, sym


class Emitter:
    """Appends assignments with unique names; knows every name's shape."""

    def __init__(self, shapes: dict[str, Shape], role: str):
        self.shapes = dict(shapes)
        self.out: list[Assignment] = []
        self.role = role
        self.counts: dict[str, int] = {}

    def fresh(self, base: str) -> str:
        k = self.counts.get(base, 0) + 1
        self.counts[base] = k
        return f"{base}#{k}"

    def emit(self, name: str, op: str, args, shape: Shape, expr=None, hidden=True, **attrs) -> str:
        a = Assignment(name, op, tuple(args), tuple(shape), expr, dict(attrs), hidden=hidden, role=self.role)
        self.out.append(a)
        self.shapes[name] = a.shape
        return name

    def ew(self, base: str, expr, shape: Shape, name: str | None = None) -> str:
        """Emit an elementwise assignment (or reuse a bare symbol when expr is just a name)."""
        expr = sp.sympify(expr)
        if name is None and isinstance(expr, sp.Symbol) and expr.name in self.shapes \
                and self.shapes[expr.name] == tuple(shape):
            return expr.name
        args = sorted(s.name for s in expr.free_symbols)
        return self.emit(name or self.fresh(base), "ew", args, shape, expr)

    def op(self, base: str, op: str, args, shape: Shape, **attrs) -> str:
        return self.emit(self.fresh(base), op, args, shape, **attrs)

    def add(self, base: str, terms: list[str], shape: Shape, name: str | None = None) -> str:
        if len(terms) == 1 and name is None:
            return terms[0]
        return self.ew(base, sp.Add(*[sym(t) for t in terms]), shape, name=name)

    def matmul(self, base, a, ta, b, tb) -> str:
        sa, sb = self.shapes[a], self.shapes[b]
        ea = (sa[1], sa[0]) if (ta and len(sa) == 2) else sa
        eb = (sb[1], sb[0]) if (tb and len(sb) == 2) else sb
        shape = ea[:-1] + eb[1:]
        return self.op(base, "matmul", [a, b], shape, ta=bool(ta and len(sa) == 2),
                       tb=bool(tb and len(sb) == 2))

    def outer(self, base, a, b) -> str:
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

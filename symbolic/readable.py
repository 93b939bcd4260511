"""Readable right-hand sides for a derivation's programs: no hidden temporary is ever shown.

Each hidden temporary (a name with '#') is either named after the user's quantity it is part of
(the items of a stack z become z[0], z[1]; the entries of softmax([z1, z2]) become s1, s2 when the
spec names them) or inlined into its users. Small vectors are written out entry by entry when one
entry is taken, and the results get their textbook forms: softmax(z) for exp(log_softmax(z)),
softmax(z)·Σ(y) − y for the cross-entropy gradient, (diag(s) − s sᵀ)·g for the softmax Jacobian.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .display import DIndex, DNamed, DSoftmaxJac, DStack, DSum, literal, op_expr, unwrap
from .graph import Assignment, Graph, all_indices, size, sym

MAX_WRITTEN_OUT = 64  # vectors up to this many entries may be written out entry by entry


class Readable:
    """Display expressions for the names of `program` (the graph's forward program plus any
    derived programs). With `aliases`, entries of a hidden vector that the spec names (s1 =
    softmax(…)[0]) are shown by those names; forward definitions are printed without them."""

    def __init__(self, graph: Graph, program: list[Assignment], aliases: bool = True):
        self.graph = graph
        self.leaves = graph.leaves()
        self.by_name: dict[str, Assignment] = {a.name: a for a in graph.assignments}
        self.by_name.update({a.name: a for a in program})
        self.shapes = {**self.leaves, **{n: a.shape for n, a in self.by_name.items()}}
        for n, shape in list(self.shapes.items()):  # directions u[p] and seeds v[out]
            self.shapes.setdefault(f"u[{n}]", shape)
            self.shapes.setdefault(f"v[{n}]", shape)
        self.forward = {a.name for a in graph.assignments}
        self.aliases = aliases
        self._names: dict[str, str | None] = {}
        self._rhs: dict[str, sp.Expr] = {}
        self._elems: dict[str, np.ndarray | None] = {}
        self.item_alias: dict[str, str] = {}  # hidden stack item → 'z[0]'
        self.entry_alias: dict[str, dict[tuple, str]] = {}  # hidden vector → {index: named entry}
        for a in graph.assignments:
            if a.op == "stack":
                owner = self.name_of(a.name)
                for i, x in enumerate(a.args):
                    alias = f"{owner}[{i}]"
                    if (
                        aliases
                        and owner
                        and "#" in x
                        and x in self.forward
                        and x not in self.item_alias
                        and alias not in self.forward
                    ):  # z[0] may already name an index node
                        self.item_alias[x] = alias
                        self._names.pop(x, None)
            if a.op == "index" and "#" in a.args[0] and "#" not in a.name and a.shape == ():
                self.entry_alias.setdefault(a.args[0], {})[tuple(a.attrs["idx"])] = a.name

    # ---- names ---------------------------------------------------------------------------------
    def name_of(self, n: str) -> str | None:
        """The name n is shown by, or None when n is a hidden temporary to be inlined."""
        if n not in self._names:
            self._names[n] = self._name_of(n)
        return self._names[n]

    def _name_of(self, n: str) -> str | None:
        if n in self.leaves:
            return n
        if n in self.forward:
            a = self.by_name[n]
            if not a.hidden or "#" not in n:
                return n
            return self.item_alias.get(n)
        for k in "dt":
            x = unwrap(n, k)
            if x is not None:
                shown = self.name_of(x)
                return f"{k}[{shown}]" if shown is not None else None
        for k in "uv":
            if unwrap(n, k) is not None:
                return n
        return None if "#" in n else n

    def is_listed(self, a: Assignment) -> bool:
        """Whether a program listing shows a line for `a` (hidden forward pieces are inlined)."""
        if a.name in self.forward:
            return not a.hidden
        return self.name_of(a.name) is not None

    # ---- expressions ---------------------------------------------------------------------------
    def ref(self, n: str) -> sp.Expr:
        """How a use of n is shown: its name, or its inlined definition."""
        shown = self.name_of(n)
        if shown is not None:
            return sym(shown)
        if n not in self.by_name:
            return sym(n)
        return self.rhs(self.by_name[n])

    def rhs(self, a: Assignment) -> sp.Expr:
        """The definition of `a` in terms of shown names only."""
        if a.name not in self._rhs:
            self._rhs[a.name] = tidy(self._build(a))
        return self._rhs[a.name]

    def _build(self, a: Assignment) -> sp.Expr:
        if a.op == "index":
            return self.entry(a.args[0], tuple(a.attrs["idx"]))
        if a.op == "sum":
            entries = self.entries(a.args[0])
            if entries is not None:
                return sp.Add(*entries.ravel())
        if a.op == "scatter":
            return literal(a.shape, {tuple(p): self.ref(x) for p, x in zip(a.attrs["positions"], a.args, strict=True)})
        return op_expr(a).xreplace({sym(x): self.ref(x) for x in a.args})

    def entry(self, n: str, idx: tuple[int, ...]) -> sp.Expr:
        """n[idx], written out when n is a small hidden vector whose entries are known."""
        entries = self.entries(n)
        if entries is not None and len(idx) == entries.ndim:
            return entries[idx]
        shown = self.name_of(n)
        return DIndex(sym(shown) if shown is not None else self.ref(n), *map(sp.Integer, idx))

    def entries(self, n: str) -> np.ndarray | None:
        """The entries of hidden vector n as an object array, or None when not written out."""
        if n not in self._elems:
            self._elems[n] = self._entries(n)
        return self._elems[n]

    def _entry_or_index(self, n: str) -> np.ndarray | None:
        shown = self.name_of(n)
        if shown is None:
            return self.entries(n)
        shape = self.shapes[n]
        if size(shape) > MAX_WRITTEN_OUT:
            return None
        out = np.empty(shape, dtype=object)
        for idx in all_indices(shape):
            out[idx] = DIndex(sym(shown), *map(sp.Integer, idx))
        return out

    def _entries(self, n: str) -> np.ndarray | None:
        shape = self.shapes.get(n, ())
        if shape == () or self.name_of(n) is not None or size(shape) > MAX_WRITTEN_OUT:
            return None
        named = self.entry_alias.get(n, {})
        if self.aliases and len(named) == size(shape):
            out = np.empty(shape, dtype=object)
            for idx in all_indices(shape):
                out[idx] = sym(named[idx])
            return out
        a = self.by_name.get(n)
        if a is None:
            return None
        if a.op == "stack":
            out = np.empty(shape, dtype=object)
            for i, x in enumerate(a.args):
                out[i] = self.ref(x)
            return out
        if a.op == "scatter":
            if any(self.shapes[x] != () for x in a.args):
                return None
            out = np.empty(shape, dtype=object)
            out.fill(sp.S.Zero)
            for x, p in zip(a.args, a.attrs["positions"], strict=True):
                out[tuple(p)] = out[tuple(p)] + self.ref(x)
            return out
        if a.op == "transpose":
            inner = self._entry_or_index(a.args[0])
            return None if inner is None else inner.T
        if a.op == "index":
            inner = self._entry_or_index(a.args[0])
            return None if inner is None else inner[tuple(a.attrs["idx"])]
        if a.op != "ew" or a.expr is None:
            return None
        parts, written = {}, False
        for x in a.args:
            if self.shapes[x] == ():
                parts[x] = self.ref(x)
            else:
                parts[x] = self._entry_or_index(x)
                if parts[x] is None:
                    return None
                written = written or self.name_of(x) is None
        if not written:  # only shown vectors: the whole-vector form reads better
            return None
        out = np.empty(shape, dtype=object)
        for idx in all_indices(shape):
            out[idx] = tidy(
                a.expr.xreplace({sym(x): (v[idx] if isinstance(v, np.ndarray) else v) for x, v in parts.items()})
            )
        return out


# ---- textbook forms -------------------------------------------------------------------------------


def _is_log_softmax(t) -> bool:
    return isinstance(t, DNamed) and t.args[0].name == "log_softmax"


def _sum_rule(t: DSum) -> sp.Expr:
    """Σ(c·X) = c·Σ(X) for a number c; Σ of a written-out vector is the sum of its entries."""
    x = t.args[0]
    if isinstance(x, DStack):
        return sp.Add(*x.args)
    c, rest = x.as_coeff_Mul()
    if c != 1 and c.is_Number:
        return c * DSum(rest)
    return t


def _softmax_jac(m: sp.Mul) -> sp.Expr:
    """s⊙(g − Σ(s⊙g)) → (diag(s) − s sᵀ)·g (an identity for any vector s)."""
    factors = list(m.args)
    for i, f in enumerate(factors):
        if not (f.is_Add and len(f.args) == 2):
            continue
        for neg, g in ((f.args[0], f.args[1]), (f.args[1], f.args[0])):
            inner = -neg
            if not isinstance(inner, DSum):
                continue
            prod = inner.args[0]
            others = factors[:i] + factors[i + 1 :]
            for j, s in enumerate(others):
                if sp.expand(prod - s * g) == 0:
                    rest = others[:j] + others[j + 1 :]
                    return sp.Mul(*rest) * DSoftmaxJac(s, g)
    return m


def tidy(e: sp.Expr) -> sp.Expr:
    """Textbook forms: softmax(z) for exp(log_softmax(z)), Σ(−y) = −Σ(y), the softmax Jacobian."""
    if not isinstance(e, sp.Basic):
        return e
    e = e.replace(
        lambda t: isinstance(t, sp.exp) and _is_log_softmax(t.args[0]),
        lambda t: DNamed(sp.Symbol("softmax"), *t.args[0].args[1:]),
    )
    e = e.replace(lambda t: isinstance(t, DSum), _sum_rule)
    if e.has(DSum):
        e = e.replace(lambda t: t.is_Mul and t.has(DSum), _softmax_jac)
    return e

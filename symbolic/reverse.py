"""Reverse mode on the assignment graph: adjoints (the δ of the notes) as new assignments.

Walk the program backwards once; for each assignment its op's VJP rule (registry `symbolic.ops`:
local partials from SymPy for elementwise templates, matrix rules for matmul, softmax, ...) adds
contributions to each argument's adjoint. Nothing is ever expanded to closed form here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

import sympy as sp

from .catalogue import sigmoid, softplus
from .emitter import Emitter
from .graph import Assignment, Graph, Shape, sym
from .ops import VJPContext, local_partial, rule


def adj(v: str) -> str:
    """Name of the adjoint ∂objective/∂v."""
    return f"d[{v}]"


@dataclass
class LocalPartial:
    """∂out/∂arg of one elementwise assignment, in terms of named quantities (table rows)."""

    out: str
    arg: str
    expr: sp.Expr


@dataclass
class Derivation:
    """The forward program plus its adjoint program; `adjoint[v]` is None where ∂J/∂v = 0."""

    graph: Graph
    of: str
    backward: list[Assignment]
    adjoint: dict[str, str | None]
    locals: list[LocalPartial] = field(default_factory=list)
    seed: str | None = None
    contributions: list[tuple[str, str, str]] = field(default_factory=list)  # (target, via, value name)
    report_only: tuple[str, ...] = ()  # adjoints computed for display/claims, used by nothing else

    @property
    def program(self) -> list[Assignment]:
        return self.graph.assignments + self.backward

    def grad_names(self) -> dict[str, str | None]:
        return {p: self.adjoint.get(p) for p in self.graph.params}


def ancestors(graph: Graph, of: str) -> set[str]:
    """Every name `of` depends on, itself included."""
    need = {of}
    for a in reversed(graph.assignments):
        if a.name in need:
            need.update(a.args)
    return need


@dataclass
class _Fused:
    """A consumer template whose log(p) / log(1 − p) of a probability p = σ(z) or softmax(z) was
    rewritten on the logits z (log-sigmoid / log-softmax); `original` keeps the template on p."""

    original: Assignment
    prob: str


def _log_of(node: sp.Expr, s: sp.Symbol) -> int:
    """+1 for log(s), −1 for log(1 − s), 0 otherwise."""
    if not isinstance(node, sp.log):
        return 0
    arg = node.args[0]
    if arg == s:
        return 1
    return -1 if arg.is_Add and sp.expand(arg + s - 1) == 0 else 0


def stable_losses(graph: Graph) -> tuple[Graph, dict[str, _Fused]]:
    """The forward program with log∘σ and log∘softmax fused (bce on a sigmoid, nll on a softmax):
    log σ(z) = −softplus(−z), log(1 − σ(z)) = −softplus(z), log softmax(z) = log_softmax(z). A
    saturated probability (σ(233) == 1.0, softmax 1e-239) keeps its value, gradient and H·u finite.
    Only where p's one consumer uses it inside such logs, with p and z of one shape."""
    users: dict[str, list[Assignment]] = defaultdict(list)
    for a in graph.assignments:
        for x in set(a.args):
            users[x].append(a)
    defs = {a.name: a for a in graph.assignments}
    out: list[Assignment] = []
    fused: dict[str, _Fused] = {}
    for a in graph.assignments:
        extra: dict[str, Assignment] = {}  # log_softmax assignments this consumer reads
        expr = a.expr
        if a.op == "ew" and expr is not None and expr.has(sp.log):
            for x in a.args:
                d = defs.get(x)
                if d is None or len(users[x]) != 1:
                    continue
                s = sym(x)
                is_sig = (
                    d.op == "ew"
                    and len(d.args) == 1
                    and d.expr == sigmoid(sym(d.args[0]))
                    and d.shape == graph.shape_of(d.args[0])
                )
                is_soft = d.op == "softmax"
                if not (is_sig or is_soft):
                    continue
                logs = [n for n in sp.preorder_traversal(expr) if _log_of(n, s)]
                if not logs or (is_soft and any(_log_of(n, s) < 0 for n in logs)):
                    continue
                z = sym(d.args[0])
                if is_sig:
                    rep = {n: (-softplus(-z) if _log_of(n, s) > 0 else -softplus(z)) for n in logs}
                    new_arg = d.args[0]
                else:
                    new_arg = f"{x}#log"
                    extra[x] = Assignment(new_arg, "log_softmax", (d.args[0],), d.shape, hidden=True)
                    rep = {n: sym(new_arg) for n in logs}
                new_expr = expr.xreplace(rep)
                if new_expr.has(s):  # p also appears outside the logs: leave this one alone
                    extra.pop(x, None)
                    continue
                fused.setdefault(a.name, _Fused(a, x))
                expr = new_expr
                args = [y for y in a.args if y != x]
                a = replace(a, expr=expr, args=tuple(dict.fromkeys(args + [new_arg])))
        out.extend(extra.values())
        out.append(a)
    if not fused:
        return graph, {}
    g = replace(graph, assignments=out)
    return g, fused


def reverse(
    graph: Graph, of: str | None = None, seed: str | None = None, seed_shape: Shape | None = None
) -> Derivation:
    """Adjoint program of `of` (default: the objective). With `seed`, the adjoint of `of` is
    the named input `seed` (a vector-Jacobian product), else 1. The objective's derivation runs
    on `stable_losses(graph)`; ∂J/∂p of a fused probability p is still reported (from the
    original template, not propagated: the logits' adjoint comes from the fused one)."""
    fused: dict[str, _Fused] = {}
    if seed is None and (of is None or of == graph.objective):
        graph, fused = stable_losses(graph)
    of = of or graph.objective
    shapes = {**graph.leaves(), **{a.name: a.shape for a in graph.assignments}}
    if seed is not None:
        shapes[seed] = seed_shape if seed_shape is not None else shapes[of]
    em = Emitter(shapes, role="adjoint")
    need = ancestors(graph, of)
    contrib: defaultdict[str, list[tuple[Any, ...]]] = defaultdict(list)
    done: set[str] = set()  # adjoints final before the walk (the seed 1)
    records: list[list[str]] = []
    renamed: dict[str, str] = {}
    ones: set[str] = set()
    current = [""]
    adjoint: dict[str, str | None] = {}
    locals_: list[LocalPartial] = []

    if seed is None:
        em.ew("", sp.S.One, (), name=adj(of))
        done.add(of)
        adjoint[of] = adj(of)
        ones.add(adj(of))
    else:
        contrib[of].append(("full", seed))

    def finalize(v: str) -> str | None:
        if v in done:
            return adjoint[v]
        terms = contrib.get(v, [])
        if not terms:
            adjoint[v] = None
            return None
        shape = shapes[v]
        full: list[str] = [t[1] for t in terms if t[0] == "full"]
        elems = [t for t in terms if t[0] == "elem"]
        if elems:
            full.append(em.op(adj(v), "scatter", [t[2] for t in elems], shape, positions=tuple(t[1] for t in elems)))
        if len(full) == 1 and not full[0].startswith(adj(v) + "#") and em.shapes[full[0]] == shape:
            adjoint[v] = full[0]  # alias: ∂J/∂v equals an adjoint already named
            return full[0]
        if len(full) == 1 and full[0].startswith(adj(v) + "#") and em.rename(full[0], adj(v)):
            renamed[full[0]] = adj(v)
        else:
            em.add(adj(v), full, shape, name=adj(v))
        last = next(a for a in reversed(em.out) if a.name == adj(v))
        if last.op == "ew" and not last.args and last.expr == 1:
            ones.add(adj(v))
        adjoint[v] = adj(v)
        return adj(v)

    def give(x: str, name: str) -> None:
        contrib[x].append(("full", name))
        records.append([x, current[0], name])

    def elem(x: str, idx: tuple[int, ...], name: str) -> None:
        contrib[x].append(("elem", idx, name))
        records.append([x, current[0], name])

    def local(out: str, arg: str, p: sp.Expr) -> None:
        locals_.append(LocalPartial(out, arg, p))

    for a in reversed(graph.assignments):
        if a.name not in need:
            continue
        g = finalize(a.name)
        if g is None:
            continue
        current[0] = a.name
        rule(a.op).vjp(a, VJPContext(em, shapes, g, g in ones, give, elem, local, adj))
    for leaf in list(graph.inputs) + list(graph.params):
        if leaf in need:
            finalize(leaf)
        else:
            adjoint[leaf] = None
    for a in graph.assignments:
        adjoint.setdefault(a.name, None)
    reported: list[str] = []
    for f in fused.values():  # report ∂J/∂p through the original template, never used further
        g = adjoint.get(f.original.name)
        if not g:
            continue
        p = local_partial(f.original, f.prob)
        if p != 0 and adjoint.get(f.prob) is None and f.original.shape == shapes[f.prob]:
            G = sp.S.One if g in ones else sym(g)
            name = em.ew(adj(f.prob), G * p, f.original.shape, name=adj(f.prob))
            adjoint[f.prob] = name
            reported.append(name)
    recs = [(t, via, renamed.get(n, n)) for t, via, n in records]
    return Derivation(graph, of, em.out, adjoint, locals_, seed, recs, tuple(reported))


__all__ = ["Derivation", "LocalPartial", "adj", "ancestors", "local_partial", "reverse", "stable_losses"]

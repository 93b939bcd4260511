"""A claimed quantity recomputed under explicit changes to its derivation: an additive change to
any named step-table quantity (value, local derivative, adjoint), and a chosen one-sided
derivative at each kink. The rounding and subgradient verdicts are built on it; every change is
an argument of the evaluation (no global switch).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
import sympy as sp

from . import catalogue as cat
from .claims import Claim
from .evaluate import compile_template, run_numeric
from .graph import Assignment, Graph, Shape, all_indices, sym
from .point import check_values, derivation
from .reverse import Derivation, local_partial, reverse

KINK_EPS = 1e-12  # |argument| at or below this is "at the kink"


@dataclass
class Site:
    """One place a named quantity can be changed: `keys` are its step-table names (one node
    may carry several, e.g. adjoint:b3 is adjoint:z3); `node` is added to after it is computed,
    or `eps` is the extra term of a local derivative inside its adjoint contribution."""

    keys: tuple[str, ...]
    shape: Shape
    node: str | None = None
    eps: str | None = None


@dataclass
class Instrumented:
    """A derivation whose local derivatives can be changed (eps terms) and whose kinks can take
    either side (side symbols), with the sites that name its quantities."""

    forward: list[Assignment]
    backward: list[Assignment]
    adjoint: dict[str, str | None]
    seed: str | None
    sites: list[Site] = field(default_factory=list)
    sides: dict[str, sp.Expr] = field(default_factory=dict)  # side symbol → kink argument


def side_symbol(k: int) -> str:
    return f"__side{k}"


def with_sides(expr: sp.Expr, sides: dict[sp.Expr, str]) -> sp.Expr:
    """Kink predicates get a side term: ifpos(u, a, b) → ifpos(u + s, a, b), sign(u) → sign(u + s).
    s = 0 is symgrad's policy; s = ±1 where u = 0 picks the right/left one-sided derivative."""

    def key(u):
        if u not in sides:
            sides[u] = side_symbol(len(sides))
        return sym(sides[u])

    expr = expr.replace(
        lambda e: isinstance(e, cat.ifpos), lambda e: cat.ifpos(e.args[0] + key(e.args[0]), *e.args[1:])
    )
    return expr.replace(lambda e: isinstance(e, sp.sign), lambda e: sp.sign(e.args[0] + key(e.args[0])))


def instrument(graph: Graph, d: Derivation, objective_adjoints: bool) -> Instrumented:
    """Add an eps term to every non-constant local derivative's contribution, side terms to every
    kink predicate, and list the sites (values; locals; adjoints when `objective_adjoints`)."""
    leaves = set(graph.leaves())
    back = list(d.backward)
    pos = {a.name: i for i, a in enumerate(back)}
    fwd = {a.name: a for a in graph.assignments}
    sites: list[Site] = []
    by_node: dict[str, Site] = {}
    for a in graph.assignments:
        if not a.hidden:
            s = Site((f"value:{a.name}",), a.shape, node=a.name)
            sites.append(s)
    if objective_adjoints:
        for v, n in d.adjoint.items():
            if n is None or "#" in v or v == graph.objective:
                continue
            if n in by_node:
                by_node[n].keys += (f"adjoint:{v}",)
                continue
            s = Site((f"adjoint:{v}",), graph.shape_of(v), node=n)
            by_node[n] = s
            sites.append(s)
    for x, via, name in d.contributions:
        src = fwd.get(via)
        if src is None or src.op != "ew" or src.hidden or "#" in x or name not in pos:
            continue
        p = local_partial(src, x)
        if p == 0 or {s.name for s in p.free_symbols} <= leaves:
            continue  # a constant or a given number: nothing was rounded
        term = back[pos[name]]
        if term.op == "sum" and term.args[0] in pos:
            term = back[pos[term.args[0]]]
        g = d.adjoint.get(via)
        G = next(
            (
                G
                for G in ((sym(g) if g else None), sp.S.One)
                if G is not None and term.op == "ew" and term.expr == G * p
            ),
            None,
        )
        if G is None:
            continue
        key = f"local:{via},{x}"
        same = by_node.get(term.name)
        if G == 1 and same is not None:
            same.keys += (key,)  # d[x] = 1·local: one number, one rounding
            continue
        eps = f"__eps[{via},{x}]"
        back[pos[term.name]] = replace(term, expr=term.expr + G * sym(eps), args=term.args + (eps,))
        sites.append(Site((key,), src.shape, eps=eps))
    sides: dict[sp.Expr, str] = {}
    back = [replace(b, expr=with_sides(b.expr, sides)) if b.op == "ew" else b for b in back]
    return Instrumented(list(graph.assignments), back, d.adjoint, d.seed, sites, {n: u for u, n in sides.items()})


class ClaimProgram:
    """Evaluate one claim's quantity at one point, with optional changes: `adds` (node → array
    added after it is computed), `extra` (eps and side arrays)."""

    KINDS = ("value", "local", "adjoint", "grad", "update", "jacobian")

    def __init__(self, graph: Graph, values: dict, claim: Claim):
        self.g, self.c = graph, claim
        self.values = check_values(graph, values)
        k = claim.kind
        self.local_expr = None
        if k in ("adjoint", "grad", "update"):
            self.prog = instrument(graph, derivation(graph), objective_adjoints=True)
        elif k == "jacobian":
            out = claim.refs[0].name
            seed = f"v[{out}]"
            d = reverse(graph, of=out, seed=seed, seed_shape=graph.shape_of(out))
            self.prog = instrument(graph, d, objective_adjoints=False)
        else:
            self.prog = instrument(graph, Derivation(graph, graph.objective, [], {}), False)
            if k == "local":
                a = graph.by_name[claim.refs[0].name]
                sides: dict[sp.Expr, str] = {}
                self.local_expr = with_sides(local_partial(a, claim.refs[1].name), sides)
                self.prog.sides.update({n: u for u, n in sides.items()})
        own = (
            {f"value:{claim.refs[0].name}"}
            if k == "value"
            else ({f"adjoint:{claim.refs[0].name}"} if k in ("adjoint", "grad") else set())
        )
        if k == "local":
            own = {f"local:{claim.refs[0].name},{claim.refs[1].name}"}
        self.sites = [s for s in self.prog.sites if not own & set(s.keys)]

    def _zeros(self) -> dict[str, np.ndarray]:
        env: dict[str, np.ndarray] = {}
        for s in self.prog.sites:
            if s.eps:
                env[s.eps] = np.zeros(s.shape)
        for n in self.prog.sides:
            env[n] = np.zeros(())  # side terms of kink predicates are scalars
        return env

    def forward_env(self, adds: dict | None = None) -> dict:
        """The forward values at the point, `adds` added to the named nodes they name."""
        env = dict(self.values)
        for a in self.prog.forward:
            env = run_numeric([a], env)
            if adds and a.name in adds:
                env[a.name] = env[a.name] + adds[a.name]
        return env

    def _backward(self, env: dict, adds: dict | None) -> dict:
        for a in self.prog.backward:
            env = run_numeric([a], env)
            if adds and a.name in adds:
                env[a.name] = env[a.name] + adds[a.name]
        return env

    def base_env(self) -> dict:
        """Every value at the point without changes (forward, and backward where the claim has one)."""
        env = {**self.forward_env(), **self._zeros()}
        return self._backward(env, None) if self.c.kind in ("adjoint", "grad", "update") else env

    def evaluate(self, adds: dict | None = None, extra: dict | None = None) -> np.ndarray:
        """The claimed quantity (element or whole, as the claim names it) under the changes."""
        c, g = self.c, self.g
        env = {**self.forward_env(adds), **self._zeros(), **(extra or {})}
        r0 = c.refs[0]
        if c.kind == "value":
            full = env[r0.name]
        elif c.kind == "local":
            a = g.by_name[r0.name]
            full = np.broadcast_to(np.asarray(compile_template(self.local_expr)(env), dtype=float), a.shape)
        elif c.kind in ("adjoint", "grad", "update"):
            env = self._backward(env, adds)
            n = self.prog.adjoint.get(r0.name)
            full = np.asarray(env[n], dtype=float) if n else np.zeros(g.shape_of(r0.name))
            if c.kind == "update":
                from .optim import step

                full = step(g.info.optimizer_table(), {r0.name: self.values[r0.name]}, {r0.name: full})[r0.name]
        else:
            return self._jacobian(env, adds)
        full = np.asarray(full, dtype=float)
        return np.array(full[r0.index] if r0.index is not None else full)

    def _jacobian(self, env: dict, adds: dict | None) -> np.ndarray:
        out, inp = self.c.refs
        so, si = self.g.shape_of(out.name), self.g.shape_of(inp.name)
        rows = list(all_indices(so)) if out.index is None else [out.index]
        M = np.zeros(so + si)
        n = self.prog.adjoint.get(inp.name)
        for idx in rows:
            v = np.zeros(so)
            v[idx] = 1.0
            e = self._backward({**env, self.prog.seed: v}, adds)
            M[idx] = np.asarray(e[n], dtype=float) if n else 0.0
        if out.index is not None:
            M = M[out.index]
        if inp.index is not None:
            M = M[(Ellipsis,) + inp.index]
        return np.array(M)

    def kink_elements(self) -> list[tuple[str, tuple[int, ...]]]:
        """(side symbol, element) for every kink argument that is exactly 0 at the point."""
        env = self.forward_env()
        out = []
        for n, u in self.prog.sides.items():
            v = np.asarray(compile_template(u)(env), dtype=float)
            for idx in all_indices(v.shape):
                if abs(v[idx]) <= KINK_EPS:
                    out.append((n, idx))
        return out

    def side_arrays(self, choice: list[tuple[str, tuple[int, ...], float]]) -> dict:
        """Side arrays for a choice of (side symbol, element, ±1); other elements keep the policy."""
        env = self.forward_env()
        extra: dict[str, np.ndarray] = {}
        for n, idx, s in choice:
            if n not in extra:
                shape = np.shape(compile_template(self.prog.sides[n])(env))
                extra[n] = np.zeros(shape)
            extra[n][idx] = s
        return extra

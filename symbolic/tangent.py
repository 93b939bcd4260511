"""Forward mode (tangents) over any assignment program; HVP = tangent of the adjoint program.

H·u is the directional derivative of the gradient program along u (forward-over-reverse), so
it costs a small constant times the gradient and is again a program of named assignments.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .builder import Emitter
from .graph import Assignment, Shape, sym
from .reverse import Derivation, local_partial


def tan(v: str) -> str:
    """Name of the tangent (directional derivative) of v."""
    return f"t[{v}]"


def direction(p: str) -> str:
    """Name of the direction input for parameter p."""
    return f"u[{p}]"


@dataclass
class TangentProgram:
    assignments: list[Assignment]
    tangent: dict[str, str | None]
    seeds: dict[str, str]


def tangent(program: list[Assignment], shapes: dict[str, Shape], seeds: dict[str, str],
            skip: tuple[str, ...] = ()) -> TangentProgram:
    """Tangent program of `program` when leaf v moves along the input named seeds[v]; the names
    in `skip` (values nothing downstream needs) get no tangent."""
    shapes = dict(shapes)
    for v, s in seeds.items():
        shapes[s] = shapes[v]
    em = Emitter(shapes, role="tangent")
    T: dict[str, str | None] = dict(seeds)
    for a in program:
        ts = [T.get(x) for x in a.args]
        if a.name in skip or all(t is None for t in ts):
            T[a.name] = None
            continue
        T[a.name] = _jvp(a, ts, em, shapes)
    return TangentProgram(em.out, T, dict(seeds))


def _zero_scalar(em: Emitter, base: str) -> str:
    return em.ew(base, sp.S.Zero, (), name=em.fresh(base))


def _jvp(a: Assignment, ts: list[str | None], em: Emitter, shapes) -> str | None:
    base = tan(a.name)
    final = tan(a.name)
    if a.op == "ew":
        terms = []
        for x, tx in zip(a.args, ts):
            if tx is None:
                continue
            p = local_partial(a, x)
            if p != 0:
                terms.append(p * sym(tx))
        if not terms:
            return None
        return em.ew(base, sp.Add(*terms), a.shape, name=final)
    if a.op == "matmul":
        A, B = a.args
        ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
        parts = []
        if ts[0] is not None:
            parts.append(em.matmul(base, ts[0], ta, B, tb))
        if ts[1] is not None:
            parts.append(em.matmul(base, A, ta, ts[1], tb))
        return _sum(em, base, parts, a.shape, final)
    if a.op == "outer":
        A, B = a.args
        parts = []
        if ts[0] is not None:
            parts.append(em.outer(base, ts[0], B))
        if ts[1] is not None:
            parts.append(em.outer(base, A, ts[1]))
        return _sum(em, base, parts, a.shape, final)
    if a.op in ("transpose", "index", "sum"):
        return em.emit(final, a.op, [ts[0]], a.shape, None, **a.attrs)
    if a.op == "stack":
        args = [t if t is not None else _zero_scalar(em, base) for t in ts]
        return em.emit(final, "stack", args, a.shape)
    if a.op == "scatter":
        keep = [(t, p) for t, p in zip(ts, a.attrs["positions"]) if t is not None]
        return em.emit(final, "scatter", [t for t, _ in keep], a.shape,
                       positions=tuple(p for _, p in keep))
    tz = sym(ts[0])
    (Z,) = a.args
    if a.op == "softmax":
        s = sym(a.name)
        t = em.ew(base, s * tz, a.shape)
        r = em.op(base, "sum", [t], ())
        return em.ew(base, s * (tz - sym(r)), a.shape, name=final)
    if a.op == "log_softmax":
        t = em.ew(base, sp.exp(sym(a.name)) * tz, a.shape)
        r = em.op(base, "sum", [t], ())
        return em.ew(base, tz - sym(r), a.shape, name=final)
    if a.op == "logsumexp":
        t = em.ew(base, sp.exp(sym(Z) - sym(a.name)) * tz, shapes[Z])
        return em.emit(final, "sum", [t], ())
    raise AssertionError(a.op)  # pragma: no cover


def _sum(em: Emitter, base: str, parts: list[str], shape, final: str) -> str:
    if len(parts) == 1 and em.rename_last(parts[0], final):
        return final
    return em.add(base, parts, shape, name=final)


@dataclass
class HVPProgram:
    """Forward + adjoint + tangent programs; hvp[p] names (H·u) for parameter p (None = 0)."""

    derivation: Derivation
    tangent: TangentProgram
    hvp: dict[str, str | None]
    directions: dict[str, str]

    @property
    def program(self) -> list[Assignment]:
        return self.derivation.program + self.tangent.assignments


def hvp_program(d: Derivation, wrt: list[str] | None = None) -> HVPProgram:
    """Forward-over-reverse Hessian-vector product along directions u[p] for p in wrt."""
    g = d.graph
    wrt = list(wrt or g.params)
    shapes = {**g.leaves(), **{a.name: a.shape for a in d.program}}
    seeds = {p: direction(p) for p in wrt}
    tp = tangent(d.program, shapes, seeds, skip=d.report_only)
    hv = {p: (tp.tangent.get(d.adjoint[p]) if d.adjoint.get(p) else None) for p in g.params}
    return HVPProgram(d, tp, hv, seeds)

"""Forward mode (tangents) over any assignment program; HVP = tangent of the adjoint program.

Each assignment's tangent comes from its op's JVP rule (registry `symbolic.ops`). H·u is the
directional derivative of the gradient program along u (forward-over-reverse), so it costs a small
constant times the gradient and is again a program of named assignments.
"""

from __future__ import annotations

from dataclasses import dataclass

from .emitter import Emitter
from .graph import Assignment, Shape
from .ops import JVPContext, rule
from .reverse import Derivation


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


def tangent(
    program: list[Assignment], shapes: dict[str, Shape], seeds: dict[str, str], skip: tuple[str, ...] = ()
) -> TangentProgram:
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
        T[a.name] = rule(a.op).jvp(a, ts, JVPContext(em, shapes, tan(a.name), tan(a.name)))
    return TangentProgram(em.out, T, dict(seeds))


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
    hv = {p: (tp.tangent.get(ga) if (ga := d.adjoint.get(p)) else None) for p in g.params}
    return HVPProgram(d, tp, hv, seeds)

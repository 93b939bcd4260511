"""The model graph: an ordered program of named assignments over SymPy expressions.

Every assignment is one primitive: an elementwise SymPy template over its argument names
('ew'), or a structural tensor op (matmul, transpose, index, stack, scatter, sum, softmax,
log_softmax, logsumexp, outer, gather, gather_t, maxpool and its VJP/JVP ops). Derivatives
are programs of the same kind.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import sympy as sp

from .objective import ObjectiveInfo

Shape = tuple[int, ...]

OPS = (
    "ew",
    "matmul",
    "outer",
    "transpose",
    "index",
    "stack",
    "scatter",
    "sum",
    "softmax",
    "log_softmax",
    "logsumexp",
    "softmax_rows",
    "gather",
    "gather_t",
    "maxpool",
    "maxpool_route",
    "maxpool_pick",
)


class GraphError(ValueError):
    """An invalid model: the message names the quantity at fault."""


def sym(name: str) -> sp.Symbol:
    """The SymPy symbol standing for a named quantity (all quantities are real)."""
    return sp.Symbol(name, real=True)


@dataclass
class Assignment:
    """name = op(args); for 'ew', `expr` is a scalar template over the symbols of `args`."""

    name: str
    op: str
    args: tuple[str, ...]
    shape: Shape
    expr: sp.Expr | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    hidden: bool = False  # created by lowering, not named by the user
    role: str = "forward"  # 'forward' | 'adjoint' | 'tangent'
    source: str = ""  # the user's text, for messages and tables

    def with_name(self, name: str) -> Assignment:
        return replace(self, name=name)


@dataclass
class Graph:
    """Declared inputs (data), parameters, the assignment program and the scalar objective."""

    name: str
    inputs: dict[str, Shape]
    params: dict[str, Shape]
    assignments: list[Assignment]
    objective: str
    outputs: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    info: ObjectiveInfo = field(default_factory=ObjectiveInfo)

    def __post_init__(self) -> None:
        if not isinstance(self.info, ObjectiveInfo):
            raise TypeError(f"Graph.info must be an ObjectiveInfo, got {type(self.info).__name__}")
        self._by_name: dict[str, Assignment] | None = None
        self._memo: dict[str, tuple[tuple[Any, ...], Any]] = {}

    @property
    def meta(self) -> Mapping[str, object]:
        """Deprecated: a read-only mapping in the shape of the former untyped `meta` dict, built
        from `info` (the typed ObjectiveInfo). Read `graph.info` instead."""
        warnings.warn(
            "Graph.meta is deprecated; read the typed Graph.info (ObjectiveInfo)", DeprecationWarning, stacklevel=2
        )
        return self.info.as_mapping()

    # ---- derived programs, memoised by content ----------------------------------------------
    def structure_key(self) -> tuple[Any, ...]:
        """Everything derivation and emission read (declarations, program, objective, outputs,
        objective info): two graphs with equal keys have the same derived programs, whatever
        their identity. Hashable (ObjectiveInfo is frozen)."""
        program = tuple(
            (a.name, a.op, a.args, tuple(a.shape), a.expr, repr(sorted(a.attrs.items())), a.hidden, a.role)
            for a in self.assignments
        )
        return (
            tuple(self.inputs.items()),
            tuple(self.params.items()),
            program,
            self.objective,
            tuple(self.outputs),
            self.info,
        )

    def memo(self, kind: str, build: Callable[[Graph], Any]) -> Any:
        """`build(self)` once per content of this graph (a mutated graph is derived afresh)."""
        key = (kind, self.structure_key())
        hit = self._memo.get(kind)
        if hit is None or hit[0] != key:
            hit = (key, build(self))
            self._memo[kind] = hit
        return hit[1]

    # ---- lookup ---------------------------------------------------------------------------
    @property
    def by_name(self) -> dict[str, Assignment]:
        if self._by_name is None or len(self._by_name) != len(self.assignments):
            self._by_name = {a.name: a for a in self.assignments}
        return self._by_name

    def shape_of(self, name: str) -> Shape:
        if name in self.inputs:
            return self.inputs[name]
        if name in self.params:
            return self.params[name]
        return self.by_name[name].shape

    def leaves(self) -> dict[str, Shape]:
        return {**self.inputs, **self.params}

    def named(self) -> list[Assignment]:
        """The user-visible forward quantities, in program order."""
        return [a for a in self.assignments if not a.hidden]

    def n_params(self) -> int:
        return sum(size(s) for s in self.params.values())

    # ---- validation -----------------------------------------------------------------------
    def validate(self) -> Graph:
        """Check names, order (no cycles), shapes and the objective; raise GraphError."""
        seen: dict[str, Shape] = {}
        for decl in (self.inputs, self.params):
            for n, s in decl.items():
                if n in seen:
                    raise GraphError(f"'{n}' is declared twice (as input and parameter)")
                seen[n] = tuple(s)
        for a in self.assignments:
            if a.name in seen:
                raise GraphError(f"'{a.name}' is defined twice")
            if a.op not in OPS:
                raise GraphError(f"'{a.name}': unknown operation {a.op!r}")
            for arg in a.args:
                if arg not in seen:
                    raise GraphError(f"'{a.name}' uses '{arg}', which is not defined before it")
            seen[a.name] = a.shape
        if self.objective not in seen:
            raise GraphError(f"objective '{self.objective}' is not defined")
        if seen[self.objective] != ():
            raise GraphError(f"objective '{self.objective}' must be a scalar, but has shape {seen[self.objective]}")
        for o in self.outputs:
            if o not in seen:
                raise GraphError(f"output '{o}' is not defined")
        self._by_name = None
        return self


def size(shape: Shape) -> int:
    n = 1
    for d in shape:
        n *= d
    return n


def all_indices(shape: Shape) -> Iterable[tuple[int, ...]]:
    """Row-major element indices of a shape."""
    if not shape:
        yield ()
        return
    import itertools

    yield from itertools.product(*(range(d) for d in shape))


def flat_names(name: str, shape: Shape) -> list[str]:
    """Element labels like W1[0,1] in row-major order (the Hessian 'order' contract)."""
    if not shape:
        return [name]
    return [f"{name}[{','.join(map(str, i))}]" for i in all_indices(shape)]


def topo_check(assignments: list[Assignment], defined: Iterable[str]) -> None:
    """Raise if an assignment refers to a name not defined before it (used by derived programs)."""
    seen = set(defined)
    for a in assignments:
        for arg in a.args:
            if arg not in seen:
                raise GraphError(f"internal: '{a.name}' uses undefined '{arg}'")
        seen.add(a.name)

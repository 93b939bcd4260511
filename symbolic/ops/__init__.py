"""The op registry: every structural op of the IR declared once, with its rules side by side.

`REGISTRY[op]` is an `Op` (see `base.Op`): shape, numeric and symbolic evaluation, VJP, JVP,
display and step-table form. `reverse`, `tangent`, `evaluate`, `display` and `tables` look ops up
here instead of dispatching on names; `codegen/op_lowering.py` holds each op's batch lowering, and
tests/test_op_registry.py fails if an op lacks any rule. One module per op family:

* `elementwise` — 'ew' (SymPy template; template compiler and local partials)
* `linear`      — matmul, outer, transpose
* `structure`   — index, stack, scatter, sum
* `normalize`   — softmax, log_softmax, logsumexp, softmax_rows
* `gather`      — gather, gather_t (reshape, padding, im2col, pooling windows by an index map)
* `pooling`     — maxpool and its VJP/JVP maxpool_route, maxpool_pick (first maximal entry wins)
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..graph import Assignment, GraphError, Shape
from .base import TABLE_FORMS, JVPContext, Op, VJPContext
from .elementwise import EW, EvaluationError, compile_template, local_partial
from .gather import GATHER, GATHER_T
from .linear import MATMUL, OUTER, TRANSPOSE
from .normalize import LOG_SOFTMAX, LOGSUMEXP, SOFTMAX, SOFTMAX_ROWS
from .pooling import MAXPOOL, MAXPOOL_PICK, MAXPOOL_ROUTE
from .structure import INDEX, SCATTER, STACK, SUM

REGISTRY: Mapping[str, Op] = MappingProxyType(
    {
        op.name: op
        for op in (
            EW,
            MATMUL,
            OUTER,
            TRANSPOSE,
            INDEX,
            STACK,
            SCATTER,
            SUM,
            SOFTMAX,
            LOG_SOFTMAX,
            LOGSUMEXP,
            SOFTMAX_ROWS,
            GATHER,
            GATHER_T,
            MAXPOOL,
            MAXPOOL_ROUTE,
            MAXPOOL_PICK,
        )
    }
)


def rule(op: str) -> Op:
    """The registry entry of `op`; GraphError names an unknown op."""
    entry = REGISTRY.get(op)
    if entry is None:
        raise GraphError(f"unknown operation {op!r}")
    return entry


def infer_shape(a: Assignment, shapes: Mapping[str, Shape]) -> Shape:
    """The shape the op's shape rule gives `a` from its arguments' shapes."""
    return rule(a.op).shape([tuple(shapes[x]) for x in a.args], a.attrs, tuple(a.shape))


def check_shapes(program: list[Assignment], shapes: Mapping[str, Shape]) -> None:
    """Raise GraphError unless every assignment's declared shape is what its op's shape rule gives
    (`shapes` has the leaves; names defined by the program are added in order)."""
    known = dict(shapes)
    for a in program:
        got = infer_shape(a, known)
        if tuple(got) != tuple(a.shape):
            raise GraphError(
                f"'{a.name}' ({a.op}) is declared with shape {tuple(a.shape)}, but its arguments give {tuple(got)}"
            )
        known[a.name] = tuple(a.shape)


__all__ = [
    "REGISTRY",
    "TABLE_FORMS",
    "EvaluationError",
    "JVPContext",
    "Op",
    "VJPContext",
    "check_shapes",
    "compile_template",
    "infer_shape",
    "local_partial",
    "rule",
]

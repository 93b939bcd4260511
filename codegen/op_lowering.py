"""The plan-level lowering rule of every op in the registry (`symbolic.ops.REGISTRY`).

symbolic/ never imports codegen/, so an op's batch lowering cannot sit in its registry entry; it
is declared here, one entry per op, pointing at the step makers of `codegen/lower_batch.py`. Each
entry turns an assignment, its output buffer and its argument buffers into one `Step` (tiled:
per-sample rows of a tile): planning data, printed by the C backend (codegen/c_render.py,
templates/ops.c.j2). tests/test_op_registry.py fails when a registry op has no entry.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from symbolic.graph import Assignment

from .lower_batch import Buf, Step, make_ew, make_matmul, make_struct

Lowering = Callable[[Assignment, Buf, "list[Buf]", str, bool], Step]


def _ew(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    """One loop over the output (broadcasting scalar arguments) with the CSE'd template body."""
    return make_ew(a, out, args, dtype, tiled=tiled)


def _matmul(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    """A loop-nest matmul, or a register-blocked tile GEMM when one operand is per-sample."""
    return make_matmul(a, out, args[0], args[1], tiled)


LOWERING: Mapping[str, Lowering] = MappingProxyType(
    {
        "ew": _ew,
        "matmul": _matmul,
        "outer": make_struct,  # 'outer' step (M×N loop)
        "transpose": make_struct,  # 'transpose' step (R×C copy)
        "index": make_struct,  # 'copy' step: a contiguous slice at a flat offset
        "stack": make_struct,  # 'stack' step
        "scatter": make_struct,  # 'scatter' step: zero, then add at flat positions
        "sum": make_struct,  # 'sum' step
        "softmax": make_struct,  # 'softmax' step (max-shifted)
        "log_softmax": make_struct,  # 'log_softmax' step (max-shifted)
        "logsumexp": make_struct,  # 'logsumexp' step (max-shifted)
        "softmax_rows": make_struct,  # 'softmax_rows' step (each row max-shifted)
        "maxpool": make_struct,  # 'maxpool' step: each window scanned, the first maximum kept
        "maxpool_route": make_struct,  # 'maxpool_route' step: zero, then g added at each window's argmax
        "maxpool_pick": make_struct,  # 'maxpool_pick' step: t read at each window's argmax
        "gather": make_struct,  # 'gather' step: a static index table, 0 where it is −1
        "gather_t": make_struct,  # 'gather_t' step: zero, then add each entry at its mapped place
    }
)


def lower_step(a: Assignment, out: Buf, args: list[Buf], dtype: str, tiled: bool) -> Step:
    """The step computing assignment `a` into `out` from `args` (by its op's lowering entry)."""
    entry = LOWERING.get(a.op)
    if entry is None:
        raise ValueError(f"no batch lowering for operation {a.op!r}")
    return entry(a, out, args, dtype, tiled)


__all__ = ["LOWERING", "Lowering", "lower_step"]

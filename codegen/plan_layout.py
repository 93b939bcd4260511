"""How a model's arrays are packed (planning): θ, data rows, forward outputs, Jacobian columns,
and the split of the objective into a per-sample data objective and a once-per-batch penalty.

Backend-independent: the C backend prints these offsets as constants, the numpy backend reads
them as slices.
"""

from __future__ import annotations

from dataclasses import dataclass

from symbolic.dataset import objective_split
from symbolic.graph import Graph, size

__all__ = ["EmitError", "Field", "Layout", "make_layout", "objective_split"]


class EmitError(ValueError):
    """The graph cannot be emitted (e.g. an unsupported construct); names the quantity."""


@dataclass
class Field:
    name: str
    shape: tuple
    offset: int

    @property
    def size(self) -> int:
        return size(self.shape)


@dataclass
class Layout:
    """How θ, data rows, forward outputs and Jacobian rows/columns are packed."""

    params: list[Field]
    inputs: list[Field]
    outputs: list[Field]
    n_params: int
    data_width: int
    out_width: int
    jac_cols: list[Field]  # inputs then parameters (symbolic.point.jacobian_at order)
    reduction: str
    data_objective: str
    penalty: str | None

    def to_dict(self) -> dict:
        f = lambda fs: [(x.name, list(x.shape), x.offset) for x in fs]  # noqa: E731
        return dict(
            params=f(self.params),
            inputs=f(self.inputs),
            outputs=f(self.outputs),
            n_params=self.n_params,
            data_width=self.data_width,
            out_width=self.out_width,
            reduction=self.reduction,
            data_objective=self.data_objective,
            penalty=self.penalty,
        )


def _fields(decl) -> tuple[list[Field], int]:
    out, off = [], 0
    for n, s in decl:
        out.append(Field(n, tuple(s), off))
        off += size(tuple(s))
    return out, off


def make_layout(graph: Graph) -> Layout:
    params, P = _fields(graph.params.items())
    inputs, W = _fields(graph.inputs.items())
    outs = graph.outputs or [graph.objective]
    outputs, K = _fields([(o, graph.shape_of(o)) for o in outs])
    jac, _ = _fields(list(graph.inputs.items()) + list(graph.params.items()))
    d, pen = objective_split(graph)
    red = graph.info.reduction
    if red not in ("mean", "sum"):
        raise EmitError(f"unknown reduction {red!r} (mean or sum)")
    return Layout(params, inputs, outputs, P, W, K, jac, red, d, pen)

"""Typed objective metadata carried by a Graph: what the spec said about the objective beyond
the assignment program (form, layers, loss, penalty, reduction, optimizer, source file).

Emission, the numeric references, `check`, printing and claims read this instead of an untyped
dict: a field that is misspelt fails at import time, and the whole record is immutable and
hashable, so Graph.structure_key() can include it as content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

FORMS = ("assignment", "layered")
REDUCTIONS = ("mean", "sum")

Scalar = bool | int | float | str


def _frozen(value: object) -> object:
    """A TOML value as an immutable, hashable one (tables → sorted item tuples, arrays → tuples)."""
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


@dataclass(frozen=True)
class TableOptions:
    """One spec table with a `type` key ([loss], [penalty], [optimizer]): the type and the other
    keys as written, immutable. `as_dict()` gives the plain table the numeric code consumes."""

    type: str
    options: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, table: Mapping[str, object], default_type: str) -> TableOptions:
        """From a parsed TOML table; a missing `type` is `default_type` (the spec's default)."""
        kind = table.get("type", default_type)
        rest = {k: v for k, v in table.items() if k != "type"}
        return cls(str(kind), tuple(sorted((str(k), _frozen(v)) for k, v in rest.items())))

    def get(self, key: str, default: object = None) -> object:
        if key == "type":
            return self.type
        return dict(self.options).get(key, default)

    def as_dict(self) -> dict[str, object]:
        """A fresh mutable copy {"type": …, **options} (callers may change it freely)."""
        return {"type": self.type, **dict(self.options)}


@dataclass(frozen=True)
class LayerInfo:
    """One layer of a layered spec and the graph names it lowered to: z = op(input) (dense
    W @ input (+ b), conv2d, pooling, flatten), h = activation(z) (+ input with residual)."""

    units: int
    activation: str
    bias: bool
    z: str
    h: str
    W: str  # "" for layers without parameters (pooling, flatten)
    b: str | None
    input: str
    alpha: float | None = None
    kind: str = "dense"  # dense | conv2d | maxpool | avgpool | flatten | layernorm | attention (units = heads)
    kernel: int = 0
    stride: int = 1
    padding: int = 0
    residual: bool = False
    shape: tuple[int, ...] = ()  # the layer's per-sample output shape
    eps: float = 1e-5  # layernorm

    def as_dict(self) -> dict[str, object]:
        """The legacy `meta["layers"]` entry (no alpha key, as before)."""
        return {
            "units": self.units,
            "activation": self.activation,
            "bias": self.bias,
            "z": self.z,
            "h": self.h,
            "W": self.W,
            "b": self.b,
            "input": self.input,
        }


@dataclass(frozen=True)
class ObjectiveInfo:
    """How the graph's scalar objective is built, as the spec declared it.

    form            'assignment' (a [forward] program) or 'layered' ([[layers]] + [loss]).
    reduction       'mean' or 'sum' over the samples of a batch.
    data_objective  per-sample data term ("L" of layered specs), None for assignment specs.
    penalty_name    the once-per-batch penalty term ("R"), None without a [penalty] table.
    layers          the layer stack of a layered spec (empty otherwise).
    input_width     the [model] input width of a layered spec with a vector input.
    input_shape     the per-sample input shape of a layered spec ((width,) for a vector).
    loss, penalty   the [loss] and [penalty] tables of a layered spec (None when absent).
    optimizer       the [optimizer] table (None when absent): the `update` claims and outputs.
    source          the spec file the graph was read from ("" when built in memory).
    """

    form: str = "assignment"
    reduction: str = "mean"
    data_objective: str | None = None
    penalty_name: str | None = None
    layers: tuple[LayerInfo, ...] = ()
    input_width: int | None = None
    input_shape: tuple[int, ...] | None = None
    loss: TableOptions | None = None
    penalty: TableOptions | None = None
    optimizer: TableOptions | None = None
    source: str = field(default="")

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise ValueError(f"objective form must be one of {', '.join(FORMS)}, got {self.form!r}")
        if self.reduction not in REDUCTIONS:
            raise ValueError(f"reduction must be 'mean' or 'sum', got {self.reduction!r}")

    @property
    def layered(self) -> bool:
        return self.form == "layered"

    @property
    def loss_type(self) -> str | None:
        return self.loss.type if self.loss is not None else None

    def optimizer_table(self) -> dict[str, object]:
        """The [optimizer] table as a fresh dict for symbolic.optim.step; ValueError without one
        (callers check `optimizer is not None` first and report the missing table themselves)."""
        if self.optimizer is None:
            raise ValueError("the spec has no [optimizer] table")
        return self.optimizer.as_dict()

    def as_mapping(self) -> Mapping[str, object]:
        """A read-only view in the shape of the former `Graph.meta` dict (deprecated readers)."""
        out: dict[str, object] = {"form": self.form, "reduction": self.reduction}
        if self.layered:
            out.update(
                {
                    "layers": [L.as_dict() for L in self.layers],
                    "loss": self.loss.as_dict() if self.loss is not None else None,
                    "penalty": self.penalty.as_dict() if self.penalty is not None else None,
                    "data_objective": self.data_objective,
                    "input_width": self.input_width,
                }
            )
        if self.penalty_name is not None:
            out["penalty_name"] = self.penalty_name
        if self.optimizer is not None:
            out["optimizer"] = self.optimizer.as_dict()
        if self.source:
            out["source"] = self.source
        return MappingProxyType(out)

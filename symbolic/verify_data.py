"""Verify claims about a dataset (`symgrad verify --data FILE`): seed 003's E(w) = Σ_i e^i(w)
over its four points, the whole-set gradient, one sample's forward values.

What a claim means with a dataset:
* `sample = i` (0-based row): the claim is about that sample alone, judged exactly as without
  data (kinks, rounding, formulas included).
* otherwise `value:OBJECTIVE`, `grad:P`, `hvp:P`, `hessian:P1,P2` and `update:P` are about the
  whole-set objective J = reduce_i L_i + R (the spec's reduction, the penalty once), as
  `eval --data` computes it; `value:NAME` of another quantity is its sum or mean over the samples
  (`over = "sum" | "mean"`, default the spec's reduction).
* adjoints, local partials, Jacobians and formulas are per sample: they need `sample = i`.
Whole-set numbers are judged by their own digits (no upstream-rounding or kink analysis).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .claim_values import ClaimResult, PointQuantities, hessian_block
from .claims import Claim, Claims, ClaimsError
from .dataset import DatasetResult, dataset_point, n_samples, objective_split, sample_count_text
from .formula_check import check_formula
from .graph import Graph
from .rounding import printed_digits
from .verify import check_numeric, claim_direction, claim_values, judge_number

__all__ = ["DatasetQuantities", "verify_dataset"]

PER_SAMPLE = ("adjoint", "local", "jacobian")


class DatasetQuantities:
    """The model over a dataset: per-sample points on demand and the whole-set objective."""

    def __init__(self, graph: Graph, values: dict, data: Mapping[str, np.ndarray], direction: dict | None):
        self.g = graph
        self.values = values
        self.data = data
        self.direction = direction
        self.n = n_samples(data)
        self._points: dict[int, PointQuantities] = {}
        self._whole: DatasetResult | None = None

    def point(self, i: int) -> PointQuantities:
        """The model at sample i (the parameters of the claims, the inputs of row i)."""
        if i not in self._points:
            row = {x: np.asarray(self.data[x][i], dtype=float) for x in self.g.inputs}
            self._points[i] = PointQuantities(self.g, {**self.values, **row}, self.direction)
        return self._points[i]

    def whole(self) -> DatasetResult:
        """J, ∇J (and H·u with a [direction]) over the whole set."""
        if self._whole is None:
            self._whole = self._dataset(self.direction)
        return self._whole

    def _dataset(self, direction: dict | None) -> DatasetResult:
        params = {p: self.values[p] for p in self.g.params}
        return dataset_point(self.g, params, self.data, *objective_split(self.g), direction=direction)

    def scope(self, c: Claim) -> str:
        """What the claim is about, as printed next to it."""
        if c.sample is not None:
            return f"sample {c.sample}"
        if c.kind == "value" and (c.over is not None or c.refs[0].name != self.g.objective):
            return f"{self._reduction(c)} over {sample_count_text(self.n)}"
        return f"whole set, {sample_count_text(self.n)}"

    def _reduction(self, c: Claim) -> str:
        return c.over or self.g.info.reduction

    def validate(self, c: Claim) -> None:
        if c.sample is not None and c.sample >= self.n:
            raise ClaimsError(
                f"sample {c.sample} is out of range: the dataset has {sample_count_text(self.n)} (rows 0–{self.n - 1})"
            )
        self.point(c.sample or 0).validate(c)  # names, indices, [direction], [optimizer]
        if c.sample is None and (c.kind in PER_SAMPLE or c.formula is not None):
            what = "a formula claim" if c.formula is not None else f"{c.quantity!r}"
            raise ClaimsError(f"{what} is per sample: add sample = i (the 0-based row) to the claim")
        if c.over is not None and c.kind != "value":
            raise ClaimsError(f"'over' reduces a per-sample value; {c.quantity!r} is about the whole set already")

    def quantity(self, c: Claim) -> np.ndarray:
        """The whole-set number a claim without `sample` is about."""
        ref = c.refs[0]
        if c.kind == "value":
            if ref.name == self.g.objective and c.over is None:
                full = np.asarray(self.whole().objective, dtype=float)
            else:
                per = [np.asarray(self.point(i).res().env[ref.name], dtype=float) for i in range(self.n)]
                full = np.sum(per, axis=0) / (self.n if self._reduction(c) == "mean" else 1)
        elif c.kind == "grad":
            full = np.asarray(self.whole().grad[ref.name], dtype=float)
        elif c.kind == "hvp":
            hvp = self.whole().hvp
            assert hvp is not None  # validate() asked for a [direction]
            full = np.asarray(hvp[ref.name], dtype=float)
        elif c.kind == "update":
            from .optim import step

            full = step(
                self.g.info.optimizer_table(),
                {ref.name: self.values[ref.name]},
                {ref.name: self.whole().grad[ref.name]},
            )[ref.name]
        else:  # hessian
            return self._hessian_block(c)
        return np.asarray(full[ref.index] if ref.index is not None else full)

    def _hessian_block(self, c: Claim) -> np.ndarray:
        def hvp(u: dict) -> dict:
            hv = self._dataset(u).hvp
            assert hv is not None  # a direction was given
            return hv

        return hessian_block(self.g.params, c.refs, hvp)


def verify_dataset(
    graph: Graph, claims: Claims, data: Mapping[str, np.ndarray], probes: int = 8, seed: int = 0
) -> list[ClaimResult]:
    """Judge every claim against the model over `data` (arrays keyed by the data inputs)."""
    values = claim_values(graph, claims, fixed=dict(graph.inputs))
    m = DatasetQuantities(graph, values, data, claim_direction(graph, claims))
    rows = {c.sample for c in claims.claims}
    printed = {i: printed_digits([c for c in claims.claims if c.sample == i]) for i in rows}
    out = []
    for c in claims.claims:
        where = f"{claims.path}:{c.line}" if c.line else claims.path
        try:
            m.validate(c)
            if c.sample is not None:
                pm = m.point(c.sample)
                r = check_numeric(pm, c, printed[c.sample]) if c.formula is None else check_formula(pm, c, probes, seed)
            else:
                r = judge_number(c, m.quantity(c))
        except ClaimsError as e:
            raise ClaimsError(f"{where}: {e}") from None
        r.scope = m.scope(c)
        out.append(r)
    return out

"""The model at one point, every number a claim may ask for (value, adjoint, local partial,
gradient, HVP, Hessian block, Jacobian, optimizer update), and the verdict type.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from .claims import Claim, ClaimsError, Ref
from .graph import Graph, all_indices
from .point import PointResult, evaluate_point, jacobian_at
from .reverse import local_partial

VERDICTS = ("holds", "rounding", "wrong")


@dataclass
class ClaimResult:
    """The verdict on one claim (the JSON contract of `symgrad verify --json`): `verdict` is
    "holds", "rounding" (misses only by what rounding the upstream values explains) or "wrong";
    `ok` is true unless the verdict is "wrong"."""

    quantity: str
    ok: bool
    claimed: object
    correct: object
    abs_error: float
    rel_error: float
    counterexample: dict | None = None
    correct_formula: str | None = None  # spec grammar, pasteable as `formula =`
    correct_formula_entries: list[tuple[str, str, str]] = field(default_factory=list)  # (qty, grammar, LaTeX)
    note: str | None = None
    method: str = "numeric"
    line: int | None = None
    row_keys: list[str] = field(default_factory=list)
    verdict: str = ""
    claimed_text: str | None = None  # the claimed number(s) as written
    correct_text: str | None = None  # the correct number(s) to the claim's digits + 2
    scope: str | None = None  # with a dataset: "sample 2", "sum over 4 samples", …

    @property
    def label(self) -> str:
        """The quantity as printed in reports: with its dataset scope, if any."""
        return f"{self.quantity} [{self.scope}]" if self.scope else self.quantity

    def __post_init__(self):
        if not self.verdict:
            self.verdict = "holds" if self.ok else "wrong"

    def set_verdict(self, verdict: str) -> None:
        assert verdict in VERDICTS, verdict
        self.verdict = verdict
        self.ok = verdict != "wrong"

    def as_json(self) -> dict:
        def tl(v):
            if v is None or isinstance(v, str):
                return v
            a = np.asarray(v, dtype=float)
            return float(a) if a.shape == () else a.tolist()

        out = {
            "quantity": self.quantity,
            "verdict": self.verdict,
            "ok": self.ok,
            "claimed": tl(self.claimed),
            "correct": tl(self.correct),
            "abs_error": self.abs_error,
            "rel_error": self.rel_error,
        }
        if self.counterexample is not None:
            out["counterexample"] = self.counterexample
        for k in ("correct_formula", "note", "line", "scope"):
            if getattr(self, k) is not None:
                out[k] = getattr(self, k)
        if len(self.correct_formula_entries) > 1 or (self.correct_formula_entries and self.correct_formula is None):
            out["correct_formula_entries"] = {q: t for q, t, _ in self.correct_formula_entries}
        out["method"] = self.method
        return out


def _errors(claimed, correct):
    c = np.asarray(claimed, dtype=float)
    t = np.asarray(correct, dtype=float)
    ae = np.abs(c - t)
    re_ = ae / np.maximum(np.abs(t), 1e-300)
    return float(np.max(ae)) if ae.size else 0.0, float(np.max(re_)) if re_.size else 0.0, ae


def _suggest(name, options) -> str:
    """' (did you mean …?)' with the closest valid names, or a list of the valid names."""
    opts = [o for o in options if "#" not in o]
    close = difflib.get_close_matches(name, opts, n=3, cutoff=0.5)
    if close:
        return f" (did you mean {', '.join(repr(c) for c in close)}?)"
    return f" (valid: {', '.join(opts[:10])}{', …' if len(opts) > 10 else ''})" if opts else ""


class PointQuantities:
    """The graph at one point, with every number a claim may ask for, computed on demand."""

    def __init__(self, graph: Graph, values: dict, direction: dict | None):
        self.g = graph
        self.values = values
        self.direction = direction
        self.named = {a.name: a for a in graph.named()}
        self._res: PointResult | None = None

    def res(self) -> PointResult:
        if self._res is None:
            self._res = evaluate_point(self.g, self.values, direction=self.direction)
        return self._res

    def at_kink(self) -> bool:
        """Whether some kink argument of the derivation is exactly 0 at this point."""
        from .kinks import kink_margin
        from .perturb import KINK_EPS
        from .point import derivation

        return kink_margin(derivation(self.g).program, self.res().env) <= KINK_EPS

    def shape(self, name: str):
        return self.g.shape_of(name)

    def check_ref(self, ref: Ref, allowed: dict, what: str, q: str):
        if ref.name not in allowed:
            raise ClaimsError(f"unknown {what} '{ref.name}' in {q!r}{_suggest(ref.name, allowed)}")
        shape = allowed[ref.name]
        if ref.index is not None and (
            len(ref.index) != len(shape) or any(i >= d for i, d in zip(ref.index, shape, strict=True))
        ):
            raise ClaimsError(f"index {list(ref.index)} out of range for '{ref.name}' (shape {list(shape)}) in {q!r}")

    def validate(self, c: Claim):
        q = c.quantity
        leaves = self.g.leaves()
        named = {**leaves, **{n: a.shape for n, a in self.named.items()}}
        params = dict(self.g.params)
        if c.kind in ("value", "adjoint"):
            self.check_ref(c.refs[0], named, "quantity", q)
        elif c.kind in ("grad", "hvp", "update"):
            self.check_ref(c.refs[0], params, "parameter", q)
        elif c.kind == "hessian":
            for r in c.refs:
                self.check_ref(r, params, "parameter", q)
        elif c.kind == "jacobian":
            for r in c.refs:
                self.check_ref(r, named, "quantity", q)
        elif c.kind == "local":
            out, arg = c.refs
            self.check_ref(out, {n: a.shape for n, a in self.named.items()}, "assignment", q)
            a = self.named[out.name]
            if a.op != "ew":
                raise ClaimsError(
                    f"{q!r}: local partials are available for elementwise assignments; '{out.name}' is a {a.op}"
                )
            if arg.name not in a.args:
                raise ClaimsError(
                    f"{q!r}: '{arg.name}' is not an argument of '{out.name}' (its arguments: {', '.join(a.args)})"
                )
        if c.kind == "hvp" and self.direction is None:
            raise ClaimsError(f"{q!r} needs a [direction] table in the claims file")
        if c.kind == "update" and self.g.info.optimizer is None:
            raise ClaimsError(f"{q!r} needs an [optimizer] table in the spec")

    # -- numbers -------------------------------------------------------------------------------
    def quantity(self, c: Claim) -> np.ndarray:
        k, refs = c.kind, c.refs
        r = self.res()
        if k == "value":
            full = r.env[refs[0].name]
        elif k in ("adjoint", "grad"):
            full = r.adjoints[refs[0].name]
        elif k == "hvp":
            if r.hvp is None:  # check() rejects an hvp claim without a [direction] first
                raise ClaimsError(f"{c.quantity!r} needs a [direction] table in the claims file")
            full = r.hvp[refs[0].name]
        elif k == "update":
            from .optim import step

            full = step(
                self.g.info.optimizer_table(),
                {refs[0].name: self.values[refs[0].name]},
                {refs[0].name: r.grad[refs[0].name]},
            )[refs[0].name]
        elif k == "local":
            a = self.named[refs[0].name]
            p = local_partial(a, refs[1].name)
            from .evaluate import compile_template

            full = np.broadcast_to(np.asarray(compile_template(p)(r.env), dtype=float), a.shape)
            return np.asarray(full[refs[0].index] if refs[0].index is not None else full)
        elif k == "hessian":
            return self._hessian_block(refs)
        else:  # jacobian
            out, inp = refs
            jac = jacobian_at(self.g, self.values, outputs=[out.name], wrt=[inp.name])[out.name]
            M = jac["matrix"].reshape(self.shape(out.name) + self.shape(inp.name))
            if out.index is not None:
                M = M[out.index]
            if inp.index is not None:
                M = M[(Ellipsis,) + inp.index]
            return np.asarray(M)
        full = np.asarray(full, dtype=float)
        return full[refs[0].index] if refs[0].index is not None else full

    def _hessian_block(self, refs):
        from .point import hvp_at

        return hessian_block(self.g.params, refs, lambda u: hvp_at(self.g, self.res().env, u))


def hessian_block(
    params: Mapping[str, tuple[int, ...]], refs: tuple[Ref, ...], hvp: Callable[[dict], Mapping[str, np.ndarray]]
) -> np.ndarray:
    """The Hessian block ∂²J/∂P1∂P2 of a `hessian:P1,P2` claim, column by column from H·e_j
    (`hvp(u)` gives H·u by parameter), shaped P1's (indexed) shape + P2's (indexed) shape."""
    p1, p2 = refs
    s2 = tuple(params[p2.name])
    cols = [p2.index] if p2.index is not None else list(all_indices(s2))
    rows: list[np.ndarray] = []
    for idx in cols:
        u = {q: np.zeros(s) for q, s in params.items()}
        u[p2.name][idx] = 1.0
        hv = np.asarray(hvp(u)[p1.name])
        rows.append(hv[p1.index] if p1.index is not None else hv)
    block = np.array(rows)
    if p2.index is not None or not s2:
        return block[0]
    return np.moveaxis(block.reshape(s2 + np.shape(block[0])), list(range(len(s2))), list(range(-len(s2), 0)))

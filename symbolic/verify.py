"""Verify a hand derivation claim by claim: numbers against the derivation (digits-aware
tolerance, kink policy reported), formulas by randomized probes (plus a symbolic difference
for small models); every wrong claim gets the correct value and, for formulas, a
counterexample point and the correct formula in terms of the same named quantities.
"""
from __future__ import annotations

import numpy as np

from .claim_values import ClaimResult, PointQuantities, _errors, _suggest
from .claims import Claim, Claims, ClaimsError
from .formula_check import check_formula
from .graph import Graph
from .kinks import POLICY_TEXT, kink_margin, other_side
from .point import derivation


# ---- numeric claims -------------------------------------------------------------------------------

def _check_numeric(m: PointQuantities, c: Claim) -> ClaimResult:
    correct = m.quantity(c)
    claimed = np.asarray(c.value, dtype=float)
    if claimed.shape != correct.shape:
        raise ClaimsError(f"claim {c.quantity!r} has shape {list(claimed.shape)}, "
                          f"the quantity has shape {list(correct.shape)}")
    tol = np.asarray(c.tolerance if c.tolerance is not None else 1e-6, dtype=float)
    ae, rel, diff = _errors(claimed, correct)
    ok = bool(np.all(diff <= tol + 1e-9 * np.abs(correct)))
    res = ClaimResult(c.quantity, ok, claimed, correct, ae, rel, line=c.line)
    prog = derivation(m.g).program
    if kink_margin(prog, m.res().env) == 0.0:
        with other_side():
            other = PointQuantities(m.g, m.values, m.direction).quantity(c)
        lo, hi = np.minimum(correct, other), np.maximum(correct, other)
        if not np.allclose(lo, hi):
            inside = bool(np.all((claimed >= lo - tol) & (claimed <= hi + tol)))
            res.note = (f"the point is at a kink; symgrad's policy is {POLICY_TEXT}. "
                        f"One-sided values here range over [{_fmt(lo)}, {_fmt(hi)}]")
            if not ok and inside:
                res.ok = True
                res.note += "; your value lies in that range (a valid subgradient), so it is not flagged"
    return res


def _fmt(v) -> str:
    from .tables import fmt_value
    return fmt_value(v)


# ---- entry point ------------------------------------------------------------------------------------

def verify(graph: Graph, claims: Claims, probes: int = 8, seed: int = 0) -> list[ClaimResult]:
    """Check every claim; raises ClaimsError for unknown names or malformed claims."""
    from .spec import coerce_value
    leaves = graph.leaves()
    values = dict(graph.values)
    for k, v in claims.at.items():
        if k not in leaves:
            raise ClaimsError(f"{claims.path}: [at] names unknown '{k}'{_suggest(k, leaves)}")
        values[k] = coerce_value(v, leaves[k], k, lambda msg: ClaimsError(f"{claims.path}: [at] {msg}"))
    missing = [n for n in leaves if n not in values]
    if missing:
        raise ClaimsError(f"{claims.path}: no value for {', '.join(repr(n) for n in missing)} "
                          "(give them in the spec's [values] or the claims' [at])")
    direction = None
    if claims.direction:
        direction = {}
        for k, v in claims.direction.items():
            if k not in graph.params:
                raise ClaimsError(f"{claims.path}: [direction] names unknown parameter '{k}'"
                                  f"{_suggest(k, graph.params)}")
            direction[k] = coerce_value(v, graph.params[k], k,
                                        lambda msg: ClaimsError(f"{claims.path}: [direction] {msg}"))
    m = PointQuantities(graph, values, direction)
    out = []
    for c in claims.claims:
        where = f"{claims.path}:{c.line}" if c.line else claims.path
        try:
            m.validate(c)
            r = _check_numeric(m, c) if c.formula is None else check_formula(m, c, probes, seed)
        except ClaimsError as e:
            raise ClaimsError(f"{where}: {e}") from None
        r.row_keys = _row_keys(c)
        out.append(r)
    return out


def _row_keys(c: Claim) -> list[str]:
    if c.kind == "value":
        return [f"value:{c.refs[0].name}"]
    if c.kind in ("adjoint", "grad"):
        return [f"adjoint:{c.refs[0].name}"]
    if c.kind == "local":
        return [f"local:{c.refs[0].name},{c.refs[1].name}"]
    return []

"""Verify a hand derivation claim by claim. Numbers: against the derivation with the tolerance
their digits imply; at a kink, any value in the Clarke subdifferential holds (a subgradient); a
miss that rounding the printed upstream values explains gets the verdict "rounding". Formulas:
randomized probes (plus a symbolic difference for small models). Every wrong claim gets the
correct value and, for formulas, a counterexample and the correct formula in the same names.
"""

from __future__ import annotations

import numpy as np

from .claim_values import ClaimResult, PointQuantities, _errors, _suggest
from .claims import Claim, Claims, ClaimsError
from .evaluate import EvaluationError
from .formula_check import check_formula
from .graph import Graph, GraphError
from .kinks import POLICY_TEXT, in_hull, subgradients
from .messages import quoted_names
from .rounding import analyse, printed_digits
from .tables import fmt_value

__all__ = ["ClaimResult", "ClaimsError", "check_numeric", "claim_direction", "claim_values", "judge_number", "verify"]


# ---- numeric claims -------------------------------------------------------------------------------


def judge_number(c: Claim, correct: np.ndarray) -> ClaimResult:
    """The verdict on a numeric claim from its own digits alone (holds or wrong)."""
    claimed = np.asarray(c.value, dtype=float)
    if claimed.shape != correct.shape:
        raise ClaimsError(
            f"claim {c.quantity!r} has shape {list(claimed.shape)}, the quantity has shape {list(correct.shape)}"
        )
    tol = np.asarray(c.tolerance if c.tolerance is not None else 1e-6, dtype=float)
    ae, rel, diff = _errors(claimed, correct)
    ok = bool(np.all(diff <= tol + 1e-9 * np.abs(correct)))
    res = ClaimResult(c.quantity, ok, claimed, correct, ae, rel, line=c.line)
    if c.literals is not None:
        res.claimed_text, res.correct_text = _as_written(c.literals, correct)
    return res


def check_numeric(m: PointQuantities, c: Claim, printed: dict) -> ClaimResult:
    """The verdict on a numeric claim at one point: its digits, then the Clarke subdifferential at
    a kink, then whether rounding the printed upstream values explains a miss."""
    correct = m.quantity(c)
    res = judge_number(c, correct)
    claimed = np.asarray(c.value, dtype=float)
    tol = np.asarray(c.tolerance if c.tolerance is not None else 1e-6, dtype=float)
    _, _, diff = _errors(claimed, correct)
    try:
        sub = subgradients(m.g, m.values, c) if m.at_kink() else None
    except (EvaluationError, GraphError, ValueError, KeyError, IndexError, FloatingPointError) as e:
        sub = None
        res.note = f"subgradients not analysed ({type(e).__name__}: {e})"
    if sub is not None:
        _kink_note(res, sub, claimed, tol)
        if sub.vertices is None or not sub.trivial:
            return res  # at a kink the subdifferential decides, not rounding
    if not res.ok and c.kind in ("value", "local", "adjoint", "grad", "update", "jacobian"):
        try:
            r = analyse(m.g, m.values, c, claimed, correct, tol, printed)
        except (EvaluationError, GraphError, ValueError, KeyError, IndexError, FloatingPointError) as e:
            r = None  # a refinement only: the verdict "wrong" stands, with the reason
            res.note = f"rounding not analysed ({type(e).__name__}: {e})"
        if r is None:
            pass
        elif r.explained:
            res.set_verdict("rounding")
            res.note = _rounding_note(diff, tol, r)
        elif r.skipped:
            res.note = r.skipped
        elif r.upstream:
            res.note = (
                f"misses the exact value by {float(np.max(diff)):.2g}; its own digits and "
                "rounding the upstream values to their printed digits explain at most "
                f"{float(np.max(r.bound)):.2g}"
            )
    return res


def _as_written(literals: np.ndarray, correct: np.ndarray) -> tuple[str, str]:
    """The claim as written and the correct value with two more decimals than the claim's."""
    from .rounding import decimals

    lits = [str(x) for x in literals.ravel()]
    dec = max([decimals(x) for x in lits] + [4]) + 2
    vals = [
        f"{float(x):.{dec}f}".rstrip("0").rstrip(".")
        if abs(float(x)) >= 10.0 ** -(dec - 3) or x == 0
        else f"{float(x):.4e}"
        for x in np.ravel(correct)
    ]
    vals = ["0" if v in ("-0", "") else v for v in vals]

    def nest(items, shape):
        if not shape:
            return items.pop(0)
        return "[" + ", ".join(nest(items, shape[1:]) for _ in range(shape[0])) + "]"

    return nest(lits, literals.shape), nest(vals, np.shape(correct))


def _kink_note(res: ClaimResult, sub, claimed, tol) -> None:
    at = ", ".join(sub.where)
    if sub.vertices is None:
        res.note = (
            f"the point is at {len(sub.where)} kinks ({at}); {POLICY_TEXT}. Too many to "
            "enumerate the subgradients; judged against that value only"
        )
        return
    if sub.trivial:
        return
    if np.ndim(sub.lo) == 0:
        span = f"range over [{fmt_value(sub.lo)}, {fmt_value(sub.hi)}]"
    else:
        span = (
            f"are the convex combinations of {len(sub.vertices)} one-sided choices, elementwise "
            f"between {fmt_value(sub.lo)} and {fmt_value(sub.hi)}"
        )
    res.note = f"the point is at a kink ({at}); {POLICY_TEXT}. The subgradients here (Clarke) {span}"
    if not res.ok and in_hull(sub.vertices, claimed, tol):
        res.set_verdict("holds")
        res.note += "; your value is one of them (a valid subgradient), so it holds"
    elif not res.ok:
        res.note += "; your value is not one of them"


def _rounding_note(diff, tol, r) -> str:
    names = [f"{q} ({digits})" for q, _, digits in r.upstream[:4]]
    more = f" and {len(r.upstream) - 4} more" if len(r.upstream) > 4 else ""
    return (
        f"misses the exact value by {float(np.max(diff)):.2g}, more than its own digits allow "
        f"({float(np.max(tol)):.2g}) but within the {float(np.max(r.bound)):.2g} that rounding "
        f"the upstream values explains: {', '.join(names)}{more}"
    )


# ---- entry point ------------------------------------------------------------------------------------


def claim_values(graph: Graph, claims: Claims, fixed: dict | None = None) -> dict:
    """The point of the claims: the spec's [values] with the claims' [at] on top. With a dataset,
    `fixed` holds the names its rows give (none may be set by [at]) and only the rest are needed."""
    from .spec import coerce_value

    leaves = graph.leaves()
    values = dict(graph.values)
    at_where = claims.where("at")
    for k, v in claims.at.items():
        if k not in leaves:
            raise ClaimsError(f"{at_where}: [at] names unknown '{k}'{_suggest(k, leaves)}")
        if fixed is not None and k in fixed:
            raise ClaimsError(f"{at_where}: [at] sets '{k}', which the dataset gives (one value per sample)")
        values[k] = coerce_value(v, leaves[k], k, lambda msg: ClaimsError(f"{at_where}: [at] {msg}"))
    missing = [n for n in leaves if n not in values and (fixed is None or n not in fixed)]
    if missing:
        raise ClaimsError(
            f"{claims.path}: no value for {quoted_names(missing)} "
            "(give them in the spec's [values] or the claims' [at]"
            + (", or a dataset with verify --data FILE)" if fixed is None and set(missing) & set(graph.inputs) else ")")
        )
    return values


def claim_direction(graph: Graph, claims: Claims) -> dict | None:
    """The claims' [direction] for H·u claims, checked against the parameters, or None."""
    from .spec import coerce_value

    if not claims.direction:
        return None
    dir_where = claims.where("direction")
    direction = {}
    for k, v in claims.direction.items():
        if k not in graph.params:
            raise ClaimsError(f"{dir_where}: [direction] names unknown parameter '{k}'{_suggest(k, graph.params)}")
        direction[k] = coerce_value(v, graph.params[k], k, lambda msg: ClaimsError(f"{dir_where}: [direction] {msg}"))
    return direction


def verify(graph: Graph, claims: Claims, probes: int = 8, seed: int = 0) -> list[ClaimResult]:
    """Check every claim; raises ClaimsError for unknown names or malformed claims."""
    values = claim_values(graph, claims)
    direction = claim_direction(graph, claims)
    m = PointQuantities(graph, values, direction)
    printed = printed_digits(claims.claims)
    out = []
    for c in claims.claims:
        where = f"{claims.path}:{c.line}" if c.line else claims.path
        if c.sample is not None or c.over is not None:
            key = "sample" if c.sample is not None else "over"
            raise ClaimsError(f"{where}: '{key}' is about a dataset: give one with verify --data FILE")
        try:
            m.validate(c)
            r = check_numeric(m, c, printed) if c.formula is None else check_formula(m, c, probes, seed)
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

"""Formula claims: read the claimed formula over the model's names (spec grammar, or LaTeX through
latex_claims), compare it with the truth at randomized probe points away from kinks (and by a
symbolic difference for small scalar models), and write the correct formula in the spec grammar
(pasteable back into a claims file) and in LaTeX, one entry per element for tensors.
"""

from __future__ import annotations

import numpy as np
import sympy as sp

from .claim_values import ClaimResult, PointQuantities, _errors
from .claims import Claim, ClaimsError
from .evaluate import EvaluationError, run_numeric, run_symbolic
from .grammar_printer import NotInGrammar, adjoint_alias, to_grammar, to_latex_math
from .graph import Assignment, Graph, GraphError, all_indices, sym
from .kinks import kink_margin
from .latex_claims import latex_to_ast
from .lowering import Lowerer
from .parser import ParseError, parse_expression
from .point import derivation
from .reverse import local_partial

FORMULA_RTOL = 1e-7
FORMULA_ATOL = 1e-9
KINK_MARGIN = 1e-3


def is_latex(text: str) -> bool:
    """A formula is read as LaTeX when it uses LaTeX's characters (\\ ^ { $)."""
    return any(ch in text for ch in "\\^{$")


def _formula_program(m: PointQuantities, c: Claim, text: str):
    """Lower the claimed formula over the model's names; adjoints are d{J}_d{v} or delta_v."""
    g = m.g
    J = g.objective
    shapes = {**g.leaves(), **{n: a.shape for n, a in m.named.items()}}
    alias = {}
    for v in list(shapes):
        for a in (adjoint_alias(J, v), f"delta_{v}"):
            if a not in shapes:
                alias[a] = v
    lw = Lowerer({**shapes, **{a: shapes[v] for a, v in alias.items()}})
    if is_latex(text):
        ast = latex_to_ast(text, dict(lw.shapes), J, lambda out, arg: _local_ast(m, out, arg), c.quantity)
        lw.lower("__claim__", ast)
    else:
        lw.lower("__claim__", text)
    return lw.out, alias


def _local_ast(m: PointQuantities, out: str, arg: str):
    """The AST of ∂out/∂arg for an elementwise assignment (LaTeX ∂ fractions), else None."""
    a = m.named.get(out)
    if a is None or a.op != "ew" or arg not in a.args:
        return None
    try:
        return parse_expression(to_grammar(local_partial(a, arg)))
    except (NotInGrammar, ParseError):
        return None


def _probe_points(m: PointQuantities, rng, n: int) -> list[dict]:
    """The claim point first, then random parameter points near it, away from kinks."""
    pts = [dict(m.values)]
    prog = derivation(m.g).program
    tries = 0
    while len(pts) < n + 1 and tries < 40 * n:
        tries += 1
        v = dict(m.values)
        for p, s in m.g.params.items():
            base = np.asarray(m.values[p], dtype=float)
            v[p] = base + rng.normal(size=s) * 0.5 * np.maximum(np.abs(base), 0.5)
        try:
            with np.errstate(all="ignore"):
                env = run_numeric(prog, v)
        except (EvaluationError, FloatingPointError):
            continue
        if not all(np.all(np.isfinite(np.asarray(x, dtype=float))) for x in env.values()):
            continue
        if kink_margin(prog, env) < KINK_MARGIN:
            continue
        pts.append(v)
    return pts


def check_formula(m: PointQuantities, c: Claim, probes: int, seed: int) -> ClaimResult:
    """The verdict on a formula claim: holds at every probe point, or a counterexample."""
    if c.formula is None:
        raise ClaimsError(f"{c.quantity!r} has a value, not a formula")
    try:
        fprog, alias = _formula_program(m, c, c.formula)
    except (ParseError, GraphError) as e:
        raise ClaimsError(f"formula of {c.quantity!r}: {e}") from None
    want_shape = m.quantity(c).shape
    fshape = fprog[-1].shape
    if fshape != want_shape and fshape != ():
        raise ClaimsError(
            f"formula of {c.quantity!r} has shape {list(fshape)}, the quantity has shape {list(want_shape)}"
        )
    rng = np.random.default_rng(seed)
    rtol = c.tolerance if c.tolerance is not None else FORMULA_RTOL
    first_point = None
    for k, pt in enumerate(_probe_points(m, rng, probes)):
        pm = PointQuantities(m.g, pt, m.direction)
        correct = pm.quantity(c)
        env = dict(pm.res().env)
        for a, v in alias.items():
            env[a] = pm.res().adjoints.get(v, np.zeros(m.shape(v)))
        with np.errstate(all="ignore"):
            claimed = np.broadcast_to(np.asarray(run_numeric(fprog, env)["__claim__"], dtype=float), correct.shape)
        ae, rel, diff = _errors(claimed, correct)
        if k == 0:
            first_point = (claimed, correct, ae, rel)
        if not np.all(diff <= rtol * np.abs(correct) + FORMULA_ATOL) or not np.all(np.isfinite(claimed)):
            res = ClaimResult(
                c.quantity, False, c.formula, correct, ae, rel, line=c.line, method="numeric probes", verdict="wrong"
            )
            res.counterexample = {
                "point": {p: _tl(pt[p]) for p in m.g.params},
                "claimed": _tl(claimed),
                "correct": _tl(correct),
            }
            res.correct_formula, res.correct_formula_entries = correct_formula(m.g, c)
            return res
    assert first_point is not None  # _probe_points always yields the claim point first
    claimed, correct, ae, rel = first_point
    res = ClaimResult(
        c.quantity, True, c.formula, correct, ae, rel, line=c.line, method=f"numeric probes ({probes + 1} points)"
    )
    if _symbolically_equal(m, c, fprog, alias):
        res.method = "symbolic difference = 0, and numeric probes"
    return res


def _tl(v):
    a = np.asarray(v, dtype=float)
    return float(a) if a.shape == () else a.tolist()


def _symbolically_equal(m: PointQuantities, c: Claim, fprog, alias) -> bool:
    """Closed forms of claim and truth differ by 0 (small scalar models only; else False)."""
    g = m.g
    if (
        any(s != () for s in g.leaves().values())
        or len(g.leaves()) > 12
        or c.kind not in ("value", "adjoint", "grad", "local")
    ):
        return False
    try:
        d = derivation(g)
        env = run_symbolic(d.program, {n: sym(n) for n in g.leaves()})
        if c.kind == "value":
            truth = env[c.refs[0].name]
        elif c.kind == "local":
            a = m.named[c.refs[0].name]
            truth = local_partial(a, c.refs[1].name).xreplace({sym(x): env[x] for x in a.args})
            truth = truth.xreplace({sym(a.name): env[a.name]})
        else:
            n = d.adjoint.get(c.refs[0].name)
            truth = env[n] if n else sp.S.Zero
        fenv = {**env, **{a: (env[adj] if (adj := d.adjoint.get(v)) else sp.S.Zero) for a, v in alias.items()}}
        claimed = run_symbolic(fprog, fenv)["__claim__"]
        diff = sp.sympify(claimed - truth)
        if sp.count_ops(diff) > 400:
            return False
        return sp.simplify(diff.rewrite(sp.exp)) == 0
    except Exception:  # symbolic check is a bonus; numeric probes decide  # noqa: BLE001
        return False


def named_symbolic_env(g: Graph) -> dict:
    """Forward quantities as their own symbols (user names), hidden ones inlined."""
    env = {}
    for n, s in g.leaves().items():
        env[n] = sym(n) if s == () else _sym_array(n, s)
    named_index: dict[str, list[Assignment]] = {}
    for a in g.assignments:
        if a.op == "index" and not a.hidden:
            named_index.setdefault(a.args[0], []).append(a)
    for a in g.assignments:
        if not a.hidden:
            env[a.name] = sym(a.name) if a.shape == () else _sym_array(a.name, a.shape)
            continue
        env.update(run_symbolic([a], env))
        for ia in named_index.get(a.name, []):
            v = env[a.name]
            if isinstance(v, np.ndarray):
                v = v.copy()
                v[ia.attrs["idx"]] = sym(ia.name)
                env[a.name] = v
    return env


def _sym_array(n, shape):
    arr = np.empty(shape, dtype=object)
    for idx in all_indices(shape):
        arr[idx] = sym(f"{n}[{','.join(map(str, idx))}]")
    return arr


def _truth_expr(g: Graph, c: Claim):
    """The true quantity as SymPy (scalar or object array) over named quantities, or None."""
    named = {a.name: a for a in g.named()}
    r0 = c.refs[0]
    if c.kind == "local":
        a = named[r0.name]
        e = local_partial(a, c.refs[1].name)
        if a.shape == () or r0.index is None:
            return e  # elementwise template: whole tensor
        rep = {sym(x): sym(f"{x}[{','.join(map(str, r0.index))}]") for x in a.args + (a.name,) if g.shape_of(x) != ()}
        return e.xreplace(rep)
    if c.kind == "value":
        if r0.name not in named:
            return None
        a = named[r0.name]
        env = named_symbolic_env(g)
        env = {k: v for k, v in env.items() if k != a.name}
        e = run_symbolic([a], env)[a.name]
    elif c.kind in ("adjoint", "grad"):
        d = derivation(g)
        n = d.adjoint.get(r0.name)
        if n is None:
            e = sp.S.Zero if g.shape_of(r0.name) == () else np.full(g.shape_of(r0.name), sp.S.Zero, dtype=object)
        else:
            e = run_symbolic(d.backward, named_symbolic_env(g))[n]
    else:
        return None
    if isinstance(e, np.ndarray) and r0.index is not None:
        e = e[r0.index]
    return e


def _tidy(e):
    """The most readable of a few equivalent forms: fewest minus signs, then shortest."""
    if not isinstance(e, sp.Basic) or sp.count_ops(e) >= 120:
        return e
    cands = [e]
    for f in (sp.simplify, sp.factor, lambda x: sp.factor_terms(sp.simplify(x))):
        try:
            cands.append(f(e))
        except Exception:  # simplification is cosmetic  # noqa: BLE001
            continue
    return min(cands, key=lambda x: (str(x).count("-"), len(str(x))))


def correct_formula(g: Graph, c: Claim) -> tuple[str | None, list[tuple[str, str, str]]]:
    """The true quantity in the spec grammar (one expression; a list literal for a vector; None
    for a matrix or what the grammar cannot write) and its entries (quantity, grammar, LaTeX)."""
    try:
        e = _truth_expr(g, c)
    except Exception:  # best effort: the verdict and counterexample stand without it  # noqa: BLE001
        return None, []
    if e is None:
        return None, []
    J = g.objective
    try:
        if not isinstance(e, np.ndarray) or e.shape == ():
            e = _tidy(e.item() if isinstance(e, np.ndarray) else e)
            text = to_grammar(e)
            return text, [(c.quantity, text, to_latex_math(e, J))]
        entries = []
        for idx in all_indices(e.shape):
            ei = _tidy(e[idx])
            full = tuple(c.refs[0].index or ()) + idx
            label = _entry_label(c, full)
            entries.append((label, to_grammar(ei), to_latex_math(ei, J)))
        whole = "[" + ", ".join(t for _, t, _ in entries) + "]" if e.ndim == 1 else None
        return whole, entries
    except NotInGrammar:
        return None, []


def _entry_label(c: Claim, idx: tuple) -> str:
    head = c.refs[0].name + "[" + ",".join(map(str, idx)) + "]"
    rest = [str(r) for r in c.refs[1:]]
    return f"{c.kind}:{','.join([head] + rest)}"

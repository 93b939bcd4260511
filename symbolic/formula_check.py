"""Formula claims: parse the claimed formula over the model's names (spec grammar or LaTeX),
compare it with the truth at randomized probe points away from kinks (and by a symbolic
difference for small scalar models), and write the correct formula in the same names.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from .claim_values import ClaimResult, PointQuantities, _errors, _suggest
from .claims import Claim, ClaimsError
from .display import Names, to_latex, to_text
from .evaluate import EvaluationError, run_numeric, run_symbolic
from .graph import Graph, GraphError, all_indices, sym
from .kinks import kink_margin
from .lowering import Lowerer
from .parser import ParseError
from .point import derivation
from .reverse import local_partial

FORMULA_RTOL = 1e-7
FORMULA_ATOL = 1e-9
KINK_MARGIN = 1e-3


def _formula_program(m: PointQuantities, c: Claim, text: str):
    """Lower the claimed formula over the model's names; adjoints are d{J}_d{v} or delta_v."""
    g = m.g
    J = g.objective
    shapes = {**g.leaves(), **{n: a.shape for n, a in m.named.items()}}
    alias = {}
    for v in list(shapes):
        for a in (f"d{J}_d{v}", f"delta_{v}"):
            if a not in shapes:
                alias[a] = v
    lw = Lowerer({**shapes, **{a: shapes[v] for a, v in alias.items()}})
    if any(ch in text for ch in "\\^{$"):
        expr = _latex_formula(text, set(lw.shapes), c)
        lw.emit_ew("__claim__", expr, _latex_shape(expr, lw.shapes), hidden=False)
    else:
        lw.lower("__claim__", text)
    return lw.out, alias


def _latex_formula(text: str, names: set[str], c: Claim) -> sp.Expr:
    try:
        from sympy.parsing.latex import parse_latex
        import re
        pre = re.sub(r"\\hat\{(\w+)\}", r"\1_{7777}", text.strip().strip("$"))  # \hat{y} → y_{7777} → yhat
        expr = parse_latex(pre)
    except ImportError:
        raise ClaimsError(f"{c.quantity!r}: LaTeX formulas need the LaTeX parser runtime; "
                          "install it with: pip install 'symgrad[latex]'") from None
    except Exception as e:  # the LaTeX parser raises its own error types
        raise ClaimsError(f"{c.quantity!r}: cannot read LaTeX formula ({type(e).__name__})") from None
    allowed_funcs = (sp.exp, sp.log, sp.sin, sp.cos, sp.tan, sp.tanh, sp.Abs)
    from .catalogue import sigmoid
    expr = expr.replace(lambda e: isinstance(e, sp.Function) and str(e.func) == "sigma",
                        lambda e: sigmoid(*e.args))
    allowed_funcs += (sigmoid,)
    from sympy.core.function import AppliedUndef
    expr = expr.replace(  # "y(1 - y)" in LaTeX is a product, not a call, when y names a quantity
        lambda e: isinstance(e, AppliedUndef) and len(e.args) == 1,
        lambda e: sp.Symbol(str(e.func)) * e.args[0])
    rep = {}
    for s in expr.free_symbols:
        key = s.name.replace("{", "").replace("}", "").replace("\\", "").replace("_7777", "hat")
        cands = [key, key.replace("_", ""), key.replace("hat", "").replace("_", "") + "hat"]
        hit = next((n for n in cands if n in names), None)
        if hit is None:
            raise ClaimsError(f"{c.quantity!r}: LaTeX formula uses unknown name '{s.name}'"
                              f"{_suggest(key, names)}")
        rep[s] = sym(hit)
    for f in expr.atoms(sp.Function):
        if not isinstance(f, allowed_funcs):
            raise ClaimsError(f"{c.quantity!r}: LaTeX formula uses unsupported function '{f.func}'")
    return expr.xreplace(rep)


def _latex_shape(expr, shapes):
    out = ()
    for s in expr.free_symbols:
        sh = shapes.get(s.name, ())
        if sh != ():
            out = sh
    return out


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
    try:
        fprog, alias = _formula_program(m, c, c.formula)
    except (ParseError, GraphError) as e:
        raise ClaimsError(f"formula of {c.quantity!r}: {e}") from None
    want_shape = m.quantity(c).shape
    fshape = fprog[-1].shape
    if fshape != want_shape and fshape != ():
        raise ClaimsError(f"formula of {c.quantity!r} has shape {list(fshape)}, the quantity has "
                          f"shape {list(want_shape)}")
    rng = np.random.default_rng(seed)
    rtol = c.tolerance if c.tolerance is not None else FORMULA_RTOL
    worst = (0.0, 0.0)
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
        worst = max(worst, (ae, rel))
        if not np.all(diff <= rtol * np.abs(correct) + FORMULA_ATOL) or not np.all(np.isfinite(claimed)):
            res = ClaimResult(c.quantity, False, claimed.copy(), correct, ae, rel, line=c.line,
                              method="numeric probes")
            res.counterexample = {"point": {p: _tl(pt[p]) for p in m.g.params},
                                  "claimed": _tl(claimed), "correct": _tl(correct)}
            res.correct_formula, res.correct_formula_latex = correct_formula(m.g, c)
            res.claimed = c.formula
            return res
    claimed, correct, ae, rel = first_point
    res = ClaimResult(c.quantity, True, c.formula, correct, ae, rel, line=c.line,
                      method=f"numeric probes ({probes + 1} points)")
    if _symbolically_equal(m, c, fprog, alias):
        res.method = "symbolic difference = 0, and numeric probes"
    return res


def _tl(v):
    a = np.asarray(v, dtype=float)
    return float(a) if a.shape == () else a.tolist()


def _symbolically_equal(m: PointQuantities, c: Claim, fprog, alias) -> bool:
    """Closed forms of claim and truth differ by 0 (small scalar models only; else False)."""
    g = m.g
    if any(s != () for s in g.leaves().values()) or len(g.leaves()) > 12 or c.kind not in (
            "value", "adjoint", "grad", "local"):
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
        fenv = {**env, **{a: (env[d.adjoint[v]] if d.adjoint.get(v) else sp.S.Zero) for a, v in alias.items()}}
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
    named_index = {}
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


def correct_formula(g: Graph, c: Claim) -> tuple[str | None, str | None]:
    """The true quantity in terms of the model's named quantities (text, LaTeX), when available."""
    try:
        N = Names(g.objective)
        named = {a.name: a for a in g.named()}
        if c.kind == "local":
            e = local_partial(named[c.refs[0].name], c.refs[1].name)
        elif c.kind == "value":
            e = named[c.refs[0].name].expr if c.refs[0].name in named else sym(c.refs[0].name)
        elif c.kind in ("adjoint", "grad"):
            d = derivation(g)
            n = d.adjoint.get(c.refs[0].name)
            if n is None:
                return "0", "0"
            env = run_symbolic(d.backward, named_symbolic_env(g))
            e = env[n]
        else:
            return None, None
        if isinstance(e, np.ndarray):
            e = e[c.refs[0].index] if c.refs[0].index is not None else sp.Matrix(e.tolist())
        if not isinstance(e, sp.MatrixBase) and sp.count_ops(e) < 120:
            e = sp.factor_terms(sp.simplify(e))
        name = c.refs[0].name
        if c.kind == "local":
            lhs, lhs_tex = f"∂{name}/∂{c.refs[1].name}", r"\frac{\partial %s}{\partial %s}" % (
                N.latex(name), N.latex(c.refs[1].name))
        elif c.kind == "value":
            lhs, lhs_tex = name, N.latex(name)
        else:
            lhs, lhs_tex = N.text(f"d[{name}]"), N.latex(f"d[{name}]")
        return f"{lhs} = {to_text(e, N)}", f"{lhs_tex} = {to_latex(e, N)}"
    except Exception:  # best effort: the verdict and counterexample stand without it  # noqa: BLE001
        return None, None

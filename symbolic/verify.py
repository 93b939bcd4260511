"""Verify a hand derivation claim by claim: numbers against the derivation (digits-aware
tolerance, kink policy reported), formulas by randomized probes (plus a symbolic difference
for small models); every wrong claim gets the correct value and, for formulas, a
counterexample point and the correct formula in terms of the same named quantities.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .claims import Claim, Claims, ClaimsError, Ref
from .display import Names, to_latex, to_text
from .evaluate import EvaluationError, run_numeric, run_symbolic
from .graph import Graph, GraphError, all_indices, sym
from .kinks import POLICY_TEXT, kink_margin, other_side
from .lowering import Lowerer
from .parser import ParseError
from .point import derivation, evaluate_point, jacobian_at
from .reverse import local_partial

FORMULA_RTOL = 1e-7
FORMULA_ATOL = 1e-9
KINK_MARGIN = 1e-3


@dataclass
class ClaimResult:
    """The verdict on one claim (the JSON contract of `symgrad verify --json`)."""

    quantity: str
    ok: bool
    claimed: object
    correct: object
    abs_error: float
    rel_error: float
    counterexample: dict | None = None
    correct_formula: str | None = None
    correct_formula_latex: str | None = None
    note: str | None = None
    method: str = "numeric"
    line: int | None = None
    row_keys: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        def tl(v):
            if v is None or isinstance(v, str):
                return v
            a = np.asarray(v, dtype=float)
            return float(a) if a.shape == () else a.tolist()
        out = {"quantity": self.quantity, "ok": self.ok, "claimed": tl(self.claimed),
               "correct": tl(self.correct), "abs_error": self.abs_error, "rel_error": self.rel_error}
        if self.counterexample is not None:
            out["counterexample"] = self.counterexample
        for k in ("correct_formula", "note", "line"):
            if getattr(self, k) is not None:
                out[k] = getattr(self, k)
        out["method"] = self.method
        return out


# ---- names and shapes ----------------------------------------------------------------------------

def _suggest(name, options) -> str:
    """' (did you mean …?)' with the closest valid names, or a list of the valid names."""
    opts = [o for o in options if "#" not in o]
    close = difflib.get_close_matches(name, opts, n=3, cutoff=0.5)
    if close:
        return f" (did you mean {', '.join(repr(c) for c in close)}?)"
    return f" (valid: {', '.join(opts[:10])}{', …' if len(opts) > 10 else ''})" if opts else ""


class _Model:
    """The graph at one point, with every number a claim may ask for, computed on demand."""

    def __init__(self, graph: Graph, values: dict, direction: dict | None):
        self.g = graph
        self.values = values
        self.direction = direction
        self.named = {a.name: a for a in graph.named()}
        self._res = None
        self._hess = None

    def res(self):
        if self._res is None:
            self._res = evaluate_point(self.g, self.values, direction=self.direction)
        return self._res

    def shape(self, name: str):
        return self.g.shape_of(name)

    def check_ref(self, ref: Ref, allowed: dict, what: str, q: str):
        if ref.name not in allowed:
            raise ClaimsError(f"unknown {what} '{ref.name}' in {q!r}{_suggest(ref.name, allowed)}")
        shape = allowed[ref.name]
        if ref.index is not None:
            if len(ref.index) != len(shape) or any(i >= d for i, d in zip(ref.index, shape)):
                raise ClaimsError(f"index {list(ref.index)} out of range for '{ref.name}' "
                                  f"(shape {list(shape)}) in {q!r}")

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
                raise ClaimsError(f"{q!r}: local partials are available for elementwise assignments; "
                                  f"'{out.name}' is a {a.op}")
            if arg.name not in a.args:
                raise ClaimsError(f"{q!r}: '{arg.name}' is not an argument of '{out.name}' "
                                  f"(its arguments: {', '.join(a.args)})")
        if c.kind == "hvp" and self.direction is None:
            raise ClaimsError(f"{q!r} needs a [direction] table in the claims file")
        if c.kind == "update" and not self.g.meta.get("optimizer"):
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
            full = r.hvp[refs[0].name]
        elif k == "update":
            from .optim import step
            full = step(self.g.meta["optimizer"], {refs[0].name: self.values[refs[0].name]},
                        {refs[0].name: r.grad[refs[0].name]})[refs[0].name]
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
        p1, p2 = refs
        s2 = self.shape(p2.name)
        cols = [p2.index] if p2.index is not None else list(all_indices(s2))
        block = []
        for idx in cols:
            u = {q: np.zeros(s) for q, s in self.g.params.items()}
            u[p2.name][idx] = 1.0
            hv = hvp_at(self.g, self.res().env, u)[p1.name]
            block.append(hv[p1.index] if p1.index is not None else hv)
        block = np.array(block)
        if p2.index is not None:
            return block[0]
        return np.moveaxis(block.reshape(s2 + np.shape(block[0])), list(range(len(s2))),
                           list(range(-len(s2), 0))) if s2 else block[0]


# ---- numeric claims -------------------------------------------------------------------------------

def _errors(claimed, correct):
    c = np.asarray(claimed, dtype=float)
    t = np.asarray(correct, dtype=float)
    ae = np.abs(c - t)
    re_ = ae / np.maximum(np.abs(t), 1e-300)
    return float(np.max(ae)) if ae.size else 0.0, float(np.max(re_)) if re_.size else 0.0, ae


def _check_numeric(m: _Model, c: Claim) -> ClaimResult:
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
            other = _Model(m.g, m.values, m.direction).quantity(c)
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


# ---- formula claims ---------------------------------------------------------------------------------

def _formula_program(m: _Model, c: Claim, text: str):
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
    norm = lambda n: n.replace("{", "").replace("}", "").replace("\\", "").replace("_7777", "hat")  # noqa: E731
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


def _probe_points(m: _Model, rng, n: int) -> list[dict]:
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


def _check_formula(m: _Model, c: Claim, probes: int, seed: int) -> ClaimResult:
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
        pm = _Model(m.g, pt, m.direction)
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


def _symbolically_equal(m: _Model, c: Claim, fprog, alias) -> bool:
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
    m = _Model(graph, values, direction)
    out = []
    for c in claims.claims:
        where = f"{claims.path}:{c.line}" if c.line else claims.path
        try:
            m.validate(c)
            r = _check_numeric(m, c) if c.formula is None else _check_formula(m, c, probes, seed)
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

"""The function catalogue: every activation, primitive and loss symgrad knows, declared once.

Each entry carries its SymPy form (with the derivative SymPy uses), its numpy form, its LaTeX
and text names and stability notes; parsing, derivation, printing and evaluation all read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp
from sympy import Function

# --------------------------------------------------------------------------------------------
# Custom SymPy functions. Each defines fdiff (the derivative SymPy's chain rule uses), a LaTeX
# form and a text form. Branches go through `ifpos`, never Heaviside, so no H(0) = 1/2 surprise.
# --------------------------------------------------------------------------------------------


class _Printed(Function):
    """A catalogue function's LaTeX, also as a power base (SymPy passes `exp` for f(x)**n)."""

    def _latex_body(self, printer) -> str:
        raise NotImplementedError

    def _latex(self, printer, exp=None):
        body = self._latex_body(printer)
        return body if exp is None else r"{\left(%s\right)}^{%s}" % (body, exp)


class ifpos(_Printed):
    """ifpos(x, a, b) = a if x > 0 else b: the one explicit branch of the IR (kink policy lives here)."""

    nargs = 3

    @classmethod
    def eval(cls, x, a, b):
        if x.is_Number:
            return a if x > 0 else b
        if a == b:
            return a

    def _eval_derivative(self, s):
        # d/ds ifpos(x, a, b) = ifpos(x, a', b'): the branch is chosen before differentiating, so
        # an untaken branch that overflows (ELU's e^x above 709.78) never meets a 0 factor (0·inf).
        # The condition contributes nothing (piecewise constant; kinks are a documented policy).
        x, a, b = self.args
        return ifpos(x, real_diff(a, s), real_diff(b, s))

    def fdiff(self, argindex=1):
        x, a, b = self.args
        if argindex == 1:
            return sp.S.Zero  # piecewise constant in the condition (kinks are a documented policy)
        if argindex == 2:
            return ifpos(x, sp.S.One, sp.S.Zero)
        return ifpos(x, sp.S.Zero, sp.S.One)

    def _latex_body(self, printer):
        x, a, b = self.args
        cond = printer._print(x)
        if a == 1 and b == 0:
            return r"\mathbb{I}\left[%s > 0\right]" % cond
        return r"\begin{cases} %s & %s > 0 \\ %s & \text{otherwise} \end{cases}" % (
            printer._print(a), cond, printer._print(b))

    def _sympystr(self, printer):
        x, a, b = self.args
        if a == 1 and b == 0:
            return "𝟙[%s > 0]" % printer._print(x)
        return "(%s if %s > 0 else %s)" % (printer._print(a), printer._print(x), printer._print(b))


class sigmoid(_Printed):
    """Logistic sigmoid 1/(1+e^-x); derivative in output form σ(1-σ)."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_zero:
            return sp.Rational(1, 2)

    def fdiff(self, argindex=1):
        s = sigmoid(self.args[0])
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + sp.exp(-x))

    def _latex_body(self, printer):
        return r"\sigma\left(%s\right)" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return "σ(%s)" % printer._print(self.args[0])


class sigmoid_tail(sigmoid):
    """σ(x) as softplus′ (so log-sigmoid losses use it): its derivative σ(x)σ(−x) keeps both tails,
    where σ(1 − σ) rounds to 0 for x ≳ 37. Prints, evaluates and reads as σ."""

    def fdiff(self, argindex=1):
        x = self.args[0]
        return sigmoid(x) * sigmoid(-x)

    def _symgrad_grammar(self, printer):
        return f"sigmoid({printer._print(self.args[0])})"


class relu(_Printed):
    """max(0, x); derivative 𝟙[x > 0], so ReLU'(0) = 0 (PyTorch and seeds 001/002 policy)."""

    nargs = 1

    @classmethod
    def eval(cls, x):
        if x.is_Number:
            return x if x > 0 else sp.S.Zero

    def fdiff(self, argindex=1):
        return ifpos(self.args[0], sp.S.One, sp.S.Zero)

    def _latex_body(self, printer):
        return r"\operatorname{ReLU}\left(%s\right)" % printer._print(self.args[0])

    def _sympystr(self, printer):
        return "ReLU(%s)" % printer._print(self.args[0])


class leaky_relu(_Printed):
    """x if x > 0 else alpha*x; derivative at 0 is alpha (same branch as x < 0)."""

    nargs = 2

    def fdiff(self, argindex=1):
        x, alpha = self.args
        if argindex == 1:
            return ifpos(x, sp.S.One, alpha)
        return ifpos(x, sp.S.Zero, x)

    def _latex_body(self, printer):
        return r"\operatorname{LeakyReLU}_{%s}\left(%s\right)" % (
            printer._print(self.args[1]), printer._print(self.args[0]))


class elu(_Printed):
    """x if x > 0 else alpha*(e^x - 1)."""

    nargs = 2

    def fdiff(self, argindex=1):
        x, alpha = self.args
        if argindex == 1:
            return ifpos(x, sp.S.One, alpha * sp.exp(x))
        return ifpos(x, sp.S.Zero, sp.exp(x) - 1)

    def _latex_body(self, printer):
        return r"\operatorname{ELU}_{%s}\left(%s\right)" % (
            printer._print(self.args[1]), printer._print(self.args[0]))


class softplus(_Printed):
    """log(1 + e^x), evaluated stably as max(x,0) + log1p(e^-|x|); derivative σ(x)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sigmoid_tail(self.args[0])

    def _latex_body(self, printer):
        return r"\operatorname{softplus}\left(%s\right)" % printer._print(self.args[0])


class silu(_Printed):
    """x·σ(x) (swish); derivative σ(x)(1 + x(1 - σ(x)))."""

    nargs = 1

    def fdiff(self, argindex=1):
        x = self.args[0]
        s = sigmoid(x)
        return s * (1 + x * (1 - s))

    def _latex_body(self, printer):
        return r"\operatorname{SiLU}\left(%s\right)" % printer._print(self.args[0])


class normal_cdf(_Printed):
    """Φ(x), evaluated as erfc(−x/√2)/2: no 1 + erf(x/√2) cancellation in the left tail."""

    nargs = 1

    def fdiff(self, argindex=1):
        x = self.args[0]
        return sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)

    def _eval_rewrite_as_erf(self, x, **kwargs):
        return (1 + sp.erf(x / sp.sqrt(2))) / 2

    def _latex_body(self, printer):
        return r"\Phi\left(" + printer._print(self.args[0]) + r"\right)"

    def _sympystr(self, printer):
        return f"Φ({printer._print(self.args[0])})"

    def _symgrad_ccode(self, printer):
        half, erfc, x = printer._lit(0.5), printer._fn("erfc"), printer._print(self.args[0])
        return f"({half}*{erfc}(-({x})*{printer._lit(0.7071067811865476)}))"


class gelu(_Printed):
    """Exact GELU x·Φ(x) (erf form); derivative Φ(x) + x·φ(x)."""

    nargs = 1

    def fdiff(self, argindex=1):
        x = self.args[0]
        return normal_cdf(x) + x * sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)

    def _latex_body(self, printer):
        return r"\operatorname{GELU}\left(%s\right)" % printer._print(self.args[0])


class maximum(_Printed):
    """max(a, b); the gradient goes to a where a > b, else to b (ties go to the second argument)."""

    nargs = 2

    @classmethod
    def eval(cls, a, b):
        if a.is_Number and b.is_Number:
            return sp.Max(a, b)

    def fdiff(self, argindex=1):
        a, b = self.args
        if argindex == 1:
            return ifpos(a - b, sp.S.One, sp.S.Zero)
        return ifpos(a - b, sp.S.Zero, sp.S.One)

    def _latex_body(self, printer):
        return r"\max\left(%s, %s\right)" % (printer._print(self.args[0]), printer._print(self.args[1]))


class _real_abs(Function):
    """|u| for a real u that SymPy cannot prove real (u = p/q, σ(p), √p): derivative sign(u)."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sp.sign(self.args[0])


class _real_sign(Function):
    """sign(u) for a real u: derivative 0 away from 0 (the kink policy), never DiracDelta/Derivative."""

    nargs = 1

    def fdiff(self, argindex=1):
        return sp.S.Zero


def real_diff(expr: sp.Expr, s: sp.Symbol) -> sp.Expr:
    """∂expr/∂s with every quantity real: |u|′ = sign(u)·u′ and sign′ = 0 whatever SymPy can prove
    about u (its own rules give re/im/atan2 or an unevaluated Derivative when it cannot)."""
    if not expr.has(sp.Abs, sp.sign):
        return sp.diff(expr, s)
    e = expr.replace(sp.Abs, _real_abs).replace(sp.sign, _real_sign)
    d = sp.diff(e, s)
    return d.replace(_real_abs, sp.Abs).replace(_real_sign, sp.sign)


# --------------------------------------------------------------------------------------------
# numpy forms (stable where it matters); used by the numeric evaluator
# --------------------------------------------------------------------------------------------

def np_sigmoid(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def np_softplus(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def np_normal_cdf(x):
    x = np.asarray(x, dtype=float)
    try:  # scipy is optional: use it when present, else the exact math.erfc elementwise
        from scipy.special import erfc
    except ImportError:  # pragma: no cover - exercised only without scipy
        import math
        erfc = np.vectorize(math.erfc, otypes=[float])
    return 0.5 * erfc(-x / np.sqrt(2.0))


def np_erf(x):
    try:  # scipy is optional: use it when present, else the exact math.erf elementwise
        from scipy.special import erf
        return erf(x)
    except ImportError:  # pragma: no cover - exercised only without scipy
        import math
        return np.vectorize(math.erf, otypes=[float])(x)


# At exactly 0 a kink's derivative is the policy: the x > 0 branch only, so ReLU'(0) = 0 and
# sign(0) = 0. Subgradient checks pick a side explicitly (symbolic/kinks.py), never globally.


def np_ifpos(x, a, b):
    return np.where(np.asarray(x) > 0, a, b)


def np_sign(x):
    return np.sign(np.asarray(x, dtype=float))


NUMPY_FUNCS: dict[type, Callable] = {
    sp.exp: np.exp, sp.log: np.log, sp.sin: np.sin, sp.cos: np.cos, sp.tan: np.tan,
    sp.tanh: np.tanh, sp.Abs: np.abs, sp.sign: np_sign, sp.erf: np_erf,
    sigmoid: np_sigmoid, sigmoid_tail: np_sigmoid, softplus: np_softplus, normal_cdf: np_normal_cdf,
    relu: lambda x: np.maximum(x, 0.0),
    ifpos: np_ifpos,
    leaky_relu: lambda x, a: np.where(np.asarray(x) > 0, x, a * np.asarray(x)),
    elu: lambda x, a: np.where(np.asarray(x) > 0, x, a * np.expm1(np.minimum(x, 0.0))),
    silu: lambda x: np.asarray(x) * np_sigmoid(x),
    gelu: lambda x: np.asarray(x) * np_normal_cdf(x),
    maximum: np.maximum,
}


# --------------------------------------------------------------------------------------------
# The catalogue proper: what a user may call in an expression
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One catalogue function: how it is called, what it is, how it is written."""

    name: str
    kind: str                      # 'elementwise' | 'vector' | 'reduction' | 'loss'
    params: tuple[str, ...] = ()   # positional parameter names after the tensor arguments
    defaults: tuple = ()           # defaults for trailing params
    n_tensor_args: int = 1
    sympy_fn: Callable | None = None
    latex: str = ""
    derivative: str = ""
    notes: str = ""
    formula: str = ""              # composite entries: expression in the spec grammar


def _ew(name, fn, latex, derivative, notes="", params=(), defaults=()):
    return Entry(name, "elementwise", params, defaults, 1, fn, latex, derivative, notes)


CATALOGUE: dict[str, Entry] = {e.name: e for e in [
    _ew("identity", lambda x: x, "x", "1"),
    _ew("sigmoid", sigmoid, r"\sigma", "σ(x)(1-σ(x))", "sign-split in C to avoid exp overflow"),
    _ew("tanh", sp.tanh, r"\tanh", "1-tanh²(x)"),
    _ew("relu", relu, r"\operatorname{ReLU}", "𝟙[x>0]; ReLU'(0)=0 by policy (PyTorch)"),
    _ew("leaky_relu", leaky_relu, r"\operatorname{LeakyReLU}", "1 if x>0 else alpha",
        params=("alpha",), defaults=(sp.Rational(1, 100),)),
    _ew("gelu", gelu, r"\operatorname{GELU}", "Φ(x)+xφ(x)", "exact erf form"),
    _ew("softplus", softplus, r"\operatorname{softplus}", "σ(x)", "max(x,0)+log1p(e^-|x|)"),
    _ew("silu", silu, r"\operatorname{SiLU}", "σ(x)(1+x(1-σ(x)))"),
    _ew("elu", elu, r"\operatorname{ELU}", "1 if x>0 else alpha·e^x",
        params=("alpha",), defaults=(sp.S.One,)),
    _ew("exp", sp.exp, r"\exp", "e^x"),
    _ew("log", sp.log, r"\log", "1/x"),
    _ew("sqrt", sp.sqrt, r"\sqrt", "1/(2√x)"),
    _ew("abs", sp.Abs, r"\left|\cdot\right|", "sign(x); 0 at 0 by policy"),
    _ew("sin", sp.sin, r"\sin", "cos(x)"),
    _ew("cos", sp.cos, r"\cos", "-sin(x)"),
    _ew("sign", sp.sign, r"\operatorname{sign}", "0 (piecewise constant)"),
    Entry("max", "elementwise", (), (), 2, maximum, r"\max", "to the larger argument"),
    Entry("softmax", "vector", latex=r"\operatorname{softmax}", derivative="diag(s) - s sᵀ",
          notes="computed with max subtraction"),
    Entry("log_softmax", "vector", latex=r"\log\operatorname{softmax}", derivative="I - 1 sᵀ",
          notes="z - logsumexp(z)"),
    Entry("logsumexp", "reduction", latex=r"\operatorname{LSE}", derivative="softmax(z)",
          notes="max subtraction"),
    Entry("sum", "reduction", latex=r"\sum", derivative="1"),
    Entry("mean", "reduction", latex=r"\operatorname{mean}", derivative="1/n"),
    Entry("dot", "reduction", n_tensor_args=2, latex=r"\cdot", derivative="the other argument"),
    Entry("outer", "vector", n_tensor_args=2, latex=r"\otimes", derivative="bilinear"),
    # Losses: composites written in the expression grammar, so every stage sees primitives.
    Entry("mse", "loss", ("half",), (0,), 2, formula="(1 - half/2) * sum((a - b)**2)",
          latex=r"\|a-b\|^2", notes="half=1 gives ½‖a−b‖²"),
    Entry("sse", "loss", (), (), 2, formula="sum((a - b)**2)", latex=r"\|a-b\|^2"),
    Entry("mae", "loss", (), (), 2, formula="sum(abs(a - b))", latex=r"\|a-b\|_1",
          notes="sign subgradient, 0 at 0"),
    Entry("huber", "loss", ("delta",), (sp.S.One,), 2,
          formula="sum(ifpos(abs(a - b) - delta, delta*(abs(a - b) - delta/2), (a - b)**2/2))",
          latex=r"L_\delta"),
    Entry("cross_entropy", "loss", (), (), 2, formula="-sum(b * log_softmax(a))",
          latex=r"\operatorname{CE}", notes="a = logits, b = targets; fused, gradient softmax(a)·Σb − b"),
    Entry("nll", "loss", (), (), 2, formula="-sum(b * log(a))", latex=r"-\sum t\log p",
          notes="a = probabilities"),
    Entry("bce", "loss", (), (), 2, formula="-sum(b*log(a) + (1 - b)*log(1 - a))",
          latex=r"\operatorname{BCE}", notes="a = probabilities"),
    Entry("bce_logits", "loss", (), (), 2, formula="sum(softplus(a) - b*a)",
          latex=r"\operatorname{BCE}_{\text{logits}}", notes="stable sigmoid + BCE"),
    Entry("focal", "loss", ("alpha", "gamma"), (sp.Rational(1, 4), sp.Integer(2)), 2,
          formula="sum(-(alpha*b + (1 - alpha)*(1 - b)) * (1 - (b*sigmoid(a) + (1 - b)*(1 - sigmoid(a))))**gamma"
                  " * (-softplus(-(2*b - 1)*a)))",
          latex=r"\operatorname{FL}", notes="binary focal loss on logits, b in {0,1}"),
    Entry("dice", "loss", ("eps",), (sp.S.One,), 2,
          formula="1 - (2*sum(a*b) + eps) / (sum(a) + sum(b) + eps)", latex=r"1-\operatorname{Dice}",
          notes="soft Dice on probabilities"),
    Entry("kl", "loss", (), (), 2, formula="sum(a * (log(a) - log(b)))", latex=r"D_{KL}",
          notes="KL(a‖b); unstable where b ≈ 0"),
    Entry("hinge", "loss", (), (), 2, formula="sum(relu(1 - b*a))", latex=r"\max(0, 1 - y s)",
          notes="a = scores, b in {-1,+1}"),
    Entry("logistic", "loss", (), (), 2, formula="sum(softplus(-b*a))", latex=r"\log(1+e^{-ys})",
          notes="a = scores, b in {-1,+1}"),
    Entry("ifpos", "elementwise", (), (), 3, ifpos, r"\mathbb{I}", "branch"),
]}

ELEMENTWISE_SYMPY = {name: e.sympy_fn for name, e in CATALOGUE.items()
                     if e.kind == "elementwise"}


def activation_names() -> list[str]:
    """Names usable as a layer activation."""
    return [n for n, e in CATALOGUE.items() if e.kind == "elementwise" and e.n_tensor_args == 1] + [
        "softmax", "log_softmax"]

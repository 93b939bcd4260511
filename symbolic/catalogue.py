"""The function catalogue: every activation, primitive, reduction, loss and penalty symgrad
knows, declared once.

Each entry carries its role, its SymPy form (with the derivative SymPy uses), its numpy form,
the C runtime helper it prints as, its LaTeX (and the words LaTeX claims read back as it), its
kinks with the Clarke subdifferential there, its options (default and check) and stability
notes. Everything else reads it: spec parsing and its "did you mean" hints (spec_schema,
lowering), the numeric evaluator (NUMPY_FUNCS), the kink logic (kinks.py), the C printer
(c_helpers), the grammar and LaTeX readers/printers, and `symgrad check`'s domain hints. The two
numeric references (codegen/reference*.py) keep their own numerics on purpose;
tests/test_catalogue_parity.py checks every consumer, and those references, against this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
        x = self.args[0]
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
            printer._print(a),
            cond,
            printer._print(b),
        )

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
            printer._print(self.args[1]),
            printer._print(self.args[0]),
        )


class elu(_Printed):
    """x if x > 0 else alpha*(e^x - 1)."""

    nargs = 2

    def fdiff(self, argindex=1):
        x, alpha = self.args
        if argindex == 1:
            return ifpos(x, sp.S.One, alpha * sp.exp(x))
        return ifpos(x, sp.S.Zero, sp.exp(x) - 1)

    def _latex_body(self, printer):
        return r"\operatorname{ELU}_{%s}\left(%s\right)" % (printer._print(self.args[1]), printer._print(self.args[0]))


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
        return sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi)

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
        return normal_cdf(x) + x * sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi)

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


# numpy forms of the functions SymPy or the catalogue use internally (not callable in a spec); the
# callable functions' numpy forms are their catalogue entries' `numpy` (NUMPY_FUNCS joins both)
_INTERNAL_NUMPY: dict[type, Callable] = {
    sp.tan: np.tan,
    sp.erf: np_erf,
    sigmoid_tail: np_sigmoid,
    normal_cdf: np_normal_cdf,
}


# --------------------------------------------------------------------------------------------
# The catalogue proper: what a user may call in an expression
# --------------------------------------------------------------------------------------------

ROLES = ("activation", "primitive", "reduction", "loss", "penalty")
OPTION_CHECKS = ("number", "positive", "nonnegative", "flag")


@dataclass(frozen=True)
class Option:
    """A named parameter of a catalogue function (alpha of leaky_relu, delta of huber): its
    default as a spec file would write it and the check a spec value must pass."""

    name: str
    default: bool | int | float
    check: str = "number"  # one of OPTION_CHECKS

    @property
    def exact(self) -> sp.Expr:
        """The default as an exact SymPy number (0.01 → 1/100, true → 1): what a call that
        leaves the parameter out gets."""
        if isinstance(self.default, bool):
            return sp.Integer(int(self.default))
        return sp.Rational(str(self.default))


def _first(args: tuple) -> sp.Expr:
    return args[0]


@dataclass(frozen=True)
class Kink:
    """Where a function is not differentiable, and what its derivative is there.

    `side(args)` is the expression whose sign selects the piece (the kink is where it is 0);
    `clarke(*params)` the Clarke subdifferential of ∂f/∂(first argument) at the kink as an
    interval (lo, hi), or None where f jumps (not Lipschitz: sign, ifpos's condition);
    `policy` is the value symgrad's derivative takes there."""

    where: str  # in words / the spec grammar, e.g. "x = 0"
    subdifferential: str  # the Clarke subdifferential, e.g. "[0, 1]"
    policy: str  # symgrad's derivative at the kink, e.g. "0"
    side: Callable[[tuple], sp.Expr] | None = _first
    clarke: Callable[..., tuple[float, float]] | None = None


@dataclass(frozen=True)
class Entry:
    """One catalogue function: how it is called, what it is, how it is written."""

    name: str
    kind: str  # 'elementwise' | 'vector' | 'reduction' | 'loss'
    params: tuple[str, ...] = ()  # positional parameter names after the tensor arguments
    defaults: tuple = ()  # defaults for trailing params (exact SymPy numbers)
    n_tensor_args: int = 1
    sympy_fn: Callable | None = None
    latex: str = ""
    derivative: str = ""
    notes: str = ""
    formula: str = ""  # composite entries: expression in the spec grammar
    role: str = "primitive"  # one of ROLES
    numpy: Callable | None = None  # elementwise: the numpy form the evaluator uses
    c_helper: str = ""  # the runtime helper C calls ('' = libm / operators via SymPy)
    kinks: tuple[Kink, ...] = ()  # non-smooth points ((): smooth where defined)
    options: tuple[Option, ...] = ()  # params with their spec defaults and checks
    latex_words: tuple[str, ...] = ()  # words LaTeX formula claims read as this function
    domain: str = "real"  # 'real' | 'positive' | 'unit' (losses: of the first argument)
    range: str = "real"  # 'real' | 'positive' | 'unit' ⊂ positive


def _ew(
    name,
    fn,
    latex,
    derivative,
    notes="",
    *,
    numpy,
    options=(),
    c_helper="",
    kinks=(),
    words=None,
    domain="real",
    range="real",
    role="activation",
    n_tensor_args=1,
):
    """An elementwise entry; `words` defaults to the name without underscores."""
    return Entry(
        name,
        "elementwise",
        tuple(o.name for o in options),
        tuple(o.exact for o in options),
        n_tensor_args,
        fn,
        latex,
        derivative,
        notes,
        role=role,
        numpy=numpy,
        c_helper=c_helper,
        kinks=kinks,
        options=options,
        latex_words=(name.replace("_", ""),) if words is None else words,
        domain=domain,
        range=range,
    )


def _loss(name, formula, latex, notes="", options=(), kinks=(), domain="real"):
    """A loss of (a = predictions, b = targets), written in the spec grammar."""
    return Entry(
        name,
        "loss",
        tuple(o.name for o in options),
        tuple(o.exact for o in options),
        2,
        formula=formula,
        latex=latex,
        notes=notes,
        role="loss",
        kinks=kinks,
        options=options,
        domain=domain,
    )


def _np_leaky_relu(x, a):
    return np.where(np.asarray(x) > 0, x, a * np.asarray(x))


def _np_elu(x, a):
    return np.where(np.asarray(x) > 0, x, a * np.expm1(np.minimum(x, 0.0)))


def _span(a, b) -> tuple[float, float]:
    return (min(float(a), float(b)), max(float(a), float(b)))


_RELU_KINK = Kink("x = 0", "[0, 1]", "0 (PyTorch)", clarke=lambda: (0.0, 1.0))
_ABS_KINK = Kink("x = 0", "[−1, 1]", "sign(0) = 0 (PyTorch)", clarke=lambda: (-1.0, 1.0))

CATALOGUE: dict[str, Entry] = {
    e.name: e
    for e in [
        _ew("identity", lambda x: x, "x", "1", numpy=lambda x: np.asarray(x, dtype=float), words=()),
        _ew(
            "sigmoid",
            sigmoid,
            r"\sigma",
            "σ(x)(1-σ(x))",
            "sign-split in C to avoid exp overflow",
            numpy=np_sigmoid,
            c_helper="sg_sigmoid",
            words=("sigma", "sigmoid"),
            range="unit",
        ),
        _ew("tanh", sp.tanh, r"\tanh", "1-tanh²(x)", numpy=np.tanh),
        _ew(
            "relu",
            relu,
            r"\operatorname{ReLU}",
            "𝟙[x>0]; ReLU'(0)=0 by policy (PyTorch)",
            numpy=lambda x: np.maximum(x, 0.0),
            c_helper="sg_relu",
            kinks=(_RELU_KINK,),
        ),
        _ew(
            "leaky_relu",
            leaky_relu,
            r"\operatorname{LeakyReLU}",
            "1 if x>0 else alpha",
            numpy=_np_leaky_relu,
            c_helper="sg_leaky_relu",
            options=(Option("alpha", 0.01),),
            kinks=(Kink("x = 0", "[min(α, 1), max(α, 1)]", "α (the x ≤ 0 branch)", clarke=lambda a: _span(a, 1)),),
        ),
        _ew(
            "gelu",
            gelu,
            r"\operatorname{GELU}",
            "Φ(x)+xφ(x)",
            "exact erf form",
            numpy=lambda x: np.asarray(x) * np_normal_cdf(x),
            c_helper="sg_gelu",
        ),
        _ew(
            "softplus",
            softplus,
            r"\operatorname{softplus}",
            "σ(x)",
            "max(x,0)+log1p(e^-|x|)",
            numpy=np_softplus,
            c_helper="sg_softplus",
            range="positive",
        ),
        _ew(
            "silu",
            silu,
            r"\operatorname{SiLU}",
            "σ(x)(1+x(1-σ(x)))",
            numpy=lambda x: np.asarray(x) * np_sigmoid(x),
            c_helper="sg_silu",
            words=("silu", "swish"),
        ),
        _ew(
            "elu",
            elu,
            r"\operatorname{ELU}",
            "1 if x>0 else alpha·e^x",
            numpy=_np_elu,
            c_helper="sg_elu",
            options=(Option("alpha", 1.0),),
            kinks=(
                Kink(
                    "x = 0 (for α ≠ 1; ELU″ jumps from α to 0 for every α)",
                    "[min(α, 1), max(α, 1)]",
                    "α (the x ≤ 0 branch); ELU″(0) = α",
                    clarke=lambda a: _span(a, 1),
                ),
            ),
        ),
        _ew("exp", sp.exp, r"\exp", "e^x", numpy=np.exp, range="positive"),
        _ew("log", sp.log, r"\log", "1/x", numpy=np.log, words=("log", "ln"), domain="positive"),
        _ew("sqrt", sp.sqrt, r"\sqrt", "1/(2√x)", numpy=np.sqrt, words=(), domain="positive"),
        _ew("abs", sp.Abs, r"\left|\cdot\right|", "sign(x); 0 at 0 by policy", numpy=np.abs, kinks=(_ABS_KINK,)),
        _ew("sin", sp.sin, r"\sin", "cos(x)", numpy=np.sin),
        _ew("cos", sp.cos, r"\cos", "-sin(x)", numpy=np.cos),
        _ew(
            "sign",
            sp.sign,
            r"\operatorname{sign}",
            "0 (piecewise constant)",
            numpy=np_sign,
            c_helper="sg_sign",
            words=("sign", "sgn"),
            kinks=(Kink("x = 0", "none: sign jumps from −1 to 1 (not Lipschitz)", "0"),),
        ),
        _ew(
            "max",
            maximum,
            r"\max",
            "to the larger argument",
            numpy=np.maximum,
            c_helper="sg_max",
            role="primitive",
            n_tensor_args=2,
            kinks=(
                Kink(
                    "a = b",
                    "conv{(1, 0), (0, 1)}: ∂/∂a ∈ [0, 1], ∂/∂b = 1 − ∂/∂a",
                    "ties to the second argument (PyTorch splits ½/½)",
                    side=lambda args: args[0] - args[1],
                    clarke=lambda: (0.0, 1.0),
                ),
            ),
        ),
        Entry(
            "softmax",
            "vector",
            latex=r"\operatorname{softmax}",
            derivative="diag(s) - s sᵀ",
            notes="computed with max subtraction",
            role="activation",
            latex_words=("softmax",),
            range="unit",
        ),
        Entry(
            "log_softmax",
            "vector",
            latex=r"\log\operatorname{softmax}",
            derivative="I - 1 sᵀ",
            notes="z - logsumexp(z)",
            role="activation",
        ),
        Entry(
            "logsumexp",
            "reduction",
            latex=r"\operatorname{LSE}",
            derivative="softmax(z)",
            notes="max subtraction",
            role="reduction",
            latex_words=("lse", "logsumexp"),
        ),
        Entry("sum", "reduction", latex=r"\sum", derivative="1", role="reduction", latex_words=("sum",)),
        Entry(
            "mean", "reduction", latex=r"\operatorname{mean}", derivative="1/n", role="reduction", latex_words=("mean",)
        ),
        Entry("dot", "reduction", n_tensor_args=2, latex=r"\cdot", derivative="the other argument", role="reduction"),
        Entry("outer", "vector", n_tensor_args=2, latex=r"\otimes", derivative="bilinear"),
        # Losses: composites written in the expression grammar, so every stage sees primitives; their
        # kinks are those of the primitives they use (declared here in the loss's own terms).
        _loss(
            "mse",
            "(1 - half/2) * sum((a - b)**2)",
            r"\|a-b\|^2",
            "half=1 gives ½‖a−b‖²",
            options=(Option("half", False, "flag"),),
        ),
        _loss("sse", "sum((a - b)**2)", r"\|a-b\|^2"),
        _loss(
            "mae",
            "sum(abs(a - b))",
            r"\|a-b\|_1",
            "sign subgradient, 0 at 0",
            kinks=(Kink("a = b (elementwise)", "[−1, 1] per element", "0", side=None, clarke=lambda: (-1.0, 1.0)),),
        ),
        _loss(
            "huber",
            "sum(ifpos(abs(a - b) - delta, delta*(abs(a - b) - delta/2), (a - b)**2/2))",
            r"L_\delta",
            options=(Option("delta", 1.0, "positive"),),
            kinks=(
                Kink(
                    "|a − b| = δ (the second derivative jumps from 1 to 0)",
                    "∂²/∂a² ∈ [0, 1]",
                    "1 (the quadratic piece; PyTorch: 0)",
                    side=None,
                ),
            ),
        ),
        _loss(
            "cross_entropy",
            "-sum(b * log_softmax(a))",
            r"\operatorname{CE}",
            "a = logits, b = targets; fused, gradient softmax(a)·Σb − b",
        ),
        _loss("nll", "-sum(b * log(a))", r"-\sum t\log p", "a = probabilities", domain="positive"),
        _loss("bce", "-sum(b*log(a) + (1 - b)*log(1 - a))", r"\operatorname{BCE}", "a = probabilities", domain="unit"),
        _loss("bce_logits", "sum(softplus(a) - b*a)", r"\operatorname{BCE}_{\text{logits}}", "stable sigmoid + BCE"),
        _loss(
            "focal",
            "sum(-(alpha*b + (1 - alpha)*(1 - b)) * (1 - (b*sigmoid(a) + (1 - b)*(1 - sigmoid(a))))**gamma"
            " * (-softplus(-(2*b - 1)*a)))",
            r"\operatorname{FL}",
            "binary focal loss on logits, b in {0,1}",
            options=(Option("alpha", 0.25), Option("gamma", 2, "nonnegative")),
        ),
        _loss(
            "dice",
            "1 - (2*sum(a*b) + eps) / (sum(a) + sum(b) + eps)",
            r"1-\operatorname{Dice}",
            "soft Dice on probabilities",
            options=(Option("eps", 1.0, "nonnegative"),),
        ),
        _loss("kl", "sum(a * (log(a) - log(b)))", r"D_{KL}", "KL(a‖b); unstable where b ≈ 0", domain="positive"),
        _loss(
            "hinge",
            "sum(relu(1 - b*a))",
            r"\max(0, 1 - y s)",
            "a = scores, b in {-1,+1}",
            kinks=(Kink("b·a = 1", "∂/∂a ∈ [−b, 0]", "0 (ReLU′(0) = 0)", side=None),),
        ),
        _loss("logistic", "sum(softplus(-b*a))", r"\log(1+e^{-ys})", "a = scores, b in {-1,+1}"),
        _ew(
            "ifpos",
            ifpos,
            r"\mathbb{I}",
            "branch",
            numpy=np_ifpos,
            role="primitive",
            n_tensor_args=3,
            words=(),
            kinks=(
                Kink(
                    "x = 0",
                    "none where a ≠ b: ifpos jumps in its condition",
                    "0 (piecewise constant in x; the x ≤ 0 branch at 0)",
                ),
            ),
        ),
    ]
}


@dataclass(frozen=True)
class Penalty:
    """A [penalty] type of layered specs (built by symbolic.layers, not callable in a formula)."""

    name: str
    keys: tuple[str, ...]  # the [penalty] keys besides `type`
    latex: str
    notes: str = ""
    kinks: tuple[Kink, ...] = ()
    role: str = "penalty"


PENALTIES: dict[str, Penalty] = {
    p.name: p
    for p in [
        Penalty(
            "l2",
            ("lam", "C", "half", "params"),
            r"\tfrac{\lambda}{2}\|\theta\|_2^2",
            "λ/2·Σθ² (half = false: λ·Σθ²), or the C convention 1/(2C)·Σθ²",
        ),
        Penalty(
            "l1",
            ("lam", "params"),
            r"\lambda\|\theta\|_1",
            "λ·Σ|θ|",
            kinks=(Kink("θ = 0 (elementwise)", "λ·[−1, 1]", "0 (sign(0) = 0)", side=None, clarke=lambda: (-1.0, 1.0)),),
        ),
        Penalty(
            "lp",
            ("lam", "p", "params"),
            r"\tfrac{\lambda}{p}\|\theta\|_p^p",
            "λ/p·Σ|θ|^p, p ≥ 1",
            kinks=(
                Kink(
                    "θ = 0 (elementwise; a kink for p = 1, an unbounded second derivative for 1 < p < 2)",
                    "λ·[−1, 1] for p = 1",
                    "0",
                    side=None,
                ),
            ),
        ),
    ]
}


# ---- views of the catalogue for its consumers ---------------------------------------------------

NUMPY_FUNCS: dict[type, Callable] = {
    **{e.sympy_fn: e.numpy for e in CATALOGUE.values() if isinstance(e.sympy_fn, type) and e.numpy is not None},
    **_INTERNAL_NUMPY,
}

ELEMENTWISE_SYMPY = {name: e.sympy_fn for name, e in CATALOGUE.items() if e.kind == "elementwise"}


def activation_names() -> list[str]:
    """Names usable as a layer activation."""
    return [n for n, e in CATALOGUE.items() if e.role == "activation"]


def loss_names() -> list[str]:
    """The loss types, in catalogue order."""
    return [n for n, e in CATALOGUE.items() if e.role == "loss"]


def option_activations(option: str = "alpha") -> list[str]:
    """Activations that take the layer option `option` (leaky_relu and elu take alpha)."""
    return [n for n in activation_names() if option in CATALOGUE[n].params]


def sympy_names() -> dict[type, str]:
    """SymPy function class → catalogue name, for every callable elementwise function that is
    its own SymPy class (sqrt is a power, identity no function)."""
    return {e.sympy_fn: n for n, e in CATALOGUE.items() if e.kind == "elementwise" and isinstance(e.sympy_fn, type)}


def c_helpers() -> dict[type, str]:
    """SymPy function class → the C runtime helper it prints as (subclasses resolve by MRO)."""
    return {e.sympy_fn: e.c_helper for e in CATALOGUE.values() if e.c_helper and isinstance(e.sympy_fn, type)}


_KINKS_BY_CLASS: dict[type, tuple[Kink, ...]] = {
    e.sympy_fn: e.kinks for e in CATALOGUE.values() if e.kind == "elementwise" and isinstance(e.sympy_fn, type)
}


def kinks_of(fn: type) -> tuple[Kink, ...]:
    """The kinks of a SymPy function class (by nearest catalogue base; () when smooth)."""
    for c in fn.__mro__:
        if c in _KINKS_BY_CLASS:
            return _KINKS_BY_CLASS[c]
    return ()


def kinked_functions() -> tuple[type, ...]:
    """The SymPy classes of the catalogue's non-smooth elementwise functions."""
    return tuple(
        e.sympy_fn for e in CATALOGUE.values() if e.kinks and e.kind == "elementwise" and isinstance(e.sympy_fn, type)
    )


def kink_sides(node: sp.Basic) -> list[sp.Expr]:
    """For a node of an elementwise template: the expressions whose zero is one of its kinks."""
    if not isinstance(node, sp.Function):
        return []
    return [k.side(node.args) for k in kinks_of(type(node)) if k.side is not None]


def latex_words() -> dict[str, str]:
    """Lower-case word (no underscores) → catalogue name: what LaTeX claims read as a call."""
    return {w: n for n, e in CATALOGUE.items() for w in e.latex_words}

"""The optimizer update rules as data: one declarative entry per optimizer (its state with initial
values, its hyperparameters with defaults and checks, its update as SymPy expressions over the
gradient g, the parameter θ, its state and the step number t), from which symbolic.optim.numeric
derives the numpy step and symbolic.optim.formula the printed formulas and step-table rows.

Defaults follow PyTorch where the seeds disagree; each default names the seed form it matches.
The convention switches (ε inside/outside the root, bias correction, weight-decay form) are
`Conventions` fields: a rule's `program(c)` writes its update once, in terms of `c.root` and
`c.corrected`, so a switch changes one place, never a silent per-optimizer branch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

# the variables every rule may use (ascii names so SymPy's LaTeX printer spells them: \theta, \eta)
g, theta, t, k, eta, lam = sp.symbols("g theta t k eta lambda", real=True)
beta, beta1, beta2, mu, alpha, epsilon = sp.symbols("beta beta1 beta2 mu alpha epsilon", positive=True)
m, v, s, b = sp.symbols("m v s b", real=True)
mhat, vhat, r = sp.symbols("mhat vhat r", real=True)


class Norm(sp.Function):
    """‖x‖: the Euclidean norm of a whole parameter tensor (LAMB's layer-wise trust ratio)."""

    nargs = 1

    def _latex(self, printer, *args) -> str:
        return r"\lVert " + printer._print(self.args[0]) + r" \rVert"

    def _sympystr(self, printer) -> str:
        return "‖" + printer._print(self.args[0]) + "‖"


class TrustRatio(sp.Function):
    """‖a‖/‖b‖, and 1 when either norm is 0 (LAMB; the usual guard, not in seed 001 l.436)."""

    nargs = 2

    def _latex(self, printer, *args) -> str:
        a, c = (printer._print(Norm(x)) for x in self.args)
        return r"\frac{" + a + "}{" + c + "}"

    def _sympystr(self, printer) -> str:
        a, c = (printer._print(Norm(x)) for x in self.args)
        return f"({a}/{c})"


@dataclass(frozen=True)
class Hyper:
    """A hyperparameter: spec/`--set` key, SymPy symbol, default, check and where it comes from.
    check: 'positive' (> 0), 'nonnegative' (≥ 0) or 'unit' (0 ≤ x < 1)."""

    key: str
    symbol: sp.Symbol
    default: float
    check: str
    doc: str


@dataclass(frozen=True)
class State:
    """One optimizer state variable, per parameter tensor, with its initial value."""

    name: str
    symbol: sp.Symbol
    init: float
    doc: str


@dataclass(frozen=True)
class Conventions:
    """The explicit convention switches a rule's program is written against."""

    eps_inside_sqrt: bool = False  # √(x + ε) (seed 001) vs √x + ε (seeds 000/002, PyTorch)
    bias_correction: bool = True  # m/(1 − β^t) (all seeds, PyTorch) vs none (original BERT, seed 002 l.917)
    step_index: str = "t"  # print 1 − β^t, t from 1 (seeds 001/002) or 1 − β^(k+1), k from 0 (seed 000)
    decoupled_direction: sp.Expr = sp.S.Zero  # λθ when a rule folds decoupled decay into its direction

    def root(self, x: sp.Expr) -> sp.Expr:
        """The denominator √x + ε or √(x + ε)."""
        return sp.sqrt(x + epsilon) if self.eps_inside_sqrt else sp.sqrt(x) + epsilon

    def corrected(self, x: sp.Expr, rate: sp.Symbol) -> sp.Expr:
        """Bias-corrected moment x / (1 − rate^t) (or x when bias correction is off)."""
        if not self.bias_correction:
            return x
        n = t if self.step_index == "t" else k + 1
        return x / (1 - rate**n)


Program = tuple[tuple[sp.Symbol, sp.Expr], ...]


@dataclass(frozen=True)
class Rule:
    """One optimizer. `program(c)` is the ordered assignments of one step: state variables and
    auxiliaries (m̂, r, …) and finally θ; each right-hand side reads the values assigned so far
    (θ on a right-hand side is the parameter before the step). `switches` are the convention
    keys that apply; `decay` the default weight-decay form (see symbolic.optim.config.DECAYS)."""

    name: str
    summary: str
    hypers: tuple[Hyper, ...]
    state: tuple[State, ...]
    program: Callable[[Conventions], Program]
    switches: tuple[str, ...] = ()
    decay: str = "l2"
    decay_in_direction: bool = False
    torch: str = ""  # the matching torch.optim call, for the docs and the tests
    seeds: str = ""


def _lr(default: float, doc: str) -> Hyper:
    return Hyper("lr", eta, default, "positive", doc)


def _eps(default: float) -> Hyper:
    return Hyper("eps", epsilon, default, "positive", f"ε = {default:g} (PyTorch's default; no seed gives a number)")


_WD = Hyper("weight_decay", lam, 0.0, "nonnegative", "λ = 0 (PyTorch); seed 002 writes it as 1/C (key C)")
_ADAM_HYPERS = (
    Hyper("beta1", beta1, 0.9, "unit", "β₁ = 0.9 (PyTorch; seeds 000/001 β₁, seed 002 ρ₁)"),
    Hyper("beta2", beta2, 0.999, "unit", "β₂ = 0.999 (PyTorch; seeds 000/001 β₂, seed 002 ρ₂)"),
)
_MOMENTS = (
    State("m", m, 0.0, "first moment (seed 002 s), m₀ = 0"),
    State("v", v, 0.0, "second moment (seed 002 r), v₀ = 0"),
)
_ADAM_SWITCHES = ("eps_inside_sqrt", "bias_correction", "step_index")


def _adam(c: Conventions) -> Program:
    return (
        (m, beta1 * m + (1 - beta1) * g),
        (v, beta2 * v + (1 - beta2) * g**2),
        (mhat, c.corrected(m, beta1)),
        (vhat, c.corrected(v, beta2)),
        (theta, theta - eta * mhat / c.root(vhat)),
    )


def _lamb(c: Conventions) -> Program:
    return (
        (m, beta1 * m + (1 - beta1) * g),
        (v, beta2 * v + (1 - beta2) * g**2),
        (mhat, c.corrected(m, beta1)),
        (vhat, c.corrected(v, beta2)),
        (r, mhat / c.root(vhat) + c.decoupled_direction),
        (theta, theta - eta * TrustRatio(theta, r) * r),
    )


RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        Rule(
            "sgd",
            "gradient descent; with momentum μ > 0 PyTorch's form v = μv + g, θ ← θ − ηv",
            (
                _lr(1e-3, "η = 0.001 (PyTorch); seed 001 Worked Example III uses 0.1"),
                Hyper("momentum", mu, 0.0, "unit", "μ = 0: plain GD θ ← θ − η∇ (seeds 000–004)"),
            ),
            (State("b", b, 0.0, "PyTorch's momentum buffer, b₀ = 0 (b = g when μ = 0)"),),
            lambda c: ((b, mu * b + g), (theta, theta - eta * b)),
            torch="torch.optim.SGD(lr, momentum, weight_decay)",
            seeds="GD/SGD: seed 000 (58)/(63), seed 001 l.398/Table 3.9, seed 003 l.472",
        ),
        Rule(
            "momentum",
            "EMA momentum v = βv + (1 − β)g, θ ← θ − ηv (seed 001 l.404)",
            (
                _lr(1e-3, "η = 0.001 (as PyTorch's SGD)"),
                Hyper("beta", beta, 0.9, "unit", "β = 0.9 (seed 001 gives no number; the usual choice)"),
            ),
            (State("v", v, 0.0, "velocity, v₀ = 0"),),
            lambda c: ((v, beta * v + (1 - beta) * g), (theta, theta - eta * v)),
            torch="torch.optim.SGD(lr=η(1 − β), momentum=β) (same iterates: v = (1 − β)b)",
            seeds="seed 001 l.404",
        ),
        Rule(
            "heavy-ball",
            "heavy-ball momentum v = αv − ηg, θ ← θ + v (seed 002 Def 2.2.1)",
            (
                _lr(1e-3, "η = 0.001 (as PyTorch's SGD)"),
                Hyper("momentum", alpha, 0.9, "unit", "α = 0.9 (seed 002: α ∈ [0, 1), no number)"),
            ),
            (State("v", v, 0.0, "velocity, v₀ = 0 (seed 002)"),),
            lambda c: ((v, alpha * v - eta * g), (theta, theta + v)),
            torch="torch.optim.SGD(lr, momentum=α) (same iterates for a constant η: v = −ηb)",
            seeds="seed 002 Def 2.2.1 l.765",
        ),
        Rule(
            "nesterov",
            "Nesterov momentum in PyTorch's form v = μv + g, θ ← θ − η(g + μv) (absent from the seeds)",
            (
                _lr(1e-3, "η = 0.001 (PyTorch)"),
                Hyper("momentum", mu, 0.9, "unit", "μ = 0.9 (PyTorch needs μ > 0; 0.9 the usual choice)"),
            ),
            (State("b", b, 0.0, "PyTorch's momentum buffer, b₀ = 0"),),
            lambda c: ((b, mu * b + g), (theta, theta - eta * (g + mu * b))),
            torch="torch.optim.SGD(lr, momentum=μ, nesterov=True)",
            seeds="absent from the seeds (inventory §6)",
        ),
        Rule(
            "adagrad",
            "AdaGrad s = s + g², θ ← θ − ηg/(√s + ε)",
            (_lr(1e-2, "η = 0.01 (PyTorch)"), _eps(1e-10)),
            (State("s", s, 0.0, "sum of squared gradients (seed 002 r), s₀ = 0"),),
            lambda c: ((s, s + g**2), (theta, theta - eta * g / c.root(s))),
            switches=("eps_inside_sqrt",),
            torch="torch.optim.Adagrad(lr, eps, weight_decay)",
            seeds="seed 001 l.410 (ε inside), seed 002 Def 2.2.2 (δ outside = default)",
        ),
        Rule(
            "rmsprop",
            "RMSProp v = βv + (1 − β)g², θ ← θ − ηg/(√v + ε)",
            (
                _lr(1e-2, "η = 0.01 (PyTorch)"),
                Hyper("beta", beta, 0.99, "unit", "β = 0.99 (PyTorch's alpha; seed 001 β, seed 002 ρ)"),
                _eps(1e-8),
            ),
            (State("v", v, 0.0, "mean square E[g²] (seed 002 r), v₀ = 0"),),
            lambda c: ((v, beta * v + (1 - beta) * g**2), (theta, theta - eta * g / c.root(v))),
            switches=("eps_inside_sqrt",),
            torch="torch.optim.RMSprop(lr, alpha=β, eps, weight_decay)",
            seeds="seed 001 l.416 (ε inside), seed 002 l.827 (δ outside = default)",
        ),
        Rule(
            "adam",
            "Adam with bias-corrected moments, θ ← θ − η m̂/(√v̂ + ε)",
            (_lr(1e-3, "η = 0.001 (PyTorch; seed 001 dv7 runs use 1e-2 and 1e-3)"), *_ADAM_HYPERS, _eps(1e-8)),
            _MOMENTS,
            _adam,
            switches=_ADAM_SWITCHES,
            torch="torch.optim.Adam(lr, betas, eps, weight_decay)",
            seeds="seed 001 l.422 (ε inside), seed 002 Def 2.2.4 (outside = default)",
        ),
        Rule(
            "adamw",
            "AdamW: Adam with decoupled decay θ ← θ − η(m̂/(√v̂ + ε) + λθ)",
            (
                _lr(1e-3, "η = 0.001 (PyTorch)"),
                *_ADAM_HYPERS,
                _eps(1e-8),
                Hyper("weight_decay", lam, 1e-2, "nonnegative", "λ = 0.01 (PyTorch's AdamW; no seed number)"),
            ),
            _MOMENTS,
            _adam,
            switches=_ADAM_SWITCHES,
            decay="decoupled",
            torch="torch.optim.AdamW(lr, betas, eps, weight_decay)",
            seeds="seed 000 (64)–(68) (k from 0, ε outside = default), seed 001 l.430, seed 002 Def 2.2.5 (1/C)",
        ),
        Rule(
            "lamb",
            "LAMB: r = m̂/(√v̂ + ε) (+ λθ), θ ← θ − η‖θ‖/‖r‖ r per parameter tensor",
            (_lr(1e-3, "η = 0.001 (as Adam)"), *_ADAM_HYPERS, _eps(1e-6)),
            _MOMENTS,
            _lamb,
            switches=_ADAM_SWITCHES,
            decay="decoupled",
            decay_in_direction=True,
            torch="none in torch.optim (checked against a numpy reference)",
            seeds="seed 001 l.436 (ε inside, no decay); decay inside r as in the LAMB paper",
        ),
    )
}
ALIASES = {"gd": "sgd", "heavy_ball": "heavy-ball"}
NAMES = tuple(RULES)

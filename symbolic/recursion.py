"""The matrix-form backprop recursion of a layered model, as the seeds write it (seed 000 §6):
δ⁽ᴸ⁾ = ∂J/∂ŷ ⊙ φ′(z⁽ᴸ⁾), δ⁽ˡ⁾ = (W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ φ′(z⁽ˡ⁾), ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾h⁽ˡ⁻¹⁾ᵀ, ∂J/∂b⁽ˡ⁾ = δ⁽ˡ⁾;
through a convolution (seed 002) δ⁽ˡ⁾ = φᵀ(W⁽ˡ⁺¹⁾ᵀδ⁽ˡ⁺¹⁾) ⊙ φ′(z⁽ˡ⁾) and ∂J/∂W⁽ˡ⁾ = δ⁽ˡ⁾φ(h⁽ˡ⁻¹⁾)ᵀ,
through pooling the selector's (max) or the window average's transpose, through flatten a reshape.
"""

from __future__ import annotations

import sympy as sp

from .display import (
    DHadamard,
    DMatMul,
    DNamed,
    DOp,
    DOuter,
    DSoftmaxJac,
    DSum,
    Names,
    base_latex,
)
from .graph import sym
from .ops.gather import DLayout
from .readable import Readable
from .report import Line
from .reverse import local_partial

RECURSION_KINDS = ("dense", "conv2d", "maxpool", "avgpool", "flatten")  # the layers with a matrix-form δ rule

CE_NOTE = (
    "when Σy = 1: one-hot or probability targets",
    r"\text{when } \textstyle\sum y = 1\text{: one-hot or probability targets}",
)


def _label(N: Names, text: str, tex: str) -> sp.Symbol:
    """A display-only symbol (registered with N) for a layer-indexed quantity."""
    N.labels[text] = (text, tex)
    return sp.Symbol(text)


def _layer(N: Names, base: str, tex: str, l: int) -> sp.Symbol:
    return _label(N, f"{base}⁽{l}⁾", f"{tex}^{{({l})}}")


def _partial(N: Names, J: str, of: sp.Symbol) -> sp.Symbol:
    text, tex = N.labels.get(of.name, (of.name, base_latex(of.name)))
    return _label(N, f"∂{J}/∂{text}", rf"\frac{{\partial {base_latex(J)}}}{{\partial {tex}}}")


def _dphi(a, z_name: str, z: sp.Symbol, h: sp.Symbol) -> sp.Expr:
    """φ′(z) of the layer's own elementwise activation `a`, in output form where it has one
    (1 − h⊙h for tanh, h⊙(1 − h) for sigmoid), in the layer-indexed names z, h."""
    p = local_partial(a, z_name).xreplace({sym(z_name): z, sym(a.name): h})
    vec = {z, h}
    p = p.replace(lambda t: t.is_Pow and t.base in vec and t.exp == 2, lambda t: DHadamard(t.base, t.base))
    return p.replace(
        lambda t: t.is_Mul and sum(1 for f in t.args if f.has(*vec)) >= 2,
        lambda t: sp.Mul(*[f for f in t.args if not f.has(*vec)]) * DHadamard(*[f for f in t.args if f.has(*vec)]),
    )


def recursion_lines(graph, d, R: Readable, N: Names) -> list[Line]:
    """The recursion for graph.info.layers, with ∂J/∂ŷ taken from the derivation `d`."""
    layers = graph.info.layers
    L = len(layers)
    J = graph.objective
    yhat = _label(N, "ŷ", r"\hat{y}")
    dy = _partial(N, J, yhat)
    lines: list[Line] = []
    out = layers[-1].h
    an = d.adjoint.get(out)
    if an:
        a = R.by_name[an]
        lines.append(Line(dy, R.rhs(a) if R.name_of(an) is not None else R.ref(an)))
    ce = graph.info.loss_type == "cross_entropy"  # a penalty does not involve ŷ
    delta = {l: _layer(N, "δ", r"\delta", l) for l in range(1, L + 1)}
    for l in range(L, 0, -1):
        spec = layers[l - 1]
        act = spec.activation
        z, h = _layer(N, "z", "z", l), _layer(N, "h", "h", l)
        g = dy if l == L else _back(N, J, layers[l], l + 1, delta[l + 1])
        if act == "softmax":
            rhs = DSoftmaxJac(yhat if l == L else h, g)
        elif act == "log_softmax":
            rhs = g - DNamed(sp.Symbol("softmax"), z) * DSum(g)
        else:
            p = _dphi(graph.by_name[spec.h], spec.z, z, yhat if l == L else h)
            rhs = g if p == 1 else DHadamard(g, p)
        lines.append(Line(delta[l], rhs))
        if l == L and ce and act == "identity":
            lines.append(Line(delta[l], DNamed(sp.Symbol("softmax"), z) - sp.Symbol("y"), CE_NOTE))
    for l in range(1, L + 1):
        spec = layers[l - 1]
        if spec.kind not in ("dense", "conv2d"):
            continue
        prev = sp.Symbol("x") if l == 1 else _layer(N, "h", "h", l - 1)
        W = _layer(N, "W", "W", l)
        if spec.kind == "conv2d":  # seed 002: ∂ξ/∂W = ∂ξ/∂S φ(Z)ᵀ, ∂ξ/∂b = ∂ξ/∂S 1
            grad: sp.Expr = DMatMul(
                delta[l], DLayout(sp.Symbol("im2col"), sp.false, prev), sp.Integer(0), sp.Integer(1)
            )
            bias: sp.Expr = DMatMul(delta[l], sp.Symbol("1"), sp.Integer(0), sp.Integer(0))
        else:
            grad, bias = DOuter(delta[l], prev), delta[l]
        if graph.info.penalty is not None:
            grad = DOp(sp.Symbol("+"), grad, _partial(N, "R", W))
        lines.append(Line(_partial(N, J, W), grad, CONV_NOTE if spec.kind == "conv2d" else None))
        if spec.bias:
            lines.append(Line(_partial(N, J, _layer(N, "b", "b", l)), bias))
    return lines


CONV_NOTE = (
    "W as (out, in·k·k), δ as (out, positions), φ = im2col",
    r"W \text{ as (out, in}\cdot k\cdot k\text{)}, \delta \text{ as (out, positions)}, \varphi = \text{im2col}",
)


def _back(N: Names, J: str, nxt, l: int, d: sp.Symbol) -> sp.Expr:
    """∂J/∂h⁽ˡ⁻¹⁾ from layer l (`nxt`) and its δ⁽ˡ⁾: Wᵀδ (dense), φᵀ(Wᵀδ) (conv2d, seed 002),
    the pooling selector's transpose, the flatten reshaped back; + ∂J/∂h⁽ˡ⁾ around a residual."""
    if nxt.kind == "dense":
        g: sp.Expr = DMatMul(_layer(N, "W", "W", l), d, sp.Integer(1), sp.Integer(0))
    elif nxt.kind == "conv2d":
        g = DLayout(sp.Symbol("im2col"), sp.true, DMatMul(_layer(N, "W", "W", l), d, sp.Integer(1), sp.Integer(0)))
    else:
        g = DLayout(sp.Symbol(nxt.kind), sp.true, d)
    if nxt.residual:
        g = DOp(sp.Symbol("+"), g, _partial(N, J, _layer(N, "h", "h", l)))
    return g

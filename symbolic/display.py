"""How names and expressions look on screen: text (Unicode) and LaTeX, both printed by SymPy.

Structural ops are small display-only SymPy functions (declared with their op in `symbolic.ops`,
re-exported here), so SymPy's printers handle precedence; names map to ∂J/∂v (adjoints), ∂ᵤ(·)
(tangents), u_p (directions). The LaTeX needs only amsmath/amssymb.
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from .graph import Assignment
from .latex_doc import escape_text
from .ops import rule
from .ops.linear import DT, DMatMul, DOuter
from .ops.normalize import DSoftmaxJac
from .ops.notation import (
    TOP,
    DisplayNode,
    DMatrix,
    DNamed,
    DStack,
    bare_text,
    literal,
    paren_latex,
    paren_text,
    sub,
    sup,
)
from .ops.structure import DIndex, DSum

# ---- text ------------------------------------------------------------------------------------------

_TEXT_UNICODE = {
    "∂": r"$\partial$",
    "σ": r"$\sigma$",
    "⊙": r"$\odot$",
    "✓": r"$\checkmark$",
    "✗": r"$\times$",
    "→": r"$\to$",
    "×": r"$\times$",
    "…": r"\dots{}",
    "·": r"$\cdot$",
    "−": r"$-$",
    "ᵀ": r"$^{\top}$",
    "Σ": r"$\Sigma$",
    "²": r"$^{2}$",
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "δ": r"$\delta$",
    "ŷ": r"$\hat{y}$",
    "⁽": r"$^{(}$",
    "⁾": r"$^{)}$",
    "𝟙": r"$\mathbb{I}$",
    "ᵤ": r"$_{u}$",
    "λ": r"$\lambda$",
    "θ": r"$\theta$",
    "η": r"$\eta$",
    "‖": r"$\|$",
    "±": r"$\pm$",
    "≈": r"$\approx$",
    "⊗": r"$\otimes$",
    "—": "---",
    "–": "--",
    "’": "'",
    "‘": "`",
    "“": "``",
    "”": "''",
    "φ": r"$\varphi$",
    "′": r"$'$",
}


def ascii_text(text: str) -> str:
    """Plain text with every non-ASCII character replaced by its closest ASCII spelling."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        out.append(folded or "?")
    return "".join(out)


def latex_text(text: str) -> str:
    """Text for LaTeX text mode: special characters escaped, Unicode symbols as LaTeX commands."""
    out = []
    for ch in text:
        if ch in _TEXT_UNICODE:
            out.append(_TEXT_UNICODE[ch])
        else:
            out.append(escape_text(ascii_text(ch)))
    return "".join(out)


# ---- display-only nodes of derivation steps (the op nodes live with their ops in symbolic.ops) --


class DHadamard(DisplayNode):
    """A ⊙ B (elementwise product)."""

    precedence = PRECEDENCE["Mul"]

    def _sympystr(self, pr):
        return " ⊙ ".join(paren_text(pr, a) for a in self.args)

    def _latex(self, pr):
        return r" \odot ".join(paren_latex(pr, a) for a in self.args)


class DPartial(DisplayNode):
    """∂a/∂b as a label (local derivatives, Jacobian entries)."""

    def _sympystr(self, pr):
        return f"∂{pr._print(self.args[0])}/∂{pr._print(self.args[1])}"

    def _latex(self, pr):
        return rf"\frac{{\partial {pr._print(self.args[0])}}}{{\partial {pr._print(self.args[1])}}}"


class DHu(DisplayNode):
    """(H·u)_p: the Hessian-vector product's entry for parameter p."""

    def _sympystr(self, pr):
        return f"(H·u)_{pr._print(self.args[0])}"

    def _latex(self, pr):
        return rf"(H u)_{{{pr._print(self.args[0])}}}"


class DHess(DisplayNode):
    """H[a, b]: one Hessian entry."""

    def _sympystr(self, pr):
        return f"H[{pr._print(self.args[0])}, {pr._print(self.args[1])}]"

    def _latex(self, pr):
        return rf"H_{{{pr._print(self.args[0])},\,{pr._print(self.args[1])}}}"


class DStep(DisplayNode):
    """'Step k' (a step-table reference)."""

    def _sympystr(self, pr):
        return f"Step {self.args[0]}"

    def _latex(self, pr):
        return rf"\text{{Step {self.args[0]}}}"


class DOp(DisplayNode):
    """a + b + … or a × b × … kept in the given order (step-table formulas): DOp(Symbol('+'), …)."""

    _LATEX: ClassVar[dict[str, str]] = {"+": " + ", "×": r" \times "}

    def _sympystr(self, pr):
        return f" {self.args[0].name} ".join(bare_text(pr, a) for a in self.args[1:])

    def _latex(self, pr):
        return self._LATEX[self.args[0].name].join(pr._print(a) for a in self.args[1:])


# ---- names ----------------------------------------------------------------------------------------

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INDEX = re.compile(r"^(.+)\[([0-9]+(?:,[0-9]+)*)\]$")


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += (ch == "[") - (ch == "]")
        if depth < 0:
            return False
    return depth == 0


def split_index(name: str) -> tuple[str, str | None]:
    """'W1[0,1]' → ('W1', '0,1'); 'd[a2][0]' → ('d[a2]', '0'); other names → (name, None)."""
    m = _INDEX.match(name)
    if m and _balanced(m.group(1)):
        return m.group(1), m.group(2)
    return name, None


def unwrap(name: str, kind: str) -> str | None:
    """'d[X]' → 'X' for kind 'd' (likewise t, u, v); None when name is not of that form."""
    if name.startswith(kind + "[") and name.endswith("]") and _balanced(name[2:-1]):
        return name[2:-1]
    return None


def base_latex(name: str) -> str:
    """LaTeX for a plain or element name: yhat → \\hat{y}, W1[0,1] → {W_{1}}_{0,1}."""
    core, idx = split_index(name)
    if idx is not None and _IDENT.match(core):
        return sub(sp.latex(sp.Symbol(core)), idx)
    if _IDENT.match(name):
        return sp.latex(sp.Symbol(name))
    return rf"\mathrm{{{latex_text(name)}}}"


class Names:
    """Display forms of names for one objective J; `labels` adds display-only symbols
    (name → (text, LaTeX)), e.g. the layer-indexed δ⁽ˡ⁾ of the matrix-form recursion."""

    def __init__(self, objective: str, labels: dict[str, tuple[str, str]] | None = None):
        self.J = objective
        self.labels: dict[str, tuple[str, str]] = dict(labels or {})

    def text(self, n: str) -> str:
        if n in self.labels:
            return self.labels[n][0]
        core, idx = split_index(n)
        if idx is not None and not _IDENT.match(core):
            t = self.text(core)
            return f"({t})[{idx}]" if "/" in t else f"{t}[{idx}]"
        x = unwrap(n, "d")
        if x is not None:
            return f"∂{self.J}/∂{self.text(x)}"
        x = unwrap(n, "t")
        if x is not None:
            return f"∂ᵤ({self.text(x)})"
        for k in "uv":
            x = unwrap(n, k)
            if x is not None:
                return f"{k}_{x}"
        return n

    def latex(self, n: str) -> str:
        if n in self.labels:
            return self.labels[n][1]
        core, idx = split_index(n)
        if idx is not None:
            for k in "dt":
                inner = unwrap(core, k)
                if inner is not None:  # (∂J/∂X)[i] = ∂J/∂X[i]: the index goes to X
                    return self.latex(f"{k}[{inner}[{idx}]]")
            for k in "uv":
                if unwrap(core, k) is not None:
                    return sub(self.latex(core), idx)
        x = unwrap(n, "d")
        if x is not None:
            return rf"\frac{{\partial {base_latex(self.J)}}}{{\partial {self.latex(x)}}}"
        x = unwrap(n, "t")
        if x is not None:
            return rf"\partial_{{u}}\!\left({self.latex(x)}\right)"
        for k in "uv":
            x = unwrap(n, k)
            if x is not None:
                return sub(k, self.latex(x))
        return base_latex(n)


# ---- expressions -------------------------------------------------------------------------------------


def op_expr(a: Assignment) -> sp.Expr:
    """The assignment's right-hand side as a SymPy expression (structural ops as display nodes,
    from the op's registry entry)."""
    return rule(a.op).display(a)


class _Ordered:
    """Sums print their positive terms first: softmax(z)*Σ(y) - y, not -y + softmax(z)*Σ(y)."""

    def _as_ordered_terms(self, expr, order=None):
        terms = super()._as_ordered_terms(expr, order=order)  # type: ignore[misc]  # a mixin of SymPy printers
        return sorted(terms, key=lambda t: bool(t.could_extract_minus_sign()))


class _Text(_Ordered, StrPrinter):
    def __init__(self, names: Names):
        super().__init__({"order": "none"})
        self.names = names

    def _print_Symbol(self, s):
        t = self.names.text(s.name)
        return f"({t})" if "/" in t and not t.startswith("(") else t

    def _print_Pow(self, expr, rational=False):
        if expr.exp == 2 and expr.base.is_Symbol:
            return self._print(expr.base) + "²"
        return super()._print_Pow(expr, rational)

    def _print_Abs(self, expr):  # spec grammar: abs(x)
        return f"abs({self._print(expr.args[0])})"

    def _print_maximum(self, expr):  # spec grammar: max(a, b, …), nested maxima flattened
        def flat(e):
            return [x for a in e.args for x in (flat(a) if type(a) is type(e) else [a])]

        return "max(" + ", ".join(self._print(a) for a in flat(expr)) + ")"


class _Latex(_Ordered, LatexPrinter):
    def __init__(self, names: Names):
        super().__init__({"mul_symbol": None})
        self.names = names
        self._memo: dict = {}  # LaTeX of each subexpression, printed once (big closed forms)

    def _print(self, expr, **kwargs):
        if kwargs or not isinstance(expr, sp.Basic):
            return super()._print(expr, **kwargs)
        if expr not in self._memo:
            self._memo[expr] = super()._print(expr)
        return self._memo[expr]

    def _print_Symbol(self, s, style="plain"):
        return self.names.latex(s.name)

    def _print_Pow(self, expr):
        b, e = expr.base, expr.exp
        if b.is_Symbol and self.names.latex(b.name).startswith(r"\frac") and e.is_Integer and e > 0:
            return rf"\left({self._print(b)}\right)^{{{self._print(e)}}}"
        if isinstance(b, sp.Function) and hasattr(type(b), "_latex"):  # f(x)^2; _latex takes no exp=
            if e.is_Rational and e.is_negative:
                return rf"\frac{{1}}{{{self._print(b**-e)}}}"
            return sup(self._print(b), self._print(e))
        return super()._print_Pow(expr)


def to_text(expr: sp.Basic, names: Names) -> str:
    """Unicode text of a display expression (spec-grammar operators, ∂/Σ/ᵀ for the rest)."""
    if isinstance(expr, sp.Symbol):
        return names.text(expr.name)
    return _Text(names).doprint(expr)


def latex_printer(names: Names) -> LatexPrinter:
    """A LaTeX printer for symgrad's names; reuse one to print many parts of a big expression."""
    return _Latex(names)


def to_latex(expr: sp.Basic, names: Names, printer: LatexPrinter | None = None) -> str:
    """LaTeX (math mode, amsmath/amssymb only) of a display expression."""
    return (printer or _Latex(names)).doprint(expr)


__all__ = [
    "DT",
    "TOP",
    "DHadamard",
    "DHess",
    "DHu",
    "DIndex",
    "DMatMul",
    "DMatrix",
    "DNamed",
    "DOp",
    "DOuter",
    "DPartial",
    "DSoftmaxJac",
    "DStack",
    "DStep",
    "DSum",
    "DisplayNode",
    "Names",
    "ascii_text",
    "base_latex",
    "latex_printer",
    "latex_text",
    "literal",
    "op_expr",
    "split_index",
    "sub",
    "sup",
    "to_latex",
    "to_text",
    "unwrap",
]

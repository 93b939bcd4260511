"""How names and assignments look on screen: text (Unicode) and LaTeX, with hidden temps inlined.

Structural ops become small display-only SymPy functions so SymPy handles precedence; names
map to ∂J/∂v (adjoints), ∂ᵤ(·) (tangents), u_p (directions).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy import Function
from sympy.printing.str import StrPrinter
from sympy.printing.latex import LatexPrinter

from .graph import Assignment


# ---- display-only functions for structural ops ----------------------------------------------

class _D(Function):
    """Base for display-only op nodes (never evaluated or differentiated)."""


def _p(printer, e):
    s = printer._print(e)
    return s if isinstance(e, (sp.Symbol, _D, sp.Function)) else f"({s})"


class DMatMul(_D):
    def _sympystr(self, pr):
        A, B, ta, tb = self.args
        return f"{_p(pr, A)}{'ᵀ' if ta else ''}·{_p(pr, B)}{'ᵀ' if tb else ''}"

    def _latex(self, pr):
        A, B, ta, tb = self.args
        t = r"^{\top}"
        return f"{pr.parenthesize(A, 1000)}{t if ta else ''}\\,{pr.parenthesize(B, 1000)}{t if tb else ''}"


class DOuter(_D):
    def _sympystr(self, pr):
        return f"{_p(pr, self.args[0])}⊗{_p(pr, self.args[1])}"

    def _latex(self, pr):
        return f"{pr.parenthesize(self.args[0], 1000)}\\,{pr.parenthesize(self.args[1], 1000)}^{{\\top}}"


class DT(_D):
    def _sympystr(self, pr):
        return f"{_p(pr, self.args[0])}ᵀ"

    def _latex(self, pr):
        return f"{pr.parenthesize(self.args[0], 1000)}^{{\\top}}"


class DSum(_D):
    def _sympystr(self, pr):
        return f"Σ({pr._print(self.args[0])})"

    def _latex(self, pr):
        return r"\sum\left(%s\right)" % pr._print(self.args[0])


class DIndex(_D):
    def _sympystr(self, pr):
        return f"{_p(pr, self.args[0])}[{','.join(str(i) for i in self.args[1:])}]"

    def _latex(self, pr):
        return f"{pr.parenthesize(self.args[0], 1000)}_{{{','.join(str(i) for i in self.args[1:])}}}"


class DStack(_D):
    def _sympystr(self, pr):
        return "[" + ", ".join(pr._print(a) for a in self.args) + "]"

    def _latex(self, pr):
        return r"\begin{pmatrix} %s \end{pmatrix}" % r" \\ ".join(pr._print(a) for a in self.args)


class DNamed(_D):
    """op(args) printed as a named function (softmax, log_softmax, logsumexp, scatter)."""

    def _sympystr(self, pr):
        return f"{self.args[0].name}(" + ", ".join(pr._print(a) for a in self.args[1:]) + ")"

    def _latex(self, pr):
        names = {"softmax": r"\operatorname{softmax}", "log_softmax": r"\log\operatorname{softmax}",
                 "logsumexp": r"\operatorname{LSE}", "scatter": r"\operatorname{assemble}"}
        n = self.args[0].name
        return names.get(n, n) + r"\left(" + ", ".join(pr._print(a) for a in self.args[1:]) + r"\right)"


# ---- names -------------------------------------------------------------------------------------

_BASE_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9,]+\])?$")


def base_latex(name: str) -> str:
    """LaTeX for a plain or element name: yhat → \\hat{y}, W1[0,1] → W_{1}[0,1]."""
    m = _BASE_RE.match(name)
    if not m:
        return r"\mathtt{%s}" % name.replace("#", r"\#").replace("_", r"\_")
    s = sp.latex(sp.Symbol(m.group(1)))
    if m.group(2):
        s = f"{{{s}}}_{{{m.group(2)[1:-1]}}}"
    return s


class Names:
    """Display forms for one objective J."""

    def __init__(self, objective: str):
        self.J = objective

    def text(self, n: str) -> str:
        if n.startswith("d[") and n.endswith("]"):
            return f"∂{self.J}/∂{self.text(n[2:-1])}"
        if n.startswith("t[") and n.endswith("]"):
            return f"∂ᵤ({self.text(n[2:-1])})"
        if n.startswith("u[") and n.endswith("]"):
            return f"u_{n[2:-1]}"
        if n.startswith("v[") and n.endswith("]"):
            return f"v_{n[2:-1]}"
        return n

    def latex(self, n: str) -> str:
        if n.startswith("d[") and n.endswith("]"):
            return r"\frac{\partial %s}{\partial %s}" % (base_latex(self.J), self.latex(n[2:-1]))
        if n.startswith("t[") and n.endswith("]"):
            return r"\partial_{u}\!\left(%s\right)" % self.latex(n[2:-1])
        if n.startswith("u[") and n.endswith("]"):
            return r"u_{%s}" % base_latex(n[2:-1])
        if n.startswith("v[") and n.endswith("]"):
            return r"v_{%s}" % base_latex(n[2:-1])
        return base_latex(n)


# ---- expressions ----------------------------------------------------------------------------------

def op_expr(a: Assignment) -> sp.Expr:
    """The assignment's right-hand side as a SymPy expression (structural ops as display nodes)."""
    S = [sp.Symbol(x, real=True) for x in a.args]
    if a.op == "ew":
        return a.expr
    if a.op == "matmul":
        return DMatMul(S[0], S[1], sp.Integer(int(a.attrs.get("ta", 0))), sp.Integer(int(a.attrs.get("tb", 0))))
    if a.op == "outer":
        return DOuter(*S)
    if a.op == "transpose":
        return DT(S[0])
    if a.op == "index":
        return DIndex(S[0], *[sp.Integer(i) for i in a.attrs["idx"]])
    if a.op == "stack":
        return DStack(*S)
    if a.op == "sum":
        return DSum(S[0])
    if a.op == "scatter":
        parts = [DIndex(sp.Symbol("E"), *map(sp.Integer, pos)) * s for pos, s in zip(a.attrs["positions"], S)]
        return DNamed(sp.Symbol("scatter"), *parts)
    return DNamed(sp.Symbol(a.op), *S)


def inlined(a: Assignment, by_name: dict[str, Assignment], depth: int = 0) -> sp.Expr:
    """op_expr with hidden temporaries ('#' names) substituted by their own expressions."""
    e = op_expr(a)
    if depth > 50:
        return e
    rep = {}
    for x in a.args:
        if "#" in x and x in by_name:
            rep[sp.Symbol(x, real=True)] = inlined(by_name[x], by_name, depth + 1)
    e = e.xreplace(rep) if rep else e
    return e.replace(lambda t: isinstance(t, sp.exp) and isinstance(t.args[0], DNamed)
                     and t.args[0].args[0].name == "log_softmax",
                     lambda t: DNamed(sp.Symbol("softmax"), *t.args[0].args[1:]))


class _Text(StrPrinter):
    def __init__(self, names: Names):
        super().__init__({"order": "none"})
        self.names = names

    def _print_Symbol(self, s):
        t = self.names.text(s.name)
        return f"({t})" if "/" in t else t

    def _print_Pow(self, expr, rational=False):
        if expr.exp == 2 and (expr.base.is_Symbol):
            return self._print(expr.base) + "²"
        return super()._print_Pow(expr, rational)


class _Latex(LatexPrinter):
    def __init__(self, names: Names):
        super().__init__({"mul_symbol": None})
        self.names = names

    def _print_Symbol(self, s, style="plain"):
        return self.names.latex(s.name)


def to_text(expr: sp.Expr, names: Names) -> str:
    return _Text(names).doprint(expr)


def to_latex(expr: sp.Expr, names: Names) -> str:
    return _Latex(names).doprint(expr)
